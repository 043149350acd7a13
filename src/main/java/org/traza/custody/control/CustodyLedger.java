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
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.custody.entity.CustodyEvent;
import org.traza.custody.entity.Holder;
import org.traza.custody.entity.LedgerRoot;
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
        recordedAt -> {
          // before the lifecycle check, whose answer would tell the state of another armoury's
          // weapon; a transfer in transit is received by whoever has it (checkScope)
          if (c.action() != CustodyAction.RECEIVE_TRANSFER) {
            request.requireInScope(recordedAt, "The firearm");
          }
        },
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
      request.requireInScope(t.fromLocationId(), "The firearm");
    }
    if (t.action() != CustodyAction.DISPATCH && t.toLocationId() != null) {
      request.requireInScope(t.toLocationId(), "The target location");
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

  /** How many breaks a verification lists; it counts them all. */
  public static final int REPORTED_BREAKS = 100;

  /** One broken link: the firearm, the event's sequence number, and what is wrong. */
  public record Break(long firearmId, long seq, String problem) {}

  /**
   * The outcome of recomputing every chain and comparing every event with the hash its audit entry
   * recorded: intact, or every break ({@code breaks}, the first {@value #REPORTED_BREAKS} by
   * firearm and sequence; {@code breaksFound} counts them all). The first break is also given
   * alone, as before the list existed. {@code auditRecordsChecked} counts the audit entries
   * compared.
   */
  public record Verification(
      boolean intact,
      long firearms,
      long events,
      Long brokenFirearmId,
      Long brokenSeq,
      String problem,
      long breaksFound,
      List<Break> breaks,
      long auditRecordsChecked) {}

  @Inject AuditCrossCheck audited;

  /**
   * Recomputes the chain of firearm {@code firearmId} alone, against its head and the audit log.
   */
  @Transactional
  public Verification verifyFirearm(long firearmId) {
    Breaks breaks = new Breaks();
    Walk walk = new Walk(breaks);
    walk.heads(firearms.custodyHeads(firearmId - 1, firearmId), firearmId);
    for (CustodyEvent e : timeline(firearmId)) {
      walk.next(e);
    }
    walk.finish();
    walk.headsWithoutEvents(Long.MAX_VALUE);
    long records = audited.compare(firearmId - 1, firearmId, null, breaks).records();
    return breaks.verification(walk.firearms, walk.events, records);
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
   * so that millions of events verify in bounded memory. Then compares every event with the audit
   * log, which records each event's hash in the transaction that made it: an event the log records
   * but that is gone (a cut tail with its head rewound), one that differs from what the log
   * recorded, and one the log never recorded are all named. A break never ends the walk, so that
   * one broken chain cannot hide another. Reads in one transaction: one snapshot on MariaDB.
   */
  @Transactional
  public Verification verify() {
    Breaks breaks = new Breaks();
    Walk walk = new Walk(breaks);
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
      page.forEach(walk::next);
      afterFirearm = last.firearmId();
      afterSeq = last.seq();
      em.clear();
    }
    walk.finish();
    walk.heads(firearms.custodyHeads(walk.headsUpTo, Long.MAX_VALUE), Long.MAX_VALUE);
    walk.headsWithoutEvents(Long.MAX_VALUE);
    long records = audited.compare(0, firearms.highestId(), null, breaks).records();
    return breaks.verification(walk.firearms, walk.events, records);
  }

  /**
   * The custody ledger's state as a checkpoint records it: the number of events, the number of
   * firearms that have any, and {@link LedgerRoot} over their chain heads.
   */
  public record State(long events, long firearms, String root) {}

  /** Firearm ids per query when the ledger root is computed. */
  private static final int ROOT_RANGE = 10_000;

  /** The ledger's state now, in the caller's transaction (one snapshot with the audit heads). */
  @Transactional
  public State state() {
    long events =
        em.createQuery("SELECT COUNT(e) FROM CustodyEvent e", Long.class).getSingleResult();
    LedgerRoot root = new LedgerRoot();
    long highest = firearms.highestId();
    for (long from = 0; from < highest; from += ROOT_RANGE) {
      for (FirearmDirectory.CustodyHead h :
          firearms.custodyHeads(from, Math.min(highest, from + ROOT_RANGE))) {
        root.add(h.firearmId(), h.seq(), h.hash());
      }
    }
    return new State(events, root.firearms(), root.hex());
  }

  /**
   * What the custody ledger still holds of a checkpoint: every event the audit log recorded up to
   * the checkpoint's positions ({@code checkpoint}, chain number to position) is compared with the
   * event stored now; the number of those events and the ledger root recomputed from the events now
   * stored at the sequence numbers each firearm had then reached are compared with the checkpoint's
   * {@code state}. The chains' continuation to their current heads is {@link #verify}'s part.
   */
  @Transactional
  public Verification verifyAgainst(Map<Integer, Long> checkpoint, State state) {
    Breaks breaks = new Breaks();
    AuditCrossCheck.Outcome seen = audited.compare(0, firearms.highestId(), checkpoint, breaks);
    if (seen.records() != state.events()) {
      breaks.add(
          0,
          0,
          "the checkpoint counted "
              + state.events()
              + " custody events but the audit log records "
              + seen.records()
              + " up to it");
    }
    if (!seen.root().equals(state.root())) {
      breaks.add(
          0,
          0,
          "the custody ledger root recomputed from the events recorded up to the checkpoint is "
              + seen.root()
              + ", not the checkpoint's "
              + state.root()
              + " ("
              + seen.firearms()
              + " firearms now, "
              + state.firearms()
              + " then)");
    }
    return breaks.verification(seen.firearms(), seen.records(), seen.records());
  }

  /** Every break found, the first {@value #REPORTED_BREAKS} kept, and the first in order. */
  static final class Breaks {
    private static final java.util.Comparator<Break> ORDER =
        java.util.Comparator.comparingLong(Break::firearmId).thenComparingLong(Break::seq);

    private final List<Break> kept = new java.util.ArrayList<>();
    private long found;
    private Break first;

    void add(long firearmId, long seq, String problem) {
      Break b = new Break(firearmId, seq, problem);
      found++;
      if (kept.size() < REPORTED_BREAKS) {
        kept.add(b);
      }
      // the first found wins a tie: a chain's own break comes before the audit cross-check's
      if (first == null || ORDER.compare(b, first) < 0) {
        first = b;
      }
    }

    long found() {
      return found;
    }

    List<Break> sorted() {
      return kept.stream().sorted(ORDER).toList();
    }

    Verification verification(long firearms, long events, long records) {
      if (first == null) {
        return new Verification(true, firearms, events, null, null, null, 0, List.of(), records);
      }
      return new Verification(
          false,
          firearms,
          events,
          first.firearmId(),
          first.seq(),
          first.problem(),
          found,
          sorted(),
          records);
    }
  }

  /** The state of one pass over the events in (firearm, seq) order; notes every break. */
  private static final class Walk {
    final Breaks breaks;
    long firearms;
    long events;
    long headsUpTo;
    private final java.util.TreeMap<Long, FirearmDirectory.CustodyHead> heads =
        new java.util.TreeMap<>();
    private Long firearm;
    private String prev;
    private long expectedSeq;

    Walk(Breaks breaks) {
      this.breaks = breaks;
    }

    void heads(List<FirearmDirectory.CustodyHead> more, long upTo) {
      more.forEach(h -> heads.put(h.firearmId(), h));
      headsUpTo = Math.max(headsUpTo, upTo);
    }

    void next(CustodyEvent e) {
      if (firearm == null || e.firearmId() != firearm) {
        finish();
        headsWithoutEvents(e.firearmId());
        firearm = e.firearmId();
        firearms++;
        prev = Firearm.GENESIS;
        expectedSeq = 1;
      }
      events++;
      if (e.seq() != expectedSeq) {
        breaks.add(
            firearm,
            expectedSeq,
            (e.seq() == expectedSeq + 1
                    ? "event " + expectedSeq + " is missing"
                    : "events " + expectedSeq + " to " + (e.seq() - 1) + " are missing")
                + " (found "
                + e.seq()
                + " next)");
      } else if (!e.prevHash().equals(prev)) {
        breaks.add(firearm, e.seq(), "event " + e.seq() + " does not link to the event before it");
      }
      if (!e.content().hash().equals(e.hash())) {
        breaks.add(
            firearm,
            e.seq(),
            "event " + e.seq() + " (id " + e.id() + ") was altered: its hash does not match");
      }
      // go on from the event as stored, so that each later break is found on its own
      prev = e.hash();
      expectedSeq = e.seq() + 1;
    }

    /** Checks the chain just walked against its firearm's head. */
    void finish() {
      if (firearm == null) {
        return;
      }
      FirearmDirectory.CustodyHead head = heads.remove(firearm);
      long last = expectedSeq - 1;
      if (head == null || head.seq() != last || !prev.equals(head.hash())) {
        breaks.add(
            firearm,
            last,
            "the firearm's chain head ("
                + (head == null ? "none" : "seq " + head.seq())
                + ") does not match its last event (seq "
                + last
                + "): events were removed or added");
      }
      firearm = null;
    }

    /** Heads below {@code firearmId} not taken by a chain: their firearms have no events left. */
    void headsWithoutEvents(long firearmId) {
      var below = heads.headMap(firearmId, false);
      for (FirearmDirectory.CustodyHead head : below.values()) {
        breaks.add(
            head.firearmId(), 1L, "the firearm records " + head.seq() + " events but none exist");
      }
      below.clear();
    }
  }
}
