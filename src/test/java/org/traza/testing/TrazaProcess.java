package org.traza.testing;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shipped uber-jar ({@code target/traza.jar}) run as a child process, as an operator runs it:
 * its output collected, its readiness awaited, its resident memory readable.
 */
public final class TrazaProcess {

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final int port;
  private final long startedNanos;
  private long readyNanos;

  private TrazaProcess(Process process, int port, long startedNanos) {
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
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
                // the process ended
              }
            },
            "traza-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * JVM options that halve start-up on two cores (C1 only, serial GC): for tests that start the
   * server often, never for measuring throughput.
   */
  public static final List<String> QUICK_START =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  public static Path jar() {
    return Path.of(System.getProperty("traza.uberjar", "../target/traza.jar")).toAbsolutePath();
  }

  private static Process launch(Path workdir, List<String> options, int port) throws IOException {
    return launch(workdir, options, Map.of(), port);
  }

  private static Process launch(
      Path workdir, List<String> options, Map<String, String> env, int port) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.io.tmpdir=" + workdir);
    command.addAll(options);
    command.add("-jar");
    command.add(jar().toString());
    command.add("--port");
    command.add(String.valueOf(port));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true);
    for (String key :
        List.of(
            "DB_URL",
            "DB_USER",
            "DB_PASSWORD",
            "DB_MIGRATION_USER",
            "DB_MIGRATION_PASSWORD",
            "DB_ALLOW_OWNER_RUNTIME",
            "ADMIN_PASSWORD")) {
      pb.environment().remove(key);
    }
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Starts the server and waits until it is ready (health and API both answer). */
  public static TrazaProcess start(Path workdir, List<String> options) throws Exception {
    return start(workdir, options, Map.of());
  }

  /** As {@link #start(Path, List)}, with environment variables (DB_URL ...) for the server. */
  public static TrazaProcess start(Path workdir, List<String> options, Map<String, String> env)
      throws Exception {
    Files.createDirectories(workdir);
    int port = freePort();
    TrazaProcess server =
        new TrazaProcess(launch(workdir, options, env, port), port, System.nanoTime());
    Api api = new Api(server.base());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!server.process.isAlive()) {
        throw new AssertionError("server exited:\n" + server.output());
      }
      try {
        if (api.send("GET", "/health/ready", null, null, null).status() == 200
            && api.send("GET", "/api/auth/jwks", null, null, null).status() == 200) {
          server.readyNanos = System.nanoTime();
          return server;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    server.stop();
    throw new AssertionError("server not ready in time:\n" + server.output());
  }

  /** Runs the jar to completion (validate mode) and returns its exit code. */
  public static int run(Path workdir, List<String> options) throws Exception {
    return runToEnd(workdir, options, Map.of()).exitCode();
  }

  /** How a run that ended by itself ended. */
  public record Ended(int exitCode, String output) {}

  /** Runs the jar, with environment variables, until it exits by itself. */
  public static Ended runToEnd(Path workdir, List<String> options, Map<String, String> env)
      throws Exception {
    Files.createDirectories(workdir);
    TrazaProcess p =
        new TrazaProcess(launch(workdir, options, env, freePort()), 0, System.nanoTime());
    if (!p.process.waitFor(240, TimeUnit.SECONDS)) {
      p.stop();
      throw new AssertionError("the run did not finish:\n" + p.output());
    }
    // the output reader may still be draining the pipe
    Thread.sleep(200);
    return new Ended(p.process.exitValue(), p.output());
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  public String output() {
    return output.toString();
  }

  /** Milliseconds from launching the JVM to the first ready answer. */
  public long startupMillis() {
    return TimeUnit.NANOSECONDS.toMillis(readyNanos - startedNanos);
  }

  /** Resident memory of the server process in MiB (Linux), or -1 where unknown. */
  public long residentMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }

  public void stop() throws InterruptedException {
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
