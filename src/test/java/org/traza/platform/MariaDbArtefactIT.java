package org.traza.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.traza.testing.Api;
import org.traza.testing.ItDatabase;
import org.traza.testing.TrazaProcess;

/**
 * The same artefact on MariaDB, configured only through DB_URL, DB_USER, DB_PASSWORD,
 * DB_MIGRATION_USER, DB_MIGRATION_PASSWORD, ADMIN_PASSWORD: the owner migrates the empty schema and
 * grants the runtime account, which then serves.
 */
class MariaDbArtefactIT {

  private static final String DB = "traza_it_env";

  @Test
  void the_uber_jar_runs_on_mariadb_configured_by_environment_variables() throws Exception {
    ItDatabase.createSchemaAndUser(DB);
    String url = "jdbc:mariadb://" + ItDatabase.host() + ":" + ItDatabase.port() + "/" + DB;
    Path workdir =
        Path.of(System.getProperty("it.workdir", "../target/server/it"), "mariadb-env")
            .toAbsolutePath();

    TrazaProcess server =
        TrazaProcess.start(
            workdir,
            TrazaProcess.QUICK_START,
            Map.of(
                "DB_URL",
                url,
                "DB_USER",
                DB,
                "DB_PASSWORD",
                DB + "-pw",
                "DB_MIGRATION_USER",
                ItDatabase.owner(DB),
                "DB_MIGRATION_PASSWORD",
                ItDatabase.owner(DB) + "-pw",
                "ADMIN_PASSWORD",
                "env-admin-password"));
    String serial;
    try {
      assertThat(server.output()).doesNotContain("password '");
      Api api = new Api(server.base());
      var login = api.login("admin", "env-admin-password");
      assertThat(login.status()).isEqualTo(200);
      var created = api.post("/api/firearms", login.json().getString("token"), aFirearm().build());
      assertThat(created.status()).isEqualTo(201);
      serial = created.json().getString("serialNormalized");
    } finally {
      server.stop();
    }

    try (Connection c = DriverManager.getConnection(url, DB, DB + "-pw");
        PreparedStatement q =
            c.prepareStatement("SELECT COUNT(*) FROM firearm WHERE serial_normalized = ?")) {
      q.setString(1, serial);
      ResultSet rs = q.executeQuery();
      rs.next();
      assertThat(rs.getInt(1))
          .as("the record is in MariaDB, not in an embedded database")
          .isEqualTo(1);
    }
    assertThat(workdir.resolve("traza-data/db")).doesNotExist();
  }
}
