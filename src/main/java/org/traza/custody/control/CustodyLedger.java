package org.traza.custody.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.custody.entity.CustodyEvent;
import org.traza.custody.entity.Holder;
import org.traza.custody.entity.Location;
import org.traza.custody.entity.TransferMisdelivered;
import org.traza.platform.control.IdempotentOutcomes;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.Bounds;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.entity.CustodyAction;
import org.traza.registry.entity.DestroyedFirearmSighted;
import org.traza.registry.entity.Firearm;
import org.traza.registry.entity.FirearmStatus;

/** Records custody actions as chained events, and checks the chains. */
@ApplicationScoped
public class CustodyLedger {

  @PersistenceContext EntityManager em;
  @Inject FirearmDirectory firearms;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;
  @Inject RequestContext request;
  @Inject Places places;
  @Inject Event<TransferMisdelivered> misdeliveries;
  @Inject Event<DestroyedFirearmSighted> sightings;
  @Inject IdempotentOutcomes outcomes;

  /**
   * How far a station's clock may be from the server's: a station offline for days still sends its
   * scans with the times they were made; further off is a broken clock or a forged time.
   */
  @Inject
  @ConfigProperty(name = "custody.device-time-window", defaultValue = "P30D")
  Duration deviceTimeWindow;

  /** A custody action as a station or a person asks for it. */
  public record Command(
      long firearmId,
      CustodyAction action,
      Long locationId,
      Long holderId,
      Instant expectedReturn,
      String station,
      Instant deviceTime,
      String reason,
      String documentRef,
      String idempotencyKey,
      String requestDigest) {}

