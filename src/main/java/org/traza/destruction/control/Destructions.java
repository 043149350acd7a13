package org.traza.destruction.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.custody.boundary.CustodyDirectory;
import org.traza.destruction.entity.DestructionAlert;
import org.traza.destruction.entity.DestructionCertificate;
import org.traza.destruction.entity.DestructionOrder;
import org.traza.destruction.entity.DestructionPhoto;
import org.traza.destruction.entity.DestructionScan;
import org.traza.marking.boundary.SymbolPrinter;
import org.traza.platform.control.IdempotentOutcomes;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.IdempotentRequest;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.registry.boundary.FirearmDirectory;

/** Orders, their approval and execution, certificates and their verification. */
@ApplicationScoped
public class Destructions {

  @PersistenceContext EntityManager em;
  @Inject FirearmDirectory firearms;
  @Inject org.traza.platform.control.UploadedImages images;
  @Inject CustodyDirectory custody;
  @Inject SymbolPrinter symbols;
  @Inject SigningKey key;
  @Inject Alerts alerts;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;
  @Inject IdempotentOutcomes outcomes;

  /** Methods that destroy a firearm beyond use (ISACS 05.50); others may be added. */
  @Inject
  @ConfigProperty(
      name = "destruction.methods",
      defaultValue = "CUTTING,CRUSHING,SHREDDING,SMELTING")
  List<String> methods;

  /** Methods refused whatever else is configured. */
  @Inject
  @ConfigProperty(
      name = "destruction.refused-methods",
      defaultValue = "BURNING,BURIAL,DUMPING_AT_SEA")
  List<String> refusedMethods;

