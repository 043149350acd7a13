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
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.trace.entity.TraceRequest;

/** Files trace requests after their check, moves them through their lifecycle, lists them. */
@ApplicationScoped
public class TraceRequests {

  @PersistenceContext EntityManager em;
  @Inject TraceRequestCheck check;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "trace.deadline.urgent", defaultValue = "PT48H")
  Duration urgentWithin;

  @Inject
  @ConfigProperty(name = "trace.deadline.routine", defaultValue = "P14D")
  Duration routineWithin;

  /** Files a request whose check finds no error (400 listing them otherwise). */
  @Transactional
  public TraceRequest file(TraceRequest.Content c, String actor) {
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
    TraceRequest t =
        new TraceRequest(
            "pending-" + UUID.randomUUID().toString().replace("-", "").substring(0, 22),
            c,
            c.urgency() == TraceRequest.Urgency.URGENT ? urgentWithin : routineWithin,
            now,
            actor);
    em.persist(t);
    em.flush();
    t.numbered(String.format("TR-%d-%06d", now.atZone(ZoneOffset.UTC).getYear(), t.id()));
    actions.fire(
        ActionPerformed.success(
            "TRACE_REQUEST_RECEIVED",
            "CASE",
            c.caseReference(),
            t.reference()
                + " from "
                + c.requestingAuthority()
                + " ("
                + c.requestingCountry()
                + ")"));
    return t;
  }

  public TraceRequest get(long id) {
    TraceRequest t = em.find(TraceRequest.class, id);
    if (t == null) {
      throw ProblemException.notFound("trace request", id);
    }
    return t;
  }

  /** Applies {@code change} to request {@code id} under a row lock, and records it. */
  @Transactional
  public TraceRequest change(
      long id, String action, java.util.function.BiConsumer<TraceRequest, Instant> change) {
    TraceRequest t = em.find(TraceRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (t == null) {
      throw ProblemException.notFound("trace request", id);
    }
    change.accept(t, clock.instant());
    actions.fire(
        ActionPerformed.success(
            action,
            "CASE",
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
