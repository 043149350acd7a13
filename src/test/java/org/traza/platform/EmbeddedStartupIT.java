package org.traza.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.traza.testing.Api;

/**
 * The shipped artefact as a new user runs it: {@code java -jar traza.jar} with nothing configured,
 * on the embedded H2 database in its working folder. Also the operators' schema check ({@code
 * db.migration.mode=validate}) and its exit codes.
 */
class EmbeddedStartupIT {

  private static final Pattern PASSWORD = Pattern.compile("password '([^']+)'");

  private final Path jar =
      Path.of(System.getProperty("traza.uberjar", "../target/traza.jar")).toAbsolutePath();
  private final Path workdir =
      Path.of(
              System.getProperty("it.workdir", "../target/server/it"),
              "embedded-" + UUID.randomUUID())
          .toAbsolutePath();

  @Test
  void starts_with_nothing_configured_keeps_data_across_restarts_and_validates_its_schema()
      throws Exception {
    Files.createDirectories(workdir);

    Server first = Server.start(jar, workdir, List.of());
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
    } finally {
      first.stop();
    }
    assertThat(workdir.resolve("traza-data/db")).isDirectory();

    Server second = Server.start(jar, workdir, List.of());
    try {
      assertThat(second.output()).doesNotContain("First administrator created");
      Api api = new Api(second.base());
      String token = tokenOf(api, password);
      assertThat(api.get("/api/firearms?serial=" + serial, token).json().getJsonArray("items"))
          .hasSize(1);
    } finally {
      second.stop();
    }

    assertThat(Server.run(jar, workdir, List.of("-Ddb.migration.mode=validate"))).isEqualTo(0);

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
            Server.run(
                jar,
                workdir,
                List.of(
                    "-Ddb.migration.mode=validate",
                    "-Ddb.migration.locations=filesystem:" + ahead)))
        .as("a pending migration means out of sync")
        .isEqualTo(2);

    assertThat(
            Server.run(
                jar,
                workdir,
                List.of(
                    "-Ddb.migration.mode=validate",
                    "-Ddb.url=jdbc:mariadb://127.0.0.1:1/none",
                    "-Ddb.user=x",
                    "-Ddb.password=y")))
        .as("an unreachable database means the check failed")
        .isEqualTo(1);
  }

  private static String tokenOf(Api api, String password) {
    var login = api.login("admin", password);
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.json().getString("token");
  }

  /** One run of the uber-jar as a child process, its output collected. */
  static final class Server {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final int port;

    private Server(Process process, int port) {
      this.process = process;
      this.port = port;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    output.append(line).append('\n');
                  }
                } catch (IOException e) {
                  // process ended
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    static Process launch(Path jar, Path workdir, List<String> options, int port)
        throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:+UseSerialGC");
      command.add("-Djava.io.tmpdir=" + workdir);
      command.addAll(options);
      command.add("-jar");
      command.add(jar.toString());
      command.add("--port");
      command.add(String.valueOf(port));
      ProcessBuilder pb =
          new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true);
      for (String key : List.of("DB_URL", "DB_USER", "DB_PASSWORD", "ADMIN_PASSWORD")) {
        pb.environment().remove(key);
      }
      return pb.start();
    }

    static Server start(Path jar, Path workdir, List<String> options) throws Exception {
      int port = freePort();
      Server server = new Server(launch(jar, workdir, options, port), port);
      Api api = new Api(server.base());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (System.nanoTime() < deadline) {
        if (!server.process.isAlive()) {
          throw new AssertionError("server exited:\n" + server.output());
        }
        try {
          if (api.send("GET", "/health/ready", null, null, null).status() == 200
              && api.send("GET", "/api/auth/jwks", null, null, null).status() == 200) {
            return server;
          }
        } catch (IllegalStateException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      server.stop();
      throw new AssertionError("server not ready in time:\n" + server.output());
    }

    /** Runs the jar to completion (validate mode) and returns its exit code. */
    static int run(Path jar, Path workdir, List<String> options) throws Exception {
      Server s = new Server(launch(jar, workdir, options, freePort()), 0);
      if (!s.process.waitFor(240, TimeUnit.SECONDS)) {
        s.stop();
        throw new AssertionError("validation did not finish:\n" + s.output());
      }
      return s.process.exitValue();
    }

    URI base() {
      return URI.create("http://127.0.0.1:" + port + "/");
    }

    String output() {
      return output.toString();
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket s = new ServerSocket(0)) {
        return s.getLocalPort();
      }
    }
  }
}