  /** The address printed in certificates' QR codes, as third parties reach this server. */
  @Inject
  @ConfigProperty(name = "traza.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  /** An approved order whose planned date passed this many days ago is an anomaly. */
  @Inject
  @ConfigProperty(name = "destruction.pending-days", defaultValue = "30")
  int pendingDays;

  /** A method name, upper case, checked against the allowed and refused lists. */
  public String method(String field, String name) {
    String m =
        name == null
            ? ""
            : name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    if (refusedMethods.contains(m)) {
      throw ProblemException.invalid(
          field, m + " does not destroy a firearm verifiably and is refused (ISACS 05.50)");
    }
    if (!methods.contains(m)) {
      throw ProblemException.invalid(field, "use one of " + methods);
    }
    return m;
  }

  @Transactional
  public DestructionOrder create(DestructionOrder.Request r, String actor) {
    String planned = method("plannedMethod", r.plannedMethod());
    DestructionOrder order =
        new DestructionOrder(
            "pending-" + UUID.randomUUID().toString().replace("-", "").substring(0, 22),
            new DestructionOrder.Request(
                r.firearmIds(),
                r.reason(),
                r.legalAuthority(),
                r.legalReference(),
                planned,
                r.site(),
                r.plannedDate()),
            clock.instant(),
            actor);
    List<Long> ids = order.firearmIds();
    Map<Long, FirearmDirectory.Described> found =
        firearms.describe(ids).stream()
            .collect(Collectors.toMap(FirearmDirectory.Described::id, d -> d));
    List<String> wrong = new ArrayList<>();
    for (long id : ids) {
      FirearmDirectory.Described d = found.get(id);
      if (d == null) {
        wrong.add(id + " (no such firearm)");
      } else if (!"SURPLUS".equals(d.status())) {
        wrong.add(id + " (" + d.status() + ")");
      }
    }
    if (!wrong.isEmpty()) {
      throw new ProblemException(
              ProblemType.CONFLICT,
              "Only SURPLUS firearms go on a destruction order (declare them surplus first): "
                  + (wrong.size() > 20 ? wrong.subList(0, 20) + "…" : wrong))
          .with("refused", wrong.size() > 100 ? wrong.subList(0, 100) : wrong);
    }
    List<Long> onOther =
        em.createQuery(
                "SELECT DISTINCT i.firearmId FROM DestructionOrder o JOIN o.items i"
                    + " WHERE o.status IN :open AND i.firearmId IN :ids",
                Long.class)
            .setParameter(
                "open",
                List.of(DestructionOrder.Status.PENDING_APPROVAL, DestructionOrder.Status.APPROVED))
            .setParameter("ids", ids)
            .getResultList();
    if (!onOther.isEmpty()) {
      throw new ProblemException(
              ProblemType.CONFLICT, "Firearms already on an open destruction order: " + onOther)
          .with("firearms", onOther);
    }
    em.persist(order);
    em.flush();
    order.numbered(
        String.format(
            "DO-%d-%06d",
            LocalDate.ofInstant(order.createdAt(), ZoneOffset.UTC).getYear(), order.id()));
    actions.fire(
        ActionPerformed.of(
            AuditAction.DESTRUCTION_ORDER_CREATED,
            order.number(),
            ids.size() + " firearms, " + planned + " at " + order.site()));
    return order;
  }

  /**
   * The order, when every firearm on it is within the current request's armoury (403 otherwise): a
   * confined supervisor or armourer neither reads nor acts on another armoury's order.
   */
  public DestructionOrder order(long id) {
    DestructionOrder o = em.find(DestructionOrder.class, id);
    if (o == null) {
      throw ProblemException.notFound("destruction order", id);
    }
    return withinArmoury(o);
  }

  private DestructionOrder locked(long id) {
    DestructionOrder o = em.find(DestructionOrder.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (o == null) {
      throw ProblemException.notFound("destruction order", id);
    }
    return withinArmoury(o);
  }

  private DestructionOrder withinArmoury(DestructionOrder o) {
    firearms.requireWithinArmoury(o.firearmIds(), "This destruction order");
    return o;
  }

  /**
   * A second person approves: every firearm moves to DESTRUCTION_PENDING through a custody event,
   * all or none. The creator's attempt is refused and kept as an alert.
   */
  @Transactional
  public DestructionOrder approve(long id, String actor) {
    DestructionOrder o = locked(id);
    if (o.createdBy().equals(actor) && o.status() == DestructionOrder.Status.PENDING_APPROVAL) {
      alerts.raise(
          DestructionAlert.Kind.SELF_APPROVAL_ATTEMPTED,
          null,
          o.id(),
          actor + " tried to approve order " + o.number() + ", which they created",
          actor);
    }
    o.approve(clock.instant(), actor);
    for (long firearm : o.firearmIds()) {
      custody.record(
          firearm,
          "SCHEDULE_DESTRUCTION",
          o.reason(),
          o.number(),
          "destruction:" + o.id() + ":schedule:" + firearm,
          actor);
    }
    actions.fire(ActionPerformed.of(AuditAction.DESTRUCTION_ORDER_APPROVED, o.number(), null));
    return o;
  }

  /** Cancels an order; an approved one's firearms go back to SURPLUS. */
  @Transactional
  public DestructionOrder cancel(long id, String reason, String actor) {
    DestructionOrder o = locked(id);
    DestructionOrder.Status before = o.cancel(reason, clock.instant(), actor);
    if (before == DestructionOrder.Status.APPROVED) {
      for (long firearm : o.firearmIds()) {
        custody.record(
            firearm,
            "CANCEL_DESTRUCTION",
            reason,
            o.number(),
            "destruction:" + o.id() + ":cancel:" + firearm,
            actor);
      }
    }
    actions.fire(ActionPerformed.of(AuditAction.DESTRUCTION_ORDER_CANCELLED, o.number(), reason));
    return o;
  }

  /**
   * A scan at the site; what does not fit the order is recorded and raised as an alert. With a key:
   * the scan recorded under it earlier is returned (409 when another request made it), and a
   * refusal kept under it is its outcome ({@link org.traza.platform.entity.OutcomeAlreadyKept}),
   * both checked under the order's lock.
   */
  @Transactional
  public Recorded scan(
      long id, String text, Long firearmId, String station, String actor, IdempotentRequest keyed) {
    DestructionOrder o = locked(id);
    String key = keyed == null ? null : keyed.key();
    if (keyed != null) {
      var earlier = scanByKey(keyed);
      if (earlier.isPresent()) {
        return new Recorded(earlier.get(), true);
      }
      outcomes.requireNone(DestructionScan.IDEMPOTENCY_SCOPE, key);
    }
    boolean destroyed =
        firearmId != null
            && firearms.holding(firearmId).map(h -> "DESTROYED".equals(h.status())).orElse(false);
    Instant now = clock.instant();
    DestructionOrder.ScanOutcome outcome = o.scan(firearmId, destroyed, now, actor);
    DestructionScan scan =
        new DestructionScan(o.id(), text, firearmId, outcome, station, now, actor)
            .keyed(key, keyed == null ? null : keyed.digest());
    em.persist(scan);
    em.flush();
    actions.fire(
        ActionPerformed.of(
            AuditAction.DESTRUCTION_ORDER_SCANNED,
            o.number(),
            (firearmId == null ? "unrecognised text" : "firearm " + firearmId)
                + " at the site: "
                + outcome
                + (station == null ? "" : ", station " + station)));
    if (outcome == DestructionOrder.ScanOutcome.ALREADY_DESTROYED) {
      alerts.raise(
          DestructionAlert.Kind.DESTROYED_FIREARM_SIGHTED,
          firearmId,
          o.id(),
          "firearm "
              + firearmId
              + " is on record as destroyed and was scanned at the site of "
              + o.number(),
          actor);
    } else if (outcome == DestructionOrder.ScanOutcome.NOT_ON_ORDER
        || outcome == DestructionOrder.ScanOutcome.UNKNOWN) {
      alerts.raise(
          DestructionAlert.Kind.SITE_SCAN_MISMATCH,
          firearmId,
          o.id(),
          (firearmId == null
                  ? "a symbol naming no firearm ('" + text + "')"
                  : "firearm " + firearmId)
              + " was scanned at the site of "
              + o.number()
              + " and is not on it",
          actor);
    }
    return new Recorded(scan, false);
  }

  /**
   * In a transaction that keeps a refusal: takes the order's lock, as {@link #scan} does, then
   * looks for the scan under the key, which an acceptance may have committed meanwhile.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public java.util.Optional<DestructionScan> lockedByKey(long orderId, IdempotentRequest keyed) {
    outcomes.lock("destruction_order", orderId);
    return scanByKey(keyed);
  }

  /** The site scan recorded under the key; 409 when another request made it. */
  private java.util.Optional<DestructionScan> scanByKey(IdempotentRequest keyed) {
    var earlier =
        em.createQuery(
                "SELECT s FROM DestructionScan s WHERE s.idempotencyKey = :k",
                DestructionScan.class)
            .setParameter("k", keyed.key())
            .getResultStream()
            .findFirst();
    earlier.ifPresent(s -> keyed.requireSameAs(s.requestDigest(), () -> "another request"));
    return earlier;
  }

  /** A site scan, and whether it had been recorded before under the same idempotency key. */
  public record Recorded(DestructionScan scan, boolean replayed) {}

  public List<DestructionScan> scans(long orderId) {
    return em.createQuery(
            "SELECT s FROM DestructionScan s WHERE s.orderId = :o ORDER BY s.id",
            DestructionScan.class)
        .setParameter("o", orderId)
        .getResultList();
  }

  @Transactional
  public DestructionPhoto photo(
      long id, DestructionPhoto.Stage stage, String mediaType, byte[] bytes, String actor) {
    DestructionOrder o = locked(id);
    if (o.status() != DestructionOrder.Status.APPROVED) {
      throw new ProblemException(
              ProblemType.CONFLICT, "Order " + o.number() + " is " + o.status() + ": no photos.")
          .with("currentStatus", o.status().name());
    }
    String type = images.check(bytes, mediaType).format().mediaType();
    DestructionPhoto p =
        new DestructionPhoto(
            o.id(),
            stage,
            type,
            org.traza.platform.entity.Sha256.hex(bytes),
            bytes,
            clock.instant(),
            actor);
    em.persist(p);
    em.flush();
    actions.fire(
        ActionPerformed.of(
            AuditAction.DESTRUCTION_ORDER_PHOTOGRAPHED,
            o.number(),
            stage + " photo, " + mediaType + ", SHA-256 " + p.sha256()));
    return p;
  }

  /** The photos of an order, without their content. */
  public List<Object[]> photos(long orderId) {
    return em.createQuery(
            "SELECT p.id, p.stage, p.mediaType, p.sha256, p.sizeBytes, p.takenAt, p.uploadedBy"
                + " FROM DestructionPhoto p WHERE p.orderId = :o ORDER BY p.id",
            Object[].class)
        .setParameter("o", orderId)
        .getResultList();
  }

  /**
   * Completes an order: checks the method, witnesses, photos and that every firearm was scanned;
   * destroys every firearm through a custody event; issues the signed certificate. All or none.
   */
  @Transactional
  public DestructionCertificate complete(long id, DestructionOrder.Execution x, String actor) {
    DestructionOrder o = locked(id);
    String m = method("method", x.method());
    List<Object[]> photos = photos(o.id());
    boolean before = photos.stream().anyMatch(p -> p[1] == DestructionPhoto.Stage.BEFORE);
    boolean after = photos.stream().anyMatch(p -> p[1] == DestructionPhoto.Stage.AFTER);
    if (o.status() == DestructionOrder.Status.APPROVED && (!before || !after)) {
      throw ProblemException.invalid(
          "photos", "upload at least one photo BEFORE and one AFTER the destruction first");
    }
    Instant now = clock.instant();
    o.complete(
        new DestructionOrder.Execution(m, x.executedAt(), x.operator(), x.witnesses(), x.notes()),
        now,
        actor);
    for (long firearm : o.firearmIds()) {
      custody.record(
          firearm,
          "DESTROY",
          m + " at " + o.site(),
          o.number(),
          "destruction:" + o.id() + ":destroy:" + firearm,
          actor);
    }
    DestructionCertificate c = certify(o, photos, now, actor);
    em.persist(c);
    actions.fire(
        ActionPerformed.of(
            AuditAction.DESTRUCTION_ORDER_COMPLETED,
            o.number(),
            o.firearmIds().size() + " firearms destroyed; certificate " + c.number()));
    return c;
  }

  private DestructionCertificate certify(
      DestructionOrder o, List<Object[]> photos, Instant now, String actor) {
    String number =
        String.format("DC-%d-%06d", LocalDate.ofInstant(now, ZoneOffset.UTC).getYear(), o.id());
    List<FirearmDirectory.Described> described = firearms.describe(o.firearmIds());
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", "traza-destruction-certificate/1");
    manifest.put("certificate", number);
    manifest.put("issuedAt", now.toString());
    manifest.put("order", o.number());
    manifest.put("reason", o.reason());
    manifest.put("legalAuthority", o.legalAuthority());
    manifest.put("legalReference", o.legalReference());
    manifest.put("method", o.method());
    manifest.put("site", o.site());
    manifest.put("executedAt", o.executedAt().toString());
    manifest.put("operator", o.operator());
    manifest.put("createdBy", o.createdBy());
    manifest.put("approvedBy", o.approvedBy());
    manifest.put(
        "witnesses",
        o.witnesses().stream()
            .map(
                w ->
                    Map.of(
                        "name", w.name(),
                        "organisation", w.organisation(),
                        "role", w.role(),
                        "independent", w.independent()))
            .toList());
    manifest.put(
        "photos",
        photos.stream()
            .map(p -> Map.of("stage", p[1].toString(), "sha256", (String) p[3]))
            .toList());
    manifest.put(
        "firearms",
        described.stream()
            .map(
                d ->
                    Map.of(
                        "id", d.id(),
                        "type", d.type(),
                        "make", d.make(),
                        "model", d.model(),
                        "calibre", d.calibre(),
                        "serial", d.serial()))
            .toList());
    Map<String, Long> totals =
        described.stream()
            .collect(
                Collectors.groupingBy(
                    FirearmDirectory.Described::type, TreeMap::new, Collectors.counting()));
    manifest.put("totalsByType", totals);
    String canonical = Manifest.canonical(manifest);
    String hash = org.traza.platform.entity.Sha256.hex(canonical);
    String signature = key.sign(canonical.getBytes(StandardCharsets.UTF_8));
    String url = publicUrl + "/api/destruction-certificates/" + number + "/verify?sha256=" + hash;
    byte[] qr = symbols.print(url, "QR", "png", 4).bytes();
    List<String[]> fields = new ArrayList<>();
    fields.add(new String[] {"Order", o.number()});
    fields.add(new String[] {"Reason", o.reason()});
    fields.add(new String[] {"Legal authority", o.legalAuthority()});
    fields.add(new String[] {"Legal reference", o.legalReference()});
    fields.add(new String[] {"Method", o.method()});
    fields.add(new String[] {"Site", o.site()});
    fields.add(new String[] {"Executed at (UTC)", o.executedAt().toString()});
    fields.add(new String[] {"Operator", o.operator()});
    fields.add(new String[] {"Ordered by / approved by", o.createdBy() + " / " + o.approvedBy()});
    fields.add(new String[] {"Issued at (UTC)", now.toString()});
    byte[] pdf;
    try {
      pdf =
          CertificatePdf.render(
              new CertificatePdf.Content(
                  number,
                  fields,
                  o.witnesses().stream()
                      .map(
                          w ->
                              new String[] {
                                w.name(),
                                w.organisation(),
                                w.role() + (w.independent() ? " (independent observer)" : "")
                              })
                      .toList(),
                  described.stream()
                      .map(
                          d ->
                              new CertificatePdf.Row(
                                  d.id(), d.type(), d.make(), d.model(), d.calibre(), d.serial()))
                      .toList(),
                  totals,
                  qr,
                  url,
                  hash,
                  key.keyId(),
                  canonical,
                  signature));
    } catch (IOException e) {
      throw new IllegalStateException("cannot render certificate " + number, e);
    }
    return new DestructionCertificate(
        number,
        o.id(),
        now,
        actor,
        canonical,
        hash,
        signature,
        key.keyId(),
        pdf,
        org.traza.platform.entity.Sha256.hex(pdf));
  }

  public DestructionCertificate certificate(String number) {
    return em.createQuery(
            "SELECT c FROM DestructionCertificate c WHERE c.number = :n",
            DestructionCertificate.class)
        .setParameter("n", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("destruction certificate", number));
  }

  public java.util.Optional<DestructionCertificate> certificateOf(long orderId) {
    return em.createQuery(
            "SELECT c FROM DestructionCertificate c WHERE c.orderId = :o",
            DestructionCertificate.class)
        .setParameter("o", orderId)
        .getResultStream()
        .findFirst();
  }

  /** Orders by status, site (part of), method and planned date in [{@code from}, {@code to}]. */
  public List<DestructionOrder> orders(
      DestructionOrder.Status status, String site, String method, LocalDate from, LocalDate to) {
    StringBuilder jpql = new StringBuilder("SELECT o FROM DestructionOrder o WHERE 1 = 1");
    Map<String, Object> p = new LinkedHashMap<>();
    if (status != null) {
      jpql.append(" AND o.status = :status");
      p.put("status", status);
    }
    if (site != null && !site.isBlank()) {
      jpql.append(" AND LOWER(o.site) LIKE :site");
      p.put("site", "%" + site.trim().toLowerCase(Locale.ROOT) + "%");
    }
    if (method != null && !method.isBlank()) {
      jpql.append(" AND (o.method = :method OR (o.method IS NULL AND o.plannedMethod = :method))");
      p.put("method", method.trim().toUpperCase(Locale.ROOT));
    }
    if (from != null) {
      jpql.append(" AND o.plannedDate >= :from");
      p.put("from", from);
    }
    if (to != null) {
      jpql.append(" AND o.plannedDate <= :to");
      p.put("to", to);
    }
    jpql.append(" ORDER BY o.id DESC");
    var q = em.createQuery(jpql.toString(), DestructionOrder.class);
    p.forEach(q::setParameter);
    return q.setMaxResults(1000).getResultList().stream()
        .filter(o -> firearms.withinArmoury(o.firearmIds()))
        .toList();
  }

  public List<DestructionCertificate> certificates(Instant from, Instant to) {
    String jpql =
        "SELECT c FROM DestructionCertificate c WHERE 1 = 1"
            + (from == null ? "" : " AND c.issuedAt >= :from")
            + (to == null ? "" : " AND c.issuedAt < :to")
            + " ORDER BY c.id DESC";
    var q = em.createQuery(jpql, DestructionCertificate.class);
    if (from != null) {
      q.setParameter("from", from);
    }
    if (to != null) {
      q.setParameter("to", to);
    }
    return q.setMaxResults(1000).getResultList();
  }

  /** Approved orders whose planned date is more than {@code destruction.pending-days} ago. */
  public List<DestructionOrder> pendingTooLong() {
    LocalDate limit = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(pendingDays);
    return em
        .createQuery(
            "SELECT o FROM DestructionOrder o WHERE o.status = :s AND o.plannedDate < :limit"
                + " ORDER BY o.plannedDate",
            DestructionOrder.class)
        .setParameter("s", DestructionOrder.Status.APPROVED)
        .setParameter("limit", limit)
        .getResultList()
        .stream()
        .filter(o -> firearms.withinArmoury(o.firearmIds()))
        .toList();
  }

  /** Firearms destroyed per year, type and method, from completed orders. */
  public Map<Integer, Map<String, Map<String, Long>>> summary(Integer fromYear, Integer toYear) {
    Map<Integer, Map<String, Map<String, Long>>> out = new TreeMap<>();
    for (DestructionOrder o : orders(DestructionOrder.Status.COMPLETED, null, null, null, null)) {
      int year = o.executedAt().atZone(ZoneOffset.UTC).getYear();
      if ((fromYear != null && year < fromYear) || (toYear != null && year > toYear)) {
        continue;
      }
      for (FirearmDirectory.Described d : firearms.describe(o.firearmIds())) {
        out.computeIfAbsent(year, y -> new TreeMap<>())
            .computeIfAbsent(d.type(), t -> new TreeMap<>())
            .merge(o.method(), 1L, Long::sum);
      }
    }
    return out;
  }
}
