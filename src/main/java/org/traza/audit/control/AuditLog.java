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
import org.traza.audit.entity.AuditChainHead;
import org.traza.audit.entity.AuditEntry;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;

/**
 * Appends one chained entry per {@link ActionPerformed}, inside the caller's transaction (or its
 * own when there is none), so that a change and its audit entry commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject RequestContext request;
  @Inject BeanManager beans;

  @Resource TransactionSynchronizationRegistry transactions;

  @Transactional(Transactional.TxType.REQUIRED)
  public void record(@Observes ActionPerformed action) {
    boolean inRequest = requestActive();
    AuditChainHead head =
        (AuditChainHead) em.createNamedQuery(AuditChainHead.FOR_APPEND).getSingleResult();
    AuditEntry entry =
        new AuditEntry(
            head.nextId(),
            clock.instant(),
            inRequest ? request.actor() : "system",
            action.action(),
            action.targetType(),
            action.targetId(),
            inRequest ? request.clientAddress() : null,
            action.outcome().name(),
            action.detail(),
            inRequest ? request.requestId() : null,
            head.lastHash());
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

  private boolean requestActive() {
    try {
      return beans.getContext(RequestScoped.class).isActive();
    } catch (ContextNotActiveException e) {
      return false;
    }
  }
}
