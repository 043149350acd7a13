package org.traza.stockpile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.traza.custody.boundary.CustodyDirectory;
import org.traza.custody.entity.TransferMisdelivered;
import org.traza.platform.control.Confinement;
import org.traza.platform.control.IdempotentOutcomes;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.IdempotentRequest;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.stockpile.entity.CountScan;
import org.traza.stockpile.entity.Discrepancy;
import org.traza.stockpile.entity.StockCount;

/** Opens counts, takes their scans, reconciles them with the registry, and resolves the cases. */
@ApplicationScoped
public class StockCounts {

  /** Statuses in which a firearm is physically expected at its recorded location. */
  static final Set<String> ON_SHELF = Set.of("IN_STOCK", "EVIDENCE", "SURPLUS", "RECOVERED");

  /** The most firearms one count reconciles (a location and every place under it). */
  static final int MAX_EXPECTED = 200_000;

  @PersistenceContext EntityManager em;
  @Inject Confinement confinement;
  @Inject FirearmDirectory firearms;
  @Inject CustodyDirectory custody;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;
  @Inject IdempotentOutcomes outcomes;

  @Transactional
  public StockCount open(long locationId, String counter) {
    if (custody.place(locationId).isEmpty()) {
      throw ProblemException.invalid("locationId", "no location " + locationId);
    }
    confinement.require(locationId, "The location to count");
    StockCount count = new StockCount(locationId, clock.instant(), counter);
    em.persist(count);
    em.flush();
    actions.fire(
        ActionPerformed.of(AuditAction.STOCK_COUNT_OPENED, count.id(), "location " + locationId));
    return count;
  }

  public StockCount get(long id) {
    StockCount count = em.find(StockCount.class, id);
    if (count == null) {
      throw ProblemException.notFound("stock count", id);
    }
    return withinArmoury(count);
  }

  /** A count is seen and changed only within the armoury of the place it counts. */
  private StockCount withinArmoury(StockCount count) {
    confinement.require(count.locationId(), "This stock count");
    return count;
  }

  /**
   * Records a scan; {@code firearmId} is null when the text designates no firearm. With a key: the
   * scan recorded under it earlier is returned (409 when it was made by another request), and a
   * refusal kept under it is its outcome ({@link org.traza.platform.entity.OutcomeAlreadyKept}),
   * both checked under the count's lock.
   */
  @Transactional
  public Recorded scan(
      long countId,
      String text,
      Long firearmId,
      String station,
      String actor,
      IdempotentRequest keyed) {
    StockCount count = em.find(StockCount.class, countId, LockModeType.PESSIMISTIC_WRITE);
    if (count == null) {
      throw ProblemException.notFound("stock count", countId);
    }
    withinArmoury(count);
    if (keyed != null) {
      Optional<CountScan> earlier = byKey(keyed);
      if (earlier.isPresent()) {
        return new Recorded(earlier.get(), true);
      }
      outcomes.requireNone(CountScan.IDEMPOTENCY_SCOPE, keyed.key());
    }
    count.requireOpen();
    CountScan scan =
        new CountScan(countId, text, firearmId, station, clock.instant(), actor)
            .keyed(keyed == null ? null : keyed.key(), keyed == null ? null : keyed.digest());
    em.persist(scan);
    em.flush();
    // who counted what is the count's evidence (ISACS 05.20): each scan is on record
    actions.fire(
        ActionPerformed.of(
            AuditAction.STOCK_COUNT_SCANNED,
            countId,
            (firearmId == null ? "unrecognised text" : "firearm " + firearmId)
                + (station == null ? "" : " at station " + station)
                + ", scan "
                + scan.id()));
    return new Recorded(scan, false);
  }

  /**
   * In a transaction that keeps a refusal: takes the count's lock, as {@link #scan} does, then
   * looks for the scan under the key, which an acceptance may have committed meanwhile.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<CountScan> lockedByKey(long countId, IdempotentRequest keyed) {
    outcomes.lock("stock_count", countId);
    return byKey(keyed);
  }

  /** The scan recorded under the key; 409 when another request made it. */
  private Optional<CountScan> byKey(IdempotentRequest keyed) {
    Optional<CountScan> earlier =
        em.createQuery("SELECT s FROM CountScan s WHERE s.idempotencyKey = :k", CountScan.class)
            .setParameter("k", keyed.key())
            .getResultStream()
            .findFirst();
    earlier.ifPresent(s -> keyed.requireSameAs(s.requestDigest(), () -> "another request"));
    return earlier;
  }

  /** A scan, and whether it had been recorded before under the same idempotency key. */
  public record Recorded(CountScan scan, boolean replayed) {}

