package org.traza.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.ItDatabase;

/**
 * Drives the JSON endpoints with generated hostile bodies (jqwik's generators, seeded): valid
 * requests with one to three fields replaced by numbers past every range, fractions and exponents,
 * long and strange text, deep nesting, wrong types, dates of any year, fields dropped or added.
 * Asserts that no answer is a 5xx, that every refusal is a problem, and that a refusal wrote
 * nothing (the registry's tables keep their row counts). Bounded for {@code mvn verify} ({@code
 * fuzz.iterations}, {@code fuzz.seconds}); {@code -Pfuzz} runs it longer. The seed is printed, and
 * {@code -Dfuzz.seed} replays a run.
 */
class JsonFuzzIT extends AgainstServer {

  private static final List<String> TABLES =
      List.of(
          "firearm",
          "firearm_marking",
          "firearm_correction",
          "custody_event",
          "location",
          "holder",
          "stock_count",
          "stock_count_scan",
          "destruction_order",
          "trace_request",
          "app_user");

  private record Target(String method, String path, Supplier<JsonObject> valid) {}

  @Test
  void no_generated_body_breaks_the_server_or_half_writes() throws SQLException {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    int iterations = Integer.getInteger("fuzz.iterations", 250);
    long deadline = System.nanoTime() + Long.getLong("fuzz.seconds", 45L) * 1_000_000_000L;
    Random random = new Random(seed);
    net.jqwik.engine.SourceOfRandomness.create(String.valueOf(seed));
    System.out.println("JsonFuzzIT seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");

    String admin = api.admin();
    long vault = api.location("VAULT", api.location("ARMOURY", api.location("AGENCY", null)));
    long firearm = api.register(aFirearm().build()).getJsonNumber("id").longValue();
    long holder = api.holder("OFFICER");
    List<Target> targets = targets(firearm, vault, holder);

    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int done = 0;
    try (Connection db = ItDatabase.adminConnection()) {
      while (done < iterations && System.nanoTime() < deadline) {
        Target t = targets.get(random.nextInt(targets.size()));
        String body = mutate(t.valid().get(), random);
        Map<String, Long> before = counts(db);
        Reply r =
            api.send(
                t.method(),
                t.path(),
                admin,
                t.method().equals("PATCH") ? "application/merge-patch+json" : "application/json",
                body,
                t.method().equals("PATCH") ? Map.of("If-Match", "\"0\"") : Map.of());
        statuses.merge(r.status(), 1, Integer::sum);
        if (r.status() >= 500) {
          failures.add(t.method() + " " + t.path() + " " + body + " -> " + r);
        } else if (r.status() >= 400) {
          if (!r.contentType().startsWith("application/problem+json")) {
            failures.add(t.method() + " " + t.path() + " -> " + r.status() + " not a problem");
          }
          Map<String, Long> after = counts(db);
          if (!after.equals(before)) {
            failures.add(
                t.method()
                    + " "
                    + t.path()
                    + " "
                    + body
                    + " -> "
                    + r.status()
                    + " but wrote: "
                    + before
                    + " -> "
                    + after);
          }
        }
        done++;
      }
    }
    System.out.println("JsonFuzzIT " + done + " bodies, answers by status " + statuses);
    assertThat(done).as("bodies sent").isGreaterThan(20);
    assertThat(failures).as("seed " + seed).isEmpty();
  }

