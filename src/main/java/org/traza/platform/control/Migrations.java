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
import java.util.Map;
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
 * <p>Migrations run as the owner account ({@code db.migration.user}, {@code db.migration.password})
 * when one is configured, else as the application's own account ({@code db.user}). With an owner,
 * Flyway's {@code afterMigrate} callback on MariaDB grants the runtime account what the application
 * needs and nothing more. Then, before anything else runs, the server exits with code 3 when the
 * runtime account could still change the schema (drop a trigger, empty a ledger; see {@link
 * DatabasePrivileges}), unless {@code db.allow-owner-runtime=true}.
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
  public static final int OVER_PRIVILEGED = 3;

  private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "db.migration.mode", defaultValue = "migrate")
  String mode;

  @Inject
  @ConfigProperty(name = "db.migration.locations", defaultValue = "classpath:db/migration")
  String baseLocation;

  @Inject
  @ConfigProperty(name = "db.url")
  String url;

  @Inject
  @ConfigProperty(name = "db.user")
  Optional<String> runtimeUser;

  @Inject
  @ConfigProperty(name = "db.password")
  Optional<String> runtimePassword;

  @Inject
  @ConfigProperty(name = "db.migration.user")
  Optional<String> migrationUser;

  @Inject
  @ConfigProperty(name = "db.migration.password")
  Optional<String> migrationPassword;

  @Inject
  @ConfigProperty(name = "db.allow-owner-runtime", defaultValue = "false")
  boolean allowOwnerRuntime;

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
      case "migrate" -> {
        migrate();
        requireLeastPrivilege();
      }
      case "validate" -> exitAfterValidation();
      case "none" -> {
        LOG.log(System.Logger.Level.WARNING, "Migrations skipped (db.migration.mode=none)");
        requireLeastPrivilege();
      }
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

  /**
   * Stops the server, before it serves anything, when its own database account can undo what the
   * triggers protect; see {@link DatabasePrivileges}.
   */
  private void requireLeastPrivilege() {
    List<String> excess;
    try (Connection c = dataSource.getConnection()) {
      excess = DatabasePrivileges.excessive(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Database privileges unreadable: " + e.getMessage(), e);
    }
    if (excess.isEmpty()) {
      return;
    }
    String why = DatabasePrivileges.explain(excess);
    if (allowOwnerRuntime) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Over-privileged: " + why + " Starting anyway, because db.allow-owner-runtime=true.");
      return;
    }
    String line =
        "traza refuses to start: "
            + why
            + " To start anyway (not for production), set db.allow-owner-runtime=true"
            + " (DB_ALLOW_OWNER_RUNTIME=true). Exit "
            + OVER_PRIVILEGED;
    LOG.log(System.Logger.Level.ERROR, line);
    System.err.println(line);
    System.err.flush();
    System.out.flush();
    Runtime.getRuntime().halt(OVER_PRIVILEGED);
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
    DataSource owner = ownerDataSource().orElse(dataSource);
    var config =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(owner)
            .locations(locations(owner).toArray(String[]::new))
            .failOnMissingLocations(false);
    Optional<String> runtime = owner == dataSource ? Optional.empty() : runtimeAccount();
    if (runtime.isPresent()) {
      config.placeholders(Map.of("runtime_account", runtime.get()));
    } else {
      // One account does everything: nobody to grant to (the afterMigrate callback).
      config.skipDefaultCallbacks(true);
    }
    return config.load();
  }

  /** The owner's datasource, when an owner other than the runtime account is configured. */
  private Optional<DataSource> ownerDataSource() {
    Optional<String> owner = migrationUser.map(String::trim).filter(u -> !u.isEmpty());
    if (owner.isEmpty() || owner.equals(runtimeUser.map(String::trim))) {
      return Optional.empty();
    }
    UrlRoutedDataSource ds = new UrlRoutedDataSource();
    ds.setUrl(url);
    ds.setUser(owner.get());
    ds.setPassword(migrationPassword.orElse(null));
    return Optional.of(ds);
  }

  /**
   * The runtime account as MariaDB names it in a GRANT ({@code 'traza'@'%'}); empty when not on
   * MariaDB. Asked of the server over a connection without a default database: on a new schema the
   * account has no privilege on it yet, so it could not open the schema itself.
   */
  private Optional<String> runtimeAccount() {
    Optional<String> serverUrl = DatabasePrivileges.withoutDatabase(url);
    if (serverUrl.isEmpty()) {
      return Optional.empty();
    }
    UrlRoutedDataSource runtime = new UrlRoutedDataSource();
    runtime.setUrl(serverUrl.get());
    runtime.setUser(runtimeUser.orElse(null));
    runtime.setPassword(runtimePassword.orElse(null));
    try (Connection c = runtime.getConnection()) {
      return Optional.of(DatabasePrivileges.currentAccount(c));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The application's database account (db.user) cannot connect: " + e.getMessage(), e);
    }
  }

  private List<String> locations(DataSource db) {
    Optional<String> vendor = vendor(db);
    List<String> locations = new ArrayList<>();
    for (String base : baseLocation.split(",")) {
      String trimmed = base.trim().replaceAll("/+$", "");
      locations.add(trimmed + "/common");
      vendor.ifPresent(v -> locations.add(trimmed + "/" + v));
    }
    return locations;
  }

  private static Optional<String> vendor(DataSource db) {
    try (Connection c = db.getConnection()) {
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
