package org.traza.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.ItDatabase;

/**
 * Exactly once is about the outcome: whatever a request under an idempotency key came to (accepted
 * or refused) is what every retry with the key is answered, and a failure in the commit window is
 * an outcome the client is told it does not know (503 outcome-unknown), never a guess.
 */
class IdempotentOutcomesIT extends AgainstServer {

  private static final String REPLAYED = "Idempotent-Replayed";

  /** Issue 18, item 7, as reported. */
  @Test
  void a_batch_resent_after_a_lost_answer_keeps_the_refused_return_refused() {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long officer = api.holder("OFFICER");
    long id = inStock(token, vault);
    String batch =
        Json.createArrayBuilder()
            .add(event(id, "RETURN", UUID.randomUUID().toString(), vault, null))
            .add(event(id, "ISSUE", UUID.randomUUID().toString(), null, officer))
            .build()
            .toString();

    Reply first = api.send("POST", "/api/custody-events/batch", token, "application/json", batch);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    JsonArray was = first.json().getJsonArray("results");
    assertThat(statuses(was)).containsExactly(409, 201);
    // the answer is lost; the station sends the same batch again
    Reply again = api.send("POST", "/api/custody-events/batch", token, "application/json", batch);

    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    JsonArray is = again.json().getJsonArray("results");
    assertThat(statuses(is)).containsExactly(409, 200);
    assertThat(is.getJsonObject(0).getJsonObject("problem"))
        .as("the same problem, instance included")
        .isEqualTo(was.getJsonObject(0).getJsonObject("problem"));
    assertThat(is.getJsonObject(0).getJsonObject("problem").getString("type"))
        .isEqualTo("/problems/illegal-state-transition");
    assertThat(is.getJsonObject(0).getBoolean("replayed")).isTrue();
    assertThat(is.getJsonObject(1).getBoolean("replayed")).isTrue();
    assertThat(is.getJsonObject(1).getJsonObject("event").getJsonNumber("id"))
        .isEqualTo(was.getJsonObject(1).getJsonObject("event").getJsonNumber("id"));
    assertThat(again.json().getInt("created")).isZero();
    assertThat(again.json().getInt("replayed")).isEqualTo(1);
    assertThat(again.json().getInt("failed")).isEqualTo(1);

    assertThat(status(token, id)).isEqualTo("ISSUED");
    assertThat(actions(token, id)).containsExactly("RECEIVE", "ISSUE");
  }

