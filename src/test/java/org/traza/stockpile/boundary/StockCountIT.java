package org.traza.stockpile.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

class StockCountIT extends AgainstServer {

  /**
   * The walk-through: ten weapons into a vault, two issued, one returned, a count with one
   * missing, its case, a loss reported through custody, the chain still verifying.
   */
  @Test
  void a_blind_count_with_one_weapon_missing_opens_a_case_that_ends_in_a_custody_event() {
    String armourer = api.as(Role.ARMOURER);
    long armoury = api.location("ARMOURY", null);
    long vault = api.location("VAULT", armoury);
    long rack = api.location("RACK", armoury);
    long elsewhere = api.location("VAULT", null);
    long officer = api.holder("OFFICER");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long id = api.register(aFirearm().build()).getInt("id");
      ids.add(id);
      custody(armourer, id, "RECEIVE", b -> b.add("locationId", vault));
    }
    custody(armourer, ids.get(0), "ISSUE", b -> b.add("holderId", officer));
    custody(armourer, ids.get(1), "ISSUE", b -> b.add("holderId", officer));
    custody(armourer, ids.get(0), "RETURN", b -> b.add("locationId", vault));
    long misplaced = api.register(aFirearm().build()).getInt("id");
    custody(armourer, misplaced, "RECEIVE", b -> b.add("locationId", rack));
    long foreign = api.register(aFirearm().build()).getInt("id");
    custody(armourer, foreign, "RECEIVE", b -> b.add("locationId", elsewhere));

    Reply opened =
        api.post(
            "/api/stock-counts",
            armourer,
            Json.createObjectBuilder().add("locationId", vault).build());
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    long count = opened.json().getJsonNumber("id").longValue();
    // in stock: ids 0 and 2..9 (1 is issued); the counter finds all but ids 9
    for (long id : ids.subList(2, 9)) {
      scan(armourer, count, Json.createObjectBuilder().add("firearmId", id));
    }
    String marking =
        api.get("/api/firearms/" + ids.get(0) + "/marking", armourer).header("X-Marking-Payload");
    Reply byMarking = scan(armourer, count, Json.createObjectBuilder().add("scannedText", marking));
    assertThat(byMarking.json().getBoolean("recognised")).isTrue();
    scan(armourer, count, Json.createObjectBuilder().add("firearmId", misplaced));
    scan(armourer, count, Json.createObjectBuilder().add("firearmId", foreign));
    Reply unknown =
        scan(
            armourer,
            count,
            Json.createObjectBuilder().add("scannedText", "NOT-A-WEAPON-" + count));
    assertThat(unknown.json().getBoolean("recognised")).isFalse();

    JsonObject blind = api.get("/api/stock-counts/" + count, armourer).json();
    assertThat(blind.getString("status")).isEqualTo("OPEN");
    assertThat(blind.getInt("scans")).isEqualTo(11);
    assertThat(!blind.containsKey("expected") || blind.isNull("expected")).isTrue();
    assertThat(blind.getJsonArray("discrepancies")).isEmpty();

    Reply closed = api.send("POST", "/api/stock-counts/" + count + "/close", armourer, null, null);
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    JsonObject report = closed.json();
    assertThat(report.getInt("expected")).isEqualTo(9);
    Map<String, List<JsonObject>> byKind =
        report.getJsonArray("discrepancies").stream()
            .map(v -> v.asJsonObject())
            .collect(Collectors.groupingBy(d -> d.getString("kind")));
    assertThat(byKind.keySet())
        .containsExactlyInAnyOrder("MISSING", "MISPLACED", "UNEXPECTED", "UNKNOWN");
    JsonObject missing = byKind.get("MISSING").get(0);
    assertThat(missing.getJsonNumber("firearmId").longValue()).isEqualTo(ids.get(9));
    assertThat(byKind.get("MISPLACED").get(0).getJsonNumber("firearmId").longValue())
        .isEqualTo(misplaced);
    assertThat(byKind.get("UNEXPECTED").get(0).getJsonNumber("firearmId").longValue())
        .isEqualTo(foreign);
    assertThat(
            api.post(
                    "/api/stock-counts/" + count + "/scans",
                    armourer,
                    Json.createObjectBuilder().add("firearmId", ids.get(9)).build())
                .status())
        .isEqualTo(409);

    // four eyes: the counting supervisor cannot sign off; another one can
    var counter = api.newUser(Role.SUPERVISOR);
    Reply own =
        api.post(
            "/api/stock-counts",
            counter.token(),
            Json.createObjectBuilder().add("locationId", rack).build());
    long ownCount = own.json().getJsonNumber("id").longValue();
    api.send("POST", "/api/stock-counts/" + ownCount + "/close", counter.token(), null, null);
    assertThat(
            api.send(
                    "POST",
                    "/api/stock-counts/" + ownCount + "/sign-off",
                    counter.token(),
                    null,
                    null)
                .status())
        .isEqualTo(409);
    Reply signed =
        api.send(
            "POST",
            "/api/stock-counts/" + count + "/sign-off",
            api.newUser(Role.SUPERVISOR).token(),
            null,
            null);
    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    assertThat(signed.json().getString("status")).isEqualTo("SIGNED_OFF");

