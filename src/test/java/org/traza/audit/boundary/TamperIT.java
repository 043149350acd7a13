package org.traza.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.traza.audit.VerifyCheckpoint;
import org.traza.audit.entity.AuditEntry;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.ItDatabase;

/**
 * What a database superuser can do to the audit log and the custody ledger behind the application's
 * back, and how each change is caught and named: by the chain checks, by the custody cross-check
 * against the audit log, and against a signed checkpoint taken before.
 *
 * <p>The audit log is tampered in chain {@value #CHAIN}, which the server appends to only while
 * every lower chain is held: each test first fills it with a few entries while it holds the others,
 * so that the server's own appends (its logins, its verifications) stay out of the way. Every
 * change is undone before the test ends.
 */
class TamperIT extends AgainstServer {

  private static final int CHAIN = 16;

  @Test
  void a_checkpoint_is_a_signed_note_that_the_public_key_alone_verifies() throws Exception {
    String auditor = api.as(Role.AUDITOR);
    Reply taken = api.post("/api/checkpoints", auditor, null);
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    long number = taken.json().getJsonNumber("number").longValue();
    assertThat(taken.header("Location")).endsWith("/api/checkpoints/" + number);
    assertThat(taken.json().getJsonArray("chains")).hasSize(16);

    Reply raw =
        api.send(
            "GET",
            "/api/checkpoints/" + number,
            auditor,
            null,
            null,
            Map.of("Accept", "text/plain"));
    assertThat(raw.status()).as(raw.toString()).isEqualTo(200);
    assertThat(raw.contentType()).startsWith("text/plain");
    String note = raw.body();
    assertThat(note).isEqualTo(taken.json().getString("note"));
    List<String> lines = note.lines().toList();
    assertThat(lines.get(0)).isEqualTo(taken.json().getString("origin"));
    assertThat(lines.get(1)).isEqualTo(String.valueOf(taken.json().getJsonNumber("treeSize")));
    assertThat(lines.get(3)).isEqualTo("checkpoint " + number);
    assertThat(lines.get(lines.size() - 2)).isEmpty();
    assertThat(lines.get(lines.size() - 1)).startsWith("\u2014 ");

    // the key needs no login; the offline verifier needs nothing else
    Reply key = api.get("/api/checkpoints/public-key", null);
    assertThat(key.status()).as(key.toString()).isEqualTo(200);
    String verifierKey = key.json().getString("verifierKey");
    assertThat(VerifyCheckpoint.verify(verifierKey, note)).isEqualTo(note.split("\n\n")[0] + "\n");
    assertThat(VerifyCheckpoint.verify(verifierKey, note.replaceFirst("\n[0-9]+\n", "\n1\n")))
        .isNull();
    Reply pem =
        api.send(
            "GET",
            "/api/checkpoints/public-key",
            null,
            null,
            null,
            Map.of("Accept", "application/x-pem-file"));
    assertThat(pem.body()).startsWith("-----BEGIN PUBLIC KEY-----");

    // verified by number, as the kept note, and as JSON; a changed note fails its signature
    assertValid(verify(number));
    Reply byNote = api.send("POST", "/api/checkpoints/verify", auditor, "text/plain", note);
    assertValid(byNote.json());
    JsonObject forged =
        api.post(
                "/api/checkpoints/verify",
                auditor,
                Json.createObjectBuilder()
                    .add("note", note.replace("checkpoint " + number, "checkpoint " + number + "0"))
                    .build())
            .json();
    assertThat(forged.getBoolean("valid")).isFalse();
    assertThat(forged.getBoolean("signatureValid")).isFalse();
    assertThat(findings(forged)).anyMatch(f -> f.startsWith("signature|"));
    assertThat(
            api.send("POST", "/api/checkpoints/verify", auditor, "text/plain", "not a note")
                .status())
        .isEqualTo(400);

    assertThat(
            api.get("/api/checkpoints/latest", auditor).json().getJsonNumber("number").longValue())
        .isGreaterThanOrEqualTo(number);
    assertThat(api.get("/api/checkpoints?limit=500", auditor).json().getJsonArray("items"))
        .anyMatch(c -> c.asJsonObject().getJsonNumber("number").longValue() == number);
    assertThat(api.get("/api/checkpoints/987654321", auditor).status()).isEqualTo(404);
    assertThat(api.audit("action=checkpoint.taken&targetId=" + number)).hasSize(1);

    // the next checkpoint names this one's note
    JsonObject next = api.post("/api/checkpoints", api.admin(), null).json();
    if (next.getJsonNumber("number").longValue() == number + 1) {
      assertThat(next.getString("previousHash")).isEqualTo(taken.json().getString("noteHash"));
    }

    // the application's account may not even try; the owner, who may, is stopped by the trigger
    try (Connection c = ItDatabase.applicationConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE audit_checkpoint SET taken_by = 'x' WHERE number = 1"))
          .hasMessageContaining("UPDATE command denied");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_checkpoint"))
          .hasMessageContaining("DELETE command denied");
    }
    try (Connection c = ItDatabase.ownerConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE audit_checkpoint SET taken_by = 'x' WHERE number = 1"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_checkpoint"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void an_edited_a_removed_and_a_slipped_in_entry_are_all_named_by_both_checks() throws Exception {
    List<long[]> seeded = seedChain(4);
    long number = checkpoint();
    long edited = seeded.get(0)[0];
    long removedPosition = seeded.get(2)[1];
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      save(s);
      try {
        withoutGuards(
            s,
            () -> {
              s.executeUpdate(
                  "UPDATE audit_entry SET detail = 'nothing here' WHERE id = " + edited);
              s.executeUpdate(
                  "DELETE FROM audit_entry WHERE chain_no = "
                      + CHAIN
                      + " AND chain_seq = "
                      + removedPosition);
            });
        s.executeUpdate(
            "INSERT INTO audit_entry (occurred_at, actor, action, target_type, outcome,"
                + " previous_hash, entry_hash, chain_no, chain_seq) SELECT occurred_at, 'mallory',"
                + " action, target_type, outcome, previous_hash, entry_hash, chain_no,"
                + " chain_seq + 1000 FROM audit_entry WHERE id = "
                + edited);

        JsonObject log = api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json();
        assertThat(log.getBoolean("intact")).isFalse();
        assertThat(log.getJsonNumber("breaksFound").longValue()).isGreaterThanOrEqualTo(3);
        List<String> problems =
            log.getJsonArray("breaks").stream()
                .map(b -> b.asJsonObject().getString("problem"))
                .toList();
        assertThat(problems)
            .anyMatch(p -> p.contains("altered"))
            .anyMatch(p -> p.contains("position " + removedPosition + " of chain " + CHAIN))
            .anyMatch(p -> p.contains("past the head of chain " + CHAIN));
        assertThat(log.getJsonNumber("firstBrokenEntryId").longValue()).isEqualTo(edited);

        List<String> found = findings(verify(number));
        assertThat(found)
            .anyMatch(f -> f.startsWith("audit-log|") && f.contains("altered"))
            .anyMatch(f -> f.startsWith("audit-log|") && f.contains("is missing"))
            .anyMatch(f -> f.startsWith("audit-log|") && f.contains("past the head"));
      } finally {
        restore(s);
      }
    }
    assertValid(verify(number));
  }

  @Test
  void a_cut_tail_with_its_head_rewound_passes_the_chain_check_but_not_the_checkpoint()
      throws Exception {
    List<long[]> seeded = seedChain(3);
    long number = checkpoint();
    long last = seeded.get(seeded.size() - 1)[1];
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      save(s);
      try {
        withoutGuards(
            s,
            () ->
                s.executeUpdate(
                    "DELETE FROM audit_entry WHERE chain_no = "
                        + CHAIN
                        + " AND chain_seq = "
                        + last));
        s.executeUpdate(
            "UPDATE audit_chain_head SET last_seq = "
                + (last - 1)
                + ", last_hash = (SELECT entry_hash FROM audit_entry WHERE chain_no = "
                + CHAIN
                + " AND chain_seq = "
                + (last - 1)
                + ") WHERE id = "
                + CHAIN);

        // the chains alone cannot tell: a shorter chain ending at its head is a valid chain
        JsonObject log = api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json();
        assertThat(log.getBoolean("intact")).as(log.toString()).isTrue();

        JsonObject v = verify(number);
        assertThat(v.getBoolean("valid")).isFalse();
        assertThat(v.getBoolean("signatureValid")).isTrue();
        assertThat(findings(v))
            .anyMatch(
                f ->
                    f.startsWith("audit-checkpoint|chain " + CHAIN + " position " + last)
                        && f.contains("now ends at position " + (last - 1)))
            .anyMatch(f -> f.startsWith("audit-checkpoint|") && f.contains("is missing"));
      } finally {
        restore(s);
      }
    }
    assertValid(verify(number));
  }

