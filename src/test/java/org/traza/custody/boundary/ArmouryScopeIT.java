package org.traza.custody.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/**
 * Armourers and stations confined to their armoury: they neither see nor move another armoury's
 * weapons (403 outside-armoury); transfers cross armouries at their two ends only, and a weapon
 * received at the wrong armoury opens a case.
 */
class ArmouryScopeIT extends AgainstServer {

  long north;
  long northVault;
  long south;
  long southVault;
  String northArmourer;
  String southArmourer;

  @BeforeEach
  void twoArmouries() {
    long agency = api.location("AGENCY", null);
    north = api.location("ARMOURY", agency);
    northVault = api.location("VAULT", north);
    south = api.location("ARMOURY", agency);
    southVault = api.location("VAULT", south);
    northArmourer = api.newUserIn(north, Role.ARMOURER).token();
    southArmourer = api.newUserIn(south, Role.ARMOURER).token();
  }

  @Test
  void an_armourer_neither_sees_nor_moves_another_armourys_weapons() {
    String serial = "SC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    long f = api.register(aFirearm().withSerial(serial).build()).getInt("id");
    assertThat(event(northArmourer, f, "RECEIVE", b -> b.add("locationId", northVault)).status())
        .isEqualTo(201);

    for (String path : List.of("", "/history", "/custody-events", "/marking")) {
      Reply r = api.get("/api/firearms/" + f + path, southArmourer);
      assertOutside(r);
      assertThat(api.get("/api/firearms/" + f + path, northArmourer).status())
          .as(path)
          .isEqualTo(200);
    }
    assertThat(
            api.get("/api/firearms?serial=" + serial, southArmourer).json().getJsonArray("items"))
        .isEmpty();
    assertThat(
            api.get("/api/firearms?serial=" + serial, northArmourer).json().getJsonArray("items"))
        .hasSize(1);
    assertThat(api.get("/api/firearms/" + f, api.as(Role.ARMOURER)).status())
        .as("a national armourer sees every armoury")
        .isEqualTo(200);

    assertOutside(
        api.post(
            "/api/marking-labels",
            southArmourer,
            Json.createObjectBuilder()
                .add("firearmIds", Json.createArrayBuilder().add(f))
                .build()));
    assertThat(
            api.post(
                    "/api/marking-labels",
                    northArmourer,
                    Json.createObjectBuilder()
                        .add("firearmIds", Json.createArrayBuilder().add(f))
                        .build())
                .status())
        .isEqualTo(200);
    Reply southFilter =
        api.post(
            "/api/marking-labels",
            southArmourer,
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add("serial", serial))
                .build());
    assertThat(southFilter.status())
        .as("a filter finds nothing outside one's armoury: " + southFilter)
        .isEqualTo(400);

    long officer = api.holder("OFFICER");
    assertOutside(event(southArmourer, f, "ISSUE", b -> b.add("holderId", officer)));
    assertOutside(api.get("/api/locations/" + northVault + "/holdings", southArmourer));
    assertOutside(
        api.post(
            "/api/stock-counts",
            southArmourer,
            Json.createObjectBuilder().add("locationId", northVault).build()));
    assertOutside(event(northArmourer, f, "MOVE", b -> b.add("locationId", southVault)));
    assertThat(api.get("/api/firearms/" + f, northArmourer).json().getString("status"))
        .isEqualTo("IN_STOCK");
    assertThat(
            api.get("/api/firearms/" + f, northArmourer)
                .json()
                .getJsonObject("custody")
                .getInt("events"))
        .as("refused actions leave no event")
        .isEqualTo(1);

