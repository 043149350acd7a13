package org.traza.custody.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.ItDatabase;

class CustodyIT extends AgainstServer {

  /**
   * The walk-through, up to the count (stock counts come later): receive, issue, return.
   */
  @Test
  void ten_weapons_received_into_a_vault_two_issued_one_returned_and_the_chain_verifies() {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long officer = api.holder("OFFICER");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add((long) api.register(aFirearm().build()).getInt("id"));
    }
    for (long id : ids) {
      assertThat(event(token, id, "RECEIVE", b -> b.add("locationId", vault)).status())
          .isEqualTo(201);
    }
    for (long id : ids.subList(0, 2)) {
      Reply issued =
          event(
              token,
              id,
              "ISSUE",
              b -> b.add("holderId", officer).add("expectedReturn", "2026-12-01T18:00:00Z"));
      assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
      assertThat(issued.json().getString("toStatus")).isEqualTo("ISSUED");
    }
    Reply returned = event(token, ids.get(0), "RETURN", b -> b.add("locationId", vault));
    assertThat(returned.status()).isEqualTo(201);

    JsonObject first = api.get("/api/firearms/" + ids.get(0), token).json();
    assertThat(first.getString("status")).isEqualTo("IN_STOCK");
    assertThat(first.getJsonObject("custody").getInt("events")).isEqualTo(3);
    assertThat(api.get("/api/firearms/" + ids.get(1), token).json().getString("status"))
        .isEqualTo("ISSUED");

    var timeline = api.get("/api/firearms/" + ids.get(0) + "/custody-events", token).array();
    assertThat(timeline).hasSize(3);
    assertThat(timeline.getJsonObject(1).getString("prevHash"))
        .isEqualTo(timeline.getJsonObject(0).getString("hash"));
    assertThat(timeline.getJsonObject(2).getString("action")).isEqualTo("RETURN");

