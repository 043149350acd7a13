package org.traza.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.security.entity.Role;

/**
 * Creates the first administrator, {@code admin}, when there is none: with the password from {@code
 * admin.password} (env {@code ADMIN_PASSWORD}) or, when that is unset, a generated one printed once
 * to the log. There is no default password anywhere.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class FirstAdministrator {

  public static final String USERNAME = "admin";
  private static final System.Logger LOG = System.getLogger(FirstAdministrator.class.getName());

  @Inject Users users;
  @Inject UserAdministration administration;

  @Inject
  @ConfigProperty(name = "admin.password")
  Optional<String> configuredPassword;

  @PostConstruct
  void ensureAdministrator() {
    if (users.byUsername(USERNAME).isPresent()) {
      return;
    }
    boolean generated = configuredPassword.isEmpty();
    String password = configuredPassword.orElseGet(FirstAdministrator::generate);
    PasswordPolicy.weakness(password, USERNAME)
        .ifPresent(
            why ->
                LOG.log(
                    System.Logger.Level.WARNING,
                    "The configured admin.password "
                        + why
                        + ": it is used as configured; change it after the first login"
                        + " (POST /api/auth/password)."));
    administration.create(
        USERNAME,
        "First administrator",
        password,
        Set.of(Role.ADMIN),
        null,
        "system",
        false,
        false);
    if (generated) {
      LOG.log(
          System.Logger.Level.WARNING,
          "\n\n*** First administrator created: username 'admin', password '"
              + password
              + "'\n*** This password is shown only now. Log in and create named accounts.\n");
    } else {
      LOG.log(System.Logger.Level.INFO, "First administrator 'admin' created from admin.password");
    }
  }

  static String generate() {
    return UserAdministration.generatePassword();
  }
}
