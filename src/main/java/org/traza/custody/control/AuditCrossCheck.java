package org.traza.custody.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.traza.custody.entity.LedgerRoot;
import org.traza.platform.entity.AuditQuery;

/**
 * Compares the custody events with what the audit log recorded of them. {@link
 * CustodyLedger#record} writes, in the event's own transaction, an audit entry naming the event's
 * id, sequence number and hash; the audit log is chained on its own (and pinned by signed
 * checkpoints), so a firearm's chain that was cut at its end and its head rewound, or replaced
 * wholesale, no longer matches it.
 *
 * <p>Walks the firearms a range of ids at a time (events and audit entries of one range per query
 * each), so any number of events compares in bounded memory.
 */
@ApplicationScoped
public class AuditCrossCheck {

  /** Firearm ids per step of the walk. */
  static final int RANGE = 1000;

  /**
   * The actions and target type of the audit entries that {@link CustodyLedger} writes: {@code
   * custody-event.recorded}, and {@code custody.<action>} before the audit catalogue (V31).
   */
  static final String ACTIONS = "custody";

  static final String TARGET_TYPE = "firearm";

  /**
   * The detail {@link CustodyLedger#record} writes: "RETURN event 12 seq 3 ISSUED -> IN_STOCK hash
   * …" (without the action's name before the audit catalogue).
   */
  private static final Pattern DETAIL =
      Pattern.compile("^(?:[A-Z_]+ )?event (\\d+) seq (\\d+) \\S+ -> \\S+ hash ([0-9a-f]{64})$");

  @PersistenceContext EntityManager em;
  @Inject Event<AuditQuery> questions;

  /** What the audit log says one event was. */
  private record Recorded(long entryId, long firearmId, long eventId, long seq, String hash) {}

  /** An event as stored now. */
  private record Stored(long id, long seq, String hash) {}

  /**
   * What a comparison saw: audit entries compared, and, against a checkpoint, the custody events
   * those entries record and the ledger root recomputed at the sequence numbers they had reached.
   */
  public record Outcome(long records, String root, long firearms) {}

  /**
   * Compares firearms with ids in ({@code after}, {@code upTo}], adding each difference to {@code
   * breaks}. Without {@code checkpoint} (chain number to position) every audit entry and every
   * event is compared, and an event that no entry records is named too. With it, only the entries
   * the checkpoint covers are compared (events recorded since are not its business), and the ledger
   * root is recomputed from the events now stored at the positions those entries reached.
   */
  Outcome compare(
      long after, long upTo, Map<Integer, Long> checkpoint, CustodyLedger.Breaks breaks) {
    long records = 0;
    LedgerRoot root = new LedgerRoot();
    for (long from = after; from < upTo; from += RANGE) {
      long to = Math.min(upTo, from + RANGE);
      Map<Long, TreeMap<Long, List<Recorded>>> recorded = recorded(from, to, checkpoint);
      Map<Long, Map<Long, Stored>> stored = stored(from, to);
      for (var firearm : recorded.entrySet()) {
        long firearmId = firearm.getKey();
        Map<Long, Stored> events = stored.getOrDefault(firearmId, Map.of());
        for (List<Recorded> atSeq : firearm.getValue().values()) {
          for (Recorded r : atSeq) {
            records++;
            Stored e = events.get(r.seq());
            if (e == null) {
              breaks.add(
                  firearmId,
                  r.seq(),
                  "event "
                      + r.seq()
                      + " (id "
                      + r.eventId()
                      + ") recorded in the audit log (entry "
                      + r.entryId()
                      + ") is missing");
            } else if (!e.hash().equals(r.hash())) {
              breaks.add(
                  firearmId,
                  r.seq(),
                  "event "
                      + r.seq()
                      + " (id "
                      + e.id()
                      + ") is not the one the audit log recorded (entry "
                      + r.entryId()
                      + "): hash "
                      + e.hash()
                      + " instead of "
                      + r.hash());
            }
          }
        }
        if (checkpoint != null) {
          TreeMap<Long, List<Recorded>> bySeq = firearm.getValue();
          long seq = bySeq.lastKey();
          Stored head = events.get(seq);
          root.add(firearmId, seq, head == null ? "missing" : head.hash());
        }
      }
      if (checkpoint == null) {
        for (var firearm : stored.entrySet()) {
          Map<Long, List<Recorded>> bySeq =
              recorded.getOrDefault(firearm.getKey(), new TreeMap<>());
          for (Stored e : firearm.getValue().values()) {
            if (!bySeq.containsKey(e.seq())) {
              breaks.add(
                  firearm.getKey(),
                  e.seq(),
                  "event "
                      + e.seq()
                      + " (id "
                      + e.id()
                      + ") is not in the audit log: the application did not record it");
            }
          }
        }
      }
    }
    return new Outcome(records, root.hex(), root.firearms());
  }

  /** The audit entries about firearms in ({@code from}, {@code to}], by firearm and sequence. */
  private Map<Long, TreeMap<Long, List<Recorded>>> recorded(
      long from, long to, Map<Integer, Long> checkpoint) {
    List<String> ids = new ArrayList<>();
    for (long id = from + 1; id <= to; id++) {
      ids.add(Long.toString(id));
    }
    AuditQuery q = AuditQuery.about(ACTIONS, TARGET_TYPE, ids);
    if (checkpoint != null) {
      q = q.within(checkpoint);
    }
    questions.fire(q);
    if (!q.answered()) {
      throw new IllegalStateException("the audit log did not answer");
    }
    Map<Long, TreeMap<Long, List<Recorded>>> byFirearm = new TreeMap<>();
    for (AuditQuery.Recorded r : q.answers()) {
      Matcher m = r.detail() == null ? null : DETAIL.matcher(r.detail());
      if (m == null || !m.matches()) {
        continue; // not an event's entry
      }
      long firearmId;
      try {
        firearmId = Long.parseLong(r.targetId());
      } catch (NumberFormatException e) {
        continue;
      }
      Recorded rec =
          new Recorded(
              r.entryId(),
              firearmId,
              Long.parseLong(m.group(1)),
              Long.parseLong(m.group(2)),
              m.group(3));
      byFirearm
          .computeIfAbsent(firearmId, f -> new TreeMap<>())
          .computeIfAbsent(rec.seq(), s -> new ArrayList<>())
          .add(rec);
    }
    return byFirearm;
  }

  /** The events of firearms in ({@code from}, {@code to}], by firearm and sequence. */
  private Map<Long, Map<Long, Stored>> stored(long from, long to) {
    Map<Long, Map<Long, Stored>> byFirearm = new TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT e.firearmId, e.seq, e.hash, e.id FROM CustodyEvent e"
                    + " WHERE e.firearmId > :a AND e.firearmId <= :b",
                Object[].class)
            .setParameter("a", from)
            .setParameter("b", to)
            .getResultList()) {
      long seq = ((Number) row[1]).longValue();
      byFirearm
          .computeIfAbsent(((Number) row[0]).longValue(), f -> new HashMap<>())
          .put(seq, new Stored(((Number) row[3]).longValue(), seq, (String) row[2]));
    }
    return byFirearm;
  }
}
