package org.traza.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.Symbols;

/**
 * What a user confined to armoury A tried against armoury B's weapons (issue 17), each as it was
 * reported: ids spelled otherwise, destruction orders, trace requests taken over, numbers converted
 * silently, and client mistakes that answered 500. Every attempt must be refused with a problem and
 * leave nothing written.
 */
class HostileInsiderIT extends AgainstServer {

  long northVault;
  long southVault;
  String northArmourer;
  String northSupervisor;
  long southFirearm;

  @BeforeEach
  void twoArmouries() {
    long agency = api.location("AGENCY", null);
    long north = api.location("ARMOURY", agency);
    northVault = api.location("VAULT", north);
    long south = api.location("ARMOURY", agency);
    southVault = api.location("VAULT", south);
    northArmourer = api.newUserIn(north, Role.ARMOURER).token();
    northSupervisor = api.newUserIn(north, Role.SUPERVISOR).token();
    southFirearm = api.register(aFirearm().build()).getInt("id");
    assertThat(api.custody(api.admin(), southFirearm, "RECEIVE", southVault).status())
        .isEqualTo(201);
  }

  @Test
  void another_spelling_of_an_id_names_nothing() {
    long f = southFirearm;
    assertOutside(api.get("/api/firearms/" + f, northArmourer));
    for (String spelling :
        List.of(
            "+" + f, "%2B" + f, "0" + f, "0000000000000000" + f, f + ".0", "%20" + f, f + "%20")) {
      for (String sub :
          List.of("", "/history", "/custody-events", "/marking", "/custody-events/verify")) {
        Reply r = api.get("/api/firearms/" + spelling + sub, northArmourer);
        assertThat(r.status()).as(spelling + sub + " " + r).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
      }
    }
    Reply patched =
        api.patch(
            "/api/firearms/+" + f,
            northSupervisor,
            "\"0\"",
            Json.createObjectBuilder().add("model", "X").add("reason", "r").build());
    assertThat(patched.status()).as(patched.toString()).isEqualTo(404);
    Reply marked =
        api.post(
            "/api/firearms/0" + f + "/markings",
            northArmourer,
            Json.createObjectBuilder()
                .add("kind", "ADDITIONAL")
                .add("location", "FRAME")
                .add("text", "X")
                .build());
    assertThat(marked.status()).as(marked.toString()).isEqualTo(404);
    Reply voided =
        api.post(
            "/api/firearms/+" + f + "/void",
            northSupervisor,
            Json.createObjectBuilder().add("reason", "mine now").build());
    assertThat(voided.status()).as(voided.toString()).isEqualTo(404);
    // and the plain spelling is refused for what it is: another armoury's weapon
    assertOutside(
        api.post(
            "/api/firearms/" + f + "/void",
            northSupervisor,
            Json.createObjectBuilder().add("reason", "mine now").build()));
    JsonObject record = api.get("/api/firearms/" + f, api.admin()).json();
    assertThat(record.getBoolean("voided", false)).isFalse();
    assertThat(record.getJsonObject("custody").getInt("events")).isEqualTo(1);

    Reply query = api.get("/api/firearms?limit=+5", northArmourer);
    assertThat(query.status()).as(query.toString()).isEqualTo(400);
    assertThat(query.body()).contains("limit");
  }

