package org.traza.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;
import org.traza.security.entity.Usernames;

/**
 * Checks a username and password and issues a token. The typed name is first put in its canonical
 * form ({@link Usernames}); the {@link LoginThrottle} may refuse the attempt before the password is
 * looked at. Otherwise every failure (unknown or malformed name, disabled account, expired
 * temporary password, wrong password) costs one password hash and gets the same answer, so that
 * neither the answer nor its time tells them apart. Every attempt is audited under the canonical
 * name, in a transaction that commits although the login fails.
 */
@ApplicationScoped
public class LoginService {

  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject TokenService tokens;
  @Inject LoginThrottle throttle;
  @Inject Clock clock;
  @Inject Event<ActionPerformed> actions;
  @Inject RequestContext request;

  /** How long a temporary password from an administrator's reset logs in. */
  @Inject
  @ConfigProperty(name = "security.password.temporary-lifetime", defaultValue = "PT72H")
  Duration temporaryLifetime;

  /** The outcome of a login attempt: a token, or the problem to report. */
  public record Outcome(TokenService.IssuedToken token, AppUser user, ProblemException problem) {}

  @Transactional
  public Outcome login(String typed, String password) {
    Optional<String> canonical = Usernames.forLogin(typed);
    String name = canonical.orElseGet(() -> Usernames.printable(typed));
    String address = request.clientAddress();
    LoginThrottle.Decision decision = throttle.check(address, name);
    if (!decision.allowed()) {
      return refused(name, "throttled", tooMany(decision));
    }
    Optional<AppUser> found = canonical.flatMap(users::byUsername);
    if (found.isEmpty()) {
      hasher.verifyNothing(password);
      return failed(address, name, canonical.isEmpty() ? "malformed username" : "unknown account");
    }
    AppUser user = found.get();
    boolean matches = hasher.verify(password, user.passwordHash());
    if (!matches) {
      return failed(address, name, "wrong password");
    }
    if (!user.enabled()) {
      return failed(address, name, "disabled account");
    }
    if (user.temporaryPasswordExpired(clock.instant(), temporaryLifetime)) {
      return failed(address, name, "temporary password expired");
    }
    throttle.succeeded(address, name);
    user.recordSuccessfulLogin(clock.instant());
    Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
    // From here the request acts as this user: the audit entry names who logged in.
    request.authenticate(user.username(), roles);
    actions.fire(
        ActionPerformed.of(
            AuditAction.USER_LOGGED_IN,
            user.username(),
            "roles "
                + roles
                + (user.passwordChangeRequired() ? "; password change required" : "")));
    return new Outcome(tokens.issue(user.username(), roles, user.tokenGeneration()), user, null);
  }

  private Outcome failed(String address, String name, String why) {
    throttle.failed(address, name);
    return refused(name, why, invalid());
  }

  private Outcome refused(String name, String why, ProblemException problem) {
    actions.fire(
        ActionPerformed.refused(
            AuditAction.USER_LOGGED_IN, name, ActionPerformed.Outcome.DENIED, why));
    return new Outcome(null, null, problem);
  }

  private static ProblemException invalid() {
    return new ProblemException(
        ProblemType.INVALID_CREDENTIALS, "The username or password is wrong.");
  }

  static ProblemException tooMany(LoginThrottle.Decision decision) {
    long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
    return new ProblemException(
            ProblemType.TOO_MANY_ATTEMPTS,
            "Too many failed attempts from this address; try again in "
                + seconds
                + " second(s). Other addresses are not affected.")
        .with(ProblemException.RETRY_AFTER_SECONDS, seconds);
  }
}
