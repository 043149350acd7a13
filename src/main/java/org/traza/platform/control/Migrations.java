package org.traza.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Brings the schema up to date with Flyway before anything else runs; EclipseLink never touches the
 * schema. SQL shared by every database lives in {@code common/}, MariaDB-only SQL (triggers) in
 * {@code mariadb/}.
 *
 * <p>With {@code db.migration.mode=validate} the server only checks the schema and exits: 0 when
 * every migration is applied unchanged, 2 when the schema is out of sync (pending, missing or
 * changed migrations), 1 when the check itself fails (database unreachable, failed migration).
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  public static final int VALID = 0;
  public static final int CHECK_FAILED = 1;
  public static final int OUT_OF_SYNC = 2;

  private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "db.migration.mode", defaultValue = "migrate")
  String mode;

  @Inject
  @ConfigProperty(name = "db.migration.locations", defaultValue = "classpath:db/migration")
  String baseLocation;

  /** True when this server was started only to check the schema. */
  static boolean validating() {
    String mode;
    try {
      mode =
          ConfigProvider.getConfig(Migrations.class.getClassLoader())
              .getOptionalValue("db.migration.mode", String.class)
              .orElse(null);
    } catch (IllegalStateException noConfigRuntime) {
      mode = System.getProperty("db.migration.mode", System.getenv("DB_MIGRATION_MODE"));
    }
    return "validate".equalsIgnoreCase(mode);
  }

  @PostConstruct
  void start() {
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "migrate" -> migrate();
      case "validate" -> exitAfterValidation();
      case "none" ->
          LOG.log(System.Logger.Level.WARNING, "Migrations skipped (db.migration.mode=none)");
      default ->
          throw new IllegalStateException(
              "db.migration.mode must be migrate, validate or none, not " + mode);
    }
  }

  private void migrate() {
    Flyway flyway = flyway();
    var result = flyway.migrate();
    LOG.log(
        System.Logger.Level.INFO,
        "Schema at version {0}: {1} migration(s) applied now",
        flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
        result.migrationsExecuted);
  }

  private void exitAfterValidation() {
    int code;
    try {
      code = validate();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Schema validation could not run: " + e.getMessage());
      code = CHECK_FAILED;
    }
    exitWith(code, null);
  }

  /** Ends a validation run: prints the verdict and leaves with it as the exit code. */
  static void exitWith(int code, String why) {
    String verdict =
        switch (code) {
          case VALID -> "VALID: every migration is applied and unchanged";
          case OUT_OF_SYNC -> "OUT OF SYNC: the schema does not match the migrations";
          default -> "FAILED: the schema could not be checked or a migration failed";
        };
    String line =
        "traza schema validation: "
            + verdict
            + (why == null ? "" : " (" + why + ")")
            + ", exit "
            + code;
    LOG.log(code == VALID ? System.Logger.Level.INFO : System.Logger.Level.ERROR, line);
    System.err.println(line);
    System.err.flush();
    System.out.flush();
    // A check, not a server: leave at once, without Payara's shutdown, with the verdict as the
    // code.
    Runtime.getRuntime().halt(code);
  }

  /** Checks the schema without changing it and returns one of the exit codes above. */
  int validate() {
    Flyway flyway = flyway();
    MigrationInfo[] all = flyway.info().all();
    for (MigrationInfo info : all) {
      if (info.getState() == MigrationState.FAILED) {
        LOG.log(System.Logger.Level.ERROR, "Failed migration: " + info.getVersion());
        return CHECK_FAILED;
      }
    }
    ValidateResult result = flyway.validateWithResult();
    boolean pending = flyway.info().pending().length > 0;
    if (!result.validationSuccessful || pending) {
      result.invalidMigrations.forEach(
          m ->
              LOG.log(
                  System.Logger.Level.WARNING,
                  "Migration "
                      + m.version
                      + " "
                      + m.description
                      + ": "
                      + m.errorDetails.errorMessage));
      if (pending) {
        LOG.log(
            System.Logger.Level.WARNING, flyway.info().pending().length + " migration(s) pending");
      }
      return OUT_OF_SYNC;
    }
    return VALID;
  }

  private Flyway flyway() {
    return Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations(locations().toArray(String[]::new))
        .failOnMissingLocations(false)
        .load();
  }

  private List<String> locations() {
    List<String> locations = new ArrayList<>();
    for (String base : baseLocation.split(",")) {
      String trimmed = base.trim().replaceAll("/+$", "");
      locations.add(trimmed + "/common");
      vendor().ifPresent(v -> locations.add(trimmed + "/" + v));
    }
    return locations;
  }

  private Optional<String> vendor() {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("mariadb") || product.contains("mysql")) {
        return Optional.of("mariadb");
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("Database unreachable: " + e.getMessage(), e);
    }
  }
}