  public List<CountScan> scans(long countId) {
    return em.createQuery(
            "SELECT s FROM CountScan s WHERE s.stockCountId = :c ORDER BY s.id", CountScan.class)
        .setParameter("c", countId)
        .getResultList();
  }

  /**
   * Closes the count and reconciles it: expected (on the shelf at the location) against found. Each
   * difference opens a case assigned to the counter.
   */
  @Transactional
  public List<Discrepancy> close(long countId, String actor) {
    StockCount count = em.find(StockCount.class, countId, LockModeType.PESSIMISTIC_WRITE);
    if (count == null) {
      throw ProblemException.notFound("stock count", countId);
    }
    withinArmoury(count);
    count.requireOpen();
    long location = count.locationId();
    Instant now = clock.instant();
    Map<Long, FirearmDirectory.Holding> expected = new HashMap<>();
    for (FirearmDirectory.Holding h :
        firearms.atLocations(custody.subtree(location), MAX_EXPECTED)) {
      if (ON_SHELF.contains(h.status())) {
        expected.put(h.firearm().id(), h);
      }
    }
    Set<Long> found = new LinkedHashSet<>();
    List<Discrepancy> cases = new ArrayList<>();
    for (CountScan s : scans(countId)) {
      if (s.firearmId() == null) {
        cases.add(
            new Discrepancy(
                countId,
                location,
                Discrepancy.Kind.UNKNOWN,
                null,
                s.scannedText(),
                "a scanned symbol designates no firearm",
                count.openedBy(),
                now));
      } else {
        found.add(s.firearmId());
      }
    }
    for (Long id : expected.keySet()) {
      if (!found.contains(id)) {
        cases.add(
            new Discrepancy(
                countId,
                location,
                Discrepancy.Kind.MISSING,
                id,
                null,
                "firearm "
                    + id
                    + " is recorded here as "
                    + expected.get(id).status()
                    + " and was not found",
                count.openedBy(),
                now));
      }
    }
    Long parent = custody.place(location).map(CustodyDirectory.Place::parentId).orElse(null);
    for (Long id : found) {
      if (expected.containsKey(id)) {
        continue;
      }
      FirearmDirectory.Holding where = firearms.holdingAnywhere(id).orElse(null);
      boolean sameArmoury =
          where != null
              && where.locationId() != null
              && ON_SHELF.contains(where.status())
              && parent != null
              && Objects.equals(
                  custody
                      .place(where.locationId())
                      .map(CustodyDirectory.Place::parentId)
                      .orElse(null),
                  parent);
      cases.add(
          new Discrepancy(
              countId,
              location,
              sameArmoury ? Discrepancy.Kind.MISPLACED : Discrepancy.Kind.UNEXPECTED,
              id,
              null,
              where == null
                  ? "firearm " + id + " is not on record"
                  : !confinement.allows(where.locationId())
                      // a confined count learns nothing of another armoury's weapon but that it is
                      // recorded elsewhere: its status and place are for a national user to see
                      ? "firearm " + id + " is recorded at another armoury"
                      : "firearm "
                          + id
                          + " is recorded as "
                          + where.status()
                          + " at location "
                          + where.locationId(),
              count.openedBy(),
              now));
    }
    cases.forEach(em::persist);
    count.close(expected.size(), found.size(), now, actor);
    em.flush();
    actions.fire(
        ActionPerformed.of(
            AuditAction.STOCK_COUNT_CLOSED,
            countId,
            "expected "
                + expected.size()
                + ", found "
                + found.size()
                + ", "
                + cases.size()
                + " discrepancies"));
    return cases;
  }

  /**
   * A firearm dispatched to one place arrived at another: a case at the receiving location, in the
   * receiving transaction, assigned to whoever received it.
   */
  @Transactional
  void misdelivered(@jakarta.enterprise.event.Observes TransferMisdelivered m) {
    String from = custody.place(m.dispatchedTo()).map(CustodyDirectory.Place::code).orElse("?");
    String to = custody.place(m.receivedAt()).map(CustodyDirectory.Place::code).orElse("?");
    Discrepancy d =
        new Discrepancy(
            null,
            m.receivedAt(),
            Discrepancy.Kind.MISDELIVERED,
            m.firearmId(),
            null,
            "firearm "
                + m.firearmId()
                + " was dispatched to "
                + from
                + " and received at "
                + to
                + " (custody event "
                + m.eventId()
                + ")",
            m.actor(),
            m.at());
    em.persist(d);
  }

