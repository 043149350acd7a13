package org.traza.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.traza.audit.entity.AuditChainHead;
import org.traza.audit.entity.AuditEntry;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;

/**
 * Appends one chained entry per {@link ActionPerformed}, inside the caller's transaction (or its
 * own when there is none), so that a change and its audit entry commit or roll back together.
 *
 * <p>A transaction extends one of the log's chains and holds that chain's head until it ends: the
 * first head that no other transaction holds, or, when all are held, one picked at random, waited
 * for. Its further entries go to the same chain, so it never holds two heads and never waits for a
 * head while holding one.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject RequestContext request;
  @Inject BeanManager beans;

  @Resource TransactionSynchronizationRegistry transactions;

  /** The key of the head a transaction holds, among its resources. */
  private static final Object HELD_HEAD = AuditLog.class.getName() + ".head";

  private volatile int chains;

  @Transactional(Transactional.TxType.REQUIRED)
  public void record(@Observes ActionPerformed action) {
    boolean inRequest = requestActive();
    AuditChainHead head = heldHead();
    AuditEntry entry =
        new AuditEntry(
            head.nextPosition(),
            clock.instant(),
            inRequest ? request.actor() : "system",
            action.action(),
            action.targetType(),
            action.targetId(),
            inRequest ? request.clientAddress() : null,
            action.outcome().name(),
            action.detail(),
            inRequest ? request.requestId() : null);
    em.persist(entry);
    head.advanceTo(entry);
    if (inRequest) {
      request.markAudited(true);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status != Status.STATUS_COMMITTED) {
                request.markAudited(false);
              }
            }
          });
    }
  }

  /** The head this transaction holds, locked now if it holds none yet. */
  private AuditChainHead heldHead() {
    AuditChainHead head = (AuditChainHead) transactions.getResource(HELD_HEAD);
    if (head == null) {
      List<?> free = em.createNamedQuery(AuditChainHead.ANY_FREE_FOR_APPEND).getResultList();
      head =
          free.isEmpty()
              ? (AuditChainHead)
                  em.createNamedQuery(AuditChainHead.FOR_APPEND)
                      .setParameter(1, 1 + ThreadLocalRandom.current().nextInt(chains()))
                      .getSingleResult()
              : (AuditChainHead) free.get(0);
      transactions.putResource(HELD_HEAD, head);
    }
    return head;
  }

  private int chains() {
    if (chains == 0) {
      chains =
          ((Number) em.createQuery("SELECT COUNT(h) FROM AuditChainHead h").getSingleResult())
              .intValue();
    }
    return chains;
  }

  private boolean requestActive() {
    try {
      return beans.getContext(RequestScoped.class).isActive();
    } catch (ContextNotActiveException e) {
      return false;
    }
  }
}