    long g = api.register(aFirearm().build()).getInt("id");
    assertOutside(event(southArmourer, g, "RECEIVE", b -> b.add("locationId", northVault)));
    assertThat(event(southArmourer, g, "RECEIVE", b -> b.add("locationId", southVault)).status())
        .as("a registered firearm, recorded nowhere yet, can be received into one's own armoury")
        .isEqualTo(201);
    assertThat(api.get("/api/locations/" + southVault + "/holdings", southArmourer).status())
        .isEqualTo(200);
  }

  @Test
  void users_are_confined_to_an_armoury_or_an_agency_only() {
    Reply toVault =
        api.post(
            "/api/users",
            api.admin(),
            Json.createObjectBuilder()
                .add("username", "v" + UUID.randomUUID().toString().substring(0, 8))
                .add("password", "correct horse battery staple")
                .add("roles", Json.createArrayBuilder().add("ARMOURER"))
                .add("armouryId", northVault)
                .build());
    assertThat(toVault.status()).as(toVault.toString()).isEqualTo(400);
    assertThat(toVault.body()).contains("armouryId");

    var user = api.newUser(Role.ARMOURER);
    Reply assigned =
        api.put(
            "/api/users/" + user.username() + "/armoury",
            api.admin(),
            Json.createObjectBuilder().add("armouryId", south).build());
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    assertThat(assigned.json().getJsonNumber("armouryId").longValue()).isEqualTo(south);

    long f = api.register(aFirearm().build()).getInt("id");
    assertThat(event(northArmourer, f, "RECEIVE", b -> b.add("locationId", northVault)).status())
        .isEqualTo(201);
    assertOutside(api.get("/api/firearms/" + f, user.token()));
    assertThat(api.audit("action=user.armoury-assigned&targetId=" + user.username())).hasSize(1);
  }

  @Test
  void a_transfer_crosses_armouries_and_one_received_at_the_wrong_armoury_opens_a_case() {
    long east = api.location("ARMOURY", null);
    long eastVault = api.location("VAULT", east);
    String eastArmourer = api.newUserIn(east, Role.ARMOURER).token();
    long f = api.register(aFirearm().build()).getInt("id");
    long g = api.register(aFirearm().build()).getInt("id");
    for (long id : List.of(f, g)) {
      assertThat(event(northArmourer, id, "RECEIVE", b -> b.add("locationId", northVault)).status())
          .isEqualTo(201);
      Reply sent =
          event(
              northArmourer,
              id,
              "DISPATCH",
              b -> b.add("locationId", south).add("expectedReturn", "2026-01-02T00:00:00Z"));
      assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    }
    List<Long> overdue = ids(api.get("/api/custody/in-transit?overdue=true", api.as(Role.AUDITOR)));
    assertThat(overdue).contains(f, g);
    assertThat(ids(api.get("/api/custody/in-transit", southArmourer))).contains(f, g);

    Reply arrived =
        event(southArmourer, g, "RECEIVE_TRANSFER", b -> b.add("locationId", southVault));
    assertThat(arrived.status()).as(arrived.toString()).isEqualTo(201);
    assertOutside(event(eastArmourer, f, "RECEIVE_TRANSFER", b -> b.add("locationId", eastVault)));
    String marking =
        api.get("/api/firearms/" + f + "/marking", api.admin()).header("X-Marking-Payload");
    Reply elsewhere =
        api.post(
            "/api/custody-events",
            eastArmourer,
            Json.createObjectBuilder()
                .add("scannedText", marking)
                .add("action", "RECEIVE_TRANSFER")
                .add("locationId", eastVault)
                .add("idempotencyKey", UUID.randomUUID().toString())
                .build());
    assertThat(elsewhere.status())
        .as(
            "whoever has it in hand, and scans it, records it (a typed id proves nothing): "
                + elsewhere)
        .isEqualTo(201);

    List<JsonObject> eastCases = cases(eastArmourer);
    assertThat(eastCases)
        .filteredOn(c -> c.getString("kind").equals("MISDELIVERED"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getJsonNumber("firearmId").longValue()).isEqualTo(f);
              assertThat(c.getJsonNumber("locationId").longValue()).isEqualTo(eastVault);
              assertThat(c.get("stockCountId")).isIn(null, jakarta.json.JsonValue.NULL);
              assertThat(c.getString("detail")).contains("dispatched to").contains("received at");
            });
    assertThat(cases(southArmourer))
        .as("a case is seen only within its armoury, and a correct arrival opens none")
        .noneMatch(c -> c.getJsonNumber("firearmId").longValue() == f)
        .noneMatch(c -> c.getJsonNumber("firearmId").longValue() == g);
    assertThat(ids(api.get("/api/custody/in-transit", api.as(Role.AUDITOR)))).doesNotContain(f, g);
  }

  @Test
  void a_station_proves_itself_names_itself_on_events_and_confines_its_operator() {
    Reply registered =
        api.post(
            "/api/stations",
            api.admin(),
            Json.createObjectBuilder()
                .add("code", "NORTH-" + UUID.randomUUID().toString().substring(0, 6))
                .add("name", "Vault handheld")
                .add("armouryId", north)
                .build());
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String code = registered.json().getString("code");
    String credential = registered.json().getString("credential");
    assertThat(registered.json().getString("header")).isEqualTo("X-Traza-Station");
    assertThat(api.get("/api/stations/" + code, api.admin()).json().get("credential"))
        .isIn(null, jakarta.json.JsonValue.NULL);

    String national = api.as(Role.ARMOURER);
    long f = api.register(aFirearm().build()).getInt("id");
    long g = api.register(aFirearm().build()).getInt("id");
    Reply received =
        api.postFrom(credential, "/api/custody-events", national, body(f, "RECEIVE", northVault));
    assertThat(received.status()).as(received.toString()).isEqualTo(201);
    assertThat(received.json().getString("station")).isEqualTo(code);
    assertOutside(
        api.postFrom(credential, "/api/custody-events", national, body(g, "RECEIVE", southVault)));

    JsonObject claimsOther = body(g, "RECEIVE", northVault);
    claimsOther = Json.createObjectBuilder(claimsOther).add("station", "SOMEONE-ELSE").build();
    assertThat(api.postFrom(credential, "/api/custody-events", national, claimsOther).status())
        .isEqualTo(400);
    assertThat(api.post("/api/custody-events", national, claimsOther).status())
        .as("a station named without its credential")
        .isEqualTo(400);
    assertRefused(
        api.postFrom(
            code + ":wrong", "/api/custody-events", national, body(g, "RECEIVE", northVault)));

    Reply rotated =
        api.post(
            "/api/stations/" + code + "/rotate-credential",
            api.admin(),
            Json.createObjectBuilder().build());
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    String fresh = rotated.json().getString("credential");
    assertThat(fresh).isNotEqualTo(credential);
    assertRefused(
        api.postFrom(credential, "/api/custody-events", national, body(g, "RECEIVE", northVault)));
    assertThat(
            api.postFrom(fresh, "/api/custody-events", national, body(g, "RECEIVE", northVault))
                .status())
        .isEqualTo(201);

    assertThat(
            api.post(
                    "/api/stations/" + code + "/disable",
                    api.admin(),
                    Json.createObjectBuilder().build())
                .status())
        .isEqualTo(200);
    assertRefused(
        api.postFrom(fresh, "/api/custody-events", national, body(f, "MOVE", northVault)));
  }

  private static void assertOutside(Reply r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().getString("type")).endsWith("/outside-armoury");
  }

  private static void assertRefused(Reply r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
    assertThat(r.json().getString("type")).endsWith("/station-refused");
  }

  private List<JsonObject> cases(String token) {
    Reply r = api.get("/api/discrepancies?status=OPEN", token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.array().stream().map(v -> v.asJsonObject()).toList();
  }

  private static List<Long> ids(Reply r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.array().stream().map(x -> x.asJsonObject().getJsonNumber("id").longValue()).toList();
  }

  private static JsonObject body(long firearm, String action, long location) {
    return Json.createObjectBuilder()
        .add("firearmId", firearm)
        .add("action", action)
        .add("locationId", location)
        .add("idempotencyKey", UUID.randomUUID().toString())
        .build();
  }

  private Reply event(
      String token, long firearm, String action, UnaryOperator<JsonObjectBuilder> more) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("firearmId", firearm)
            .add("action", action)
            .add("idempotencyKey", UUID.randomUUID().toString());
    return api.post("/api/custody-events", token, more.apply(b).build());
  }
}