  public Optional<CustodyEvent> byKey(String idempotencyKey) {
    return em
        .createQuery("SELECT e FROM CustodyEvent e WHERE e.idempotencyKey = :k", CustodyEvent.class)
        .setParameter("k", idempotencyKey)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * In a transaction that keeps a refusal: takes the lock {@link #record} takes (the firearm's row,
   * when the request named one), then looks for the event under the key, which an acceptance may
   * have committed meanwhile.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<CustodyEvent> lockedByKey(Long firearmId, String idempotencyKey) {
    if (firearmId != null) {
      outcomes.lock("firearm", firearmId);
    }
    return byKey(idempotencyKey);
  }

  /**
   * Applies and records {@code c} in one transaction: the firearm row is locked, the lifecycle
   * checked, the event chained and inserted, the audit entry written. Nothing of it stays if any
   * part fails. A key whose request was refused before is not acted on ({@link
   * org.traza.platform.entity.OutcomeAlreadyKept}): checked under the firearm's lock, so that it is
   * one or the other.
   */
  @Transactional
  public CustodyEvent record(Command c, String actor) {
    if (c.locationId() != null && em.find(Location.class, c.locationId()) == null) {
      throw ProblemException.invalid("locationId", "no location " + c.locationId());
    }
    if (c.holderId() != null && em.find(Holder.class, c.holderId()) == null) {
      throw ProblemException.invalid("holderId", "no holder " + c.holderId());
    }
    Bounds.near("deviceTime", c.deviceTime(), clock, deviceTimeWindow);
    if (request.scope().isPresent() && c.action() != CustodyAction.RECEIVE_TRANSFER) {
      // before the lifecycle check, whose answer would tell the state of another armoury's weapon
      firearms
          .holdingAnywhere(c.firearmId())
          .ifPresent(h -> request.requireInScope(h.locationId(), "The firearm"));
    }
    Instant now = clock.instant();
    CustodyEvent[] event = new CustodyEvent[1];
    try {
      apply(c, actor, now, event);
    } catch (ProblemException refused) {
      if (FirearmStatus.DESTROYED.name().equals(refused.extensions().get("currentStatus"))) {
        sightings.fire(
            new DestroyedFirearmSighted(
                c.firearmId(), "custody action " + c.action() + " refused", actor, now));
      }
      throw refused;
    }
    em.persist(event[0]);
    em.flush();
    CustodyEvent e = event[0];
    if (c.action() == CustodyAction.RECEIVE_TRANSFER
        && e.fromLocationId() != null
        && !places.subtree(e.fromLocationId()).contains(e.toLocationId())) {
      misdeliveries.fire(
          new TransferMisdelivered(
              e.firearmId(), e.id(), e.fromLocationId(), e.toLocationId(), actor, now));
    }
    actions.fire(
        ActionPerformed.of(
            AuditAction.CUSTODY_EVENT_RECORDED,
            c.firearmId(),
            c.action().name()
                + " event "
                + event[0].id()
                + " seq "
                + event[0].seq()
                + " "
                + event[0].fromStatus()
                + " -> "
                + event[0].toStatus()
                + " hash "
                + event[0].hash()));
    return event[0];
  }

  private void apply(Command c, String actor, Instant now, CustodyEvent[] event) {
    firearms.applyCustody(
        c.firearmId(),
        c.action(),
        c.locationId(),
        c.holderId(),
        c.expectedReturn(),
        now,
        actor,
        t -> {
          checkScope(t);
          // after the lock, before acting: the refusal kept for this key, if any, is its outcome
          outcomes.requireNone(CustodyEvent.IDEMPOTENCY_SCOPE, c.idempotencyKey());
          CustodyEvent.Content content = content(t, c, actor, now);
          String hash = content.hash();
          event[0] = new CustodyEvent(content, hash).requestedAs(c.requestDigest());
          return hash;
        });
  }

  /**
   * A request confined to an armoury acts only on firearms recorded in it and moves them only
   * within it; the exceptions are the two ends of a transfer: a dispatch names another armoury as
   * its destination, and whoever has a firearm in transit in hand receives it (a misdelivery then
   * opens a case instead of leaving the weapon unrecorded).
   */
  private void checkScope(Firearm.CustodyTransition t) {
    if (t.action() != CustodyAction.RECEIVE_TRANSFER) {
      request.requireInScope(t.fromLocationId(), "Firearm " + t.firearmId());
    }
    if (t.action() != CustodyAction.DISPATCH && t.toLocationId() != null) {
      request.requireInScope(t.toLocationId(), "Location " + t.toLocationId());
    }
  }

  private static CustodyEvent.Content content(
      Firearm.CustodyTransition t, Command c, String actor, Instant now) {
    return new CustodyEvent.Content(
        t.firearmId(),
        t.seq(),
        t.action().name(),
        t.from().name(),
        t.to().name(),
        t.fromLocationId(),
        t.toLocationId(),
        t.holderId(),
        c.station(),
        actor,
        now,
        c.deviceTime(),
        c.reason(),
        c.documentRef(),
        c.idempotencyKey(),
        t.prevHash());
  }

  public List<CustodyEvent> timeline(long firearmId) {
    return em.createQuery(
            "SELECT e FROM CustodyEvent e WHERE e.firearmId = :f ORDER BY e.seq",
            CustodyEvent.class)
        .setParameter("f", firearmId)
        .getResultList();
  }

  /** The outcome of recomputing every chain: intact, or the first broken link. */
  public record Verification(
      boolean intact,
      long firearms,
      long events,
      Long brokenFirearmId,
      Long brokenSeq,
      String problem) {}

  /** Recomputes the chain of firearm {@code firearmId} alone, against its head. */
  public Verification verifyFirearm(long firearmId) {
    Walk walk = new Walk();
    walk.heads(firearms.custodyHeads(firearmId - 1, firearmId), firearmId);
    for (CustodyEvent e : timeline(firearmId)) {
      Verification broken = walk.next(e);
      if (broken != null) {
        return broken;
      }
    }
    Verification broken = walk.finish();
    if (broken == null) {
      broken = walk.headsWithoutEvents(Long.MAX_VALUE);
    }
    return broken != null
        ? broken
        : new Verification(true, walk.firearms, walk.events, null, null, null);
  }

  /**
   * Events read per query by {@link #verify}: its memory use, whatever the number of events. The
   * integration tests set it to a few, so that chains cross page boundaries there.
   */
  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "custody.verify-page",
      defaultValue = "5000")
  int verifyPage;

