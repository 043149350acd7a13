package org.traza.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.traza.platform.control.DatabasePrivileges;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.ItDatabase;
import org.traza.testing.TrazaProcess;

/**
 * Least privilege in the database (issue 18): the server under test migrated its schema as the
 * owner and granted its runtime account only what the application needs. As that account, the
 * triggers that keep the ledgers append-only cannot be dropped, a ledger cannot be truncated,
 * altered, updated or deleted from; and a server whose own account could do so refuses to start.
 */
class DatabasePrivilegesIT extends AgainstServer {

  /** The append-only tables: MariaDB triggers refuse UPDATE and DELETE on them. */
  static final List<String> LEDGERS =
      List.of(
          "audit_entry",
          "custody_event",
          "firearm_correction",
          "marking_verification",
          "stock_count_scan",
          "destruction_scan",
          "destruction_photo",
          "destruction_certificate",
          "destruction_alert");

  @Test
  void the_runtime_account_can_neither_drop_the_ledgers_triggers_nor_truncate_or_alter_a_ledger()
      throws SQLException {
    try (Connection app = ItDatabase.applicationConnection();
        Statement s = app.createStatement()) {
      for (String trigger : triggers()) {
        assertThatThrownBy(() -> s.execute("DROP TRIGGER " + trigger))
            .as(trigger)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("denied");
      }
      for (String ledger : LEDGERS) {
        for (String ddl :
            List.of(
                "TRUNCATE TABLE " + ledger,
                "DROP TABLE " + ledger,
                "ALTER TABLE " + ledger + " ADD COLUMN forged INT",
                "RENAME TABLE " + ledger + " TO " + ledger + "_old",
                "CREATE TRIGGER trg_forged BEFORE INSERT ON " + ledger + " FOR EACH ROW SET @x = 1",
                "CREATE INDEX ix_forged ON " + ledger + " (id)")) {
          assertThatThrownBy(() -> s.execute(ddl))
              .as(ddl)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("denied");
        }
      }
      assertThatThrownBy(() -> s.execute("CREATE TABLE forged (id INT)"))
          .hasMessageContaining("denied");
    }
    assertThat(triggers()).as("every trigger is still there").hasSizeGreaterThanOrEqualTo(18);
  }

  @Test
  void the_runtime_account_may_not_update_or_delete_a_ledger_row_whatever_the_triggers()
      throws SQLException {
    try (Connection app = ItDatabase.applicationConnection();
        Statement s = app.createStatement()) {
      for (String ledger : LEDGERS) {
        // refused for want of the privilege, before any trigger is consulted
        assertThatThrownBy(() -> s.executeUpdate("UPDATE " + ledger + " SET id = id WHERE 1 = 0"))
            .as("UPDATE " + ledger)
            .hasMessageContaining("UPDATE command denied");
        assertThatThrownBy(() -> s.executeUpdate("DELETE FROM " + ledger + " WHERE 1 = 0"))
            .as("DELETE " + ledger)
            .hasMessageContaining("DELETE command denied");
      }
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM firearm WHERE 1 = 0"))
          .hasMessageContaining("DELETE command denied");
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE firearm SET created_by = 'mallory' WHERE 1 = 0"))
          .as("who registered a firearm never changes")
          .hasMessageContaining("denied");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE app_user SET username = 'x' WHERE 1 = 0"))
          .hasMessageContaining("denied");
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE flyway_schema_history SET success = 1 WHERE 1 = 0"))
          .hasMessageContaining("denied");
      assertThatCode(
              () ->
                  s.executeUpdate(
                      "UPDATE firearm SET notes = notes, version = version WHERE 1 = 0"))
          .as("mutable columns of a firearm")
          .doesNotThrowAnyException();
    }
  }

