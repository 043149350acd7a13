package org.traza.scanner.station;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code traza-station}: register a station, then scan in a mode (receive, issue, return, move)
 * from a keyboard-wedge scanner, a serial scanner or a folder of photos; scans are journalled
 * before anything else and synced to the server, online or offline.
 */
@Command(
    name = "traza-station",
    mixinStandardHelpOptions = true,
    version = "traza-station 0.1.0",
    description =
        "The Traza station agent: scans checked and journalled locally, synced exactly once.",
    subcommands = {
      StationAgent.Register.class,
      StationAgent.Run.class,
      StationAgent.Sync.class,
      StationAgent.Status.class
    })
public final class StationAgent {

  static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line; the exit code. */
  public static int run(String... args) {
    return new CommandLine(new StationAgent()).execute(args);
  }

  /** A station on {@code journal}, printing its feedback. */
  static Station station(
      ScanJournal journal,
      StationHome.Registration reg,
      Operator operator,
      Duration duplicateWindow) {
    return new Station(
        journal,
        new StationClient(reg.server(), reg.credential(), Duration.ofSeconds(5)),
        reg.code(),
        operator.user,
        operator.password(),
        o -> OUT.println(o.line()),
        Clock.systemUTC(),
        duplicateWindow);
  }

  /** Options every command has. */
  static class Home {
    @Option(
        names = "--home",
        description = "the station's folder (default: ${DEFAULT-VALUE})",
        defaultValue = "${sys:user.home}/.traza-station")
    Path dir;

    StationHome home() {
      return new StationHome(dir);
    }
  }

  /** The operator's login. */
  static class Operator {
    @Option(names = "--user", required = true, description = "the operator's user name")
    String user;

    @Option(
        names = "--password-env",
        description =
            "read the password from this environment variable (default: ${DEFAULT-VALUE});"
                + " without it, the password is asked for",
        defaultValue = "TRAZA_PASSWORD")
    String passwordEnv;

