package org.traza.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.traza.audit.entity.AuditChainHead;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditQuery;

/**
 * Answers {@link AuditQuery}: what the log recorded of other features' records, so that they can
 * cross-check those records against it (custody compares each event with the hash its entry names).
 * Reads in the caller's transaction, so a verification sees one snapshot.
 */
@ApplicationScoped
public class AuditRecords {

  @PersistenceContext EntityManager em;

  void answer(@Observes AuditQuery q) {
    StringBuilder jpql =
        new StringBuilder(
            "SELECT e.id, e.chainNo, e.chainSeq, e.targetId, e.detail FROM AuditEntry e"
                + " WHERE e.action LIKE :prefix AND e.targetType = :type"
                + " AND e.outcome = :success");
    Map<String, Object> params = new HashMap<>();
    params.put("prefix", q.actionPrefix() + "%");
    params.put("type", q.targetType());
    params.put("success", ActionPerformed.Outcome.SUCCESS.name());
    if (q.targetIds() != null) {
      if (q.targetIds().isEmpty()) {
        q.answer(List.of());
        return;
      }
      jpql.append(" AND e.targetId IN :ids");
      params.put("ids", q.targetIds());
    } else {
      jpql.append(" AND e.id > :after");
      params.put("after", q.afterEntryId());
    }
    if (q.upTo() != null) {
      jpql.append(" AND (");
      if (q.upTo().isEmpty()) {
        jpql.append("1 = 0");
      }
      int i = 0;
      for (Map.Entry<Integer, Long> bound : q.upTo().entrySet()) {
        if (i > 0) {
          jpql.append(" OR ");
        }
        jpql.append("(e.chainNo = :c").append(i).append(" AND e.chainSeq <= :p").append(i);
        jpql.append(')');
        params.put("c" + i, bound.getKey());
        params.put("p" + i, bound.getValue());
        if (bound.getKey() == AuditChainHead.FIRST_CHAIN) {
          // the entries of the single-chain log begin chain 1; their position is their id
          jpql.append(" OR (e.chainNo IS NULL AND e.id <= :p").append(i).append(')');
        }
        i++;
      }
      jpql.append(')');
    }
    jpql.append(" ORDER BY e.id");
    // a projection: a long verification must not fill the caller's persistence context
    TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
    params.forEach(query::setParameter);
    if (q.targetIds() == null) {
      query.setMaxResults(Math.max(1, q.limit()));
    }
    q.answer(query.getResultList().stream().map(AuditRecords::recorded).toList());
  }

  private static AuditQuery.Recorded recorded(Object[] row) {
    long id = ((Number) row[0]).longValue();
    Integer chain = (Integer) row[1];
    Long seq = (Long) row[2];
    return new AuditQuery.Recorded(
        id,
        chain == null ? AuditChainHead.FIRST_CHAIN : chain,
        seq == null ? id : seq,
        (String) row[3],
        (String) row[4]);
  }
}
