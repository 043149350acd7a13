package org.traza.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.ItDatabase;

/** The audit log: what is recorded, that it cannot be changed, and that tampering is found. */
class AuditLogIT extends AgainstServer {

  @Test
  void a_write_is_recorded_with_who_when_what_where_and_how_it_ended() {
    Api.User armourer = api.newUser(Role.ARMOURER);
    Instant before = Instant.now().minusSeconds(5);
    Reply created = api.post("/api/firearms", armourer.token(), aFirearm().build());
    String id = String.valueOf(created.json().getInt("id"));

    List<JsonObject> entries = api.audit("action=FIREARM_REGISTERED&targetId=" + id);
    assertThat(entries).hasSize(1);
    JsonObject e = entries.get(0);
    assertThat(e.getString("actor")).isEqualTo(armourer.username());
    assertThat(e.getString("targetType")).isEqualTo("FIREARM");
    assertThat(e.getString("outcome")).isEqualTo("SUCCESS");
    assertThat(e.getString("clientAddress")).isEqualTo("127.0.0.1");
    assertThat(e.getString("requestId")).isEqualTo(created.header("X-Request-Id"));
    assertThat(Instant.parse(e.getString("occurredAt"))).isAfter(before);
    assertThat(e.getString("entryHash")).hasSize(64);
  }

