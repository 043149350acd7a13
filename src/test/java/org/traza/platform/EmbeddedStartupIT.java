package org.traza.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.traza.testing.Api;
import org.traza.testing.TrazaProcess;

/**
 * The shipped artefact as a new user runs it: {@code java -jar traza.jar} with nothing configured,
 * on the embedded H2 database in its working folder. Also the operators' schema check ({@code
 * db.migration.mode=validate}) and its exit codes.
 */
class EmbeddedStartupIT {

  private static final Pattern PASSWORD = Pattern.compile("password '([^']+)'");

  private final Path workdir =
      Path.of(
              System.getProperty("it.workdir", "../target/server/it"),
              "embedded-" + UUID.randomUUID())
          .toAbsolutePath();

  @Test
  void starts_with_nothing_configured_keeps_data_across_restarts_and_validates_its_schema()
      throws Exception {
    TrazaProcess first = TrazaProcess.start(workdir, TrazaProcess.QUICK_START);
    String password;
    String serial;
    try {
      Matcher m = PASSWORD.matcher(first.output());
      assertThat(m.find())
          .as("the generated administrator password is printed once:\n" + first.output())
          .isTrue();
      password = m.group(1);
      assertThat(password).hasSizeGreaterThanOrEqualTo(16);

      Api api = new Api(first.base());
      String token = tokenOf(api, password);
      var firearm = api.post("/api/firearms", token, aFirearm().build());
      assertThat(firearm.status()).isEqualTo(201);
      serial = firearm.json().getString("serialNumber");
      assertThat(api.get("/api/makes/GLOCK", token).status())
          .as("reference data is seeded")
          .isEqualTo(200);
      assertThat(api.send("GET", "/swagger-ui/", null, null, null).status()).isEqualTo(200);
      assertThat(api.send("GET", "/openapi", null, null, null).status()).isEqualTo(200);
      var metrics = api.send("GET", "/metrics", null, null, null);
      assertThat(metrics.status())
          .as("MicroProfile Metrics is off in the shipped jar (pre-boot-commands.txt)")
          .isEqualTo(403);
      assertThat(metrics.body()).doesNotContain("# TYPE");
      assertThat(api.send("GET", "/", null, null, null).header("Content-Security-Policy"))
          .contains("script-src 'self'");
    } finally {
      first.stop();
    }
    assertThat(workdir.resolve("traza-data/db")).isDirectory();

    TrazaProcess second = TrazaProcess.start(workdir, TrazaProcess.QUICK_START);
    try {
      assertThat(second.output()).doesNotContain("First administrator created");
      Api api = new Api(second.base());
      String token = tokenOf(api, password);
      assertThat(api.get("/api/firearms?serial=" + serial, token).json().getJsonArray("items"))
          .hasSize(1);
    } finally {
      second.stop();
    }

    assertThat(TrazaProcess.run(workdir, quick("-Ddb.migration.mode=validate"))).isEqualTo(0);

    Path ahead = workdir.resolve("migrations-ahead");
    Files.createDirectories(ahead.resolve("common"));
    try (Stream<Path> sql =
        Files.list(Path.of(System.getProperty("traza.migrations", "../db-migrations"), "common"))) {
      for (Path p : sql.toList()) {
        Files.copy(p, ahead.resolve("common").resolve(p.getFileName()));
      }
    }
    Files.writeString(
        ahead.resolve("common/V999__add_pending_table.sql"),
        "CREATE TABLE pending_example (id INT);");
    assertThat(
            TrazaProcess.run(
                workdir,
                quick(
                    "-Ddb.migration.mode=validate",
                    "-Ddb.migration.locations=filesystem:" + ahead)))
        .as("a pending migration means out of sync")
        .isEqualTo(2);

    assertThat(
            TrazaProcess.run(
                workdir,
                quick(
                    "-Ddb.migration.mode=validate",
                    "-Ddb.url=jdbc:mariadb://127.0.0.1:1/none",
                    "-Ddb.user=x",
                    "-Ddb.password=y")))
        .as("an unreachable database means the check failed")
        .isEqualTo(1);
  }

  private static List<String> quick(String... options) {
    List<String> all = new java.util.ArrayList<>(TrazaProcess.QUICK_START);
    all.addAll(List.of(options));
    return all;
  }

  private static String tokenOf(Api api, String password) {
    var login = api.login("admin", password);
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.json().getString("token");
  }
}
