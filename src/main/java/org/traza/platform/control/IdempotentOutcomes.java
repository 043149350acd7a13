package org.traza.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.traza.platform.entity.IdempotentOutcome;
import org.traza.platform.entity.IdempotentRequest;
import org.traza.platform.entity.OutcomeAlreadyKept;

/**
 * The refusals kept under idempotency keys, and the two checks that make one outcome per key:
 *
 * <ul>
 *   <li>a transaction about to accept a keyed request calls {@link #requireNone} once it holds the
 *       lock of what it changes (a firearm, a count, an order), with a locking read, which sees a
 *       refusal committed while it waited for the lock;
 *   <li>a refusal is kept by {@link #keepUnlessAccepted} in a transaction of its own, after the
 *       refused one has rolled back, which takes the same lock and looks for an accepted record
 *       under the key first.
 * </ul>
 *
 * Both sides serialise on that lock, so a key never has both an accepted record and a kept refusal;
 * two refusals of one key race on the unique (scope, key), and the loser answers the winner's.
 */
@ApplicationScoped
public class IdempotentOutcomes {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The outcome kept under the request's key, if any (whatever the request it answered). */
  public Optional<IdempotentOutcome> find(IdempotentRequest request) {
    return em
        .createQuery(
            "SELECT o FROM IdempotentOutcome o WHERE o.scope = :s AND o.idempotencyKey = :k",
            IdempotentOutcome.class)
        .setParameter("s", request.scope())
        .setParameter("k", request.key())
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * In the caller's transaction, after it took its lock: throws {@link OutcomeAlreadyKept} when the
   * key already has an outcome. A locking read (FOR UPDATE), because a plain one would read the
   * transaction's snapshot, taken before a refusal committed while it waited.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void requireNone(String scope, String key) {
    List<?> ids =
        em.createNativeQuery(
                "SELECT id FROM idempotent_outcome WHERE scope = ? AND idempotency_key = ?"
                    + " FOR UPDATE")
            .setParameter(1, scope)
            .setParameter(2, key)
            .getResultList();
    if (!ids.isEmpty()) {
      throw new OutcomeAlreadyKept(
          em.find(IdempotentOutcome.class, ((Number) ids.get(0)).longValue()));
    }
  }

  /**
   * Keeps a refusal of {@code request}, in a transaction of its own, unless {@code accepted} (run
   * first in that transaction: it takes the lock the accepting transaction takes, then looks for
   * the accepted record under the key) finds the key accepted meanwhile: then that is returned and
   * nothing is kept. Fails on the unique key when another refusal of the key was kept first.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> Optional<T> keepUnlessAccepted(
      IdempotentRequest request,
      int status,
      String body,
      String actor,
      Supplier<Optional<T>> accepted) {
    Optional<T> won = accepted.get();
    if (won.isPresent()) {
      return won;
    }
    em.persist(new IdempotentOutcome(request, status, body, clock.instant(), actor));
    em.flush();
    return Optional.empty();
  }

  /**
   * Takes the row lock of {@code table}'s row {@code id} (the aggregate an accepting transaction
   * locks), for {@link #keepUnlessAccepted}'s {@code accepted}; false when there is no such row.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lock(String table, long id) {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException(table);
    }
    return !em.createNativeQuery("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }
}