    JsonObject verify = api.get("/api/custody/verify", api.as(Role.AUDITOR)).json();
    assertThat(verify.getBoolean("intact")).as(verify.toString()).isTrue();
    assertThat(verify.getJsonNumber("events").longValue()).isGreaterThanOrEqualTo(13);
  }

  @Test
  void an_offline_batch_keeps_its_order_and_one_bad_item_does_not_stop_the_others() {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long officer = api.holder("OFFICER");
    long a = api.register(aFirearm().build()).getInt("id");
    long b = api.register(aFirearm().build()).getInt("id");
    String repeated = UUID.randomUUID().toString();
    var items =
        Json.createArrayBuilder()
            .add(item(a, "RECEIVE", repeated).add("locationId", vault))
            .add(item(a, "ISSUE", UUID.randomUUID().toString()).add("holderId", officer))
            .add(item(b, "ISSUE", UUID.randomUUID().toString()).add("holderId", officer))
            .add(item(b, "RECEIVE", UUID.randomUUID().toString()).add("locationId", vault))
            .add(item(a, "RECEIVE", repeated).add("locationId", vault))
            .add(Json.createObjectBuilder().add("action", "RECEIVE"))
            .build();

    Reply r =
        api.send("POST", "/api/custody-events/batch", token, "application/json", items.toString());

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    var results = r.json().getJsonArray("results");
    assertThat(results.stream().map(x -> x.asJsonObject().getInt("status")).toList())
        .containsExactly(201, 201, 409, 201, 200, 400);
    assertThat(results.getJsonObject(2).getJsonObject("problem").getString("currentStatus"))
        .isEqualTo("REGISTERED");
    assertThat(r.json().getInt("created")).isEqualTo(3);
    assertThat(r.json().getInt("replayed")).isEqualTo(1);
    assertThat(r.json().getInt("failed")).isEqualTo(2);

    var holdings = api.get("/api/locations/" + vault + "/holdings", token).json();
    assertThat(holdings.getJsonObject("byStatus").getInt("ISSUED")).isEqualTo(1);
    assertThat(holdings.getJsonObject("byStatus").getInt("IN_STOCK")).isEqualTo(1);
    assertThat(holdings.getJsonArray("firearms")).hasSize(2);
    assertThat(
            api.send("POST", "/api/custody-events/batch", token, "application/json", "[]").status())
        .isEqualTo(400);
  }

  @Test
  void a_weapon_not_back_by_its_expected_return_is_overdue() {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long officer = api.holder("OFFICER");
    long late = api.register(aFirearm().build()).getInt("id");
    long due = api.register(aFirearm().build()).getInt("id");
    for (long id : List.of(late, due)) {
      event(token, id, "RECEIVE", b -> b.add("locationId", vault));
    }
    event(
        token,
        late,
        "ISSUE",
        b -> b.add("holderId", officer).add("expectedReturn", "2020-01-01T00:00:00Z"));
    event(
        token,
        due,
        "ISSUE",
        b -> b.add("holderId", officer).add("expectedReturn", "2099-01-01T00:00:00Z"));

    List<Long> overdue = ids(api.get("/api/custody/issued?overdue=true", token));
    List<Long> issued = ids(api.get("/api/custody/issued", token));

    assertThat(overdue).contains(late).doesNotContain(due);
    assertThat(issued).contains(late, due);
  }

  private static List<Long> ids(Reply r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.array().stream().map(x -> x.asJsonObject().getJsonNumber("id").longValue()).toList();
  }

  private static JsonObjectBuilder item(long firearmId, String action, String key) {
    return Json.createObjectBuilder()
        .add("firearmId", firearmId)
        .add("action", action)
        .add("idempotencyKey", key)
        .add("deviceTime", "2026-11-29T02:00:00Z");
  }

  @Test
  void a_location_prints_its_label_as_a_symbol_of_its_code() throws Exception {
    long vault = api.location("VAULT", null);
    String code =
        api.get("/api/locations/" + vault, api.as(Role.ARMOURER)).json().getString("code");
    var request =
        java.net.http.HttpRequest.newBuilder(
                api.base().resolve("api/locations/" + vault + "/label"))
            .header("Authorization", "Bearer " + api.as(Role.ARMOURER))
            .build();
    var png =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(
            org.traza.testing.Symbols.decodePng(
                png.body(), com.google.zxing.BarcodeFormat.CODE_128))
        .isEqualTo("LOC " + code);
    assertThat(
            api.get("/api/locations/" + vault + "/label?symbology=pdf417", api.as(Role.ARMOURER))
                .status())
        .isEqualTo(400);
  }

  @Test
  void an_illegal_action_names_the_current_state_and_the_allowed_ones() {
    String token = api.as(Role.ARMOURER);
    long id = api.register(aFirearm().build()).getInt("id");
    Reply r = event(token, id, "ISSUE", b -> b.add("holderId", api.holder("OFFICER")));
    assertThat(r.status()).as(r.toString()).isEqualTo(409);
    assertThat(r.json().getString("type")).endsWith("/problems/illegal-state-transition");
    assertThat(r.json().getString("currentStatus")).isEqualTo("REGISTERED");
    assertThat(r.json().getJsonArray("allowedActions").getString(0)).isEqualTo("RECEIVE");
  }

  @Test
  void the_same_idempotency_key_a_hundred_times_makes_one_event() {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long id = api.register(aFirearm().build()).getInt("id");
    String key = UUID.randomUUID().toString();
    Set<Long> eventIds = new java.util.HashSet<>();
    int created = 0;
    for (int i = 0; i < 100; i++) {
      Reply r = event(token, id, "RECEIVE", key, b -> b.add("locationId", vault));
      assertThat(r.status()).as(r.toString()).isIn(200, 201);
      created += r.status() == 201 ? 1 : 0;
      eventIds.add(r.json().getJsonNumber("id").longValue());
    }
    assertThat(created).isEqualTo(1);
    assertThat(eventIds).hasSize(1);
    assertThat(api.get("/api/firearms/" + id + "/custody-events", token).array()).hasSize(1);

    Reply reused = event(token, id, "MOVE", key, b -> b.add("locationId", vault));
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.json().getString("type")).endsWith("/problems/idempotency-key-reused");
  }

  @Test
  void two_stations_issuing_one_firearm_at_once_exactly_one_wins() throws Exception {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long officer = api.holder("OFFICER");
    long id = api.register(aFirearm().build()).getInt("id");
    assertThat(event(token, id, "RECEIVE", b -> b.add("locationId", vault)).status())
        .isEqualTo(201);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Reply>> attempts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        attempts.add(() -> event(token, id, "ISSUE", b -> b.add("holderId", officer)));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Reply> f : pool.invokeAll(attempts)) {
        Reply r = f.get();
        statuses.add(r.status());
        if (r.status() == 409) {
          assertThat(r.json().getString("currentStatus")).isEqualTo("ISSUED");
        }
      }
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(api.get("/api/firearms/" + id + "/custody-events", token).array()).hasSize(2);
  }

  @Test
  void a_firearm_found_by_its_scanned_marking() {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long id = api.register(aFirearm().build()).getInt("id");
    String marking = api.get("/api/firearms/" + id + "/marking", token).header("X-Marking-Payload");
    Reply r =
        api.post(
            "/api/custody-events",
            token,
            Json.createObjectBuilder()
                .add("scannedText", marking)
                .add("action", "RECEIVE")
                .add("locationId", vault)
                .add("deviceTime", "2026-11-29T03:00:00Z")
                .add("idempotencyKey", UUID.randomUUID().toString())
                .build());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getJsonNumber("firearmId").longValue()).isEqualTo(id);
    assertThat(r.json().getString("deviceTime")).startsWith("2026-11-29T03:00");
  }

  @Test
  void an_event_altered_removed_or_slipped_in_behind_the_applications_back_is_named()
      throws SQLException {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long id = api.register(aFirearm().build()).getInt("id");
    event(token, id, "RECEIVE", b -> b.add("locationId", vault));
    event(token, id, "MOVE", b -> b.add("locationId", vault));
    event(token, id, "PLACE_IN_EVIDENCE", b -> b.add("reason", "case 17"));
    long only = api.register(aFirearm().build()).getInt("id");
    event(token, only, "RECEIVE", b -> b.add("locationId", vault));
    long second =
        api.get("/api/firearms/" + id + "/custody-events", token)
            .array()
            .getJsonObject(1)
            .getJsonNumber("id")
            .longValue();

    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER trg_custody_event_no_update");
      s.execute("DROP TRIGGER trg_custody_event_no_delete");
      try {
        // altered
        s.executeUpdate("UPDATE custody_event SET station = 'X' WHERE id = " + second);
        assertBroken(id, 2, "altered");
        s.executeUpdate("UPDATE custody_event SET station = NULL WHERE id = " + second);
        assertIntact();

        // removed: the last event, which only the firearm's chain head still remembers
        String[] last = row(c, id, 3);
        s.executeUpdate("DELETE FROM custody_event WHERE firearm_id = " + id + " AND seq = 3");
        assertBroken(id, 2, "removed");
        reinsert(c, last);
        assertIntact();

        // slipped in: a fourth event copied from the third
        s.executeUpdate(
            "INSERT INTO custody_event (firearm_id, seq, action, from_status, to_status,"
                + " actor, server_time, idempotency_key, prev_hash, hash)"
                + " SELECT firearm_id, 4, action, from_status, to_status, actor, server_time,"
                + " CONCAT(idempotency_key, '-copy'), hash, hash FROM custody_event"
                + " WHERE firearm_id = "
                + id
                + " AND seq = 3");
        assertBroken(id, 4, "altered");
        s.executeUpdate("DELETE FROM custody_event WHERE firearm_id = " + id + " AND seq = 4");
        assertIntact();

        // every event of a firearm removed: only its chain head is left to tell
        String[] sole = row(c, only, 1);
        s.executeUpdate("DELETE FROM custody_event WHERE firearm_id = " + only);
        assertBroken(only, 1, "none exist");
        reinsert(c, sole);
        assertIntact();
      } finally {
        s.execute(
            "CREATE TRIGGER trg_custody_event_no_update BEFORE UPDATE ON custody_event FOR EACH"
                + " ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_event is append-only'");
        s.execute(
            "CREATE TRIGGER trg_custody_event_no_delete BEFORE DELETE ON custody_event FOR EACH"
                + " ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_event is append-only'");
      }
    }
    // and the application's own database user cannot change an event at all: it holds no UPDATE
    // on the table, and the trigger stops even the schema's owner, which does
    try (Connection app = ItDatabase.applicationConnection();
        Statement s = app.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.executeUpdate("UPDATE custody_event SET reason = 'x' WHERE id = " + second))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("UPDATE command denied");
    }
    try (Connection owner = ItDatabase.ownerConnection();
        Statement s = owner.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.executeUpdate("UPDATE custody_event SET reason = 'x' WHERE id = " + second))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void bad_requests_are_problems() {
    String token = api.as(Role.ARMOURER);
    long id = api.register(aFirearm().build()).getInt("id");
    for (JsonObject body :
        List.of(
            Json.createObjectBuilder().add("firearmId", id).add("action", "RECEIVE").build(),
            Json.createObjectBuilder()
                .add("firearmId", id)
                .add("action", "FLY")
                .add("idempotencyKey", "k1-" + id)
                .build(),
            Json.createObjectBuilder()
                .add("firearmId", id)
                .add("action", "RECEIVE")
                .add("locationId", 987654321)
                .add("idempotencyKey", "k2-" + id)
                .build(),
            Json.createObjectBuilder()
                .add("scannedText", "TZ1 NOPE")
                .add("action", "RECEIVE")
                .add("idempotencyKey", "k3-" + id)
                .build())) {
      Reply r = api.post("/api/custody-events", token, body);
      assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(
            api.post(
                    "/api/custody-events",
                    api.as(Role.INVESTIGATOR),
                    Json.createObjectBuilder().add("firearmId", id).build())
                .status())
        .isEqualTo(403);
  }

  private void assertBroken(long firearmId, long seq, String what) {
    JsonObject v = api.get("/api/custody/verify", api.as(Role.AUDITOR)).json();
    assertThat(v.getBoolean("intact")).as(v.toString()).isFalse();
    assertThat(v.getJsonNumber("brokenFirearmId").longValue())
        .as(v.toString())
        .isEqualTo(firearmId);
    assertThat(v.getJsonNumber("brokenSeq").longValue()).as(v.toString()).isEqualTo(seq);
    assertThat(v.getString("problem")).as(v.toString()).contains(what);
  }

  private void assertIntact() {
    JsonObject v = api.get("/api/custody/verify", api.as(Role.AUDITOR)).json();
    assertThat(v.getBoolean("intact")).as(v.toString()).isTrue();
  }

  private static final String COLUMNS =
      "id, firearm_id, seq, action, from_status, to_status, from_location_id, to_location_id,"
          + " holder_id, station, actor, server_time, device_time, reason, document_ref,"
          + " idempotency_key, prev_hash, hash";

  private static String[] row(Connection c, long firearmId, long seq) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM custody_event WHERE firearm_id = ? AND seq = ?")) {
      q.setLong(1, firearmId);
      q.setLong(2, seq);
      ResultSet rs = q.executeQuery();
      rs.next();
      String[] values = new String[18];
      for (int i = 0; i < values.length; i++) {
        values[i] = rs.getString(i + 1);
      }
      return values;
    }
  }

  private static void reinsert(Connection c, String[] values) throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement(
            "INSERT INTO custody_event ("
                + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (int i = 0; i < values.length; i++) {
        u.setString(i + 1, values[i]);
      }
      u.executeUpdate();
    }
  }

  private Reply event(
      String token,
      long firearmId,
      String action,
      java.util.function.Consumer<JsonObjectBuilder> with) {
    return event(token, firearmId, action, UUID.randomUUID().toString(), with);
  }

  private Reply event(
      String token,
      long firearmId,
      String action,
      String key,
      java.util.function.Consumer<JsonObjectBuilder> with) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("firearmId", firearmId)
            .add("action", action)
            .add("idempotencyKey", key);
    with.accept(b);
    return api.post("/api/custody-events", token, b.build());
  }
}
