package org.traza.destruction.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.traza.destruction.entity.DestructionAlert;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.entity.DestroyedFirearmSighted;

/**
 * Keeps alerts for auditors, each in a transaction of its own: the request that raised one is often
 * refused and rolled back, and the alert must stay.
 */
@ApplicationScoped
public class Alerts {

  @PersistenceContext EntityManager em;
  @Inject FirearmDirectory firearms;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void raise(
      DestructionAlert.Kind kind, Long firearmId, Long orderId, String detail, String actor) {
    em.persist(new DestructionAlert(kind, firearmId, orderId, detail, actor, clock.instant()));
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void sighted(@Observes DestroyedFirearmSighted s) {
    em.persist(
        new DestructionAlert(
            DestructionAlert.Kind.DESTROYED_FIREARM_SIGHTED,
            s.firearmId(),
            null,
            "firearm " + s.firearmId() + " is on record as destroyed: " + s.how(),
            s.actor(),
            s.at()));
  }

  /** Alerts raised in [{@code from}, {@code to}), newest first; null bounds are open. */
  public List<DestructionAlert> list(Instant from, Instant to, DestructionAlert.Kind kind) {
    String jpql =
        "SELECT a FROM DestructionAlert a WHERE 1 = 1"
            + (from == null ? "" : " AND a.raisedAt >= :from")
            + (to == null ? "" : " AND a.raisedAt < :to")
            + (kind == null ? "" : " AND a.kind = :kind")
            + " ORDER BY a.id DESC";
    var q = em.createQuery(jpql, DestructionAlert.class);
    if (from != null) {
      q.setParameter("from", from);
    }
    if (to != null) {
      q.setParameter("to", to);
    }
    if (kind != null) {
      q.setParameter("kind", kind);
    }
    // a confined request sees the alerts about its own armoury's firearms only
    return q.setMaxResults(1000).getResultList().stream()
        .filter(a -> a.firearmId() == null || firearms.withinArmoury(List.of(a.firearmId())))
        .toList();
  }
}