  @Test
  void a_single_refused_event_resent_after_the_state_changed_stays_refused() {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long officer = api.holder("OFFICER");
    long id = inStock(token, vault);
    JsonObject ret = event(id, "RETURN", UUID.randomUUID().toString(), vault, null);

    Reply refused = api.post("/api/custody-events", token, ret);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.header(REPLAYED)).isNull();
    Reply issued =
        api.post(
            "/api/custody-events",
            token,
            event(id, "ISSUE", UUID.randomUUID().toString(), null, officer));
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);

    Reply resent = api.post("/api/custody-events", token, ret);
    assertThat(resent.status()).as(resent.toString()).isEqualTo(409);
    assertThat(resent.contentType()).startsWith("application/problem+json");
    assertThat(resent.header(REPLAYED)).isEqualTo("true");
    assertThat(resent.json()).isEqualTo(refused.json());
    assertThat(status(token, id)).isEqualTo("ISSUED");

    Reply returned =
        api.post(
            "/api/custody-events",
            token,
            event(id, "RETURN", UUID.randomUUID().toString(), vault, null));
    assertThat(returned.status()).as("a new key is a new request").isEqualTo(201);
    assertThat(actions(token, id)).containsExactly("RECEIVE", "ISSUE", "RETURN");
  }

  @Test
  void the_same_key_with_a_different_request_is_refused_as_reused() {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long other = api.location("VAULT", null);
    long id = api.register(aFirearm().build()).getInt("id");
    String accepted = UUID.randomUUID().toString();
    assertThat(api.post("/api/custody-events", token, event(id, "RECEIVE", accepted, vault, null)))
        .extracting(Reply::status)
        .isEqualTo(201);
    Reply same =
        api.post("/api/custody-events", token, event(id, "RECEIVE", accepted, vault, null));
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.header(REPLAYED)).isEqualTo("true");
    Reply elsewhere =
        api.post("/api/custody-events", token, event(id, "RECEIVE", accepted, other, null));
    assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(409);
    assertThat(elsewhere.json().getString("type")).isEqualTo("/problems/idempotency-key-reused");

    String refused = UUID.randomUUID().toString();
    long registered = api.register(aFirearm().build()).getInt("id");
    assertThat(
            api.post(
                    "/api/custody-events", token, event(registered, "RETURN", refused, vault, null))
                .status())
        .isEqualTo(409);
    Reply otherRefused =
        api.post("/api/custody-events", token, event(registered, "RETURN", refused, other, null));
    assertThat(otherRefused.status()).isEqualTo(409);
    assertThat(otherRefused.json().getString("type")).isEqualTo("/problems/idempotency-key-reused");
    Reply otherAccepted =
        api.post("/api/custody-events", token, event(registered, "RECEIVE", refused, vault, null));
    assertThat(otherAccepted.status())
        .as("a key refused once is not accepted for another request")
        .isEqualTo(409);
    assertThat(otherAccepted.json().getString("type"))
        .isEqualTo("/problems/idempotency-key-reused");
    assertThat(status(token, registered)).isEqualTo("REGISTERED");
  }

  @Test
  void one_refused_request_sent_eight_times_at_once_keeps_one_outcome() throws Exception {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long id = inStock(token, vault);
    String key = UUID.randomUUID().toString();
    JsonObject ret = event(id, "RETURN", key, vault, null);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Reply> replies = new ArrayList<>();
    try {
      List<Callable<Reply>> sends = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sends.add(() -> api.post("/api/custody-events", token, ret));
      }
      for (Future<Reply> f : pool.invokeAll(sends)) {
        replies.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> bodies = new HashSet<>();
    for (Reply r : replies) {
      assertThat(r.status()).as(r.toString()).isEqualTo(409);
      bodies.add(r.json().toString());
    }
    assertThat(bodies).as("every sending answers the one outcome kept").hasSize(1);
    assertThat(replies.stream().filter(r -> r.header(REPLAYED) == null)).hasSize(1);
    assertThat(keptOutcomes("custody-event", key)).isEqualTo(1);
  }

  @Test
  void count_scans_keep_their_outcome_accepted_or_refused() throws Exception {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long a = inStock(token, vault);
    long b = inStock(token, vault);
    long count =
        api.post(
                "/api/stock-counts",
                token,
                Json.createObjectBuilder().add("locationId", vault).build())
            .json()
            .getJsonNumber("id")
            .longValue();
    String path = "/api/stock-counts/" + count + "/scans";
    String key = UUID.randomUUID().toString();

    Reply scanned = api.post(path, token, scan(a, key));
    assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
    Reply again = api.post(path, token, scan(a, key));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header(REPLAYED)).isEqualTo("true");
    assertThat(again.json()).isEqualTo(scanned.json());
    Reply reused = api.post(path, token, scan(b, key));
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.json().getString("type")).isEqualTo("/problems/idempotency-key-reused");

    assertThat(api.send("POST", "/api/stock-counts/" + count + "/close", token, null, null))
        .extracting(Reply::status)
        .isEqualTo(200);
    String late = UUID.randomUUID().toString();
    Reply refused = api.post(path, token, scan(b, late));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    Reply refusedAgain = api.post(path, token, scan(b, late));
    assertThat(refusedAgain.status()).isEqualTo(409);
    assertThat(refusedAgain.header(REPLAYED)).isEqualTo("true");
    assertThat(refusedAgain.json()).isEqualTo(refused.json());
    assertThat(api.post(path, token, scan(a, late)).json().getString("type"))
        .isEqualTo("/problems/idempotency-key-reused");
    assertThat(keptOutcomes("stock-count-scan", late)).isEqualTo(1);
  }

  @Test
  void a_site_scan_refused_before_approval_stays_refused_after_it() {
    String armourer = api.as(Role.ARMOURER);
    String supervisorA = api.newUser(Role.SUPERVISOR).token();
    String supervisorB = api.newUser(Role.SUPERVISOR).token();
    long vault = api.location("VAULT", null);
    long id = inStock(armourer, vault);
    assertThat(
            api.post(
                    "/api/custody-events",
                    armourer,
                    event(id, "DECLARE_SURPLUS", UUID.randomUUID().toString(), null, null))
                .status())
        .isEqualTo(201);
    Reply order =
        api.post(
            "/api/destruction-orders", supervisorA, Api.destructionOrder(List.of(id), "CUTTING"));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    String base = "/api/destruction-orders/" + order.json().getJsonNumber("id").longValue();
    String early = UUID.randomUUID().toString();

    Reply refused = api.post(base + "/scans", armourer, scan(id, early));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(
            api.post(base + "/approve", supervisorB, Json.createObjectBuilder().build()).status())
        .isEqualTo(200);
    Reply resent = api.post(base + "/scans", armourer, scan(id, early));
    assertThat(resent.status()).as(resent.toString()).isEqualTo(409);
    assertThat(resent.header(REPLAYED)).isEqualTo("true");
    assertThat(resent.json()).isEqualTo(refused.json());

    String key = UUID.randomUUID().toString();
    Reply onOrder = api.post(base + "/scans", armourer, scan(id, key));
    assertThat(onOrder.status()).as(onOrder.toString()).isEqualTo(201);
    assertThat(onOrder.json().getString("outcome")).isEqualTo("ON_ORDER");
    Reply again = api.post(base + "/scans", armourer, scan(id, key));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header(REPLAYED)).isEqualTo("true");
    assertThat(again.json().getString("outcome"))
        .as("not DUPLICATE: the same scan")
        .isEqualTo("ON_ORDER");
    assertThat(api.get(base + "/scans", armourer).array()).hasSize(1);
  }

  @Test
  void a_connection_lost_before_the_commit_is_an_unknown_outcome_and_the_retry_does_it_once()
      throws Exception {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long id = api.register(aFirearm().build()).getInt("id");
    JsonObject receive = event(id, "RECEIVE", UUID.randomUUID().toString(), vault, null);

    Reply lost =
        cutAtCommit(
            "INSERT INTO custody_event",
            false,
            () -> api.post("/api/custody-events", token, receive));

    assertUnknown(lost);
    assertThat(actions(token, id)).isEmpty();
    Reply retry = api.post("/api/custody-events", token, receive);
    assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
    assertThat(api.post("/api/custody-events", token, receive).status()).isEqualTo(200);
    assertThat(actions(token, id)).containsExactly("RECEIVE");
  }

  @Test
  void a_connection_lost_after_the_commit_is_answered_by_what_was_committed() throws Exception {
    String token = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long id = api.register(aFirearm().build()).getInt("id");
    JsonObject receive = event(id, "RECEIVE", UUID.randomUUID().toString(), vault, null);

    Reply lost =
        cutAtCommit(
            "INSERT INTO custody_event",
            true,
            () -> api.post("/api/custody-events", token, receive));

    // the server looks the key up after the failure: it finds the committed event (a replay), or
    // cannot tell yet (outcome unknown); never an HTML 500, never "nothing was changed"
    if (lost.status() == 503) {
      assertUnknown(lost);
    } else {
      assertThat(lost.status()).as(lost.toString()).isEqualTo(200);
      assertThat(lost.header(REPLAYED)).isEqualTo("true");
    }
    Reply retry = api.post("/api/custody-events", token, receive);
    assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
    assertThat(retry.header(REPLAYED)).isEqualTo("true");
    assertThat(actions(token, id)).containsExactly("RECEIVE");
  }

  /** Any write, keyed or not: the commit-time failure is a problem, not Payara's HTML page. */
  @Test
  void a_registration_whose_commit_fails_is_a_problem_of_unknown_outcome() throws Exception {
    String token = api.admin();
    JsonObject lostThenRetried = aFirearm().build();
    Reply lost =
        cutAtCommit(
            "INSERT INTO firearm ", false, () -> api.post("/api/firearms", token, lostThenRetried));
    assertUnknown(lost);
    assertThat(api.post("/api/firearms", token, lostThenRetried).status())
        .as("not committed: the retry registers it")
        .isEqualTo(201);

    JsonObject committed = aFirearm().build();
    Reply unknown =
        cutAtCommit(
            "INSERT INTO firearm ", true, () -> api.post("/api/firearms", token, committed));
    assertUnknown(unknown);
    assertThat(api.post("/api/firearms", token, committed).status())
        .as("committed: the retry finds it")
        .isEqualTo(409);
  }

  private static void assertUnknown(Reply r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(503);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().getString("type")).isEqualTo("/problems/outcome-unknown");
    assertThat(r.header("Retry-After")).isNotNull();
    assertThat(r.body()).doesNotContain("Exception", "SQL", "jdbc", "<html");
  }

  private static Reply cutAtCommit(String marker, boolean letCommitThrough, Callable<Reply> send)
      throws Exception {
    CountDownLatch cut = ItDatabase.cutAtCommit(marker, letCommitThrough);
    try {
      Reply r = send.call();
      assertThat(cut.await(10, TimeUnit.SECONDS)).as("the relay cut the commit").isTrue();
      return r;
    } finally {
      ItDatabase.disarm();
    }
  }

  private long inStock(String token, long location) {
    long id = api.register(aFirearm().build()).getInt("id");
    Reply r =
        api.post(
            "/api/custody-events",
            token,
            event(id, "RECEIVE", UUID.randomUUID().toString(), location, null));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return id;
  }

  private String status(String token, long id) {
    return api.get("/api/firearms/" + id, token).json().getString("status");
  }

  private List<String> actions(String token, long id) {
    return api.get("/api/firearms/" + id + "/custody-events", token).array().stream()
        .map(v -> v.asJsonObject().getString("action"))
        .toList();
  }

  private static List<Integer> statuses(JsonArray results) {
    return results.stream().map(v -> v.asJsonObject().getInt("status")).toList();
  }

  private static int keptOutcomes(String scope, String key) throws Exception {
    try (Connection c = ItDatabase.adminConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM idempotent_outcome WHERE scope = ? AND idempotency_key = ?")) {
      q.setString(1, scope);
      q.setString(2, key);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static JsonObject scan(long firearmId, String key) {
    return Json.createObjectBuilder()
        .add("firearmId", firearmId)
        .add("idempotencyKey", key)
        .build();
  }

  private static JsonObject event(
      long firearmId, String action, String key, Long location, Long holder) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("firearmId", firearmId)
            .add("action", action)
            .add("idempotencyKey", key);
    if (location != null) {
      b.add("locationId", location);
    }
    if (holder != null) {
      b.add("holderId", holder);
    }
    return b.build();
  }
}
