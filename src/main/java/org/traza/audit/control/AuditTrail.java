package org.traza.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.traza.audit.entity.AuditChainHead;
import org.traza.audit.entity.AuditEntry;

/** Reads the audit log: filtered listings, newest first, and verification of the whole chain. */
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

  /** The result of recomputing the chain: intact, or the first entry where it breaks and why. */
  public record Verification(
      boolean intact,
      long entriesChecked,
      Long firstBrokenEntryId,
      String reason,
      String headHash) {}

  /** Recomputes every hash in id order, checking that ids are gapless and the head matches. */
  public Verification verify() {
    AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
    String expectedPrevious = AuditEntry.GENESIS_HASH;
    long expectedId = 1;
    long checked = 0;
    while (true) {
      List<AuditEntry> page =
          em.createQuery(
                  "SELECT e FROM AuditEntry e WHERE e.id >= :from ORDER BY e.id", AuditEntry.class)
              .setParameter("from", expectedId)
              .setMaxResults(VERIFY_PAGE)
              .getResultList();
      if (page.isEmpty()) {
        break;
      }
      for (AuditEntry e : page) {
        if (e.id() != expectedId) {
          return broken(checked, expectedId, "entry " + expectedId + " is missing", head);
        }
        if (!e.previousHash().equals(expectedPrevious)) {
          return broken(
              checked, e.id(), "its previous-hash does not match the entry before it", head);
        }
        if (!e.entryHash().equals(e.computeHash())) {
          return broken(checked, e.id(), "its content does not match its hash (altered)", head);
        }
        expectedPrevious = e.entryHash();
        expectedId++;
        checked++;
      }
      em.clear();
    }
    if (head.lastEntryId() != checked || !head.lastHash().equals(expectedPrevious)) {
      return broken(
          checked,
          head.lastEntryId(),
          "the chain head names entry " + head.lastEntryId() + " but the log ends at " + checked,
          head);
    }
    return new Verification(true, checked, null, null, expectedPrevious);
  }

  private static Verification broken(long checked, long id, String reason, AuditChainHead head) {
    return new Verification(false, checked, id, "Entry " + id + ": " + reason, head.lastHash());
  }
}