  @Test
  void concurrent_queries_are_each_recorded_once_with_their_own_request_and_the_chain_holds()
      throws Exception {
    // Concurrent requests queue for the one chain head: each entry must be there once, in the
    // chain, with its own request's id, case and address.
    Api.User investigator = api.newUser(Role.INVESTIGATOR);
    String token = investigator.token();
    int threads = 8;
    int each = 10;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.Map<String, String> caseByRequest = new java.util.concurrent.ConcurrentHashMap<>();
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    String reference = "GROUP-" + thread + "-" + i;
                    Reply r =
                        api.post(
                            "/api/trace-queries",
                            token,
                            jakarta.json.Json.createObjectBuilder()
                                .add("caseReference", reference)
                                .add("serial", "ZZ" + thread + "X" + i)
                                .build());
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    caseByRequest.put(r.header("X-Request-Id"), reference);
                  }
                }));
      }
      for (var f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<JsonObject> entries = api.audit("action=TRACE_QUERY&actor=" + investigator.username());
    assertThat(entries).hasSize(threads * each);
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.getString("targetId"))
                  .isEqualTo(caseByRequest.get(e.getString("requestId")));
              assertThat(e.getString("clientAddress")).isEqualTo("127.0.0.1");
            });
    assertThat(entries.stream().map(e -> e.getString("requestId")).distinct())
        .hasSize(threads * each);
    Reply verify = api.get("/api/audit-entries/verify", api.as(Role.AUDITOR));
    assertThat(verify.json().getBoolean("intact")).as(verify.toString()).isTrue();
  }

  @Test
  void refused_and_denied_writes_are_recorded_too() {
    Api.User armourer = api.newUser(Role.ARMOURER);
    String token = armourer.token();
    JsonObject f = api.register(aFirearm().build());

    api.post("/api/firearms", token, aFirearm().withSerial(f.getString("serialNumber")).build());
    api.post(
        "/api/firearms/" + f.getInt("id") + "/void",
        token,
        jakarta.json.Json.createObjectBuilder().add("reason", "x").build());

    List<JsonObject> entries = api.audit("actor=" + armourer.username());
    assertThat(entries)
        .extracting(e -> e.getString("outcome") + " " + e.getString("detail"))
        .contains("REJECTED 409 duplicate-firearm", "DENIED 403 forbidden");
  }

  @Test
  void the_chain_verifies_and_the_application_user_cannot_change_or_delete_entries()
      throws SQLException {
    JsonObject f = api.register(aFirearm().build());
    api.patch(
        "/api/firearms/" + f.getInt("id"),
        api.admin(),
        "\"" + f.getInt("version") + "\"",
        jakarta.json.Json.createObjectBuilder()
            .add("notes", "seen")
            .add("reason", "inspection")
            .build());
    Reply verify = api.get("/api/audit-entries/verify", api.as(Role.AUDITOR));
    assertThat(verify.status()).isEqualTo(200);
    assertThat(verify.json().getBoolean("intact")).as(verify.toString()).isTrue();
    assertThat(verify.json().getJsonNumber("entriesChecked").longValue()).isPositive();

    try (Connection c = ItDatabase.applicationConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE audit_entry SET actor = 'mallory' WHERE id = 1"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry WHERE id = 1"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "DELETE FROM firearm_correction WHERE firearm_id = " + f.getInt("id")))
          .hasMessageContaining("append-only");
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "UPDATE firearm_correction SET reason = 'none' WHERE firearm_id = "
                          + f.getInt("id")))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM firearm WHERE id = " + f.getInt("id")))
          .hasMessageContaining("never deleted");
    }
  }

  @Test
  void an_entry_altered_behind_the_applications_back_is_named_by_verification()
      throws SQLException {
    JsonObject f = api.register(aFirearm().build());
    long entryId =
        api.audit("action=FIREARM_REGISTERED&targetId=" + f.getInt("id"))
            .get(0)
            .getJsonNumber("id")
            .longValue();
    String original;
    try (Connection c = ItDatabase.adminConnection()) {
      try (PreparedStatement q =
          c.prepareStatement("SELECT detail FROM audit_entry WHERE id = ?")) {
        q.setLong(1, entryId);
        ResultSet rs = q.executeQuery();
        rs.next();
        original = rs.getString(1);
      }
      rewriteDetail(c, entryId, "nothing to see here");
      try {
        JsonObject verify = api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json();
        assertThat(verify.getBoolean("intact")).isFalse();
        assertThat(verify.getJsonNumber("firstBrokenEntryId").longValue()).isEqualTo(entryId);
        assertThat(verify.getString("reason")).contains("altered");
      } finally {
        rewriteDetail(c, entryId, original);
      }
    }
    assertThat(
            api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json().getBoolean("intact"))
        .isTrue();
  }

  /** What a database superuser could do: lift the guard, edit, put the guard back. */
  private static void rewriteDetail(Connection c, long id, String detail) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER trg_audit_entry_no_update");
      try (PreparedStatement u =
          c.prepareStatement("UPDATE audit_entry SET detail = ? WHERE id = ?")) {
        u.setString(1, detail);
        u.setLong(2, id);
        assertThat(u.executeUpdate()).isEqualTo(1);
      } finally {
        s.execute(
            "CREATE TRIGGER trg_audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only'");
      }
    }
  }

  @Test
  void auditors_filter_and_page_through_the_log_newest_first() {
    Api.User supervisor = api.newUser(Role.SUPERVISOR);
    String token = supervisor.token();
    for (int i = 0; i < 3; i++) {
      api.post("/api/firearms", token, aFirearm().build());
    }
    String auditor = api.as(Role.AUDITOR);
    Reply page1 =
        api.get(
            "/api/audit-entries?action=FIREARM_REGISTERED&actor="
                + supervisor.username()
                + "&limit=2",
            auditor);
    List<Long> ids1 =
        page1.json().getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
            .toList();
    assertThat(ids1).hasSize(2).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    Reply page2 =
        api.get(
            "/api/audit-entries?action=FIREARM_REGISTERED&actor="
                + supervisor.username()
                + "&limit=2&cursor="
                + page1.json().getString("nextCursor"),
            auditor);
    assertThat(page2.json().getJsonArray("items")).hasSize(1);
    assertThat(
            api.get("/api/audit-entries?from=" + Instant.now().plusSeconds(3600), auditor)
                .json()
                .getJsonArray("items"))
        .isEmpty();
    assertThat(api.get("/api/audit-entries?from=yesterday", auditor).status()).isEqualTo(400);
  }

  @Test
  void the_export_is_the_same_selection_as_csv_with_the_hashes() {
    Api.User supervisor = api.newUser(Role.SUPERVISOR);
    for (int i = 0; i < 3; i++) {
      api.post(
          "/api/firearms", supervisor.token(), aFirearm().with("notes", "=cmd|x, \"y\"").build());
    }
    String filter = "?action=FIREARM_REGISTERED&actor=" + supervisor.username();
    Reply csv = api.get("/api/audit-entries/export" + filter, api.as(Role.AUDITOR));
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("audit-log.csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "id,occurred_at,actor,action,target_type,target_id,client_address,outcome,detail,"
                + "request_id,previous_hash,entry_hash");
    List<String> ids =
        api
            .get("/api/audit-entries" + filter, api.as(Role.AUDITOR))
            .json()
            .getJsonArray("items")
            .stream()
            .map(v -> String.valueOf(v.asJsonObject().getJsonNumber("id").longValue()))
            .toList();
    assertThat(lines.subList(1, lines.size()))
        .hasSize(3)
        .extracting(l -> l.substring(0, l.indexOf(',')))
        .containsExactlyElementsOf(ids);
    assertThat(lines.get(1)).contains(supervisor.username()).matches(".*,[0-9a-f]{64}$");
    assertThat(api.get("/api/audit-entries/export", supervisor.token()).status()).isEqualTo(403);
  }
}
