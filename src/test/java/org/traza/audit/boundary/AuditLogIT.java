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
import java.util.UUID;
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

    List<JsonObject> entries = api.audit("action=firearm.registered&targetId=" + id);
    assertThat(entries).hasSize(1);
    JsonObject e = entries.get(0);
    assertThat(e.getString("actor")).isEqualTo(armourer.username());
    assertThat(e.getString("targetType")).isEqualTo("firearm");
    assertThat(e.getString("outcome")).isEqualTo("SUCCESS");
    assertThat(e.getString("clientAddress")).isEqualTo("127.0.0.1");
    assertThat(e.getString("requestId")).isEqualTo(created.header("X-Request-Id"));
    assertThat(Instant.parse(e.getString("occurredAt"))).isAfter(before);
    assertThat(e.getString("entryHash")).hasSize(64);
  }

  @Test
  void concurrent_queries_are_each_recorded_once_with_their_own_request_and_the_chain_holds()
      throws Exception {
    // Concurrent requests append to the log's chains at once: each entry must be there once, in
    // a chain, with its own request's id, case and address.
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

    List<JsonObject> entries = api.audit("action=trace-query.run&actor=" + investigator.username());
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
        .filteredOn(e -> e.getString("action").equals("request.refused"))
        .extracting(e -> e.getString("outcome") + " " + e.getString("detail"))
        .anyMatch(d -> d.startsWith("REJECTED POST /api/firearms answered 409"))
        .anyMatch(d -> d.startsWith("DENIED POST /api/firearms/") && d.contains("answered 403"));
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

    // The application's own account holds neither UPDATE nor DELETE on these tables ...
    try (Connection c = ItDatabase.applicationConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE audit_entry SET actor = 'mallory' WHERE id = 1"))
          .hasMessageContaining("UPDATE command denied");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry WHERE id = 1"))
          .hasMessageContaining("DELETE command denied");
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "DELETE FROM firearm_correction WHERE firearm_id = " + f.getInt("id")))
          .hasMessageContaining("DELETE command denied");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM firearm WHERE id = " + f.getInt("id")))
          .hasMessageContaining("DELETE command denied");
    }
    // ... and the triggers stop even the schema's owner, which does.
    try (Connection c = ItDatabase.ownerConnection();
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
        api.audit("action=firearm.registered&targetId=" + f.getInt("id"))
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

  @Test
  void a_transaction_holding_one_chain_does_not_hold_up_the_others() throws Exception {
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeQuery("SELECT * FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
      try {
        long started = System.nanoTime();
        JsonObject f = api.register(aFirearm().build());
        long millis = (System.nanoTime() - started) / 1_000_000;
        JsonObject entry = api.audit("action=firearm.registered&targetId=" + f.getInt("id")).get(0);
        assertThat(entry.getInt("chain")).isNotEqualTo(1);
        assertThat(millis).as("not queued behind the held chain").isLessThan(10_000);
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void when_every_chain_is_held_an_append_waits_for_one_and_is_recorded() throws Exception {
    java.util.concurrent.CompletableFuture<Reply> registration;
    String token = api.as(Role.SUPERVISOR); // signing in is audited too
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeQuery("SELECT * FROM audit_chain_head FOR UPDATE").close();
      try {
        registration =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> api.post("/api/firearms", token, aFirearm().build()));
        Thread.sleep(1500);
        assertThat(registration).as("waits while every head is held").isNotDone();
      } finally {
        c.rollback();
      }
    }
    Reply created = registration.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(api.audit("action=firearm.registered&targetId=" + created.json().getInt("id")))
        .hasSize(1);
    assertThat(
            api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json().getBoolean("intact"))
        .isTrue();
  }

  @Test
  void a_removed_entry_is_named_by_its_chain_and_position() throws SQLException {
    api.register(aFirearm().build());
    api.register(aFirearm().build());
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      // an entry with a successor in its chain: its removal leaves a gap, not a short chain
      ResultSet rs =
          s.executeQuery(
              "SELECT e.id, e.chain_no, e.chain_seq, n.id FROM audit_entry e JOIN audit_entry n"
                  + " ON n.chain_no = e.chain_no AND n.chain_seq = e.chain_seq + 1"
                  + " ORDER BY e.id DESC LIMIT 1");
      assertThat(rs.next()).isTrue();
      long removed = rs.getLong(1);
      int chain = rs.getInt(2);
      long position = rs.getLong(3);
      long successor = rs.getLong(4);
      rs.close();
      s.execute(
          "CREATE TEMPORARY TABLE removed_entry AS SELECT * FROM audit_entry WHERE id = "
              + removed);
      withoutGuard(
          s, "delete", () -> s.executeUpdate("DELETE FROM audit_entry WHERE id = " + removed));
      try {
        JsonObject verify = api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json();
        assertThat(verify.getBoolean("intact")).isFalse();
        assertThat(verify.getInt("brokenChain")).isEqualTo(chain);
        assertThat(verify.getJsonNumber("brokenPosition").longValue()).isEqualTo(position);
        assertThat(verify.getJsonNumber("firstBrokenEntryId").longValue()).isEqualTo(successor);
        assertThat(verify.getString("reason"))
            .contains("position " + position + " of chain " + chain + " is missing");
      } finally {
        s.executeUpdate("INSERT INTO audit_entry SELECT * FROM removed_entry");
      }
    }
    assertThat(
            api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json().getBoolean("intact"))
        .isTrue();
  }

  @Test
  void an_entry_slipped_in_past_a_chains_head_or_outside_every_chain_is_named()
      throws SQLException {
    api.register(aFirearm().build());
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      for (String chainAndPosition :
          List.of("2, (SELECT last_seq + 1000 FROM audit_chain_head WHERE id = 2)", "99, 1")) {
        s.executeUpdate(
            "INSERT INTO audit_entry (occurred_at, actor, action, target_type, outcome,"
                + " previous_hash, entry_hash, chain_no, chain_seq) SELECT occurred_at, 'mallory',"
                + " action, target_type, outcome, previous_hash, entry_hash, "
                + chainAndPosition
                + " FROM audit_entry ORDER BY id DESC LIMIT 1");
        long forged;
        try (ResultSet rs = s.executeQuery("SELECT MAX(id) FROM audit_entry")) {
          rs.next();
          forged = rs.getLong(1);
        }
        try {
          JsonObject verify = api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json();
          assertThat(verify.getBoolean("intact")).as(verify.toString()).isFalse();
          assertThat(verify.getJsonNumber("firstBrokenEntryId").longValue()).isEqualTo(forged);
          assertThat(verify.getString("reason"))
              .containsAnyOf("past the head of chain 2", "chain 99, which has no head");
        } finally {
          withoutGuard(
              s, "delete", () -> s.executeUpdate("DELETE FROM audit_entry WHERE id = " + forged));
        }
      }
    }
    assertThat(
            api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json().getBoolean("intact"))
        .isTrue();
  }

  @Test
  void a_chain_cut_short_is_named_by_its_head() throws SQLException {
    api.register(aFirearm().build());
    String auditor = api.as(Role.AUDITOR); // signed in before the cut: signing in is audited
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      // the chain's head is held while its last entry is removed, so that no append follows it
      ResultSet rs =
          s.executeQuery(
              "SELECT h.id, h.last_seq FROM audit_chain_head h WHERE h.last_seq > 0"
                  + " ORDER BY h.id LIMIT 1 FOR UPDATE");
      rs.next();
      int chain = rs.getInt(1);
      long last = rs.getLong(2);
      rs.close();
      s.execute(
          "CREATE TEMPORARY TABLE cut_entry AS SELECT * FROM audit_entry"
              + " WHERE chain_no = "
              + chain
              + " AND chain_seq = "
              + last);
      withoutGuard(
          s,
          "delete",
          () ->
              s.executeUpdate(
                  "DELETE FROM audit_entry WHERE chain_no = "
                      + chain
                      + " AND chain_seq = "
                      + last));
      c.commit();
      try {
        JsonObject verify = api.get("/api/audit-entries/verify", auditor).json();
        assertThat(verify.getBoolean("intact")).isFalse();
        assertThat(verify.getInt("brokenChain")).isEqualTo(chain);
        assertThat(verify.getString("reason"))
            .contains("chain " + chain + " ends at position " + (last - 1))
            .contains("its head names position " + last);
      } finally {
        s.executeUpdate("INSERT INTO audit_entry SELECT * FROM cut_entry");
        c.commit();
      }
    }
    assertThat(api.get("/api/audit-entries/verify", auditor).json().getBoolean("intact")).isTrue();
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  /** What a database superuser could do: lift a guard (update or delete), act, put it back. */
  private static void withoutGuard(Statement s, String operation, SqlAction action)
      throws SQLException {
    String trigger = "trg_audit_entry_no_" + operation;
    s.execute("DROP TRIGGER " + trigger);
    try {
      action.run();
    } finally {
      s.execute(
          "CREATE TRIGGER "
              + trigger
              + " BEFORE "
              + operation.toUpperCase(java.util.Locale.ROOT)
              + " ON audit_entry FOR EACH ROW"
              + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only'");
    }
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
            "/api/audit-entries?action=firearm.registered&actor="
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
            "/api/audit-entries?action=firearm.registered&actor="
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
    String filter = "?action=firearm.registered&actor=" + supervisor.username();
    Reply csv = api.get("/api/audit-entries/export" + filter, api.as(Role.AUDITOR));
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("audit-log.csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "id,occurred_at,actor,action,target_type,target_id,client_address,outcome,detail,"
                + "request_id,chain,position,previous_hash,entry_hash");
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

  @Test
  void the_export_neutralises_formulas_a_stranger_types_as_a_username_even_after_a_tab_or_cr() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    List<String> attempts =
        List.of(
            "\t=HYPERLINK(\"http://evil.example/" + mark + "\")",
            "\r=1+2+" + mark,
            "@SUM(1)" + mark,
            "=cmd|' /C calc'!A0" + mark);
    String auditor = api.as(Role.AUDITOR);
    for (String username : attempts) {
      Reply login = api.login(username, "wrong-password");
      assertThat(login.status()).isEqualTo(401);
      // the refused login's entry, found by the request that wrote it (the log keeps a typed name
      // that names no account in printable form: a TAB or CR becomes '?')
      String query = "?requestId=" + login.header("X-Request-Id");
      Reply csv = api.get("/api/audit-entries/export" + query, auditor);
      assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
      assertThat(csv.body().split("\r\n", -1)).as(csv.body()).hasSizeGreaterThan(2);
      if ("=+-@".indexOf(username.charAt(0)) >= 0) {
        String logged = username.replaceAll("[^!-~]", "?"); // Usernames.printable
        String cell = "\"'" + logged.replace("\"", "\"\"") + "\"";
        assertThat(csv.body())
            .as("the username's cell, prefixed and quoted")
            .contains("," + cell + ",");
      }
      assertThat(csv.body().split("\r\n", -1)[1])
          .as("no cell of the entry starts with a formula character unquoted")
          .doesNotContainPattern("(^|,)[=+@\\t\\r-]");
    }
  }
}
