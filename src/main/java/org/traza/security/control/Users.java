package org.traza.security.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;

/** Queries over users. */
@ApplicationScoped
public class Users {

  @PersistenceContext EntityManager em;

  /**
   * What each request needs to know of its user: roles, armoury, whether enabled, which token
   * generation is current and whether the password must be changed first.
   */
  public record Account(
      String username,
      Set<Role> roles,
      Long armouryId,
      boolean enabled,
      long tokenGeneration,
      boolean passwordChangeRequired) {}

  /**
   * How long an account read for a request is reused by the next ones on this server. Changes made
   * here are seen at once ({@link #forget}, also after the change commits, so that no request
   * running meanwhile caches the old row again); on other servers of a cluster within this time.
   */
  static final Duration REMEMBER = Duration.ofSeconds(5);

  private record Remembered(Account account, Instant until) {}

  private final Map<String, Remembered> accounts = new ConcurrentHashMap<>();

  @Inject Clock clock;

  @Resource TransactionSynchronizationRegistry transactions;

  /** The account {@code username}, read at most every {@link #REMEMBER}. */
  public Optional<Account> account(String username) {
    Instant now = clock.instant();
    Remembered r = accounts.get(username);
    if (r != null && now.isBefore(r.until())) {
      return Optional.of(r.account());
    }
    Optional<Account> read =
        byUsername(username)
            .map(
                u ->
                    new Account(
                        u.username(),
                        Set.copyOf(u.roles()),
                        u.armouryId(),
                        u.enabled(),
                        u.tokenGeneration(),
                        u.passwordChangeRequired()));
    read.ifPresentOrElse(
        a -> {
          if (accounts.size() >= 10_000) {
            accounts.clear();
          }
          accounts.put(username, new Remembered(a, now.plus(REMEMBER)));
        },
        () -> accounts.remove(username));
    return read;
  }

  /**
   * Makes the next request of {@code username} read the account again: now, and once more when the
   * running transaction ends (a request between the two would otherwise cache the row as it was
   * before the commit).
   */
  public void forget(String username) {
    accounts.remove(username);
    if (transactions != null
        && transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              accounts.remove(username);
            }
          });
    }
  }

  public Optional<AppUser> byUsername(String username) {
    return em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public List<AppUser> all() {
    return em.createNamedQuery(AppUser.ALL, AppUser.class).getResultList();
  }

  public long countEnabledWith(Role role) {
    return em.createNamedQuery(AppUser.COUNT_ENABLED_WITH_ROLE, Long.class)
        .setParameter("role", role)
        .getSingleResult();
  }

  public void add(AppUser user) {
    em.persist(user);
  }
}
