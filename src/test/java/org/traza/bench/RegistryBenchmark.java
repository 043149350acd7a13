package org.traza.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.traza.testing.Api;
import org.traza.testing.ItDatabase;
import org.traza.testing.TrazaProcess;

/**
 * The registry's REST figures next to what raw JDBC does on the same MariaDB, in one run, so that
 * the ratio is what the README quotes (absolute times on these shared machines move with load).
 *
 * <p>Run with {@code mvn -Pbench verify}. Sizes: {@code -Dbench.firearms} rows seeded (default
 * 200,000), {@code -Dbench.registrations} REST registrations (2,000), {@code -Dbench.lookups}
 * serial lookups per client count (5,000). Writes target/bench/registry.txt and registry.svg.
 */
class RegistryBenchmark {

  private static final String DB = "traza_bench";
  private static final int SEEDED = Integer.getInteger("bench.firearms", 200_000);
  private static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 2_000);
  private static final int LOOKUPS = Integer.getInteger("bench.lookups", 5_000);
  private static final int EVENTS = Integer.getInteger("bench.events", 2_000);
  private static final int DASHBOARDS = Integer.getInteger("bench.dashboards", 40);

  /** Rounds of REST and JDBC series per station count; the median round is reported. */
  private static final int CUSTODY_ROUNDS = Integer.getInteger("bench.rounds", 3);

  /** The least seconds of custody events at 16 stations before the first series. */
  private static final int CUSTODY_WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 150);

  /** Firearms seeded for the custody warm-up alone (each event takes a fresh one). */
  private static final int CUSTODY_WARMUP_FIREARMS =
      Integer.getInteger("bench.warmup-firearms", 300_000);

  /** The numbers of concurrent stations of the custody part ({@code -Dbench.stations=16}). */
  private static final int[] STATIONS =
      java.util.Arrays.stream(System.getProperty("bench.stations", "1,4,16,64").split(","))
          .mapToInt(s -> Integer.parseInt(s.trim()))
          .toArray();

  /**
   * The parts to run ({@code -Dbench.only=custody}): registrations, lookups, trace, custody,
   * dashboard, labels.
   */
  private static final java.util.Set<String> ONLY =
      java.util.Set.of(
          System.getProperty("bench.only", "registrations,lookups,trace,custody,labels,dashboard")
              .split(","));

  private static final String JDBC_URL =
      "jdbc:mariadb://"
          + ItDatabase.host()
          + ":"
          + ItDatabase.port()
          + "/"
          + DB
          + "?useBulkStmts=true";

  private final List<Result> results = new ArrayList<>();
  private final StringBuilder report = new StringBuilder();

  /** One measured series: operations per second and latency percentiles. */
  record Result(String what, int clients, int ops, double perSecond, double p50ms, double p99ms) {}

  @Test
  void registry_rest_figures_against_raw_jdbc() throws Exception {
    ItDatabase.createSchemaAndUser(DB);
    Path work =
        Path.of(System.getProperty("it.workdir", "../target/server/it"), "bench").toAbsolutePath();
    TrazaProcess server =
        TrazaProcess.start(
            work,
            serverOptions(
                "-Xmx512m",
                "-Ddb.url=jdbc:mariadb://" + ItDatabase.host() + ":" + ItDatabase.port() + "/" + DB,
                "-Ddb.user=" + DB,
                "-Ddb.password=" + DB + "-pw",
                "-Ddb.migration.user=" + ItDatabase.owner(DB),
                "-Ddb.migration.password=" + ItDatabase.owner(DB) + "-pw",
                "-Dadmin.password=bench-admin-password",
                "-Dtraza.data-dir=" + work.resolve("data")));

    try {
      line(
          "Traza registry benchmark, %s, %d cores",
          Instant.now(), Runtime.getRuntime().availableProcessors());
      line(
          "cold start to ready (MariaDB, Flyway on an empty schema): %,d ms",
          server.startupMillis());
      line("resident memory once started: %,d MiB", server.residentMiB());

      progress("seeding %,d firearms over JDBC", SEEDED);
      long t0 = System.nanoTime();
      seed(0, SEEDED);
      line("seeded %,d firearms over JDBC in %.1f s", SEEDED, (System.nanoTime() - t0) / 1e9);

      Api api = new Api(server.base());
      String token = api.login("admin", "bench-admin-password").json().getString("token");

      for (int clients : ONLY.contains("registrations") ? new int[] {1, 4} : new int[0]) {
        progress("REST registrations, %d client(s)", clients);
        results.add(
            measure(
                "REST register (POST /api/firearms)",
                clients,
                REGISTRATIONS,
                i -> {
                  var r = api.post("/api/firearms", token, aFirearm().build());
                  if (r.status() != 201) {
                    throw new AssertionError(r.toString());
                  }
                }));
        progress("JDBC registrations, %d client(s)", clients);
        results.add(
            measure(
                "JDBC register (same rows and audit chain)",
                clients,
                REGISTRATIONS,
                jdbcRegister()));
      }
      for (int clients : ONLY.contains("lookups") ? new int[] {1, 8} : new int[0]) {
        progress("REST serial lookups, %d client(s)", clients);
        results.add(
            measure(
                "REST exact serial lookup (GET /api/firearms?serial=)",
                clients,
                LOOKUPS,
                i -> {
                  var r = api.get("/api/firearms?serial=" + seededSerial(), token);
                  if (r.status() != 200 || !r.body().contains("\"id\"")) {
                    throw new AssertionError(r.toString());
                  }
                }));
        progress("JDBC serial lookups, %d client(s)", clients);
        results.add(
            measure("JDBC exact serial lookup (same index)", clients, LOOKUPS, jdbcLookup()));
      }
      if (ONLY.contains("trace")) {
        trace(api, token);
      }
      if (ONLY.contains("custody")) {
        custody(api, token);
      }
      if (ONLY.contains("labels")) {
        labelsAndScans(api, token);
      }
      if (ONLY.contains("dashboard")) {
        dashboard(api, token);
      }
      line("resident memory after the runs: %,d MiB", server.residentMiB());
      printTable();
    } finally {
      server.stop();
    }
    Path out = Path.of(System.getProperty("bench.out", "../target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("registry.txt"), report);
    Files.writeString(out.resolve("registry.svg"), chart());
    System.out.println(
        "written: " + out.toAbsolutePath().resolve("registry.txt") + " and registry.svg");
    assertThat(results).allSatisfy(r -> assertThat(r.perSecond()).isPositive());
  }

  /**
   * A PDF sheet of 1000 labels through the REST API, and the photo of its first page decoded
   * through the REST API: the markings issue's batch and scan figures.
   */
  private void labelsAndScans(Api api, String token) throws Exception {
    progress("REST label sheet of 1000 labels, 3 runs");
    jakarta.json.JsonArrayBuilder ids = jakarta.json.Json.createArrayBuilder();
    try (Connection c = connect();
        var rs =
            c.createStatement().executeQuery("SELECT id FROM firearm ORDER BY id LIMIT 1000")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    String body = jakarta.json.Json.createObjectBuilder().add("firearmIds", ids).build().toString();
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    double[] seconds = new double[3];
    byte[] pdf = null;
    for (int run = 0; run < seconds.length; run++) {
      long start = System.nanoTime();
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(api.base().resolve("api/marking-labels"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      seconds[run] = (System.nanoTime() - start) / 1e9;
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "labels: " + response.statusCode() + " " + new String(response.body()));
      }
      pdf = response.body();
    }
    java.util.Arrays.sort(seconds);
    line(
        "REST PDF sheet of 1000 labels (POST /api/marking-labels): median %.2f s of 3, %,d bytes",
        seconds[1], pdf.length);

    progress("REST decode of a photographed label page, 20 runs");
    byte[] jpeg;
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var page =
          new org.apache.pdfbox.rendering.PDFRenderer(document)
              .renderImageWithDPI(0, 150, org.apache.pdfbox.rendering.ImageType.GRAY);
      var out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(page, "jpeg", out);
      jpeg = out.toByteArray();
    }
    double[] millis = new double[20];
    int symbols = 0;
    for (int run = 0; run < millis.length; run++) {
      long start = System.nanoTime();
      var r = api.postBytes("/api/scans/decode", token, "image/jpeg", jpeg);
      millis[run] = (System.nanoTime() - start) / 1e6;
      if (r.status() != 200) {
        throw new AssertionError("decode: " + r);
      }
      symbols = r.json().getJsonArray("symbols").size();
    }
    java.util.Arrays.sort(millis);
    line(
        "REST decode of one photographed A4 label page (1240 x 1754 px, JPEG): median %.0f ms,"
            + " %d of 21 symbols found and resolved",
        millis[10], symbols);
  }

  private static String seededSerial() {
    return serialOf(ThreadLocalRandom.current().nextInt(SEEDED));
  }

  /** Letters that are read for no digit: a seeded serial is then its own skeleton. */
  private static final String LETTERS = "ACDEFHJKMNPRTUVWXY";

  /**
   * The {@code i}-th seeded serial, like a real mark: two letters and seven digits, spread over the
   * alphabet and the digits (the digits are a bijection of {@code i}, so serials are unique).
   */
  static String serialOf(int i) {
    long mix = (i + 1L) * 0x9E3779B97F4A7C15L;
    mix ^= mix >>> 31;
    int a = (int) Math.floorMod(mix, (long) LETTERS.length());
    int b = (int) Math.floorMod(mix >>> 17, (long) LETTERS.length());
    long digits = (i * 7_654_321L + 1_234_567L) % 10_000_000L;
    return String.format(Locale.ROOT, "%c%c%07d", LETTERS.charAt(a), LETTERS.charAt(b), digits);
  }

  /** Inserts firearms number {@code from} to {@code from + count - 1} (distinct serials). */
  private void seed(int from, int count) throws SQLException {
    try (Connection c = DriverManager.getConnection(JDBC_URL, DB, DB + "-pw")) {
      long type = id(c, "SELECT id FROM firearm_type WHERE code = 'PISTOL'");
      long calibre = id(c, "SELECT id FROM calibre WHERE code = '9X19'");
      List<Long> makes = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM make")) {
        while (rs.next()) {
          makes.add(rs.getLong(1));
        }
      }
      c.setAutoCommit(false);
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO firearm (firearm_type_id, make_id, model, calibre_id, serial_number, serial_normalized,"
                  + " serial_skeleton, serial_skeleton_reversed,"
                  + " manufacture_country, manufacture_year, provenance, originator, confidentiality, status, live,"
                  + " created_at, created_by, updated_at, updated_by, version)"
                  + " VALUES (?, ?, 'Model', ?, ?, ?, ?, ?, 'BR', 2015, 'MANUFACTURED_HERE', 'bench', 'UNRESTRICTED',"
                  + " 'REGISTERED', 1, ?, 'bench', ?, 'bench', 1)")) {
        for (int i = from; i < from + count; i++) {
          String serial = serialOf(i);
          ps.setLong(1, type);
          ps.setLong(2, makes.get(i % makes.size()));
          ps.setLong(3, calibre);
          String skeleton = org.traza.scanner.payload.SerialNumbers.skeleton(serial);
          ps.setString(4, serial);
          ps.setString(5, serial);
          ps.setString(6, skeleton);
          ps.setString(7, new StringBuilder(skeleton).reverse().toString());
          ps.setTimestamp(8, now);
          ps.setTimestamp(9, now);
          ps.addBatch();
          if (i % 5000 == 4999) {
            ps.executeBatch();
            c.commit();
          }
        }
        ps.executeBatch();
        c.commit();
      }
    }
  }

  private static long id(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** What one registration costs the database: duplicate check, insert, chained audit entry. */
  private Op jdbcRegister() {
    ThreadLocal<Connection> connections = ThreadLocal.withInitial(RegistryBenchmark::connect);
    AtomicInteger counter = new AtomicInteger();
    return i -> {
      Connection c = connections.get();
      String serial = "JDBC" + System.nanoTime() + "X" + counter.incrementAndGet();
      try {
        try (PreparedStatement q =
            c.prepareStatement(
                "SELECT id FROM firearm WHERE make_id = 1 AND serial_normalized = ? AND live = 1")) {
          q.setString(1, serial);
          q.executeQuery().close();
        }
        Timestamp now = Timestamp.from(Instant.now());
        long firearmId;
        try (PreparedStatement ins =
            c.prepareStatement(
                "INSERT INTO firearm (firearm_type_id, make_id, model, calibre_id, serial_number, serial_normalized,"
                    + " manufacture_country, manufacture_year, provenance, originator, confidentiality, status, live,"
                    + " created_at, created_by, updated_at, updated_by, version)"
                    + " VALUES (1, 1, 'Model', 1, ?, ?, 'AT', 2019, 'MANUFACTURED_HERE', 'bench', 'UNRESTRICTED',"
                    + " 'REGISTERED', 1, ?, 'bench', ?, 'bench', 1)",
                Statement.RETURN_GENERATED_KEYS)) {
          ins.setString(1, serial);
          ins.setString(2, serial);
          ins.setTimestamp(3, now);
          ins.setTimestamp(4, now);
          ins.executeUpdate();
          ResultSet keys = ins.getGeneratedKeys();
          keys.next();
          firearmId = keys.getLong(1);
        }
        appendAudit(c, now, "FIREARM_REGISTERED", firearmId);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    };
  }

  /**
   * The audit entry the server writes with each audited write: on the first chain no other
   * transaction holds (or, when all are held, one at random, waited for), under that chain's lock.
   */
  private static void appendAudit(Connection c, Timestamp now, String action, long targetId)
      throws SQLException {
    int chain;
    long last;
    String lastHash;
    try (Statement s = c.createStatement();
        ResultSet free =
            s.executeQuery(
                "SELECT id, last_seq, last_hash FROM audit_chain_head ORDER BY id LIMIT 1"
                    + " FOR UPDATE SKIP LOCKED")) {
      if (free.next()) {
        chain = free.getInt(1);
        last = free.getLong(2);
        lastHash = free.getString(3);
      } else {
        try (ResultSet held =
            s.executeQuery(
                "SELECT id, last_seq, last_hash FROM audit_chain_head WHERE id = "
                    + (1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(16))
                    + " FOR UPDATE")) {
          held.next();
          chain = held.getInt(1);
          last = held.getLong(2);
          lastHash = held.getString(3);
        }
      }
    }
    String hash =
        sha256(
            chain
                + "/"
                + (last + 1)
                + "|"
                + now
                + "|bench|"
                + action
                + "|"
                + targetId
                + "|"
                + lastHash);
    try (PreparedStatement a =
        c.prepareStatement(
            "INSERT INTO audit_entry (occurred_at, actor, action, target_type, target_id, outcome,"
                + " chain_no, chain_seq, previous_hash, entry_hash)"
                + " VALUES (?, 'bench', ?, 'FIREARM', ?, 'SUCCESS', ?, ?, ?, ?)")) {
      a.setTimestamp(1, now);
      a.setString(2, action);
      a.setString(3, String.valueOf(targetId));
      a.setInt(4, chain);
      a.setLong(5, last + 1);
      a.setString(6, lastHash);
      a.setString(7, hash);
      a.executeUpdate();
    }
    try (PreparedStatement h =
        c.prepareStatement(
            "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = ?")) {
      h.setLong(1, last + 1);
      h.setString(2, hash);
      h.setInt(3, chain);
      h.executeUpdate();
    }
  }

  /**
   * The raw JDBC work of one custody event, as the server does it: lock the firearm, insert the
   * chained event, update the firearm and its chain head, append the audit entry, commit.
   */
  private ClosingOp jdbcCustody(long locationId, java.util.function.LongSupplier nextFirearm) {
    List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<Connection> connections =
        ThreadLocal.withInitial(
            () -> {
              Connection c = connect();
              opened.add(c);
              return c;
            });
    return new ClosingOp() {
      @Override
      public void close() throws SQLException {
        for (Connection c : opened) {
          c.close();
        }
      }

      @Override
      public void run(int i) throws Exception {
        Connection c = connections.get();
        long firearmId = nextFirearm.getAsLong();
        try {
          long seq;
          String head;
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT status, custody_seq, custody_head FROM firearm WHERE id = ? FOR UPDATE")) {
            q.setLong(1, firearmId);
            ResultSet rs = q.executeQuery();
            rs.next();
            seq = rs.getLong(2) + 1;
            head = rs.getString(3) == null ? "0".repeat(64) : rs.getString(3);
          }
          Timestamp now = Timestamp.from(Instant.now());
          String key = "jdbc-" + firearmId + "-" + seq;
          String hash =
              sha256(
                  firearmId
                      + "|"
                      + seq
                      + "|RECEIVE|REGISTERED|IN_STOCK||"
                      + locationId
                      + "|||bench|"
                      + now
                      + "||||"
                      + key
                      + "|"
                      + head);
          try (PreparedStatement ins =
              c.prepareStatement(
                  "INSERT INTO custody_event (firearm_id, seq, action, from_status, to_status,"
                      + " to_location_id, actor, server_time, idempotency_key, prev_hash, hash)"
                      + " VALUES (?, ?, 'RECEIVE', 'REGISTERED', 'IN_STOCK', ?, 'bench', ?, ?, ?, ?)")) {
            ins.setLong(1, firearmId);
            ins.setLong(2, seq);
            ins.setLong(3, locationId);
            ins.setTimestamp(4, now);
            ins.setString(5, key);
            ins.setString(6, head);
            ins.setString(7, hash);
            ins.executeUpdate();
          }
          try (PreparedStatement u =
              c.prepareStatement(
                  "UPDATE firearm SET status = 'IN_STOCK', location_id = ?, custody_seq = ?,"
                      + " custody_head = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            u.setLong(1, locationId);
            u.setLong(2, seq);
            u.setString(3, hash);
            u.setTimestamp(4, now);
            u.setLong(5, firearmId);
            u.executeUpdate();
          }
          appendAudit(c, now, "custody.receive", firearmId);
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        }
      }
    };
  }

  /**
   * Custody events over REST and as raw JDBC, 1 to 64 concurrent stations, each on fresh firearms.
   */
  private void custody(Api api, String token) throws Exception {
    var armoury =
        api.post(
            "/api/locations",
            token,
            jakarta.json.Json.createObjectBuilder()
                .add("code", "BENCH-ARMOURY")
                .add("name", "Benchmark armoury")
                .add("kind", "ARMOURY")
                .build());
    long armouryId = armoury.json().getJsonNumber("id").longValue();
    var location =
        api.post(
            "/api/locations",
            token,
            jakarta.json.Json.createObjectBuilder()
                .add("code", "BENCH-VAULT")
                .add("name", "Benchmark vault")
                .add("kind", "VAULT")
                .add("parentId", armouryId)
                .build());
    // every simulated station sends its own registered credential, as a real one does
    String[] stations = new String[64];
    for (int s = 0; s < stations.length; s++) {
      var st =
          api.post(
              "/api/stations",
              token,
              jakarta.json.Json.createObjectBuilder()
                  .add("code", "BENCH-" + s)
                  .add("name", "Benchmark station " + s)
                  .add("armouryId", armouryId)
                  .build());
      if (st.status() != 201) {
        throw new AssertionError("station: " + st);
      }
      stations[s] = st.json().getString("credential");
    }
    AtomicInteger stationNext = new AtomicInteger();
    ThreadLocal<StationConnection> connection =
        ThreadLocal.withInitial(() -> new StationConnection(api.base()));
    ThreadLocal<String> station =
        ThreadLocal.withInitial(() -> stations[stationNext.getAndIncrement() % stations.length]);
    if (location.status() != 201) {
      throw new AssertionError("location: " + location);
    }
    long locationId = location.json().getJsonNumber("id").longValue();
    // seeded ids need not be contiguous: take real REGISTERED ones, for REST, JDBC and the warm-up
    int perSeries = Math.min(1000, EVENTS / 2) + EVENTS;
    int measured = 2 * perSeries * STATIONS.length * CUSTODY_ROUNDS;
    if (CUSTODY_WARMUP_SECONDS > 0) {
      progress("seeding %,d more firearms for the warm-up", CUSTODY_WARMUP_FIREARMS);
      seed(SEEDED, CUSTODY_WARMUP_FIREARMS);
    }
    long[] ids = new long[measured + CUSTODY_WARMUP_FIREARMS];
    int available = 0;
    try (Connection c = connect();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT id FROM firearm WHERE status = 'REGISTERED' ORDER BY id LIMIT "
                        + ids.length)) {
      while (rs.next()) {
        ids[available++] = rs.getLong(1);
      }
    }
    if (available < measured) {
      throw new AssertionError(
          "the custody part needs " + measured + " registered firearms; -Dbench.firearms is low");
    }
    AtomicInteger nextId = new AtomicInteger(0);
    warmUpCustody(connection, token, station, ids, measured, available, locationId);
    for (int clients : STATIONS) {
      List<Result[]> rounds = new ArrayList<>();
      for (int round = 1; round <= CUSTODY_ROUNDS; round++) {
        progress(
            "REST custody events, %d station(s), round %d of %d", clients, round, CUSTODY_ROUNDS);
        Result rest =
            measure(
                "REST custody event (POST /api/custody-events)",
                clients,
                EVENTS,
                i ->
                    receive(
                        connection.get(),
                        token,
                        station.get(),
                        ids[nextId.getAndIncrement()],
                        locationId,
                        "bench-"));
        progress(
            "JDBC custody events, %d station(s), round %d of %d", clients, round, CUSTODY_ROUNDS);
        Result jdbc;
        try (ClosingOp op = jdbcCustody(locationId, () -> ids[nextId.getAndIncrement()])) {
          jdbc =
              measure(
                  "JDBC custody event (lock, chained insert, update, audit)", clients, EVENTS, op);
        }
        progress("  round %d: REST / JDBC %.2f", round, rest.perSecond() / jdbc.perSecond());
        rounds.add(new Result[] {rest, jdbc});
      }
      // the round with the median ratio stands for the series: one slow or fast moment of the
      // shared machine moves one round, not the figure
      rounds.sort(java.util.Comparator.comparingDouble(r -> r[0].perSecond() / r[1].perSecond()));
      Result[] median = rounds.get(rounds.size() / 2);
      results.add(median[0]);
      results.add(median[1]);
    }
  }

  /**
   * Custody events at 16 stations on firearms the series do not use, printing the rate every 10 s,
   * for at least {@link #CUSTODY_WARMUP_SECONDS} and then until the rate stops rising (three
   * windows in a row no more than 3 % above the best so far), at most four times as long. On two
   * cores the server's JIT compiles for a minute or two of such load (a quarter to half of its CPU
   * at first), and a server in service is past that.
   */
  private void warmUpCustody(
      ThreadLocal<StationConnection> connection,
      String token,
      ThreadLocal<String> station,
      long[] ids,
      int first,
      int available,
      long locationId)
      throws Exception {
    int spare = available - first;
    if (CUSTODY_WARMUP_SECONDS <= 0 || spare <= 0) {
      return;
    }
    progress(
        "REST custody events at 16 stations, warming the server up for at least %d s",
        CUSTODY_WARMUP_SECONDS);
    long started = System.nanoTime();
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < 16; c++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i; !stop.get() && (i = done.getAndIncrement()) < spare; ) {
                    receive(
                        connection.get(),
                        token,
                        station.get(),
                        ids[first + i],
                        locationId,
                        "warm-");
                  }
                  return null;
                }));
      }
      int before = 0;
      double best = 0;
      int flat = 0;
      while (!running.stream().allMatch(Future::isDone)) {
        Thread.sleep(10_000);
        int now = Math.min(done.get(), spare);
        double rate = (now - before) / 10.0;
        before = now;
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        flat = rate > best * 1.03 ? 0 : flat + 1;
        best = Math.max(best, rate);
        progress("  warm-up, %d s: %,.0f events/s over the last 10 s", elapsed, rate);
        if (elapsed >= CUSTODY_WARMUP_SECONDS && flat >= 3
            || elapsed >= 4L * CUSTODY_WARMUP_SECONDS) {
          stop.set(true);
        }
      }
      for (Future<?> f : running) {
        f.get();
      }
      if (done.get() >= spare) {
        progress("  warm-up ended early: no registered firearms left (raise -Dbench.firearms)");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The digits a reader takes for letters on a worn mark: 0→O, 1→I, 5→S, 8→B, 2→Z, 6→G. */
  private static String misread(String serial) {
    return serial.replace('0', 'O').replace('1', 'I').replace('5', 'S').replace('8', 'B');
  }

  /** Positions 3 and 6 unreadable: two letters and one digit still readable in front. */
  private static String obliterated(String serial) {
    char[] c = serial.toCharArray();
    c[3] = '?';
    c[6] = '?';
    return new String(c);
  }

  /** Trace queries of every kind sent before the first measured series. */
  static final int TRACE_WARMUP = Integer.getInteger("bench.warmup", 4_000);

  /**
   * Trace queries over REST (each also appended to the audit log) beside the same look-up in raw
   * SQL: an exact serial, a serial misread with confusable letters, one with two unreadable
   * positions, and one whose prefix is gone.
   */
  private void trace(Api api, String token) throws Exception {
    record Kind(String what, java.util.function.UnaryOperator<String> read, String sql) {}
    List<Kind> kinds =
        List.of(
            new Kind(
                "exact serial",
                x -> x,
                "SELECT id FROM firearm WHERE serial_normalized = ? AND live = 1 LIMIT 500"),
            new Kind(
                "serial misread with confusable letters",
                RegistryBenchmark::misread,
                "SELECT id FROM firearm WHERE serial_skeleton = ? AND live = 1 LIMIT 500"),
            new Kind(
                "serial with 2 unreadable positions",
                RegistryBenchmark::obliterated,
                "SELECT id FROM firearm WHERE serial_skeleton LIKE ? AND live = 1 LIMIT 500"),
            new Kind(
                "serial whose first 4 characters are gone",
                x -> "*" + x.substring(4),
                "SELECT id FROM firearm WHERE serial_skeleton_reversed LIKE ? AND live = 1"
                    + " LIMIT 500"));
    // -Dbench.trace-kinds=exact (or misread, unreadable, suffix, comma-separated): only those
    String only = System.getProperty("bench.trace-kinds", "exact,misread,unreadable,suffix");
    List<String> names = List.of("exact", "misread", "unreadable", "suffix");
    List<Kind> measured =
        kinds.stream().filter(k -> only.contains(names.get(kinds.indexOf(k)))).toList();
    // The four kinds share one server path: warm it (JIT, caches) on all of them before the
    // first series, as the custody part does, so that the first kind measured does not pay for it.
    progress("REST trace, warming the server up with %,d queries of every kind", TRACE_WARMUP);
    ThreadLocal<StationConnection> connection =
        ThreadLocal.withInitial(() -> new StationConnection(api.base()));
    for (int i = 0; i < TRACE_WARMUP; i++) {
      Kind k = kinds.get(i % kinds.size());
      traceQuery(connection.get(), token, "BENCH-WARMUP", k.read().apply(seededSerial()));
    }
    for (Kind k : measured) {
      for (int clients : new int[] {1, 8}) {
        progress("REST trace, %s, %d client(s)", k.what(), clients);
        results.add(
            measure(
                "REST trace: " + k.what() + " (POST /api/trace-queries, audited)",
                clients,
                LOOKUPS / 2,
                i -> {
                  String serial = seededSerial();
                  var r = traceQuery(connection.get(), token, "BENCH", k.read().apply(serial));
                  // A five-character suffix is shared by about one record in 100,000: at ten
                  // million the answer's best candidates (the limit) may all be other records that
                  // end the same way, which is the right answer to so little evidence.
                  boolean found =
                      r.body().contains(serial)
                          || (k.read().apply(serial).startsWith("*")
                              && r.body().contains("\"candidates\":[{"));
                  if (r.status() != 200 || !found) {
                    throw new AssertionError(serial + " not found: " + r);
                  }
                }));
        progress("SQL trace, %s, %d client(s)", k.what(), clients);
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(RegistryBenchmark::connect);
        results.add(
            measure(
                "SQL trace: " + k.what() + " (same index)",
                clients,
                LOOKUPS / 2,
                i -> {
                  String read = k.read().apply(seededSerial());
                  var q = org.traza.trace.entity.SerialQuery.parse(read);
                  String param =
                      k.sql().contains("serial_normalized")
                          ? q.normalized()
                          : k.sql().contains("reversed")
                              ? q.reversedLike()
                              : k.sql().contains("LIKE") ? q.like() : q.pattern();
                  try (PreparedStatement ps = connections.get().prepareStatement(k.sql())) {
                    ps.setString(1, param);
                    try (ResultSet rs = ps.executeQuery()) {
                      if (!rs.next()) {
                        throw new AssertionError("nothing for " + read);
                      }
                    }
                  }
                }));
      }
    }
  }

  /** A trace query over REST (each is audited), on the calling thread's own connection. */
  private static StationConnection.Reply traceQuery(
      StationConnection connection, String token, String caseReference, String serial) {
    return connection.send(
        "POST",
        "/api/trace-queries",
        Map.of("Authorization", "Bearer " + token),
        jakarta.json.Json.createObjectBuilder()
            .add("caseReference", caseReference)
            .add("serial", serial)
            .build()
            .toString());
  }

  /**
   * The web interface's dashboard, whose figures are GROUP BY over the whole registry: the REST
   * answer against the raw SQL of its largest part (holdings by status, type and place) in the same
   * run.
   */
  private void dashboard(Api api, String token) throws Exception {
    progress("REST dashboard (GET /api/dashboard), 1 client");
    results.add(
        measure(
            "REST dashboard (GET /api/dashboard: every figure)",
            1,
            DASHBOARDS,
            i -> {
              var r = api.get("/api/dashboard", token);
              if (r.status() != 200) {
                throw new AssertionError(r.toString());
              }
            }));
    progress("SQL holdings (GROUP BY status, type, location), 1 client");
    try (Connection c = connect()) {
      results.add(
          measure(
              "SQL holdings, the dashboard's largest query (same index)",
              1,
              DASHBOARDS,
              i -> {
                try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT status, firearm_type_id, location_id, COUNT(*) FROM firearm"
                                + " WHERE live = 1 GROUP BY status, firearm_type_id, location_id");
                    ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    throw new AssertionError("no firearm");
                  }
                }
              }));
    }
  }

  /**
   * One RECEIVE custody event over REST from a registered station, on the calling thread's own
   * connection (see {@link StationConnection}); anything but 201 fails.
   */
  private static void receive(
      StationConnection connection,
      String token,
      String station,
      long firearm,
      long location,
      String keyPrefix) {
    var r =
        connection.send(
            "POST",
            "/api/custody-events",
            Map.of("Authorization", "Bearer " + token, "X-Traza-Station", station),
            "{\"firearmId\":"
                + firearm
                + ",\"action\":\"RECEIVE\",\"locationId\":"
                + location
                + ",\"idempotencyKey\":\""
                + keyPrefix
                + firearm
                + "\"}");
    if (r.status() != 201) {
      throw new AssertionError(r.status() + " " + r.body());
    }
  }

  private Op jdbcLookup() {
    ThreadLocal<Connection> connections = ThreadLocal.withInitial(RegistryBenchmark::connect);
    return i -> {
      try (PreparedStatement q =
          connections
              .get()
              .prepareStatement(
                  "SELECT f.id, f.model, f.serial_number, m.code, c.code, t.code FROM firearm f"
                      + " JOIN make m ON m.id = f.make_id JOIN calibre c ON c.id = f.calibre_id"
                      + " JOIN firearm_type t ON t.id = f.firearm_type_id"
                      + " WHERE f.serial_normalized = ? AND f.live = 1 ORDER BY f.id LIMIT 50")) {
        q.setString(1, seededSerial());
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            throw new AssertionError("seeded serial not found");
          }
        }
      }
    };
  }

  private static Connection connect() {
    try {
      Connection c = DriverManager.getConnection(JDBC_URL, DB, DB + "-pw");
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String s) throws SQLException {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new SQLException(e);
    }
  }

  /** The server's options, plus {@code -Dbench.server-opts} (e.g. a flight recording), if any. */
  private static List<String> serverOptions(String... options) {
    List<String> all = new ArrayList<>(List.of(options));
    String extra = System.getProperty("bench.server-opts", "").trim();
    if (!extra.isEmpty()) {
      all.addAll(List.of(extra.split("\\s+")));
    }
    return all;
  }

  /** One operation of a series; {@code i} is its number. */
  interface Op {
    void run(int i) throws Exception;
  }

  /** An operation that holds connections of its own until closed. */
  interface ClosingOp extends Op, AutoCloseable {
    @Override
    void close() throws SQLException;
  }

  private Result measure(String what, int clients, int ops, Op op) throws Exception {
    // Enough for the JIT to compile the hot paths before the clock starts.
    int warmup = Math.min(1000, ops / 2);
    for (int i = 0; i < warmup; i++) {
      op.run(i);
    }
    long[] latencies = new long[ops];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(
          pool.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < ops; ) {
                  long t = System.nanoTime();
                  op.run(i);
                  latencies[i] = System.nanoTime() - t;
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(latencies);
    Result r =
        new Result(
            what,
            clients,
            ops,
            ops / seconds,
            latencies[ops / 2] / 1e6,
            latencies[(int) (ops * 0.99)] / 1e6);
    progress("  %,.0f/s, p50 %.2f ms, p99 %.2f ms", r.perSecond(), r.p50ms(), r.p99ms());
    return r;
  }

  private void printTable() {
    line("");
    line("| operation | clients | ops | per second | p50 ms | p99 ms | REST / JDBC |");
    line("|---|---|---|---|---|---|---|");
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      String ratio = "";
      if (r.what().startsWith("REST") && i + 1 < results.size()) {
        ratio = String.format(Locale.ROOT, "%.2f", r.perSecond() / results.get(i + 1).perSecond());
      }
      line(
          "| %s | %d | %,d | %,.0f | %.2f | %.2f | %s |",
          r.what(), r.clients(), r.ops(), r.perSecond(), r.p50ms(), r.p99ms(), ratio);
    }
  }

  /** A bar chart of REST throughput as a share of raw JDBC's, one bar per series pair. */
  private String chart() {
    StringBuilder svg = new StringBuilder();
    int width = 640;
    int barHeight = 28;
    List<String[]> bars = new ArrayList<>();
    for (int i = 0; i + 1 < results.size(); i += 2) {
      Result rest = results.get(i);
      Result jdbc = results.get(i + 1);
      String label =
          rest.what().replaceAll(" \\(.*", "").replace("REST ", "")
              + ", "
              + rest.clients()
              + " client(s)";
      bars.add(new String[] {label, String.valueOf(rest.perSecond() / jdbc.perSecond())});
    }
    int height = 60 + bars.size() * (barHeight + 12);
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='13'>",
            width,
            height));
    svg.append(
        "<text x='10' y='22' font-size='15'>REST throughput as a share of raw JDBC on the same MariaDB (1.0 = the physical limit)</text>");
    int y = 40;
    for (String[] bar : bars) {
      double share = Double.parseDouble(bar[1]);
      int w = (int) Math.round(Math.min(1.0, share) * 380);
      svg.append(String.format(Locale.ROOT, "<text x='10' y='%d'>%s</text>", y + 18, bar[0]));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='240' y='%d' width='380' height='%d' fill='#eee'/>",
              y,
              barHeight));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='240' y='%d' width='%d' height='%d' fill='#2b6cb0'/>",
              y,
              w,
              barHeight));
      svg.append(
          String.format(
              Locale.ROOT, "<text x='%d' y='%d' fill='#000'>%.2f</text>", 246 + w, y + 18, share));
      y += barHeight + 12;
    }
    return svg.append("</svg>\n").toString();
  }

  private void line(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    report.append(s).append('\n');
    System.out.println(s);
  }

  private static void progress(String format, Object... args) {
    System.out.println("... " + String.format(Locale.ROOT, format, args));
  }
}
