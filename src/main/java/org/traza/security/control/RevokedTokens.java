package org.traza.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.security.entity.RevokedToken;

/**
 * The tokens ended by a logout, by {@code jti}, checked on every request. Stored in the database
 * (they survive a restart and reach the other servers of a cluster) and mirrored in memory, so that
 * the check costs a map look-up: this server adds its own revocations at once, and reads the
 * others' every {@link #REFRESH}. Only tokens not yet expired are kept; older rows are purged on
 * each revocation.
 */
@ApplicationScoped
public class RevokedTokens {

  /** How often the database is read for revocations made by other servers. */
  static final Duration REFRESH = Duration.ofSeconds(5);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<ActionPerformed> actions;

  private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
  private volatile Instant readUpTo;

  /** Whether the token {@code jti} was revoked. */
  public boolean isRevoked(String jti) {
    Instant now = clock.instant();
    refresh(now);
    Instant expires = revoked.get(jti);
    if (expires == null) {
      return false;
    }
    if (!now.isBefore(expires)) {
      revoked.remove(jti); // expired anyway: the signature check refuses it
    }
    return true;
  }

  /**
   * Ends the token {@code jti} of {@code username}, which would expire at {@code expiresAt} (a
   * logout, audited as {@code LOGOUT}).
   */
  @Transactional
  public void revoke(String jti, String username, Instant expiresAt) {
    Instant now = clock.instant();
    if (em.find(RevokedToken.class, jti) == null) {
      em.persist(new RevokedToken(jti, username, expiresAt, now));
    }
    em.createNamedQuery(RevokedToken.PURGE_EXPIRED).setParameter("now", now).executeUpdate();
    revoked.put(jti, expiresAt);
    actions.fire(ActionPerformed.of(AuditAction.USER_LOGGED_OUT, username, "token revoked"));
  }

  private void refresh(Instant now) {
    Instant last = readUpTo;
    if (last != null && now.isBefore(last.plus(REFRESH))) {
      return;
    }
    synchronized (this) {
      last = readUpTo;
      if (last != null && now.isBefore(last.plus(REFRESH))) {
        return;
      }
      // from a little before the last read: a row committed late with an earlier revokedAt
      Instant since = last == null ? Instant.EPOCH : last.minus(REFRESH.multipliedBy(2));
      em.createNamedQuery(RevokedToken.REVOKED_SINCE, RevokedToken.class)
          .setParameter("since", since)
          .setParameter("now", now)
          .getResultStream()
          .forEach(r -> revoked.put(r.jti(), r.expiresAt()));
      revoked.values().removeIf(expires -> !now.isBefore(expires));
      readUpTo = now;
    }
  }
}
