package org.traza.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;

/**
 * Checks a username and password and issues a token. Failures are counted (and committed) even
 * though the login fails; the configured number in a row locks the account for a while.
 */
@ApplicationScoped
public class LoginService {

  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject TokenService tokens;
  @Inject Clock clock;
  @Inject Event<ActionPerformed> actions;
  @Inject RequestContext request;

  @Inject
  @ConfigProperty(name = "security.lockout.attempts", defaultValue = "5")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "security.lockout.duration", defaultValue = "PT15M")
  Duration lockFor;

  /** The outcome of a login attempt: a token, or the problem to report. */
  public record Outcome(TokenService.IssuedToken token, AppUser user, ProblemException problem) {}

  @Transactional
  public Outcome login(String username, String password) {
    Instant now = clock.instant();
    Optional<AppUser> found = users.byUsername(username);
    if (found.isEmpty() || !found.get().enabled()) {
      hasher.verifyNothing(password);
      return refused(username, "unknown or disabled account", invalid());
    }
    AppUser user = found.get();
    if (user.isLocked(now)) {
      return refused(username, "account locked", locked(user, now));
    }
    if (!hasher.verify(password, user.passwordHash())) {
      boolean lockedNow = user.recordFailedLogin(now, maxAttempts, lockFor);
      return lockedNow
          ? refused(username, "wrong password; account locked", locked(user, now))
          : refused(username, "wrong password", invalid());
    }
    user.recordSuccessfulLogin(now);
    var roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
    // From here the request acts as this user: the audit entry names who logged in.
    request.authenticate(username, roles);
    actions.fire(ActionPerformed.success("LOGIN", "USER", username, "roles " + roles));
    return new Outcome(tokens.issue(username, roles), user, null);
  }

  private Outcome refused(String username, String why, ProblemException problem) {
    actions.fire(
        new ActionPerformed("LOGIN", "USER", username, ActionPerformed.Outcome.DENIED, why));
    return new Outcome(null, null, problem);
  }

  private static ProblemException invalid() {
    return new ProblemException(
        ProblemType.INVALID_CREDENTIALS, "The username or password is wrong.");
  }

  private static ProblemException locked(AppUser user, Instant now) {
    long minutes = Math.max(1, Duration.between(now, user.lockedUntil()).toMinutes());
    return new ProblemException(
            ProblemType.ACCOUNT_LOCKED,
            "Too many failed logins: the account is locked for about "
                + minutes
                + " minute(s), or until an administrator enables it.")
        .with("lockedUntil", user.lockedUntil().toString());
  }
}
