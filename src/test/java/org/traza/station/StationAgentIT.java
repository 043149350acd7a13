package org.traza.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traza.scanner.station.Inputs;
import org.traza.scanner.station.Mode;
import org.traza.scanner.station.Outcome;
import org.traza.scanner.station.ScanJournal;
import org.traza.scanner.station.Station;
import org.traza.scanner.station.StationClient;
import org.traza.scanner.station.StationHome;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.ItDatabase;
import org.traza.testing.Relay;

/**
 * The station agent against the running server, through a relay the test can cut: scans made while
 * the server is away arrive exactly once and in order when it returns; a flapping network and an
 * agent killed in the middle of a sync change nothing; every kind of feedback; photos from a
 * folder.
 */
class StationAgentIT extends AgainstServer {

  @TempDir Path home;

  record Setup(long armoury, long vault, String credential, String code, String user) {}

  private Setup setup() {
    long armoury = api.location("ARMOURY", null);
    long vault = api.location("VAULT", armoury);
    String credential = api.station(armoury);
    String user = api.newUserIn(armoury, Api.Role.ARMOURER).username();
    return new Setup(
        armoury, vault, credential, credential.substring(0, credential.indexOf(':')), user);
  }

  private List<String> registered(int n) {
    String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String serial = "ST" + run + String.format("%05d", i);
      api.register(aFirearm().withSerial(serial).build());
      serials.add(serial);
    }
    return serials;
  }

  private Relay relay() {
    URI server = api.base();
    return new Relay(0, server.getHost(), server.getPort());
  }

  private static URI through(Relay relay) {
    return URI.create("http://127.0.0.1:" + relay.port() + "/");
  }

  @Test
  void scans_made_while_the_server_is_away_arrive_exactly_once_and_in_order() throws Exception {
    Setup s = setup();
    List<String> serials = registered(500);
    List<Outcome> feedback = new CopyOnWriteArrayList<>();
    Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofHours(3));
    try (Relay relay = relay();
        ScanJournal journal = ScanJournal.open(home.resolve("journal"));
        Station station = station(journal, through(relay), s, feedback::add, skewed)) {
      relay.cutOff();
      station.start();
      for (String serial : serials) {
        assertThat(station.scan(serial, Mode.RECEIVE, s.vault()).kind())
            .isEqualTo(Outcome.Kind.QUEUED);
      }
      Thread.sleep(1500);
      assertThat(station.pending()).isEqualTo(500);
      assertThat(station.state()).startsWith("offline");
      assertThat(events(s.code())).isEmpty();

      relay.restore();
      assertThat(station.awaitSynced(Duration.ofSeconds(120))).isTrue();
    }
    List<Event> events = events(s.code());
    assertThat(events).hasSize(500);
    assertThat(events.stream().map(Event::serial).toList())
        .as("in the order scanned")
        .containsExactlyElementsOf(serials);
    assertThat(events.stream().map(Event::key).distinct()).hasSize(500);
    Event first = events.get(0);
    assertThat(Duration.between(first.serverTime(), first.deviceTime()))
        .as("the station's clock (3 h ahead) is kept beside the server's")
        .isBetween(Duration.ofMinutes(170), Duration.ofMinutes(190));
    assertThat(feedback.stream().filter(o -> o.kind() == Outcome.Kind.ACCEPTED)).hasSize(500);
  }

  @Test
  void a_flapping_network_and_an_agent_killed_mid_sync_still_record_each_scan_once()
      throws Exception {
    Setup s = setup();
    List<String> serials = registered(600);
    try (Relay relay = relay()) {
      Process register =
          agent(
              "register",
              "--home",
              home.toString(),
              "--server",
              through(relay).toString(),
              "--code",
              "HH-" + UUID.randomUUID().toString().substring(0, 6),
              "--name",
              "vault handheld",
              "--armoury",
              String.valueOf(s.armoury()),
              "--admin",
              "admin");
      assertThat(register.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(register.exitValue()).as(output(register)).isZero();
      StationHome.Registration reg = new StationHome(home).registration();
      assertThat(reg.credential()).contains(":");

      relay.cutOff();
      try (ScanJournal journal = new StationHome(home).journal();
          Station offline =
              new Station(
                  journal,
                  new StationClient(reg.server(), reg.credential(), Duration.ofSeconds(1)),
                  reg.code(),
                  s.user(),
                  Api.USER_PASSWORD.toCharArray(),
                  o -> {},
                  Clock.systemUTC(),
                  Duration.ofMinutes(10))) {
        for (String serial : serials) {
          offline.scan(serial, Mode.RECEIVE, s.vault());
        }
        assertThat(offline.pending()).isEqualTo(600);
      }

      AtomicBoolean flapping = new AtomicBoolean(true);
      Thread flap =
          new Thread(
              () -> {
                try {
                  for (int i = 0; flapping.get(); i++) {
                    if (i % 2 == 0) {
                      relay.restore();
                    } else {
                      relay.cutOff();
                    }
                    Thread.sleep(i % 2 == 0 ? 700 : 300);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                relay.restore();
              });
      flap.start();
      Process first =
          agent("sync", "--home", home.toString(), "--user", s.user(), "--timeout", "PT2M");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (events(reg.code()).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      int before = events(reg.code()).size();
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertThat(before).as("killed in the middle of the sync").isBetween(1, 599);

      Process second =
          agent("sync", "--home", home.toString(), "--user", s.user(), "--timeout", "PT3M");
      assertThat(second.waitFor(200, TimeUnit.SECONDS)).isTrue();
      flapping.set(false);
      flap.join();
      assertThat(second.exitValue()).as(output(second)).isZero();
    }
    List<Event> events = events(new StationHome(home).registration().code());
    assertThat(events).hasSize(600);
    assertThat(events.stream().map(Event::serial).distinct()).hasSize(600);
    assertThat(events.stream().map(Event::serial).toList()).containsExactlyElementsOf(serials);
  }

  @Test
  void each_scan_gets_its_feedback() throws Exception {
    Setup s = setup();
    List<String> serials = registered(2);
    long holder = api.holder("OFFICER");
    List<Outcome> feedback = new CopyOnWriteArrayList<>();
    try (ScanJournal journal = ScanJournal.open(home.resolve("journal"));
        Station station = station(journal, api.base(), s, feedback::add, Clock.systemUTC())) {
      assertThat(station.scan("TZ1 AR 000123 GLOCK 88012-74 X", Mode.RECEIVE, s.vault()).kind())
          .as("a check character that fails is refused on the spot")
          .isEqualTo(Outcome.Kind.UNKNOWN_SYMBOL);
      station.scan(serials.get(0), Mode.RECEIVE, s.vault());
      assertThat(station.scan(serials.get(0).toLowerCase(), Mode.RECEIVE, s.vault()).kind())
          .isEqualTo(Outcome.Kind.DUPLICATE_SCAN);
      station.scan(serials.get(1), Mode.ISSUE, holder);
      station.scan(
          "NOSUCH" + UUID.randomUUID().toString().substring(0, 8), Mode.RECEIVE, s.vault());
      assertThat(station.syncNow()).isTrue();
      assertThat(journal.pendingCount()).isZero();
    }
    String vaultCode = api.get("/api/locations/" + s.vault(), api.admin()).json().getString("code");
    try (ScanJournal journal = ScanJournal.open(home.resolve("journal"));
        Station offline =
            station(journal, URI.create("http://127.0.0.1:9/"), s, o -> {}, Clock.systemUTC())) {
      assertThat(offline.connect()).isFalse();
      assertThat(offline.location(vaultCode))
          .as("a location label is understood offline: the locations were kept at the last login")
          .contains(s.vault());
    }
    assertThat(feedback)
        .extracting(Outcome::kind)
        .containsExactly(
            Outcome.Kind.UNKNOWN_SYMBOL,
            Outcome.Kind.QUEUED,
            Outcome.Kind.DUPLICATE_SCAN,
            Outcome.Kind.QUEUED,
            Outcome.Kind.QUEUED,
            Outcome.Kind.ACCEPTED,
            Outcome.Kind.ILLEGAL_ACTION,
            Outcome.Kind.UNKNOWN_SYMBOL);
    assertThat(feedback.get(6).detail()).contains("REGISTERED");
  }

  @Test
  void counts_and_destruction_checks_are_recorded_once_even_when_sent_again() throws Exception {
    Setup s = setup();
    List<String> serials = registered(3);
    String supervisorA = api.newUser(Api.Role.SUPERVISOR).token();
    String supervisorB = api.newUser(Api.Role.SUPERVISOR).token();
    List<Outcome> feedback = new CopyOnWriteArrayList<>();
    try (ScanJournal journal = ScanJournal.open(home.resolve("journal"));
        Station station = station(journal, api.base(), s, feedback::add, Clock.systemUTC())) {
      for (String serial : serials) {
        station.scan(serial, Mode.RECEIVE, s.vault());
      }
      assertThat(station.syncNow()).isTrue();

      long surplus =
          api.get("/api/firearms?serial=" + serials.get(2), api.admin())
              .json()
              .getJsonArray("items")
              .getJsonObject(0)
              .getJsonNumber("id")
              .longValue();
      assertThat(
              api.post(
                      "/api/custody-events",
                      api.as(Api.Role.ARMOURER),
                      jakarta.json.Json.createObjectBuilder()
                          .add("firearmId", surplus)
                          .add("action", "DECLARE_SURPLUS")
                          .add("idempotencyKey", UUID.randomUUID().toString())
                          .build())
                  .status())
          .isEqualTo(201);
      long order =
          api.post(
                  "/api/destruction-orders",
                  supervisorA,
                  Api.destructionOrder(List.of(surplus), "CUTTING"))
              .json()
              .getJsonNumber("id")
              .longValue();
      assertThat(
              api.post(
                      "/api/destruction-orders/" + order + "/approve",
                      supervisorB,
                      jakarta.json.Json.createObjectBuilder().build())
                  .status())
          .isEqualTo(200);
      long count =
          api.post(
                  "/api/stock-counts",
                  api.as(Api.Role.ARMOURER),
                  jakarta.json.Json.createObjectBuilder().add("locationId", s.vault()).build())
              .json()
              .getJsonNumber("id")
              .longValue();

      feedback.clear();
      station.scan(serials.get(0), Mode.COUNT, count);
      station.scan(serials.get(1), Mode.COUNT, count);
      station.scan("NOSUCH" + UUID.randomUUID().toString().substring(0, 6), Mode.COUNT, count);
      station.scan(serials.get(2), Mode.DESTRUCTION_CHECK, order);
      station.scan(serials.get(0), Mode.DESTRUCTION_CHECK, order);
      assertThat(station.syncNow()).isTrue();

      List<org.traza.scanner.station.Scan> sent = new ArrayList<>();
      try (ScanJournal again = ScanJournal.open(home.resolve("journal-replay"))) {
        sent.add(
            again.append(s.code() + "-replay", Mode.COUNT, count, serials.get(0), Instant.now()));
      }
      StationClient client = new StationClient(api.base(), s.credential(), Duration.ofSeconds(5));
      String token = client.login(s.user(), Api.USER_PASSWORD.toCharArray());
      assertThat(client.sendOne(token, sent.get(0)).status()).isEqualTo(201);
      StationClient.ItemResult replay = client.sendOne(token, sent.get(0));
      assertThat(replay.status()).as("a retry finds the scan").isEqualTo(200);
      assertThat(replay.outcome()).isEqualTo("COUNTED");

      assertThat(
              api.get("/api/stock-counts/" + count, api.as(Api.Role.ARMOURER))
                  .json()
                  .getInt("scans"))
          .as("three scans from the station and one sent twice")
          .isEqualTo(4);
      assertThat(api.get("/api/destruction-orders/" + order + "/scans", supervisorA).array())
          .hasSize(2);
    }
    assertThat(feedback)
        .extracting(Outcome::kind)
        .containsExactly(
            Outcome.Kind.QUEUED,
            Outcome.Kind.QUEUED,
            Outcome.Kind.QUEUED,
            Outcome.Kind.QUEUED,
            Outcome.Kind.QUEUED,
            Outcome.Kind.ACCEPTED,
            Outcome.Kind.ACCEPTED,
            Outcome.Kind.ACCEPTED,
            Outcome.Kind.ACCEPTED,
            Outcome.Kind.REFUSED);
    assertThat(feedback.get(7).detail()).contains("no record");
    assertThat(feedback.get(8).detail()).contains("on the order");
    assertThat(feedback.get(9).detail()).contains("NOT on this order");
  }

  @Test
  void photos_dropped_in_a_folder_are_decoded_and_recorded() throws Exception {
    Setup s = setup();
    String serial = registered(1).get(0);
    long id =
        api.get("/api/firearms?serial=" + serial, api.admin())
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    var png = api.getBytes("/api/firearms/" + id + "/marking?format=png", api.admin(), "image/png");
    assertThat(png.statusCode()).isEqualTo(200);
    Path folder = Files.createDirectories(home.resolve("camera"));
    Path photo = folder.resolve("IMG_0001.png");
    Files.write(photo, png.body());
    Files.setLastModifiedTime(
        photo, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(5)));
    List<Outcome> feedback = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    try (ScanJournal journal = ScanJournal.open(home.resolve("journal"));
        Station station = station(journal, api.base(), s, feedback::add, Clock.systemUTC())) {
      Thread watcher =
          new Thread(
              () ->
                  Inputs.folder(folder, stop::get, t -> station.scan(t, Mode.RECEIVE, s.vault())));
      watcher.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (journal.lastSeq() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      stop.set(true);
      watcher.join();
      assertThat(station.syncNow()).isTrue();
    }
    assertThat(folder.resolve("done").resolve("IMG_0001.png")).exists();
    assertThat(feedback).extracting(Outcome::kind).contains(Outcome.Kind.ACCEPTED);
    assertThat(events(s.code())).extracting(Event::serial).containsExactly(serial);
  }

  /** A station of {@code s} on {@code journal}, talking to {@code server}. */
  private static Station station(
      ScanJournal journal,
      URI server,
      Setup s,
      java.util.function.Consumer<Outcome> feedback,
      Clock clock) {
    return new Station(
        journal,
        new StationClient(server, s.credential(), Duration.ofSeconds(2)),
        s.code(),
        s.user(),
        Api.USER_PASSWORD.toCharArray(),
        feedback,
        clock,
        Duration.ofMinutes(10));
  }

  record Event(String serial, String key, Instant serverTime, Instant deviceTime) {}

  /** The custody events a station made, in the order the server recorded them. */
  private static List<Event> events(String stationCode) throws Exception {
    try (Connection c = ItDatabase.adminConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT f.serial_number, e.idempotency_key, e.server_time, e.device_time"
                    + " FROM custody_event e JOIN firearm f ON f.id = e.firearm_id"
                    + " WHERE e.idempotency_key LIKE ? ORDER BY e.id")) {
      ps.setString(1, stationCode + "-%");
      List<Event> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Event(
                  rs.getString(1),
                  rs.getString(2),
                  instant(rs.getTimestamp(3)),
                  instant(rs.getTimestamp(4))));
        }
      }
      return out;
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }

  /** The agent as its own process, as a station runs it. */
  private static Process agent(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.traza.scanner.station.StationAgent");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    File log = Files.createTempFile("station-agent", ".log").toFile();
    pb.redirectOutput(log);
    pb.environment().put("TRAZA_PASSWORD", Api.USER_PASSWORD);
    pb.environment().put("TRAZA_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
    Process p = pb.start();
    LOGS.put(p, log.toPath());
    return p;
  }

  private static final java.util.Map<Process, Path> LOGS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String output(Process p) throws Exception {
    return Files.readString(LOGS.get(p));
  }
}
