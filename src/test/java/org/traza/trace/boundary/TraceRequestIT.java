package org.traza.trace.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/** A trace request from filing to closing, with its data-quality check and its deadline. */
class TraceRequestIT extends AgainstServer {

  @Test
  void a_request_is_checked_filed_worked_answered_and_closed() {
    long pistol =
        api.register(aFirearm().withMake("GLOCK").withSerial("66021-39").build()).getInt("id");
    String investigator = api.as(Role.INVESTIGATOR);
    String armourer = api.as(Role.ARMOURER);
    long vault = api.location("VAULT", null);
    long officer = api.holder("OFFICER");
    for (JsonObject e :
        List.of(
            Json.createObjectBuilder()
                .add("firearmId", pistol)
                .add("action", "RECEIVE")
                .add("locationId", vault)
                .add("idempotencyKey", "tr-receive-" + pistol)
                .build(),
            Json.createObjectBuilder()
                .add("firearmId", pistol)
                .add("action", "ISSUE")
                .add("holderId", officer)
                .add("idempotencyKey", "tr-issue-" + pistol)
                .build())) {
      assertThat(api.post("/api/custody-events", armourer, e).status()).isEqualTo(201);
    }

    JsonObject quality =
        api.post("/api/trace-requests/check", investigator, body("GLOK", "G6O21?39").build())
            .json();
    assertThat(quality.getJsonArray("errors")).isEmpty();
    assertThat(quality.getJsonArray("warnings").toString())
        .contains("unknown make 'GLOK'")
        .contains("GLOCK (")
        .contains("importer");

    Reply incomplete =
        api.post(
            "/api/trace-requests",
            investigator,
            body("GLOCK", "G6O21?39").add("legalBasis", "").add("urgency", "URGENT").build());
    assertThat(incomplete.status()).as(incomplete.toString()).isEqualTo(400);
    assertThat(incomplete.body()).contains("legalBasis").contains("urgencyJustification");

    Reply filed =
        api.post(
            "/api/trace-requests",
            investigator,
            body("GLOCK", "G6O21?39").add("importer", "Armas del Sur SA").build());
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    JsonObject t = filed.json();
    long id = t.getJsonNumber("id").longValue();
    assertThat(t.getString("reference")).matches("TR-\\d{4}-\\d{6}");
    assertThat(t.getString("status")).isEqualTo("RECEIVED");
    assertThat(
            Duration.between(
                Instant.parse(t.getString("receivedAt")), Instant.parse(t.getString("dueAt"))))
        .isEqualTo(Duration.ofDays(14));
    String base = "/api/trace-requests/" + id;

    assertThat(api.post(base + "/close", investigator, Json.createObjectBuilder().build()).status())
        .as("not closed before it is answered")
        .isEqualTo(409);
    assertThat(api.get(base + "/response", investigator).status())
        .as("no response before the answer")
        .isEqualTo(409);
    assertThat(status(api.post(base + "/acknowledge", investigator, empty())))
        .isEqualTo("ACKNOWLEDGED");
    assertThat(status(api.post(base + "/start", investigator, empty()))).isEqualTo("IN_PROGRESS");

    JsonObject candidates = api.get(base + "/candidates", investigator).json();
    assertThat(
            candidates
                .getJsonArray("candidates")
                .getJsonObject(0)
                .getJsonObject("firearm")
                .getInt("id"))
        .isEqualTo((int) pistol);

    Reply answered =
        api.post(
            base + "/answer",
            investigator,
            Json.createObjectBuilder()
                .add("outcome", "IDENTIFIED")
                .add("firearmId", pistol)
                .build());
    assertThat(status(answered)).isEqualTo("ANSWERED");
    assertThat(answered.json().getJsonNumber("firearmId").longValue()).isEqualTo(pistol);
    assertThat(api.get(base + "/response", investigator).status())
        .as("answered, so it has a response")
        .isEqualTo(200);
    JsonObject response = api.get(base + "/response", api.as(Role.AUDITOR)).json();
    assertThat(response.getString("outcome")).isEqualTo("IDENTIFIED");
    JsonObject weapon = response.getJsonObject("weapon");
    assertThat(weapon.getJsonNumber("registryId").longValue()).isEqualTo(pistol);
    assertThat(weapon.getString("serial")).isEqualTo("66021-39");
    JsonObject custody = response.getJsonObject("custody");
    assertThat(custody.getBoolean("chainIntact")).isTrue();
    assertThat(custody.getJsonArray("events")).hasSize(2);
    assertThat(custody.getString("lastHolder")).contains("Ana Pérez");
    assertThat(custody.getString("lastHolderKind")).isEqualTo("OFFICER");
    assertThat(custody.getString("lastKnownLocation")).isNotBlank();
    assertThat(status(api.post(base + "/close", investigator, empty()))).isEqualTo("CLOSED");
    assertThat(api.audit("targetId=CASE-TR-1").stream().map(e -> e.getString("action")).toList())
        .contains(
            "trace-request.filed",
            "trace-request.acknowledged",
            "trace-request.started",
            "trace-query.run",
            "trace-request.answered",
            "trace-request.closed");
  }

  /** The test server's urgent deadline is two seconds (trace.deadline.urgent in arquillian.xml). */
  @Test
  void an_unanswered_urgent_request_becomes_overdue() {
    String investigator = api.as(Role.INVESTIGATOR);
    long id =
        api.post(
                "/api/trace-requests",
                investigator,
                body("GLOCK", "AB123")
                    .add("urgency", "URGENT")
                    .add("urgencyJustification", "suspect in custody for 48 hours")
                    .add("importer", "Armas del Sur SA")
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> overdue(investigator).contains(id));
    assertThat(api.get("/api/trace-requests/" + id, investigator).json().getBoolean("overdue"))
        .isTrue();
  }

  private List<Long> overdue(String token) {
    return api.get("/api/trace-requests?overdue=true", token).array().stream()
        .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  private static jakarta.json.JsonObject empty() {
    return Json.createObjectBuilder().build();
  }

  private static String status(Reply r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getString("status");
  }

  private static JsonObjectBuilder body(String make, String serial) {
    return Json.createObjectBuilder()
        .add("requestingAuthority", "Policía Nacional de Colombia, DIJIN")
        .add("requestingCountry", "co")
        .add("contact", "dijin.armas@example.org")
        .add("caseReference", "CASE-TR-1")
        .add("legalBasis", "CIFTA Art. XIII; ITI para 14")
        .add("illicitReason", "recovered at a homicide scene, no permit")
        .add("recoveredOn", "2026-11-20")
        .add("recoveryPlace", "Cali")
        .add("weaponType", "PISTOL")
        .add("weaponMake", make)
        .add("weaponModel", "17")
        .add("weaponCalibre", "9X19")
        .add("serialAsRead", serial)
        .add("originCountry", "AT");
  }
}
