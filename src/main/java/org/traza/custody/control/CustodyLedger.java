package org.traza.custody.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.traza.custody.entity.CustodyEvent;
import org.traza.custody.entity.Holder;
import org.traza.custody.entity.Location;
import org.traza.custody.entity.TransferMisdelivered;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.entity.CustodyAction;
import org.traza.registry.entity.Firearm;

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
      String idempotencyKey) {}

  public Optional<CustodyEvent> byKey(String idempotencyKey) {
    return em
        .createQuery("SELECT e FROM CustodyEvent e WHERE e.idempotencyKey = :k", CustodyEvent.class)
        .setParameter("k", idempotencyKey)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * Applies and records {@code c} in one transaction: the firearm row is locked, the lifecycle
   * checked, the event chained and inserted, the audit entry written. Nothing of it stays if any
   * part fails.
   */
  @Transactional
  public CustodyEvent record(Command c, String actor) {
    if (c.locationId() != null && em.find(Location.class, c.locationId()) == null) {
      throw ProblemException.invalid("locationId", "no location " + c.locationId());
    }
    if (c.holderId() != null && em.find(Holder.class, c.holderId()) == null) {
      throw ProblemException.invalid("holderId", "no holder " + c.holderId());
    }
    Instant now = clock.instant();
    CustodyEvent[] event = new CustodyEvent[1];
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
          CustodyEvent.Content content = content(t, c, actor, now);
          String hash = content.hash();
          event[0] = new CustodyEvent(content, hash);
          return hash;
        });
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
        ActionPerformed.success(
            "custody." + c.action().name().toLowerCase(java.util.Locale.ROOT),
            "firearm",
            c.firearmId(),
            "event "
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

  /**
   * Recomputes every firearm's chain: sequence numbers 1..n without gaps, each event's hash from
   * its content, each prev_hash the previous event's hash, and the last hash and count equal to the
   * firearm's chain head. Events of a firearm without a head are reported too.
   */
  public Verification verify() {
    Map<Long, FirearmDirectory.CustodyHead> heads = new HashMap<>();
    for (FirearmDirectory.CustodyHead h : firearms.custodyHeads()) {
      heads.put(h.firearmId(), h);
    }
    List<CustodyEvent> all =
        em.createQuery(
                "SELECT e FROM CustodyEvent e ORDER BY e.firearmId, e.seq", CustodyEvent.class)
            .getResultList();
    long events = 0;
    List<Long> seen = new ArrayList<>();
    int i = 0;
    while (i < all.size()) {
      long firearmId = all.get(i).firearmId();
      seen.add(firearmId);
      String prev = Firearm.GENESIS;
      long expectedSeq = 1;
      for (; i < all.size() && all.get(i).firearmId() == firearmId; i++, expectedSeq++) {
        CustodyEvent e = all.get(i);
        events++;
        if (e.seq() != expectedSeq) {
          return broken(
              firearmId,
              expectedSeq,
              seen.size(),
              events,
              "event " + expectedSeq + " is missing (found " + e.seq() + " next)");
        }
        if (!e.prevHash().equals(prev)) {
          return broken(
              firearmId,
              e.seq(),
              seen.size(),
              events,
              "event " + e.seq() + " does not link to the event before it");
        }
        if (!e.content().hash().equals(e.hash())) {
          return broken(
              firearmId,
              e.seq(),
              seen.size(),
              events,
              "event " + e.seq() + " (id " + e.id() + ") was altered: its hash does not match");
        }
        prev = e.hash();
      }
      FirearmDirectory.CustodyHead head = heads.get(firearmId);
      long last = expectedSeq - 1;
      if (head == null || head.seq() != last || !prev.equals(head.hash())) {
        return broken(
            firearmId,
            last,
            seen.size(),
            events,
            "the firearm's chain head ("
                + (head == null ? "none" : "seq " + head.seq())
                + ") does not match its last event (seq "
                + last
                + "): events were removed or added");
      }
    }
    for (FirearmDirectory.CustodyHead head : heads.values()) {
      if (!seen.contains(head.firearmId())) {
        return broken(
            head.firearmId(),
            1L,
            seen.size(),
            events,
            "the firearm records " + head.seq() + " events but none exist");
      }
    }
    return new Verification(true, seen.size(), events, null, null, null);
  }

  private static Verification broken(
      long firearmId, long seq, long firearms, long events, String problem) {
    return new Verification(false, firearms, events, firearmId, seq, problem);
  }
}
