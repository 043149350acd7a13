package org.traza.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.traza.audit.entity.AuditChainHead;
import org.traza.audit.entity.AuditEntry;
import org.traza.platform.entity.Sha256;

/** Reads the audit log: filtered listings, newest first, and verification of all its chains. */
@ApplicationScoped
public class AuditTrail {

  private static final int VERIFY_PAGE = 1000;

  @PersistenceContext EntityManager em;

  /** Filters; null means "any". {@code before} is the keyset cursor (an entry id). */
  public record Filter(
      String actor,
      String action,
      String targetType,
      String targetId,
      String outcome,
      Instant from,
      Instant to,
      String requestId,
      Long before) {}

  public List<AuditEntry> find(Filter f, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEntry e WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    condition(jpql, params, "e.actor = :actor", "actor", f.actor());
    condition(jpql, params, "e.action = :action", "action", f.action());
    condition(jpql, params, "e.targetType = :targetType", "targetType", f.targetType());
    condition(jpql, params, "e.targetId = :targetId", "targetId", f.targetId());
    condition(jpql, params, "e.outcome = :outcome", "outcome", f.outcome());
    condition(jpql, params, "e.occurredAt >= :from", "from", f.from());
    condition(jpql, params, "e.occurredAt < :to", "to", f.to());
    condition(jpql, params, "e.requestId = :requestId", "requestId", f.requestId());
    condition(jpql, params, "e.id < :before", "before", f.before());
    jpql.append(" ORDER BY e.id DESC");
    TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  private static void condition(
      StringBuilder jpql, Map<String, Object> params, String clause, String name, Object value) {
    if (value != null) {
      jpql.append(" AND ").append(clause);
      params.put(name, value);
    }
  }

  /**
   * The result of recomputing every chain: intact, or the first break (the earliest entry where a
   * chain breaks, by id) with its chain, position and reason. {@code headHash} is one SHA-256 over
   * every chain's head, a fingerprint of the whole log that auditors can keep.
   */
  public record Verification(
      boolean intact,
      long entriesChecked,
      int chains,
      Long firstBrokenEntryId,
      Integer brokenChain,
      Long brokenPosition,
      String reason,
      String headHash) {}

  /** Where one chain breaks; {@code entryId} is null when the entry that should be there is not. */
  private record Break(int chain, long position, Long entryId, String problem) {}

  /** The first break is the earliest entry; breaks with no entry (a cut tail) come last. */
  private static final Comparator<Break> FIRST =
      Comparator.comparing(Break::entryId, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(Break::chain);

  /**
   * Recomputes every chain in one consistent snapshot (entries committed while it runs belong to
   * heads it does not read): each chain's positions 1..n without gaps, each hash from its content
   * and the one before, the last equal to the chain's head; then that no entry lies outside the
   * chains.
   */
  @Transactional
  public Verification verify() {
    List<AuditChainHead> heads =
        em.createQuery("SELECT h FROM AuditChainHead h ORDER BY h.chain", AuditChainHead.class)
            .getResultList();
    long checked = 0;
    Break first = null;
    StringBuilder fingerprint = new StringBuilder();
    for (AuditChainHead head : heads) {
      ChainWalk walk = new ChainWalk(head);
      walk.run();
      checked += walk.checked;
      if (walk.broken != null && (first == null || FIRST.compare(walk.broken, first) < 0)) {
        first = walk.broken;
      }
      fingerprint
          .append(head.chain())
          .append(':')
          .append(head.lastSeq())
          .append(':')
          .append(head.lastHash())
          .append('|');
    }
    if (first == null) {
      first = strayEntry(heads, checked);
    }
    String headHash = Sha256.hex(fingerprint.toString());
    if (first != null) {
      return new Verification(
          false,
          checked,
          heads.size(),
          first.entryId(),
          first.chain(),
          first.position(),
          (first.entryId() == null ? "" : "Entry " + first.entryId() + ": ") + first.problem(),
          headHash);
    }
    return new Verification(true, checked, heads.size(), null, null, null, null, headHash);
  }

  /** Walks one chain in position order, a page at a time, up to its head. */
  private final class ChainWalk {
    final AuditChainHead head;
    String previous = AuditEntry.GENESIS_HASH;
    long position;
    long checked;
    Break broken;

    ChainWalk(AuditChainHead head) {
      this.head = head;
    }

    void run() {
      if (head.chain() == AuditChainHead.FIRST_CHAIN && !walk(true)) {
        return;
      }
      if (!walk(false)) {
        return;
      }
      if (position != head.lastSeq() || !previous.equals(head.lastHash())) {
        broken =
            new Break(
                head.chain(),
                position + 1,
                null,
                "chain "
                    + head.chain()
                    + " ends at position "
                    + position
                    + " but its head names position "
                    + head.lastSeq()
                    + (position > head.lastSeq() ? "" : " (entries removed from its end)"));
      }
    }

    /** The entries of the single-chain log (by id) or of this chain (by position). */
    private boolean walk(boolean singleChainLog) {
      while (true) {
        List<AuditEntry> page = nextPage(singleChainLog).setMaxResults(VERIFY_PAGE).getResultList();
        for (AuditEntry e : page) {
          if (!check(e)) {
            return false;
          }
        }
        em.clear();
        if (page.size() < VERIFY_PAGE) {
          return true;
        }
      }
    }

    /** The entries after the current position: by id before chains existed, else by position. */
    private TypedQuery<AuditEntry> nextPage(boolean singleChainLog) {
      if (singleChainLog) {
        return em.createQuery(
                "SELECT e FROM AuditEntry e WHERE e.chainNo IS NULL AND e.id > :after ORDER BY e.id",
                AuditEntry.class)
            .setParameter("after", position);
      }
      return em.createQuery(
              "SELECT e FROM AuditEntry e WHERE e.chainNo = :chain AND e.chainSeq > :after"
                  + " AND e.chainSeq <= :last ORDER BY e.chainSeq",
              AuditEntry.class)
          .setParameter("chain", head.chain())
          .setParameter("after", position)
          .setParameter("last", head.lastSeq());
    }

    private boolean check(AuditEntry e) {
      long expected = position + 1;
      if (e.position() != expected) {
        broken =
            new Break(
                head.chain(),
                expected,
                e.id(),
                "position "
                    + expected
                    + " of chain "
                    + head.chain()
                    + " is missing (the chain goes on at "
                    + e.position()
                    + ")");
      } else if (!e.previousHash().equals(previous)) {
        broken =
            new Break(
                head.chain(),
                expected,
                e.id(),
                "its previous-hash does not match the entry before it in chain " + head.chain());
      } else if (!e.entryHash().equals(e.computeHash())) {
        broken =
            new Break(
                head.chain(), expected, e.id(), "its content does not match its hash (altered)");
      }
      if (broken != null) {
        return false;
      }
      previous = e.entryHash();
      position = expected;
      checked++;
      return true;
    }
  }

  /**
   * An entry that no chain walked: in a chain without a head, or past its chain's head. Only looked
   * for when the log holds more entries than the chains.
   */
  private Break strayEntry(List<AuditChainHead> heads, long checked) {
    long total = em.createQuery("SELECT COUNT(e) FROM AuditEntry e", Long.class).getSingleResult();
    if (total == checked) {
      return null;
    }
    List<Integer> chains = heads.stream().map(AuditChainHead::chain).toList();
    List<AuditEntry> stray =
        em.createQuery(
                "SELECT e FROM AuditEntry e WHERE e.chainNo NOT IN :chains ORDER BY e.id",
                AuditEntry.class)
            .setParameter("chains", chains)
            .setMaxResults(1)
            .getResultList();
    if (!stray.isEmpty()) {
      AuditEntry e = stray.get(0);
      return new Break(
          e.chain(), e.position(), e.id(), "it names chain " + e.chain() + ", which has no head");
    }
    for (AuditChainHead head : heads) {
      List<AuditEntry> beyond =
          em.createQuery(
                  "SELECT e FROM AuditEntry e WHERE e.chainNo = :chain AND e.chainSeq > :last"
                      + " ORDER BY e.chainSeq",
                  AuditEntry.class)
              .setParameter("chain", head.chain())
              .setParameter("last", head.lastSeq())
              .setMaxResults(1)
              .getResultList();
      if (!beyond.isEmpty()) {
        AuditEntry e = beyond.get(0);
        return new Break(
            head.chain(),
            e.position(),
            e.id(),
            "it lies past the head of chain "
                + head.chain()
                + " (position "
                + head.lastSeq()
                + ")");
      }
    }
    return new Break(
        AuditChainHead.FIRST_CHAIN,
        0,
        null,
        "the log holds " + total + " entries but its chains " + checked);
  }
}
