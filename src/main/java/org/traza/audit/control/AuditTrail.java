package org.traza.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** How many breaks a verification lists; it counts them all. */
  public static final int REPORTED_BREAKS = 100;

  /**
   * The result of recomputing every chain: intact, or every break found ({@code breaks}, the first
   * {@value #REPORTED_BREAKS} in order; {@code breaksFound} counts them all). The first break (the
   * earliest entry where a chain breaks, by id) is also given alone with its chain, position and
   * reason, as before the list existed. {@code headHash} is one SHA-256 over every chain's head, a
   * fingerprint of the whole log that auditors can keep.
   */
  public record Verification(
      boolean intact,
      long entriesChecked,
      int chains,
      Long firstBrokenEntryId,
      Integer brokenChain,
      Long brokenPosition,
      String reason,
      String headHash,
      long breaksFound,
      List<Break> breaks) {}

  /** Where one chain breaks; {@code entryId} is null when the entry that should be there is not. */
  public record Break(int chain, long position, Long entryId, String problem) {

    String reason() {
      return (entryId == null ? "" : "Entry " + entryId + ": ") + problem;
    }
  }

  /** The first break is the earliest entry; breaks with no entry (a cut tail) come last. */
  private static final Comparator<Break> FIRST =
      Comparator.comparing(Break::entryId, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(Break::chain)
          .thenComparingLong(Break::position);

  /** Every break found, the first {@value #REPORTED_BREAKS} kept, and the earliest. */
  private static final class Breaks {
    final List<Break> kept = new ArrayList<>();
    long found;
    Break first;

    void add(Break b) {
      found++;
      if (kept.size() < REPORTED_BREAKS) {
        kept.add(b);
      }
      if (first == null || FIRST.compare(b, first) < 0) {
        first = b;
      }
    }
  }

  /** The heads of every chain, in chain order. */
  public List<AuditChainHead> heads() {
    return em.createQuery("SELECT h FROM AuditChainHead h ORDER BY h.chain", AuditChainHead.class)
        .getResultList();
  }

  /** The entry at {@code position} of chain {@code chain}, if there is one. */
  public Optional<AuditEntry> entryAt(int chain, long position) {
    List<AuditEntry> found =
        em.createQuery(
                "SELECT e FROM AuditEntry e WHERE e.chainNo = :c AND e.chainSeq = :p",
                AuditEntry.class)
            .setParameter("c", chain)
            .setParameter("p", position)
            .getResultList();
    if (found.isEmpty() && chain == AuditChainHead.FIRST_CHAIN) {
      found =
          em.createQuery(
                  "SELECT e FROM AuditEntry e WHERE e.chainNo IS NULL AND e.id = :p",
                  AuditEntry.class)
              .setParameter("p", position)
              .getResultList();
    }
    return found.stream().findFirst();
  }

  /**
   * Recomputes every chain in one consistent snapshot (entries committed while it runs belong to
   * heads it does not read): each chain's positions 1..n without gaps, each hash from its content
   * and the one before, the last equal to the chain's head; then that no entry lies outside the
   * chains. A break does not end the walk: every chain is walked to its end and every break is
   * reported, so that one break cannot hide another.
   */
  @Transactional
  public Verification verify() {
    List<AuditChainHead> heads = heads();
    long checked = 0;
    Breaks breaks = new Breaks();
    StringBuilder fingerprint = new StringBuilder();
    for (AuditChainHead head : heads) {
      ChainWalk walk = new ChainWalk(head, breaks);
      walk.run();
      checked += walk.checked;
      fingerprint
          .append(head.chain())
          .append(':')
          .append(head.lastSeq())
          .append(':')
          .append(head.lastHash())
          .append('|');
    }
    strayEntries(heads, checked, breaks);
    String headHash = Sha256.hex(fingerprint.toString());
    List<Break> listed = breaks.kept.stream().sorted(FIRST).toList();
    Break first = breaks.first;
    if (first != null) {
      return new Verification(
          false,
          checked,
          heads.size(),
          first.entryId(),
          first.chain(),
          first.position(),
          first.reason(),
          headHash,
          breaks.found,
          listed);
    }
    return new Verification(
        true, checked, heads.size(), null, null, null, null, headHash, 0, List.of());
  }

  /** Walks one chain in position order, a page at a time, up to its head, noting every break. */
  private final class ChainWalk {
    final AuditChainHead head;
    final Breaks breaks;
    String previous = AuditEntry.GENESIS_HASH;
    long position;
    long checked;

    ChainWalk(AuditChainHead head, Breaks breaks) {
      this.head = head;
      this.breaks = breaks;
    }

    void run() {
      if (head.chain() == AuditChainHead.FIRST_CHAIN) {
        walk(true);
      }
      walk(false);
      if (position != head.lastSeq() || !previous.equals(head.lastHash())) {
        breaks.add(
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
                    + (position < head.lastSeq()
                        ? " (entries removed from its end)"
                        : position == head.lastSeq()
                            ? " with another hash (its last entry was replaced)"
                            : "")));
      }
    }

    /** The entries of the single-chain log (by id) or of this chain (by position). */
    private void walk(boolean singleChainLog) {
      while (true) {
        List<AuditEntry> page = nextPage(singleChainLog).setMaxResults(VERIFY_PAGE).getResultList();
        page.forEach(this::check);
        em.clear();
        if (page.size() < VERIFY_PAGE) {
          return;
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

    private void check(AuditEntry e) {
      long expected = position + 1;
      if (e.position() != expected) {
        breaks.add(
            new Break(
                head.chain(),
                expected,
                e.id(),
                (e.position() == expected + 1
                        ? "position " + expected
                        : "positions " + expected + " to " + (e.position() - 1))
                    + " of chain "
                    + head.chain()
                    + " is missing (the chain goes on at "
                    + e.position()
                    + ")"));
      } else if (!e.previousHash().equals(previous)) {
        breaks.add(
            new Break(
                head.chain(),
                expected,
                e.id(),
                "its previous-hash does not match the entry before it in chain " + head.chain()));
      }
      if (!e.entryHash().equals(e.computeHash())) {
        breaks.add(
            new Break(
                head.chain(),
                e.position(),
                e.id(),
                "its content does not match its hash (altered)"));
      }
      // go on from the entry as stored, so that each later break is found on its own
      previous = e.entryHash();
      position = e.position();
      checked++;
    }
  }

  /**
   * Entries that no chain walked: in a chain without a head, or past their chain's head. Only
   * looked for when the log holds more entries than the chains.
   */
  private void strayEntries(List<AuditChainHead> heads, long checked, Breaks breaks) {
    long total = em.createQuery("SELECT COUNT(e) FROM AuditEntry e", Long.class).getSingleResult();
    if (total == checked) {
      return;
    }
    long named = 0;
    List<Integer> chains = heads.stream().map(AuditChainHead::chain).toList();
    for (AuditEntry e :
        em.createQuery(
                "SELECT e FROM AuditEntry e WHERE e.chainNo NOT IN :chains ORDER BY e.id",
                AuditEntry.class)
            .setParameter("chains", chains)
            .setMaxResults(REPORTED_BREAKS)
            .getResultList()) {
      named++;
      breaks.add(
          new Break(
              e.chain(),
              e.position(),
              e.id(),
              "it names chain " + e.chain() + ", which has no head"));
    }
    for (AuditChainHead head : heads) {
      for (AuditEntry e :
          em.createQuery(
                  "SELECT e FROM AuditEntry e WHERE e.chainNo = :chain AND e.chainSeq > :last"
                      + " ORDER BY e.chainSeq",
                  AuditEntry.class)
              .setParameter("chain", head.chain())
              .setParameter("last", head.lastSeq())
              .setMaxResults(REPORTED_BREAKS)
              .getResultList()) {
        named++;
        breaks.add(
            new Break(
                head.chain(),
                e.position(),
                e.id(),
                "it lies past the head of chain "
                    + head.chain()
                    + " (position "
                    + head.lastSeq()
                    + ")"));
      }
    }
    em.clear();
    if (named < total - checked) {
      breaks.add(
          new Break(
              AuditChainHead.FIRST_CHAIN,
              0,
              null,
              "the log holds "
                  + total
                  + " entries but its chains "
                  + checked
                  + (named > 0 ? " (" + named + " of the others named)" : "")));
    }
  }
}