  /**
   * Recomputes every firearm's chain: sequence numbers 1..n without gaps, each event's hash from
   * its content, each prev_hash the previous event's hash, and the last hash and count equal to the
   * firearm's chain head; a firearm whose head counts events that do not exist is named too. Reads
   * the events in (firearm, seq) order a page at a time, and the heads range by range beside them,
   * so that millions of events verify in bounded memory.
   */
  public Verification verify() {
    Walk walk = new Walk();
    long afterFirearm = 0;
    long afterSeq = 0;
    while (true) {
      List<CustodyEvent> page =
          em.createQuery(
                  "SELECT e FROM CustodyEvent e WHERE e.firearmId > :f"
                      + " OR (e.firearmId = :f AND e.seq > :s) ORDER BY e.firearmId, e.seq",
                  CustodyEvent.class)
              .setParameter("f", afterFirearm)
              .setParameter("s", afterSeq)
              .setMaxResults(Math.max(1, verifyPage))
              .getResultList();
      if (page.isEmpty()) {
        break;
      }
      CustodyEvent last = page.get(page.size() - 1);
      // every head up to the page's last firearm: those between firearms with events have none
      walk.heads(firearms.custodyHeads(walk.headsUpTo, last.firearmId()), last.firearmId());
      for (CustodyEvent e : page) {
        Verification broken = walk.next(e);
        if (broken != null) {
          return broken;
        }
      }
      afterFirearm = last.firearmId();
      afterSeq = last.seq();
    }
    Verification broken = walk.finish();
    if (broken != null) {
      return broken;
    }
    walk.heads(firearms.custodyHeads(walk.headsUpTo, Long.MAX_VALUE), Long.MAX_VALUE);
    broken = walk.headsWithoutEvents(Long.MAX_VALUE);
    if (broken != null) {
      return broken;
    }
    return new Verification(true, walk.firearms, walk.events, null, null, null);
  }

  /** The state of one pass of {@link #verify} over the events in (firearm, seq) order. */
  private static final class Walk {
    long firearms;
    long events;
    long headsUpTo;
    private final java.util.TreeMap<Long, FirearmDirectory.CustodyHead> heads =
        new java.util.TreeMap<>();
    private Long firearm;
    private String prev;
    private long expectedSeq;

    void heads(List<FirearmDirectory.CustodyHead> more, long upTo) {
      more.forEach(h -> heads.put(h.firearmId(), h));
      headsUpTo = Math.max(headsUpTo, upTo);
    }

    Verification next(CustodyEvent e) {
      if (firearm == null || e.firearmId() != firearm) {
        Verification broken = finish();
        if (broken != null) {
          return broken;
        }
        broken = headsWithoutEvents(e.firearmId());
        if (broken != null) {
          return broken;
        }
        firearm = e.firearmId();
        firearms++;
        prev = Firearm.GENESIS;
        expectedSeq = 1;
      }
      events++;
      if (e.seq() != expectedSeq) {
        return broken(
            firearm,
            expectedSeq,
            firearms,
            events,
            "event " + expectedSeq + " is missing (found " + e.seq() + " next)");
      }
      if (!e.prevHash().equals(prev)) {
        return broken(
            firearm,
            e.seq(),
            firearms,
            events,
            "event " + e.seq() + " does not link to the event before it");
      }
      if (!e.content().hash().equals(e.hash())) {
        return broken(
            firearm,
            e.seq(),
            firearms,
            events,
            "event " + e.seq() + " (id " + e.id() + ") was altered: its hash does not match");
      }
      prev = e.hash();
      expectedSeq++;
      return null;
    }

    /** Checks the chain just walked against its firearm's head. */
    Verification finish() {
      if (firearm == null) {
        return null;
      }
      FirearmDirectory.CustodyHead head = heads.remove(firearm);
      long last = expectedSeq - 1;
      if (head == null || head.seq() != last || !prev.equals(head.hash())) {
        return broken(
            firearm,
            last,
            firearms,
            events,
            "the firearm's chain head ("
                + (head == null ? "none" : "seq " + head.seq())
                + ") does not match its last event (seq "
                + last
                + "): events were removed or added");
      }
      return null;
    }

    /** A head below {@code firearmId} not taken by a chain: its firearm has no events left. */
    Verification headsWithoutEvents(long firearmId) {
      var below = heads.headMap(firearmId, false);
      if (below.isEmpty()) {
        return null;
      }
      FirearmDirectory.CustodyHead head = below.firstEntry().getValue();
      return broken(
          head.firearmId(),
          1L,
          firearms,
          events,
          "the firearm records " + head.seq() + " events but none exist");
    }
  }

  private static Verification broken(
      long firearmId, long seq, long firearms, long events, String problem) {
    return new Verification(false, firearms, events, firearmId, seq, problem);
  }
}