  @Test
  void destruction_orders_keep_to_their_armoury() {
    String admin = api.admin();
    assertThat(api.custody(admin, southFirearm, "DECLARE_SURPLUS", null).status()).isEqualTo(201);
    assertOutside(
        api.post(
            "/api/destruction-orders",
            northSupervisor,
            Api.destructionOrder(List.of(southFirearm), "CUTTING")));

    Reply created =
        api.post(
            "/api/destruction-orders",
            api.as(Role.SUPERVISOR),
            Api.destructionOrder(List.of(southFirearm), "CUTTING"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long order = created.json().getJsonNumber("id").longValue();
    String base = "/api/destruction-orders/" + order;
    assertOutside(api.get(base, northSupervisor));
    assertOutside(api.get(base + "/scans", northArmourer));
    assertOutside(api.get(base + "/photos", northArmourer));
    assertOutside(api.post(base + "/approve", northSupervisor, Json.createObjectBuilder().build()));
    assertOutside(
        api.post(
            base + "/scans",
            northArmourer,
            Json.createObjectBuilder()
                .add("firearmId", southFirearm)
                .add("idempotencyKey", UUID.randomUUID().toString())
                .build()));
    assertOutside(
        api.postBytes(base + "/photos?stage=BEFORE", northArmourer, "image/png", Symbols.png()));
    assertThat(
            api.get("/api/destruction-orders", northSupervisor).array().stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()))
        .as("the list leaves out other armouries' orders")
        .doesNotContain(order);
    assertThat(api.get(base, admin).json().getString("status")).isEqualTo("PENDING_APPROVAL");
  }

  @Test
  void a_trace_request_is_worked_by_its_investigator_or_a_supervisor() {
    var ana = api.newUser(Role.INVESTIGATOR);
    var ben = api.newUser(Role.INVESTIGATOR);
    long id = traceRequest(ana.token());
    String base = "/api/trace-requests/" + id;
    assertThat(api.post(base + "/acknowledge", ana.token(), empty()).status()).isEqualTo(200);

    Reply takeover =
        api.post(
            base + "/start",
            ben.token(),
            Json.createObjectBuilder().add("investigator", ana.username()).build());
    assertThat(takeover.status()).as("assignment is a supervisor's: " + takeover).isEqualTo(403);
    Reply markup =
        api.post(
            base + "/start",
            api.as(Role.SUPERVISOR),
            Json.createObjectBuilder().add("investigator", "<img src=x onerror=alert(1)>").build());
    assertThat(markup.status()).as(markup.toString()).isEqualTo(400);
    assertThat(markup.body()).contains("investigator");
    Reply tooLong =
        api.post(
            base + "/assign",
            api.as(Role.SUPERVISOR),
            Json.createObjectBuilder().add("investigator", "x".repeat(5000)).build());
    assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);

    assertThat(api.post(base + "/start", ana.token(), empty()).status()).isEqualTo(200);
    Reply stolen =
        api.post(
            base + "/answer",
            ben.token(),
            Json.createObjectBuilder()
                .add("outcome", "NOT_TRACEABLE")
                .add("reason", "I say so")
                .build());
    assertThat(stolen.status()).as("another investigator's request: " + stolen).isEqualTo(403);
    assertThat(api.post(base + "/close", ben.token(), empty()).status()).isEqualTo(403);
    assertThat(api.postBytes(base + "/photos", ben.token(), "image/png", Symbols.png()).status())
        .as("nor add evidence to it")
        .isEqualTo(403);

    Reply unknown =
        api.post(
            base + "/answer",
            ana.token(),
            Json.createObjectBuilder()
                .add("outcome", "IDENTIFIED")
                .add("firearmId", 987_654_321L)
                .build());
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.body()).contains("firearmId").doesNotContain("unique");