    char[] password() {
      String fromEnv = System.getenv(passwordEnv);
      if (fromEnv != null && !fromEnv.isEmpty()) {
        return fromEnv.toCharArray();
      }
      Console console = System.console();
      if (console == null) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "no console to ask the password: set " + passwordEnv);
      }
      return console.readPassword("Password for %s: ", user);
    }
  }

  @Command(
      name = "register",
      description =
          "Register this device as a station of an armoury (an administrator logs in once); the"
              + " credential is kept in the station's folder")
  static final class Register implements Callable<Integer> {
    @CommandLine.Mixin Home home;

    @Option(names = "--server", required = true, description = "e.g. http://traza.example:8080")
    URI server;

    @Option(names = "--code", required = true, description = "the station's code, e.g. V1-HH1")
    String code;

    @Option(names = "--name", required = true, description = "e.g. 'Vault 1 handheld'")
    String name;

    @Option(names = "--armoury", required = true, description = "the armoury's location id")
    long armoury;

    @Option(names = "--admin", required = true, description = "an administrator's user name")
    String admin;

    @Option(names = "--admin-password-env", defaultValue = "TRAZA_ADMIN_PASSWORD")
    String adminPasswordEnv;

    @Override
    public Integer call() throws Exception {
      Operator who = new Operator();
      who.user = admin;
      who.passwordEnv = adminPasswordEnv;
      StationClient client = new StationClient(server, null, Duration.ofSeconds(10));
      String token = client.login(admin, who.password());
      String credential = client.registerStation(token, code, name, armoury);
      home.home().save(new StationHome.Registration(server, credential));
      OUT.println(
          "Station "
              + code
              + " registered for armoury "
              + armoury
              + "; credential kept in "
              + home.dir.resolve(StationHome.FILE));
      return 0;
    }
  }

  @Command(
      name = "run",
      description =
          "Scan in a mode (receive, issue, return, move, count, destruction-check). Keyboard"
              + " input also takes commands: '/mode issue 14' (mode and target id), '/status',"
              + " '/sync', '/quit'")
  static final class Run implements Callable<Integer> {
    @CommandLine.Mixin Home home;
    @CommandLine.Mixin Operator operator;

    @Option(
        names = "--mode",
        required = true,
        description = "receive, issue, return, move, count or destruction-check")
    String mode;

    @Option(
        names = "--target",
        required = true,
        description =
            "the location id (receive, return, move), holder id (issue), open stock count id"
                + " (count) or approved destruction order id (destruction-check)")
    long target;

    @Option(
        names = "--input",
        defaultValue = "keyboard",
        description = "keyboard (a keyboard-wedge scanner), serial or folder")
    String input;

    @Option(names = "--port", description = "serial port, e.g. /dev/ttyACM0 or COM3")
    String port;

    @Option(names = "--baud", defaultValue = "9600")
    int baud;

    @Option(names = "--suffix", defaultValue = "CR", description = "CR, LF, CRLF or TAB")
    Inputs.Suffix suffix;

    @Option(names = "--folder", description = "folder where a camera drops photos")
    Path folder;

    @Option(
        names = "--duplicate-window",
        defaultValue = "PT10M",
        description = "the same marking again in the same mode within this is a duplicate")
    Duration duplicateWindow;

    @Override
    public Integer call() throws Exception {
      StationHome.Registration reg = home.home().registration();
      AtomicReference<Mode> current = new AtomicReference<>(Mode.parse(mode));
      AtomicLong currentTarget = new AtomicLong(target);
      AtomicBoolean quit = new AtomicBoolean();
      try (ScanJournal journal = home.home().journal();
          Station station = station(journal, reg, operator, duplicateWindow)) {
        OUT.println(
            "Station "
                + reg.code()
                + ", mode "
                + current.get()
                + " to "
                + currentTarget.get()
                + "; "
                + journal.pendingCount()
                + " scan(s) pending from before");
        if (!station.connect()) {
          OUT.println("Working offline (" + station.state() + "): scans are kept until it is back");
        }
        station.start();
        switch (input) {
          case "keyboard" -> {
            BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; !quit.get() && (line = in.readLine()) != null; ) {
              if (line.startsWith("/")) {
                command(line, station, current, currentTarget, quit);
              } else {
                accept(line, station, current.get(), currentTarget);
              }
            }
          }
          case "serial" -> {
            if (port == null) {
              throw new CommandLine.ParameterException(
                  new CommandLine(this), "--input serial needs --port");
            }
            Inputs.serial(
                port, baud, suffix, t -> accept(t, station, current.get(), currentTarget));
          }
          case "folder" -> {
            if (folder == null) {
              throw new CommandLine.ParameterException(
                  new CommandLine(this), "--input folder needs --folder");
            }
            Inputs.folder(folder, quit::get, t -> accept(t, station, current.get(), currentTarget));
          }
          default ->
              throw new CommandLine.ParameterException(
                  new CommandLine(this), "--input is keyboard, serial or folder");
        }
        OUT.println("Input ended; sending what is pending (up to 30 s)...");
        station.awaitSynced(Duration.ofSeconds(30));
        OUT.println(station.pending() + " scan(s) pending; " + station.state());
      }
      return 0;
    }

    /** A scan: a location's label ('LOC <code>') chooses the target; anything else is scanned. */
    private static void accept(String text, Station station, Mode mode, AtomicLong target) {
      var label = Station.locationLabel(text);
      if (label.isEmpty()) {
        station.scan(text, mode, target.get());
        return;
      }
      if (mode.target() != Mode.Target.LOCATION) {
        OUT.println(
            "REFUSED   location label "
                + label.get()
                + ": mode "
                + mode
                + " needs a "
                + mode.target());
        return;
      }
      var id = station.location(label.get());
      if (id.isPresent()) {
        target.set(id.get());
        OUT.println("TARGET    location " + label.get() + " (#" + id.get() + ")");
      } else {
        OUT.println(
            "UNKNOWN   location label "
                + label.get()
                + " (not among the locations loaded from the server)");
      }
    }

    private static void command(
        String line,
        Station station,
        AtomicReference<Mode> mode,
        AtomicLong target,
        AtomicBoolean quit) {
      String[] w = line.trim().split("\\s+");
      switch (w[0]) {
        case "/mode" -> {
          if (w.length != 3) {
            OUT.println(
                "usage: /mode receive|issue|return|move|count|destruction-check <target id>");
            return;
          }
          mode.set(Mode.parse(w[1]));
          target.set(Long.parseLong(w[2]));
          OUT.println("mode " + mode.get() + " to " + target.get());
        }
        case "/status" -> OUT.println(station.pending() + " pending; " + station.state());
        case "/sync" -> OUT.println(station.syncNow() ? "all sent" : station.state());
        case "/quit" -> quit.set(true);
        default -> OUT.println("commands: /mode, /status, /sync, /quit");
      }
    }
  }

  @Command(
      name = "sync",
      description =
          "Send what is pending, then stop: exit 0 when all is sent, 3 when some is still pending")
  static final class Sync implements Callable<Integer> {
    @CommandLine.Mixin Home home;
    @CommandLine.Mixin Operator operator;

    @Option(
        names = "--timeout",
        defaultValue = "PT0S",
        description =
            "keep trying (with backoff) while the server is unreachable, up to this long"
                + " (default: one attempt)")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
      StationHome.Registration reg = home.home().registration();
      try (ScanJournal journal = home.home().journal();
          Station station = station(journal, reg, operator, Duration.ZERO)) {
        boolean done = station.syncNow();
        if (!done && !timeout.isZero()) {
          station.start();
          done = station.awaitSynced(timeout);
        }
        OUT.println(station.pending() + " scan(s) pending; " + station.state());
        return done ? 0 : 3;
      }
    }
  }

  @Command(name = "status", description = "What is pending in the journal")
  static final class Status implements Callable<Integer> {
    @CommandLine.Mixin Home home;

    @Override
    public Integer call() throws IOException {
      StationHome.Registration reg = home.home().registration();
      try (ScanJournal journal = home.home().journal()) {
        OUT.println(
            "station "
                + reg.code()
                + " at "
                + reg.server()
                + ": "
                + journal.pendingCount()
                + " scan(s) pending of "
                + journal.lastSeq()
                + "; journal in "
                + journal.dir());
        journal
            .pending(20)
            .forEach(s -> OUT.println("  #" + s.seq() + " " + s.mode() + " " + s.text()));
        return Files.exists(journal.dir()) ? 0 : 1;
      }
    }
  }
}
