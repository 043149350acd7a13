package org.traza.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;
import org.traza.testing.Symbols;

/**
 * Walks every operation of the served OpenAPI document as a user confined to armoury North with the
 * ARMOURER and SUPERVISOR roles, naming armoury South's objects wherever an operation takes an id
 * (in the path or in the body: firearm, location, count, discrepancy, destruction order, holder, a
 * scanned marking). Fails on any 2xx for an operation that names a South object, on any 2xx whose
 * body shows a South serial or place, and when anything of South changed. A new endpoint is walked
 * without anyone having to remember it.
 */
class ConfinementWalkIT extends AgainstServer {

  /** Operations whose objects are national or public by design (docs/security.md says why). */
  private static final Set<String> NATIONAL =
      Set.of(
          "/api/trace-requests", // tracing is national: investigators answer for the whole state
          "/api/trace-queries",
          "/api/trace-exchange",
          "/api/destruction-certificates", // certificates are public, verifiable by anyone
          "/api/auth",
          "/api/users", // administrators' (these users' roles are refused anyway)
          "/api/stations",
          "/api/calibres", // reference data is national
          "/api/makes",
          "/api/firearm-types",
          "/api/ui");

  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  @Test
  void a_confined_user_reaches_nothing_of_another_armoury_through_any_endpoint() {
    String admin = api.admin();
    long agency = api.location("AGENCY", null);
    long north = api.location("ARMOURY", agency);
    long northVault = api.location("VAULT", north);
    long south = api.location("ARMOURY", agency);
    long southVault = api.location("VAULT", south);
    String southVaultCode = api.get("/api/locations/" + southVault, admin).json().getString("code");

    JsonObject f =
        api.register(
            aFirearm().withMarking("MANUFACTURE", "SN 1", "FRAME_RECEIVER", "STAMP").build());
    long firearm = f.getJsonNumber("id").longValue();
    String serial = f.getString("serialNumber");
    assertThat(api.custody(admin, firearm, "RECEIVE", southVault).status()).isEqualTo(201);
    long marking =
        api.get("/api/firearms/" + firearm, admin)
            .json()
            .getJsonArray("markings")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    String payload =
        api.get("/api/firearms/" + firearm + "/marking", admin).header("X-Marking-Payload");

    JsonObject g = api.register(aFirearm().build());
    long surplus = g.getJsonNumber("id").longValue();
    String surplusSerial = g.getString("serialNumber");
    assertThat(api.custody(admin, surplus, "RECEIVE", southVault).status()).isEqualTo(201);
    assertThat(api.custody(admin, surplus, "DECLARE_SURPLUS", null).status()).isEqualTo(201);
    Reply order =
        api.post(
            "/api/destruction-orders",
            api.as(Role.SUPERVISOR),
            Api.destructionOrder(List.of(surplus), "CUTTING"));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    long orderId = order.json().getJsonNumber("id").longValue();

    Reply count =
        api.post(
            "/api/stock-counts",
            admin,
            Json.createObjectBuilder().add("locationId", southVault).build());
    assertThat(count.status()).as(count.toString()).isEqualTo(201);
    long countId = count.json().getJsonNumber("id").longValue();
    long closedCount =
        api.post(
                "/api/stock-counts",
                admin,
                Json.createObjectBuilder().add("locationId", southVault).build())
            .json()
            .getJsonNumber("id")
            .longValue();
    api.post(
        "/api/stock-counts/" + closedCount + "/close", admin, Json.createObjectBuilder().build());
    long discrepancy =
        api.get("/api/discrepancies?stockCountId=" + closedCount, admin).array().stream()
            .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
            .findFirst()
            .orElseThrow();
    long holder = api.holder("OFFICER");

    String insider = api.newUserIn(north, Role.ARMOURER, Role.SUPERVISOR).token();
    Map<String, Long> ids =
        Map.of(
            "firearms", firearm,
            "locations", southVault,
            "stock-counts", countId,
            "discrepancies", discrepancy,
            "destruction-orders", orderId,
            "holders", holder);

    JsonObject doc =
        api.send("GET", "/openapi", null, null, null, Map.of("Accept", "application/json")).json();
    List<String> failures = new ArrayList<>();
    int walked = 0;
    for (var path : doc.getJsonObject("paths").entrySet()) {
      String template = path.getKey();
      if (NATIONAL.stream().anyMatch(template::startsWith)) {
        continue;
      }
      for (var op : path.getValue().asJsonObject().entrySet()) {
        String method = op.getKey().toUpperCase();
        if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          continue;
        }
        boolean namesSouth = template.contains("{");
        String url = substitute(template, ids, marking);
        Reply r =
            call(
                method,
                url,
                op.getValue().asJsonObject(),
                insider,
                firearm,
                surplus,
                southVault,
                countId,
                holder,
                payload,
                serial);
        if (bodyNamesSouth(method, op.getValue().asJsonObject())) {
          namesSouth = true;
        }
        walked++;
        boolean ok = r.status() >= 200 && r.status() < 300;
        if (ok && url.endsWith("/batch")) {
          // a batch answers 200 with a result per item: each item must have been refused
          ok =
              r.json().getJsonArray("results").stream()
                  .anyMatch(i -> i.asJsonObject().getInt("status") < 300);
        }
        if (ok && namesSouth) {
          failures.add(method + " " + url + " -> " + r.status());
        }
        if (ok
            && (r.body().contains(serial)
                || r.body().contains(surplusSerial)
                || r.body().contains(southVaultCode))) {
          failures.add(method + " " + url + " -> " + r.status() + " shows South's data");
        }
        if (r.status() >= 500) {
          failures.add(method + " " + url + " -> " + r.status() + " " + r.body());
        }
      }
    }
    System.out.println("ConfinementWalkIT walked " + walked + " operations");
    assertThat(failures).isEmpty();
    assertThat(walked).as("operations walked").isGreaterThan(50);
    assertThat(failures).isEmpty();

