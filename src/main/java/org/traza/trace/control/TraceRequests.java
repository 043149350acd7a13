package org.traza.trace.control;

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
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.platform.control.UploadedImages;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.trace.entity.TracePhoto;
import org.traza.trace.entity.TraceRequest;

/** Files trace requests after their check, moves them through their lifecycle, lists them. */
@ApplicationScoped
public class TraceRequests {

  @PersistenceContext EntityManager em;
  @Inject TraceRequestCheck check;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;
  @Inject UploadedImages images;

  @Inject
  @ConfigProperty(name = "trace.deadline.urgent", defaultValue = "PT48H")
  Duration urgentWithin;

  @Inject
  @ConfigProperty(name = "trace.deadline.routine", defaultValue = "P14D")
  Duration routineWithin;

  /** Files a request whose check finds no error (400 listing them otherwise). */
  @Transactional
  public TraceRequest file(TraceRequest.Content c, String actor) {
    return file(c, actor, null, null);
  }

  /**
   * Files a request {@code country} sent under {@code theirReference} (imported from its system):
   * the same check, a deadline from its urgency, and the sender kept with it.
   */
  @Transactional
  public TraceRequest file(
      TraceRequest.Content c, String actor, String country, String theirReference) {
    TraceRequestCheck.Result r = check.check(c);
    if (!r.ok()) {
      throw new ProblemException(
          ProblemType.VALIDATION_FAILED,
          "The trace request is incomplete: " + r.errors().size() + " error(s).",
          r.errors().stream()
              .map(f -> new ProblemException.Violation(f.field(), f.message()))
              .toList());
    }
    Instant now = clock.instant();
    String pending = "pending-" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    Duration within = c.urgency() == TraceRequest.Urgency.URGENT ? urgentWithin : routineWithin;
    TraceRequest t =
        country == null
            ? new TraceRequest(pending, c, within, now, actor)
            : TraceRequest.imported(pending, c, within, now, actor, country, theirReference);
    em.persist(t);
    em.flush();
    t.numbered(String.format("TR-%d-%06d", now.atZone(ZoneOffset.UTC).getYear(), t.id()));
    actions.fire(
        ActionPerformed.of(
            country == null ? AuditAction.TRACE_REQUEST_FILED : AuditAction.TRACE_REQUEST_IMPORTED,
            c.caseReference(),
            t.reference()
                + " from "
                + c.requestingAuthority()
                + " ("
                + c.requestingCountry()
                + ")"
                + (country == null ? "" : ", sent by " + country + " as " + theirReference)));
    return t;
  }

  public TraceRequest get(long id) {
    TraceRequest t = em.find(TraceRequest.class, id);
    if (t == null) {
      throw ProblemException.notFound("trace request", id);
    }
    return t;
  }

  /** The request with this reference, if there is one. */
  public java.util.Optional<TraceRequest> byReference(String reference) {
    return em.createQuery("SELECT t FROM TraceRequest t WHERE t.reference = :r", TraceRequest.class)
        .setParameter("r", reference)
        .getResultStream()
        .findFirst();
  }

  /** The request {@code country} sent under {@code theirReference}, if it was imported. */
  public java.util.Optional<TraceRequest> imported(String country, String theirReference) {
    return em.createQuery(
            "SELECT t FROM TraceRequest t WHERE t.senderCountry = :c AND t.senderReference = :r",
            TraceRequest.class)
        .setParameter("c", country)
        .setParameter("r", theirReference)
        .getResultStream()
        .findFirst();
  }

  /**
   * Adds a photo of the recovered weapon, sent as {@code declaredType}, to an open request; the
   * photo passes {@link UploadedImages} first.
   */
  @Transactional
  public TracePhoto photo(long id, byte[] bytes, String declaredType, String actor) {
    TraceRequest t = get(id);
    if (t.status() == TraceRequest.Status.CLOSED) {
      throw new ProblemException(
              ProblemType.CONFLICT, "Trace request " + t.reference() + " is CLOSED: no photos.")
          .with("currentStatus", t.status().name());
    }
    String type = images.check(bytes, declaredType).format().mediaType();
    TracePhoto p = new TracePhoto(t.id(), type, bytes, clock.instant(), actor);
    em.persist(p);
    em.flush();
    actions.fire(
        ActionPerformed.of(
            AuditAction.TRACE_PHOTO_ADDED,
            t.content().caseReference(),
            t.reference() + " photo " + p.sha256()));
    return p;
  }

  /** A photo without its bytes. */
  public record PhotoInfo(
      long id, String mediaType, String sha256, long sizeBytes, Instant addedAt, String addedBy) {}

  /** The photos of a request, oldest first, without their bytes. */
  public List<PhotoInfo> photos(long id) {
    return em.createQuery(
            "SELECT p.id, p.mediaType, p.sha256, p.sizeBytes, p.addedAt, p.addedBy"
                + " FROM TracePhoto p WHERE p.requestId = :r ORDER BY p.id",
            Object[].class)
        .setParameter("r", id)
        .getResultStream()
        .map(
            r ->
                new PhotoInfo(
                    (Long) r[0],
                    (String) r[1],
                    (String) r[2],
                    (Long) r[3],
                    (Instant) r[4],
                    (String) r[5]))
        .toList();
  }

  /** One photo of request {@code id}. */
  public TracePhoto photo(long id, long photoId) {
    TracePhoto p = em.find(TracePhoto.class, photoId);
    if (p == null || p.requestId() != id) {
      throw ProblemException.notFound("photo", photoId);
    }
    return p;
  }

  /** Applies {@code change} to request {@code id} under a row lock, and records it. */
  @Transactional
  public TraceRequest change(
      long id, AuditAction action, java.util.function.BiConsumer<TraceRequest, Instant> change) {
    TraceRequest t = em.find(TraceRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (t == null) {
      throw ProblemException.notFound("trace request", id);
    }
    change.accept(t, clock.instant());
    actions.fire(
        ActionPerformed.of(
            action,
            t.content().caseReference(),
            t.reference() + " " + t.status() + (t.outcome() == null ? "" : " " + t.outcome())));
    return t;
  }

  /** Requests by status; with {@code overdue}, only those past their deadline and unanswered. */
  public List<TraceRequest> list(TraceRequest.Status status, boolean overdue) {
    String jpql =
        "SELECT t FROM TraceRequest t WHERE 1 = 1"
            + (status == null ? "" : " AND t.status = :s")
            + (overdue ? " AND t.status IN :open AND t.dueAt < :now" : "")
            + " ORDER BY t.dueAt, t.id";
    var q = em.createQuery(jpql, TraceRequest.class);
    if (status != null) {
      q.setParameter("s", status);
    }
    if (overdue) {
      q.setParameter(
          "open",
          List.of(
              TraceRequest.Status.RECEIVED,
              TraceRequest.Status.ACKNOWLEDGED,
              TraceRequest.Status.IN_PROGRESS));
      q.setParameter("now", clock.instant());
    }
    return q.setMaxResults(1000).getResultList();
  }

  public Instant now() {
    return clock.instant();
  }
}