  @Transactional
  public StockCount signOff(long countId, String supervisor) {
    StockCount count = get(countId);
    java.util.Set<String> counters =
        new java.util.HashSet<>(
            em.createQuery(
                    "SELECT DISTINCT s.scannedBy FROM CountScan s WHERE s.stockCountId = :c",
                    String.class)
                .setParameter("c", countId)
                .getResultList());
    count.signOff(clock.instant(), supervisor, counters);
    long open = discrepancies(countId, Discrepancy.Status.OPEN, null).size();
    actions.fire(
        ActionPerformed.of(
            AuditAction.STOCK_COUNT_SIGNED_OFF,
            countId,
            "opened by "
                + count.openedBy()
                + ", counted by "
                + new java.util.TreeSet<>(counters)
                + ", closed by "
                + count.closedBy()
                + "; "
                + open
                + " discrepancy case(s) still open"));
    return count;
  }

  /**
   * Cases of a count (or all), by status, within {@code scope} (the locations a confined request
   * may see; null: all).
   */
  public List<StockCount> list(StockCount.Status status, Set<Long> scope, int limit) {
    String jpql =
        "SELECT c FROM StockCount c WHERE 1 = 1"
            + (status == null ? "" : " AND c.status = :s")
            + (scope == null ? "" : " AND c.locationId IN :scope")
            + " ORDER BY c.id DESC";
    var q = em.createQuery(jpql, StockCount.class);
    if (scope != null) {
      q.setParameter("scope", scope.isEmpty() ? Set.of(-1L) : scope);
    }
    if (status != null) {
      q.setParameter("s", status);
    }
    return q.setMaxResults(limit).getResultList();
  }

  public List<Discrepancy> discrepancies(Long countId, Discrepancy.Status status, Set<Long> scope) {
    String jpql =
        "SELECT d FROM Discrepancy d WHERE 1 = 1"
            + (countId == null ? "" : " AND d.stockCountId = :c")
            + (status == null ? "" : " AND d.status = :s")
            + (scope == null ? "" : " AND d.locationId IN :scope")
            + " ORDER BY d.id";
    var q = em.createQuery(jpql, Discrepancy.class);
    if (scope != null) {
      q.setParameter("scope", scope.isEmpty() ? Set.of(-1L) : scope);
    }
    if (countId != null) {
      q.setParameter("c", countId);
    }
    if (status != null) {
      q.setParameter("s", status);
    }
    return q.setMaxResults(1000).getResultList();
  }

  public Discrepancy discrepancy(long id) {
    Discrepancy d = em.find(Discrepancy.class, id);
    if (d == null) {
      throw ProblemException.notFound("discrepancy", id);
    }
    confinement.require(d.locationId(), "This discrepancy case");
    return d;
  }

  /** Resolves a case; a loss or theft is also recorded as the firearm's custody event. */
  @Transactional
  public Discrepancy resolve(long id, Discrepancy.Resolution how, String note, String actor) {
    Discrepancy d = em.find(Discrepancy.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (d == null) {
      throw ProblemException.notFound("discrepancy", id);
    }
    confinement.require(d.locationId(), "This discrepancy case");
    d.resolve(how, note, clock.instant(), actor);
    if (how == Discrepancy.Resolution.REPORTED_LOST
        || how == Discrepancy.Resolution.REPORTED_STOLEN) {
      custody.reportMissing(
          d.firearmId(),
          how == Discrepancy.Resolution.REPORTED_STOLEN,
          "stock count "
              + d.stockCountId()
              + ", discrepancy "
              + id
              + (note == null ? "" : ": " + note),
          "discrepancy-" + id,
          actor);
    }
    actions.fire(ActionPerformed.of(AuditAction.DISCREPANCY_RESOLVED, id, how.name()));
    return d;
  }

  /** Locations with a count frequency whose last closed count is older than it (or missing). */
  public List<CustodyDirectory.Place> overdue() {
    Instant now = clock.instant();
    List<CustodyDirectory.Place> late = new ArrayList<>();
    for (CustodyDirectory.Place p : custody.places()) {
      if (p.countFrequencyDays() == null) {
        continue;
      }
      // ORDER BY + first row, not MAX(): EclipseLink does not pass an aggregate through the
      // converter
      List<Instant> last =
          em.createQuery(
                  "SELECT c.closedAt FROM StockCount c WHERE c.locationId = :l AND c.closedAt"
                      + " IS NOT NULL ORDER BY c.closedAt DESC",
                  Instant.class)
              .setParameter("l", p.id())
              .setMaxResults(1)
              .getResultList();
      Instant lastClosed = last.isEmpty() ? null : last.get(0);
      if (lastClosed == null
          || lastClosed.plus(Duration.ofDays(p.countFrequencyDays())).isBefore(now)) {
        late.add(p);
      }
    }
    return late;
  }
}
