package org.traza.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;
import org.traza.security.entity.Usernames;

/**
 * Creating users, granting roles, disabling and enabling accounts, passwords: the user's own change
 * and an administrator's reset. Every change that alters what a token stands for (password, roles,
 * armoury, enabled state) ends the user's sessions through the token generation.
 */
@ApplicationScoped
public class UserAdministration {

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Length of a generated password: 20 of 57 symbols, about 117 bits. */
  static final int GENERATED_LENGTH = 20;

  @Inject Users users;
  @Inject TokenService tokens;
  @Inject LoginThrottle throttle;
  @Inject RequestContext request;
  @Inject PasswordHasher hasher;
  @Inject Clock clock;
  @Inject Event<ActionPerformed> actions;

  /**
   * A new account named by the canonical form of {@code typed} ({@link Usernames}). With {@code
   * changeRequired} the password is an initial one the user must replace at the first login.
   */
  @Transactional
  public AppUser create(
      String typed,
      String fullName,
      String password,
      Set<Role> roles,
      Long armouryId,
      String actor,
      boolean changeRequired) {
    return create(typed, fullName, password, roles, armouryId, actor, changeRequired, true);
  }

  /**
   * As {@link #create}, and for the first administrator, whose password comes from the operator's
   * configuration rather than a person's choice: {@code checkPolicy} false only logs a weakness.
   */
  @Transactional
  AppUser create(
      String typed,
      String fullName,
      String password,
      Set<Role> roles,
      Long armouryId,
      String actor,
      boolean changeRequired,
      boolean checkPolicy) {
    String username =
        Usernames.forNewAccount(typed)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "username",
                        "use 3-64 of a-z 0-9 . _ - starting with a letter or digit (upper case"
                            + " is folded to lower case; other letters are refused)"));
    if (users.byUsername(username).isPresent()) {
      throw new ProblemException(ProblemType.CONFLICT, "A user named " + username + " exists.")
          .with("existing", "/api/users/" + username);
    }
    if (checkPolicy) {
      PasswordPolicy.check("password", password, username);
    }
    AppUser user =
        new AppUser(username, fullName, hasher.hash(password), roles, clock.instant(), actor);
    user.assignTo(armouryId);
    if (changeRequired) {
      user.requirePasswordChange();
    }
    users.add(user);
    actions.fire(
        ActionPerformed.of(
            AuditAction.USER_CREATED,
            username,
            "roles " + roles + (armouryId == null ? "" : " armoury " + armouryId)));
    return user;
  }

  @Transactional
  public AppUser grant(String username, Set<Role> roles) {
    AppUser user = existing(username);
    if (user.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN) && user.enabled()) {
      keepOneAdministrator(username);
    }
    Set<Role> before = Set.copyOf(user.roles());
    user.grant(roles);
    users.forget(user.username());
    actions.fire(
        ActionPerformed.of(
            AuditAction.USER_ROLES_CHANGED, user.username(), before + " -> " + roles));
    return user;
  }

  /** Confines {@code username} to armoury {@code armouryId}, or to none (national) with null. */
  @Transactional
  public AppUser assign(String username, Long armouryId) {
    AppUser user = existing(username);
    Long before = user.armouryId();
    user.assignTo(armouryId);
    users.forget(user.username());
    actions.fire(
        ActionPerformed.of(
            AuditAction.USER_ARMOURY_ASSIGNED,
            user.username(),
            "armoury "
                + (before == null ? "national" : before)
                + " -> "
                + (armouryId == null ? "national" : armouryId)));
    return user;
  }

  @Transactional
  public AppUser disable(String username) {
    AppUser user = existing(username);
    if (user.enabled() && user.hasRole(Role.ADMIN)) {
      keepOneAdministrator(username);
    }
    user.disable();
    users.forget(user.username());
    actions.fire(ActionPerformed.of(AuditAction.USER_DISABLED, user.username(), null));
    return user;
  }

  @Transactional
  public AppUser enable(String username) {
    AppUser user = existing(username);
    user.enable();
    users.forget(user.username());
    actions.fire(ActionPerformed.of(AuditAction.USER_ENABLED, user.username(), null));
    return user;
  }

  /** What a password reset answers, once: the temporary password. */
  public record Reset(AppUser user, String temporaryPassword) {}

  /**
   * Gives {@code username} a generated temporary password that must be changed at the next login;
   * the user's sessions end. The password is returned once and never stored or logged in clear.
   */
  @Transactional
  public Reset resetPassword(String username) {
    AppUser user = existing(username);
    String temporary = generatePassword();
    user.resetPassword(hasher.hash(temporary), clock.instant());
    users.forget(user.username());
    actions.fire(
        ActionPerformed.of(
            AuditAction.USER_PASSWORD_RESET,
            user.username(),
            "temporary password issued; sessions ended; change required at next login"));
    return new Reset(user, temporary);
  }

  /** The outcome of changing one's own password: the user and a token of the new generation. */
  public record Changed(AppUser user, TokenService.IssuedToken token) {}

  /**
   * The user {@code username} replaces their password, proving the current one (ASVS 2.1.6): the
   * new one must pass the policy and differ from the current one. Every earlier token of the user,
   * the one used for this request included, ends; the answer carries a new token. Wrong current
   * passwords count in the login throttle like failed logins.
   */
  @Transactional
  public Changed changeOwnPassword(String username, String current, String next) {
    AppUser user = existing(username);
    String address = request.clientAddress();
    LoginThrottle.Decision decision = throttle.check(address, user.username());
    if (!decision.allowed()) {
      throw LoginService.tooMany(decision);
    }
    if (current == null || !hasher.verify(current, user.passwordHash())) {
      throttle.failed(address, user.username());
      throw ProblemException.invalid("currentPassword", "is not your current password");
    }
    if (current.equals(next)) {
      throw ProblemException.invalid("newPassword", "must differ from the current password");
    }
    PasswordPolicy.check("newPassword", next, user.username());
    user.changePassword(hasher.hash(next), clock.instant());
    users.forget(user.username());
    actions.fire(
        ActionPerformed.of(
            AuditAction.USER_PASSWORD_CHANGED,
            user.username(),
            "by the user; other sessions ended"));
    Set<String> roles = new java.util.TreeSet<>();
    user.roles().forEach(r -> roles.add(r.name()));
    return new Changed(user, tokens.issue(user.username(), roles, user.tokenGeneration()));
  }

  /** The account {@code typed} names in canonical form; 404 when there is none. */
  public AppUser existing(String typed) {
    return Usernames.forLogin(typed)
        .flatMap(users::byUsername)
        .orElseThrow(() -> ProblemException.notFound("user", Usernames.printable(typed)));
  }

  /** A random password from an alphabet without look-alike characters. */
  public static String generatePassword() {
    StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private void keepOneAdministrator(String username) {
    if (users.countEnabledWith(Role.ADMIN) <= 1) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          username + " is the last enabled administrator; grant ADMIN to someone else first.");
    }
  }
}