    Reply reassigned =
        api.post(
            base + "/assign",
            api.as(Role.SUPERVISOR),
            Json.createObjectBuilder().add("investigator", ben.username().toUpperCase()).build());
    assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
    assertThat(reassigned.json().getString("assignedTo")).isEqualTo(ben.username());
    assertThat(api.get(base, api.admin()).json().getString("status")).isEqualTo("IN_PROGRESS");
  }

  @Test
  void numbers_are_exact_or_refused() {
    String admin = api.admin();
    for (String firearmId : List.of("18446744073709551806", "190.9", "1e2", "\"5\"", "-0.0")) {
      Reply r =
          api.send(
              "POST",
              "/api/custody-events",
              admin,
              "application/json",
              "{\"firearmId\":"
                  + firearmId
                  + ",\"action\":\"MOVE\",\"locationId\":"
                  + southVault
                  + ",\"idempotencyKey\":\""
                  + UUID.randomUUID()
                  + "\"}");
      assertThat(r.status()).as(firearmId + " " + r).isEqualTo(400);
      assertThat(r.json().getJsonArray("violations").getJsonObject(0).getString("field"))
          .isEqualTo("/firearmId");
    }
    Reply location =
        api.send(
            "POST",
            "/api/custody-events",
            admin,
            "application/json",
            "{\"firearmId\":"
                + southFirearm
                + ",\"action\":\"MOVE\",\"locationId\":18446744073709551619"
                + ",\"idempotencyKey\":\""
                + UUID.randomUUID()
                + "\"}");
    assertThat(location.status()).as(location.toString()).isEqualTo(400);
    assertThat(
            api.get("/api/firearms/" + southFirearm, admin)
                .json()
                .getJsonObject("custody")
                .getInt("events"))
        .isEqualTo(1);
  }

  @Test
  void client_mistakes_are_problems_not_500s() {
    String admin = api.admin();
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    Reply nested =
        api.send(
            "PATCH", "/api/locations/" + northVault, admin, "application/merge-patch+json", deep);
    assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
    assertThat(nested.contentType()).startsWith("application/problem+json");

    for (String time :
        List.of("+10000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "1582-10-10T00:00:00Z")) {
      Reply r =
          api.post(
              "/api/custody-events",
              admin,
              Json.createObjectBuilder()
                  .add("firearmId", southFirearm)
                  .add("action", "MOVE")
                  .add("locationId", southVault)
                  .add("deviceTime", time)
                  .add("idempotencyKey", UUID.randomUUID().toString())
                  .build());
      assertThat(r.status()).as(time + " " + r).isEqualTo(400);
      assertThat(r.body()).contains("deviceTime");
    }

    Reply many =
        api.post(
            "/api/trace-requests",
            api.as(Role.INVESTIGATOR),
            traceBody()
                .add("requestingAuthority", "x".repeat(5000))
                .add("caseReference", "y".repeat(5000))
                .add("recoveredOn", "+99999-11-01")
                .build());
    assertThat(many.status()).as(many.toString()).isEqualTo(400);
    assertThat(
            many.json().getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field")))
        .as("every violation at once, with a pointer")
        .contains("/requestingAuthority", "/caseReference");

    Reply future =
        api.post(
            "/api/trace-requests",
            api.as(Role.INVESTIGATOR),
            traceBody().add("recoveredOn", "2999-11-01").build());
    assertThat(future.status()).as(future.toString()).isEqualTo(400);
    assertThat(future.body()).contains("recoveredOn");
  }

  /** What a second hostile insider found after the first round of fixes. */
  @Test
  void refusals_and_counts_tell_nothing_of_another_armourys_weapons() {
    String admin = api.admin();
    String serial =
        api.get("/api/firearms/" + southFirearm, admin).json().getString("serialNumber");
    Reply refused = api.get("/api/firearms/" + southFirearm, northArmourer);
    assertOutside(refused);
    assertThat(refused.body())
        .as("a refusal names nothing of the other armoury")
        .doesNotContain(serial);

    // a count in the north that scans the south's weapon by its marking learns only that it is
    // recorded elsewhere, never its state or place
    long count =
        api.post(
                "/api/stock-counts",
                northArmourer,
                Json.createObjectBuilder().add("locationId", northVault).build())
            .json()
            .getJsonNumber("id")
            .longValue();
    String marking =
        api.get("/api/firearms/" + southFirearm + "/marking", admin).header("X-Marking-Payload");
    Reply scanned =
        api.post(
            "/api/stock-counts/" + count + "/scans",
            northArmourer,
            Json.createObjectBuilder()
                .add("scannedText", marking)
                .add("idempotencyKey", UUID.randomUUID().toString())
                .build());
    assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
    Reply closed =
        api.send("POST", "/api/stock-counts/" + count + "/close", northArmourer, null, null);
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(closed.body())
        .contains("recorded at another armoury")
        .doesNotContain("IN_STOCK")
        .doesNotContain("location " + southVault)
        .doesNotContain(serial);

    // another user's idempotency key replays nothing of theirs
    String key = UUID.randomUUID().toString();
    JsonObject move =
        Json.createObjectBuilder()
            .add("firearmId", southFirearm)
            .add("action", "MOVE")
            .add("locationId", southVault)
            .add("idempotencyKey", key)
            .build();
    assertThat(api.post("/api/custody-events", admin, move).status()).isEqualTo(201);
    Reply replayed = api.post("/api/custody-events", northArmourer, move);
    assertThat(replayed.status()).as(replayed.toString()).isEqualTo(409);
    assertThat(replayed.json().getString("type")).endsWith("/idempotency-key-reused");
    assertThat(replayed.body()).doesNotContain(serial).doesNotContain("\"eventId\"");

    // a supervisor confined to the north finds no south weapon through tracing
    Reply traced =
        api.post(
            "/api/trace-queries",
            northSupervisor,
            Json.createObjectBuilder()
                .add("caseReference", "C-HOST")
                .add("serial", serial)
                .build());
    assertThat(traced.status()).as(traced.toString()).isLessThan(300);
    assertThat(traced.json().getJsonArray("candidates")).as(traced.toString()).isEmpty();
    Reply national =
        api.post(
            "/api/trace-queries",
            api.as(Role.SUPERVISOR),
            Json.createObjectBuilder()
                .add("caseReference", "C-HOST")
                .add("serial", serial)
                .build());
    assertThat(national.json().getJsonArray("candidates"))
        .as("a supervisor of national scope finds it: " + national)
        .isNotEmpty();
  }

  @Test
  void json_is_read_exactly_as_written() {
    String admin = api.admin();
    for (String body :
        List.of(
            "{\"firearmId\":"
                + southFirearm
                + "e0,\"action\":\"MOVE\",\"locationId\":"
                + southVault
                + ",\"idempotencyKey\":\""
                + UUID.randomUUID()
                + "\"}",
            "{\"firearmId\":"
                + southFirearm
                + ",\"action\":\"MOVE\",\"action\":\"REPORT_STOLEN\","
                + "\"locationId\":"
                + southVault
                + ",\"idempotencyKey\":\""
                + UUID.randomUUID()
                + "\"}")) {
      Reply r = api.send("POST", "/api/custody-events", admin, "application/json", body);
      assertThat(r.status()).as(body + " " + r).isEqualTo(400);
    }
    Reply nullMark =
        api.send(
            "POST",
            "/api/firearms",
            admin,
            "application/json",
            aFirearm().build().toString().replaceFirst("\\}$", ",\"markings\":[null]}"));
    assertThat(nullMark.status()).as(nullMark.toString()).isEqualTo(400);
    Reply latin1 =
        api.send(
            "POST",
            "/api/custody-events",
            admin,
            "application/json; charset=ISO-8859-1",
            "{\"firearmId\":" + southFirearm + "}");
    assertThat(latin1.status()).as(latin1.toString()).isEqualTo(415);
    Reply notUtf8 =
        api.postBytes(
            "/api/custody-events",
            admin,
            "application/json",
            new byte[] {'{', '"', 'r', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
    assertThat(notUtf8.status()).as(notUtf8.toString()).isEqualTo(400);
    Reply ancient = api.get("/api/audit-entries?from=-5000-01-01T00:00:00Z", api.as(Role.AUDITOR));
    assertThat(ancient.status()).as(ancient.toString()).isEqualTo(400);
    assertThat(
            api.get("/api/firearms/" + southFirearm, admin)
                .json()
                .getJsonObject("custody")
                .getInt("events"))
        .as("nothing written")
        .isEqualTo(1);
  }

  private long traceRequest(String token) {
    Reply r = api.post("/api/trace-requests", token, traceBody().build());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getJsonNumber("id").longValue();
  }

  private static jakarta.json.JsonObjectBuilder traceBody() {
    return Json.createObjectBuilder()
        .add("requestingAuthority", "Policía Nacional de Colombia, DIJIN")
        .add("requestingCountry", "co")
        .add("contact", "dijin.armas@example.org")
        .add("caseReference", "CASE-" + UUID.randomUUID().toString().substring(0, 8))
        .add("legalBasis", "CIFTA Art. XIII; ITI para 14")
        .add("illicitReason", "recovered at a homicide scene, no permit")
        .add("recoveredOn", "2026-11-20")
        .add("recoveryPlace", "Cali")
        .add("weaponType", "PISTOL")
        .add("weaponMake", "GLOCK")
        .add("weaponModel", "17")
        .add("weaponCalibre", "9X19")
        .add("serialAsRead", "ABC123")
        .add("originCountry", "AT");
  }

  private static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }

  private static void assertOutside(Reply r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().getString("type")).endsWith("/outside-armoury");
  }
}
