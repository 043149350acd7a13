package org.traza.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.security.entity.AppUser;
import org.traza.security.entity.Role;

/** Creating users, granting roles, disabling and enabling accounts. */
@ApplicationScoped
public class UserAdministration {

  public static final int MIN_PASSWORD_LENGTH = 12;

  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject Clock clock;
  @Inject Event<ActionPerformed> actions;

  @Transactional
  public AppUser create(
      String username,
      String fullName,
      String password,
      Set<Role> roles,
      Long armouryId,
      String actor) {
    if (users.byUsername(username).isPresent()) {
      throw new ProblemException(ProblemType.CONFLICT, "A user named " + username + " exists.")
          .with("existing", "/api/users/" + username);
    }
    checkPassword(password);
    AppUser user =
        new AppUser(username, fullName, hasher.hash(password), roles, clock.instant(), actor);
    user.assignTo(armouryId);
    users.add(user);
    actions.fire(
        ActionPerformed.success(
            "USER_CREATED",
            "USER",
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
    users.forget(username);
    actions.fire(
        ActionPerformed.success("ROLES_GRANTED", "USER", username, before + " -> " + roles));
    return user;
  }

  /** Confines {@code username} to armoury {@code armouryId}, or to none (national) with null. */
  @Transactional
  public AppUser assign(String username, Long armouryId) {
    AppUser user = existing(username);
    Long before = user.armouryId();
    user.assignTo(armouryId);
    users.forget(username);
    actions.fire(
        ActionPerformed.success(
            "USER_ASSIGNED",
            "USER",
            username,
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
    users.forget(username);
    actions.fire(ActionPerformed.success("USER_DISABLED", "USER", username, null));
    return user;
  }

  @Transactional
  public AppUser enable(String username) {
    AppUser user = existing(username);
    user.enable();
    users.forget(username);
    actions.fire(ActionPerformed.success("USER_ENABLED", "USER", username, "lockout lifted"));
    return user;
  }

  public AppUser existing(String username) {
    return users
        .byUsername(username)
        .orElseThrow(() -> ProblemException.notFound("user", username));
  }

  private void keepOneAdministrator(String username) {
    if (users.countEnabledWith(Role.ADMIN) <= 1) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          username + " is the last enabled administrator; grant ADMIN to someone else first.");
    }
  }

  public static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw ProblemException.invalid(
          "password", "must be at least " + MIN_PASSWORD_LENGTH + " characters long");
    }
  }
}