    Reply resolved =
        api.post(
            "/api/discrepancies/" + missing.getJsonNumber("id").longValue() + "/resolve",
            api.as(Role.SUPERVISOR),
            Json.createObjectBuilder()
                .add("resolution", "REPORTED_LOST")
                .add("note", "not in the vault")
                .build());
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    assertThat(api.get("/api/firearms/" + ids.get(9), armourer).json().getString("status"))
        .isEqualTo("LOST");
    var timeline = api.get("/api/firearms/" + ids.get(9) + "/custody-events", armourer).array();
    assertThat(timeline.getJsonObject(timeline.size() - 1).getString("action"))
        .isEqualTo("REPORT_LOST");
    assertThat(api.get("/api/discrepancies?status=OPEN&stockCountId=" + count, armourer).array())
        .hasSize(3);
    JsonObject verify = api.get("/api/custody/verify", api.as(Role.AUDITOR)).json();
    assertThat(verify.getBoolean("intact")).as(verify.toString()).isTrue();
  }

  @Test
  void a_location_past_its_count_frequency_is_overdue() {
    String armourer = api.as(Role.ARMOURER);
    Reply r =
        api.post(
            "/api/locations",
            api.admin(),
            Json.createObjectBuilder()
                .add("code", "F" + UUID.randomUUID().toString().substring(0, 8))
                .add("name", "Monthly vault")
                .add("kind", "VAULT")
                .add("countFrequencyDays", 30)
                .build());
    long monthly = r.json().getJsonNumber("id").longValue();
    assertThat(overdue(armourer)).contains(monthly);
    long count =
        api.post(
                "/api/stock-counts",
                armourer,
                Json.createObjectBuilder().add("locationId", monthly).build())
            .json()
            .getJsonNumber("id")
            .longValue();
    api.send("POST", "/api/stock-counts/" + count + "/close", armourer, null, null);
    assertThat(overdue(armourer)).doesNotContain(monthly);
  }

  private List<Long> overdue(String token) {
    Reply r = api.get("/api/stock-counts/overdue", token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.array().stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
  }

  /**
   * Four eyes names the two people: whoever opened, scanned in or closed a count cannot sign it
   * off; a supervisor who took no part can, with a case still open (the signed report names it).
   */
  @Test
  void a_count_is_signed_off_by_a_supervisor_who_took_no_part_in_it() {
    long vault = api.location("VAULT", api.location("ARMOURY", null));
    long present = api.register(aFirearm().build()).getInt("id");
    long absent = api.register(aFirearm().build()).getInt("id");
    String armourer = api.as(Role.ARMOURER);
    custody(armourer, present, "RECEIVE", b -> b.add("locationId", vault));
    custody(armourer, absent, "RECEIVE", b -> b.add("locationId", vault));
    var opener = api.newUser(Role.SUPERVISOR);
    var scanner = api.newUser(Role.SUPERVISOR);
    var closer = api.newUser(Role.SUPERVISOR);
    long count =
        api.post(
                "/api/stock-counts",
                opener.token(),
                Json.createObjectBuilder().add("locationId", vault).build())
            .json()
            .getJsonNumber("id")
            .longValue();
    scan(scanner.token(), count, Json.createObjectBuilder().add("firearmId", present));
    assertThat(
            api.send("POST", "/api/stock-counts/" + count + "/close", closer.token(), null, null)
                .status())
        .isEqualTo(200);
    for (var wrong : List.of(opener, scanner, closer)) {
      Reply r =
          api.send("POST", "/api/stock-counts/" + count + "/sign-off", wrong.token(), null, null);
      assertThat(r.status()).as(wrong.username() + ": " + r).isEqualTo(409);
      assertThat(r.json().getString("type")).endsWith("/segregation-of-duties");
      assertThat(r.json().getString("detail")).contains(wrong.username());
    }
    var second = api.newUser(Role.SUPERVISOR);
    Reply signed =
        api.send("POST", "/api/stock-counts/" + count + "/sign-off", second.token(), null, null);
    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    assertThat(signed.json().getString("status")).isEqualTo("SIGNED_OFF");
    assertThat(api.get("/api/discrepancies?stockCountId=" + count, second.token()).array())
        .as("the case for the missing weapon stays open after the sign-off")
        .anyMatch(d -> d.asJsonObject().getString("status").equals("OPEN"));
    assertThat(api.audit("action=stock-count.signed-off&targetId=" + count))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getString("detail"))
                    .contains(opener.username())
                    .contains(scanner.username())
                    .contains("1 discrepancy case(s) still open"));
  }

  private Reply scan(String token, long count, JsonObjectBuilder body) {
    Reply r = api.post("/api/stock-counts/" + count + "/scans", token, body.build());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r;
  }

  private void custody(
      String token,
      long firearm,
      String action,
      java.util.function.Consumer<JsonObjectBuilder> with) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("firearmId", firearm)
            .add("action", action)
            .add("idempotencyKey", UUID.randomUUID().toString());
    with.accept(b);
    Reply r = api.post("/api/custody-events", token, b.build());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }
}