  @Test
  void a_replaced_history_passes_the_chain_check_but_not_the_checkpoint() throws Exception {
    seedChain(3);
    long number = checkpoint();
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      save(s);
      try {
        // the whole chain rewritten with one actor changed and every hash recomputed
        List<AuditEntry> forged = new ArrayList<>();
        String previous = AuditEntry.GENESIS_HASH;
        try (ResultSet rs =
            s.executeQuery(
                "SELECT chain_seq, occurred_at, actor, action, target_type, target_id,"
                    + " client_address, outcome, detail, request_id FROM saved_chain"
                    + " ORDER BY chain_seq")) {
          while (rs.next()) {
            AuditEntry e =
                new AuditEntry(
                    new AuditEntry.Position(CHAIN, rs.getLong(1), previous),
                    rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    forged.isEmpty() ? "mallory" : rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10));
            forged.add(e);
            previous = e.entryHash();
          }
        }
        withoutGuards(
            s, () -> s.executeUpdate("DELETE FROM audit_entry WHERE chain_no = " + CHAIN));
        for (AuditEntry e : forged) {
          insert(c, e);
        }
        AuditEntry last = forged.get(forged.size() - 1);
        s.executeUpdate(
            "UPDATE audit_chain_head SET last_hash = '"
                + last.entryHash()
                + "' WHERE id = "
                + CHAIN);

        JsonObject log = api.get("/api/audit-entries/verify", api.as(Role.AUDITOR)).json();
        assertThat(log.getBoolean("intact")).as(log.toString()).isTrue();

        JsonObject v = verify(number);
        assertThat(v.getBoolean("valid")).isFalse();
        assertThat(findings(v))
            .anyMatch(
                f ->
                    f.startsWith("audit-checkpoint|chain " + CHAIN)
                        && f.contains("history up to there was replaced"));
      } finally {
        restore(s);
      }
    }
    assertValid(verify(number));
  }

  @Test
  void a_firearms_last_event_cut_with_its_head_rewound_is_named_by_the_audit_cross_check()
      throws Exception {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long id = api.register(aFirearm().build()).getInt("id");
    for (String action : List.of("RECEIVE", "MOVE", "MOVE")) {
      assertThat(api.custody(token, id, action, vault).status()).isEqualTo(201);
    }
    long number = checkpoint();
    List<JsonObject> events =
        api.get("/api/firearms/" + id + "/custody-events", token).array().stream()
            .map(v -> v.asJsonObject())
            .toList();
    long lastId = events.get(2).getJsonNumber("id").longValue();
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMPORARY TABLE cut_event AS SELECT * FROM custody_event WHERE id = " + lastId);
      String headBefore;
      try (ResultSet rs = s.executeQuery("SELECT custody_head FROM firearm WHERE id = " + id)) {
        rs.next();
        headBefore = rs.getString(1);
      }
      s.execute("DROP TRIGGER trg_custody_event_no_delete");
      try {
        s.executeUpdate("DELETE FROM custody_event WHERE id = " + lastId);
      } finally {
        s.execute(
            "CREATE TRIGGER trg_custody_event_no_delete BEFORE DELETE ON custody_event FOR EACH"
                + " ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_event is append-only'");
      }
      s.executeUpdate(
          "UPDATE firearm SET custody_seq = 2, custody_head = (SELECT hash FROM custody_event"
              + " WHERE firearm_id = "
              + id
              + " AND seq = 2) WHERE id = "
              + id);
      try {
        String missing = "event 3 (id " + lastId + ") recorded in the audit log";
        for (String path :
            List.of("/api/custody/verify", "/api/firearms/" + id + "/custody-events/verify")) {
          JsonObject v = api.get(path, api.as(Role.AUDITOR)).json();
          assertThat(v.getBoolean("intact")).as(path + " " + v).isFalse();
          assertThat(v.getJsonArray("breaks"))
              .as(v.toString())
              .anyMatch(
                  b ->
                      b.asJsonObject().getJsonNumber("firearmId").longValue() == id
                          && b.asJsonObject().getJsonNumber("seq").longValue() == 3
                          && b.asJsonObject().getString("problem").contains(missing)
                          && b.asJsonObject().getString("problem").endsWith("is missing"));
        }
        List<String> found = findings(verify(number));
        assertThat(found)
            .anyMatch(
                f ->
                    f.startsWith("custody-checkpoint|firearm " + id + " event 3|")
                        && f.contains(missing))
            .anyMatch(f -> f.startsWith("custody-checkpoint|custody ledger|") && f.contains("root"))
            .anyMatch(f -> f.startsWith("custody-ledger|firearm " + id + " event 3|"));
      } finally {
        s.executeUpdate("INSERT INTO custody_event SELECT * FROM cut_event");
        s.executeUpdate(
            "UPDATE firearm SET custody_seq = 3, custody_head = '"
                + headBefore
                + "' WHERE id = "
                + id);
      }
    }
    assertValid(verify(number));
  }

  @Test
  void two_broken_custody_chains_are_both_reported() throws Exception {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long first = api.register(aFirearm().build()).getInt("id");
    long second = api.register(aFirearm().build()).getInt("id");
    for (long id : List.of(first, second)) {
      api.custody(token, id, "RECEIVE", vault);
      api.custody(token, id, "MOVE", vault);
    }
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER trg_custody_event_no_update");
      try {
        s.executeUpdate(
            "UPDATE custody_event SET station = 'X' WHERE seq = 1 AND firearm_id IN ("
                + first
                + ", "
                + second
                + ")");
        JsonObject v = api.get("/api/custody/verify", api.as(Role.AUDITOR)).json();
        assertThat(v.getBoolean("intact")).isFalse();
        assertThat(v.getJsonNumber("brokenFirearmId").longValue()).isEqualTo(first);
        assertThat(v.getJsonNumber("breaksFound").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(v.getJsonArray("breaks"))
            .extracting(b -> b.asJsonObject().getJsonNumber("firearmId").longValue())
            .contains(first, second);
        assertThat(v.getJsonArray("breaks"))
            .allSatisfy(b -> assertThat(b.asJsonObject().getString("problem")).contains("altered"));
      } finally {
        s.executeUpdate(
            "UPDATE custody_event SET station = NULL WHERE seq = 1 AND firearm_id IN ("
                + first
                + ", "
                + second
                + ")");
        s.execute(
            "CREATE TRIGGER trg_custody_event_no_update BEFORE UPDATE ON custody_event FOR EACH"
                + " ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_event is append-only'");
      }
    }
    assertThat(api.get("/api/custody/verify", api.as(Role.AUDITOR)).json().getBoolean("intact"))
        .isTrue();
  }

  // --- helpers ---------------------------------------------------------------------------------

  /**
   * Appends {@code n} registrations to chain {@value #CHAIN} while every other chain is held, and
   * returns their (id, position).
   */
  private List<long[]> seedChain(int n) throws Exception {
    String token = api.as(Role.ARMOURER); // signed in first: signing in is audited too
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      // read committed, by key: a range scan would lock chain 16's row too (next-key locking)
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      StringBuilder others = new StringBuilder();
      for (int chain = 1; chain < CHAIN; chain++) {
        others.append(chain == 1 ? "" : ",").append(chain);
      }
      s.executeQuery("SELECT * FROM audit_chain_head WHERE id IN (" + others + ") FOR UPDATE")
          .close();
      try {
        for (int i = 0; i < n; i++) {
          assertThat(api.post("/api/firearms", token, aFirearm().build()).status()).isEqualTo(201);
        }
      } finally {
        c.rollback();
      }
    }
    List<long[]> seeded = new ArrayList<>();
    try (Connection c = ItDatabase.adminConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, chain_seq FROM audit_entry WHERE chain_no = "
                    + CHAIN
                    + " ORDER BY chain_seq DESC LIMIT "
                    + n)) {
      while (rs.next()) {
        seeded.add(0, new long[] {rs.getLong(1), rs.getLong(2)});
      }
    }
    assertThat(seeded).hasSize(n);
    return seeded;
  }

  private long checkpoint() {
    Reply r = api.post("/api/checkpoints", api.as(Role.AUDITOR), null);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getJsonNumber("number").longValue();
  }

  private JsonObject verify(long number) {
    Reply r =
        api.post(
            "/api/checkpoints/verify",
            api.as(Role.AUDITOR),
            Json.createObjectBuilder().add("number", number).build());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static void assertValid(JsonObject v) {
    assertThat(v.getBoolean("valid")).as(v.toString()).isTrue();
    assertThat(v.getBoolean("signatureValid")).isTrue();
    assertThat(v.getJsonNumber("findingsFound").longValue()).isZero();
  }

  /** Each finding as "check|subject|problem". */
  private static List<String> findings(JsonObject v) {
    return v.getJsonArray("findings").stream()
        .map(f -> f.asJsonObject())
        .map(
            f -> f.getString("check") + "|" + f.getString("subject") + "|" + f.getString("problem"))
        .toList();
  }

  /** Keeps chain {@value #CHAIN}'s entries and head, for {@link #restore}. */
  private static void save(Statement s) throws SQLException {
    s.execute(
        "CREATE TEMPORARY TABLE saved_chain AS SELECT * FROM audit_entry WHERE chain_no = "
            + CHAIN);
    s.execute(
        "CREATE TEMPORARY TABLE saved_head AS SELECT * FROM audit_chain_head WHERE id = " + CHAIN);
  }

  /** Puts chain {@value #CHAIN} back as {@link #save} kept it. */
  private static void restore(Statement s) throws SQLException {
    withoutGuards(s, () -> s.executeUpdate("DELETE FROM audit_entry WHERE chain_no = " + CHAIN));
    s.executeUpdate("INSERT INTO audit_entry SELECT * FROM saved_chain");
    s.executeUpdate(
        "UPDATE audit_chain_head h JOIN saved_head k ON k.id = h.id"
            + " SET h.last_seq = k.last_seq, h.last_hash = k.last_hash");
    s.execute("DROP TEMPORARY TABLE saved_chain");
    s.execute("DROP TEMPORARY TABLE saved_head");
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  /** What a database superuser could do: lift the audit log's guards, act, put them back. */
  private static void withoutGuards(Statement s, SqlAction action) throws SQLException {
    s.execute("DROP TRIGGER trg_audit_entry_no_update");
    s.execute("DROP TRIGGER trg_audit_entry_no_delete");
    try {
      action.run();
    } finally {
      for (String op : List.of("update", "delete")) {
        s.execute(
            "CREATE TRIGGER trg_audit_entry_no_"
                + op
                + " BEFORE "
                + op.toUpperCase(java.util.Locale.ROOT)
                + " ON audit_entry FOR EACH ROW"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only'");
      }
    }
  }

  private static void insert(Connection c, AuditEntry e) throws SQLException {
    try (PreparedStatement i =
        c.prepareStatement(
            "INSERT INTO audit_entry (occurred_at, actor, action, target_type, target_id,"
                + " client_address, outcome, detail, request_id, chain_no, chain_seq,"
                + " previous_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      i.setObject(1, LocalDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
      i.setString(2, e.actor());
      i.setString(3, e.action());
      i.setString(4, e.targetType());
      i.setString(5, e.targetId());
      i.setString(6, e.clientAddress());
      i.setString(7, e.outcome());
      i.setString(8, e.detail());
      i.setString(9, e.requestId());
      i.setInt(10, e.chain());
      i.setLong(11, e.position());
      i.setString(12, e.previousHash());
      i.setString(13, e.entryHash());
      i.executeUpdate();
    }
  }
}