  @Test
  void the_runtime_account_reads_every_table_and_appends_to_the_ledgers() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection owner = ItDatabase.ownerConnection();
        ResultSet rs = owner.createStatement().executeQuery("SHOW TABLES")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertThat(tables).contains("audit_entry", "revoked_token", "flyway_schema_history");
    try (Connection app = ItDatabase.applicationConnection();
        Statement s = app.createStatement()) {
      for (String table : tables) {
        assertThatCode(() -> s.executeQuery("SELECT COUNT(*) FROM " + table).close())
            .as("SELECT on " + table + ": a new table needs its grants")
            .doesNotThrowAnyException();
      }
      app.setAutoCommit(false);
      try {
        s.executeUpdate(
            "INSERT INTO destruction_alert (kind, detail, actor, raised_at)"
                + " VALUES ('TEST', 'privileges', 'it', CURRENT_TIMESTAMP(6))");
        s.executeUpdate(
            "INSERT INTO audit_entry (occurred_at, actor, action, target_type, outcome,"
                + " previous_hash, entry_hash) VALUES (CURRENT_TIMESTAMP(6), 'it', 'TEST', 'TEST',"
                + " 'OK', REPEAT('0', 64), REPEAT('0', 64))");
      } finally {
        app.rollback(); // other tests verify the audit chain
      }
    }
  }

  @Test
  void the_privilege_check_accepts_the_runtime_account_and_names_what_the_owner_holds()
      throws SQLException {
    try (Connection app = ItDatabase.applicationConnection()) {
      assertThat(DatabasePrivileges.excessive(app)).isEmpty();
    }
    try (Connection owner = ItDatabase.ownerConnection()) {
      assertThat(DatabasePrivileges.excessive(owner))
          .singleElement()
          .asString()
          .contains("ALL PRIVILEGES on `" + ItDatabase.name() + "`.*");
    }
    try (Connection root = ItDatabase.adminConnection()) {
      assertThat(DatabasePrivileges.excessive(root))
          .anySatisfy(f -> assertThat(f).startsWith("ALL PRIVILEGES on *.*"));
    }
  }

  @Test
  void a_server_without_the_owners_credentials_finds_the_schema_up_to_date() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(
                "jdbc:mariadb://"
                    + ItDatabase.host()
                    + ":"
                    + ItDatabase.port()
                    + "/"
                    + ItDatabase.name(),
                ItDatabase.name(),
                ItDatabase.name() + "-pw")
            .locations(
                "filesystem:" + migrations() + "/common", "filesystem:" + migrations() + "/mariadb")
            .skipDefaultCallbacks(true)
            .load();
    assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    assertThat(flyway.migrate().migrationsExecuted).isZero();
  }

  @Test
  void the_server_refuses_to_start_when_its_own_account_owns_the_schema_unless_allowed()
      throws Exception {
    String db = ItDatabase.name() + "_one";
    ItDatabase.createSchemaAndUser(db);
    Path workdir =
        Path.of(
                System.getProperty("it.workdir", "../target/server/it"),
                "privileges-" + UUID.randomUUID())
            .toAbsolutePath();
    Map<String, String> ownerOnly =
        Map.of(
            "DB_URL",
            "jdbc:mariadb://" + ItDatabase.host() + ":" + ItDatabase.port() + "/" + db,
            "DB_USER",
            ItDatabase.owner(db),
            "DB_PASSWORD",
            ItDatabase.owner(db) + "-pw",
            "ADMIN_PASSWORD",
            "privileges-admin-password");

    TrazaProcess.Ended refused =
        TrazaProcess.runToEnd(workdir, TrazaProcess.QUICK_START, ownerOnly);
    assertThat(refused.exitCode()).as(refused.output()).isEqualTo(3);
    assertThat(refused.output())
        .contains("traza refuses to start")
        .contains("ALL PRIVILEGES on `" + db + "`.*")
        .contains("DB_MIGRATION_USER")
        .contains("db.allow-owner-runtime=true");

    Map<String, String> allowed = new java.util.HashMap<>(ownerOnly);
    allowed.put("DB_ALLOW_OWNER_RUNTIME", "true");
    TrazaProcess server = TrazaProcess.start(workdir, TrazaProcess.QUICK_START, allowed);
    try {
      assertThat(server.output()).contains("Starting anyway, because db.allow-owner-runtime=true");
      assertThat(new Api(server.base()).login("admin", "privileges-admin-password").status())
          .isEqualTo(200);
    } finally {
      server.stop();
      try (Connection root = ItDatabase.adminConnection();
          Statement s = root.createStatement()) {
        s.execute("DROP DATABASE " + db);
        for (String account : List.of(db, ItDatabase.owner(db))) {
          for (String host : List.of("%", "localhost")) {
            s.execute("DROP USER IF EXISTS '" + account + "'@'" + host + "'");
          }
        }
      }
    }
  }

  private static String migrations() {
    return Path.of(System.getProperty("traza.migrations", "../db-migrations"))
        .toAbsolutePath()
        .toString();
  }

  private static List<String> triggers() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection root = ItDatabase.adminConnection();
        ResultSet rs =
            root.createStatement()
                .executeQuery(
                    "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = '"
                        + ItDatabase.name()
                        + "'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