    JsonObject after = api.get("/api/firearms/" + firearm, admin).json();
    assertThat(after.getJsonObject("custody").getInt("events")).isEqualTo(1);
    assertThat(after.getString("status")).isEqualTo("IN_STOCK");
    assertThat(after.getBoolean("voided", false)).isFalse();
    assertThat(after.getJsonArray("markings")).hasSize(1);
    assertThat(api.get("/api/destruction-orders/" + orderId, admin).json().getString("status"))
        .isEqualTo("PENDING_APPROVAL");
    assertThat(api.get("/api/stock-counts/" + countId, admin).json().getString("status"))
        .isEqualTo("OPEN");
    assertThat(
            api.get("/api/discrepancies/" + discrepancy, admin).status() == 200
                ? api.get("/api/discrepancies/" + discrepancy, admin).json().getString("status")
                : "OPEN")
        .isEqualTo("OPEN");
    assertThat(api.get("/api/locations/" + northVault, admin).status()).isEqualTo(200);
  }

  private static String substitute(String template, Map<String, Long> ids, long marking) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      if (name.equals("markingId")) {
        value = String.valueOf(marking);
      } else {
        String collection = template.substring(0, m.start()).replaceAll("/$", "");
        collection = collection.substring(collection.lastIndexOf('/') + 1);
        Long id = ids.get(collection);
        value = id == null ? "1" : String.valueOf(id);
      }
      m.appendReplacement(out, value);
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether the operation takes a JSON body, which the walk fills with South's objects. */
  private static boolean bodyNamesSouth(String method, JsonObject op) {
    return !method.equals("GET") && consumes(op).stream().anyMatch(t -> t.contains("json"));
  }

  private static List<String> consumes(JsonObject op) {
    JsonObject body = op.getJsonObject("requestBody");
    if (body == null || !body.containsKey("content")) {
      return List.of();
    }
    return new ArrayList<>(body.getJsonObject("content").keySet());
  }

  private Reply call(
      String method,
      String url,
      JsonObject op,
      String token,
      long firearm,
      long surplus,
      long southVault,
      long count,
      long holder,
      String payload,
      String serial) {
    List<String> types = consumes(op);
    if (types.stream().anyMatch(t -> t.startsWith("image/"))) {
      return api.postBytes(
          url + (url.contains("?") ? "&" : "?") + "stage=BEFORE",
          token,
          "image/png",
          Symbols.png());
    }
    if (types.stream().noneMatch(t -> t.contains("json")) || method.equals("GET")) {
      return api.send(method, url, token, null, null);
    }
    JsonArrayBuilder both = Json.createArrayBuilder().add(firearm).add(surplus);
    JsonObject item =
        Json.createObjectBuilder()
            .add("firearmId", firearm)
            .add("firearmIds", both)
            .add("locationId", southVault)
            .add("parentId", southVault)
            .add("holderId", holder)
            .add("stockCountId", count)
            .add("scannedText", payload)
            .add("text", payload)
            .add("serial", serial)
            .add("serialNumber", serial)
            .add("filter", Json.createObjectBuilder().add("serial", serial))
            .add("action", "MOVE")
            .add("name", "renamed by an insider")
            .add("reason", "insider")
            .add("model", "insider")
            .add("resolution", "FOUND")
            .add("idempotencyKey", UUID.randomUUID().toString())
            .build();
    String body =
        url.endsWith("/batch")
            ? Json.createArrayBuilder().add(item).build().toString()
            : item.toString();
    String type = types.contains("application/json") ? "application/json" : types.get(0);
    Map<String, String> headers = method.equals("PATCH") ? Map.of("If-Match", "\"0\"") : Map.of();
    return api.send(method, url, token, type, body, headers);
  }
}