  private List<Target> targets(long firearm, long vault, long holder) {
    List<Target> list = new ArrayList<>();
    list.add(
        new Target(
            "POST",
            "/api/custody-events",
            () ->
                Json.createObjectBuilder()
                    .add("firearmId", firearm)
                    .add("action", "MOVE")
                    .add("locationId", vault)
                    .add("deviceTime", "2026-12-01T10:00:00Z")
                    .add("reason", "fuzz")
                    .add("idempotencyKey", UUID.randomUUID().toString())
                    .build()));
    list.add(new Target("POST", "/api/firearms", () -> aFirearm().build()));
    list.add(
        new Target(
            "PATCH",
            "/api/firearms/" + firearm,
            () -> Json.createObjectBuilder().add("model", "M").add("reason", "fuzz").build()));
    list.add(
        new Target(
            "PATCH",
            "/api/locations/" + vault,
            () ->
                Json.createObjectBuilder()
                    .add("name", "Vault")
                    .add("countFrequencyDays", 30)
                    .build()));
    list.add(
        new Target(
            "PATCH",
            "/api/holders/" + holder,
            () -> Json.createObjectBuilder().add("name", "Ana").add("unit", "Patrol").build()));
    list.add(
        new Target(
            "POST",
            "/api/stock-counts",
            () -> Json.createObjectBuilder().add("locationId", 987_654_321L).build()));
    list.add(
        new Target(
            "POST",
            "/api/destruction-orders",
            () -> Api.destructionOrder(List.of(firearm), "CUTTING")));
    list.add(
        new Target(
            "POST",
            "/api/marking-labels",
            () ->
                Json.createObjectBuilder()
                    .add("firearmIds", Json.createArrayBuilder().add(firearm))
                    .add("columns", 2)
                    .add("rows", 5)
                    .add("labelWidthMm", 50.5)
                    .build()));
    list.add(
        new Target(
            "POST",
            "/api/trace-requests/check",
            () ->
                Json.createObjectBuilder()
                    .add("requestingAuthority", "Policía")
                    .add("requestingCountry", "CO")
                    .add("caseReference", "C-1")
                    .add("recoveredOn", "2026-11-20")
                    .add("weaponMake", "GLOCK")
                    .add("serialAsRead", "ABC123")
                    .build()));
    list.add(
        new Target(
            "POST",
            "/api/trace-queries",
            () ->
                Json.createObjectBuilder()
                    .add("caseReference", "C-1")
                    .add("serial", "ABC*")
                    .add("limit", 5)
                    .build()));
    list.add(
        new Target(
            "POST",
            "/api/scans/resolve",
            () -> Json.createObjectBuilder().add("text", "TZ1 1 GLOCK AT X").build()));
    return list;
  }

  /** One to three changes to a valid body; sometimes a body that is not an object at all. */
  private static String mutate(JsonObject valid, Random random) {
    if (random.nextInt(20) == 0) {
      return sample(hostileValue(), random);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    valid.forEach((k, v) -> fields.put(k, v.toString()));
    List<String> names = new ArrayList<>(fields.keySet());
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      switch (random.nextInt(6)) {
        case 0 -> fields.remove(names.get(random.nextInt(names.size())));
        case 1 -> fields.put("x" + random.nextInt(1000), sample(hostileValue(), random));
        default ->
            fields.put(names.get(random.nextInt(names.size())), sample(hostileValue(), random));
      }
    }
    StringBuilder b = new StringBuilder("{");
    fields.forEach(
        (k, v) ->
            b.append(b.length() > 1 ? "," : "").append(Json.createValue(k)).append(':').append(v));
    return b.append('}').toString();
  }

  // Outside a jqwik property, sample() draws from jqwik's current source of randomness, which
  // the test seeds once (SourceOfRandomness.create) so that a run can be replayed.
  private static <T> T sample(Arbitrary<T> arbitrary, Random random) {
    return arbitrary.sample();
  }

  /** JSON text of a value no client should send, as raw JSON. */
  private static Arbitrary<String> hostileValue() {
    Arbitrary<String> hugeNumbers =
        Arbitraries.bigIntegers()
            .between(
                java.math.BigInteger.TWO.pow(63).negate().subtract(java.math.BigInteger.TEN),
                java.math.BigInteger.TWO.pow(70))
            .map(java.math.BigInteger::toString);
    Arbitrary<String> fractions =
        Arbitraries.doubles().between(-1e12, 1e12).map(d -> Double.toString(d));
    Arbitrary<String> exponents = Arbitraries.integers().between(-400, 400).map(e -> "1e" + e);
    Arbitrary<String> texts =
        Arbitraries.strings()
            .all()
            .ofMinLength(0)
            .ofMaxLength(3000)
            .map(s -> Json.createValue(s).toString());
    Arbitrary<String> longTexts =
        Arbitraries.integers().between(200, 70_000).map(n -> "\"" + "x".repeat(n) + "\"");
    Arbitrary<String> dates =
        Arbitraries.integers()
            .between(-999_999, 999_999)
            .map(
                y ->
                    "\""
                        + (y < 0 ? "-" : y > 9999 ? "+" : "")
                        + String.format("%04d", Math.abs(y))
                        + "-06-01"
                        + (y % 2 == 0 ? "T00:00:00Z" : "")
                        + "\"");
    Arbitrary<String> nesting =
        Arbitraries.integers().between(1, 3000).map(d -> "[".repeat(d) + "1" + "]".repeat(d));
    Arbitrary<String> odd =
        Arbitraries.of("true", "false", "null", "{}", "[]", "\"\"", "\"\\u0000\"", "-0", "0.0");
    return Arbitraries.oneOf(
        hugeNumbers, fractions, exponents, texts, longTexts, dates, nesting, odd);
  }

  private static Map<String, Long> counts(Connection db) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement s = db.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }
}
