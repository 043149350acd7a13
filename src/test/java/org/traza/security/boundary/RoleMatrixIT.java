package org.traza.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;
import static org.traza.testing.FirearmBuilder.uniqueSerial;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/**
 * Every endpoint against every role and against no token: the allowed roles get past security, the
 * others get 403, anonymous callers 401. The endpoint list is checked against the OpenAPI document,
 * so a new endpoint cannot be added without being added here.
 */
class RoleMatrixIT extends AgainstServer {

  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
  private static final Set<Role> REGISTRARS =
      EnumSet.of(Role.ARMOURER, Role.SUPERVISOR, Role.ADMIN);

  /** One endpoint: how to call it (fresh path and body per call) and who may. */
  record Endpoint(
      String method,
      String template,
      Supplier<String> path,
      Supplier<JsonValue> body,
      Function<String, Map<String, String>> headers,
      Set<Role> allowed,
      boolean open) {}

  private final List<Endpoint> endpoints = new ArrayList<>();

  private void endpoint(
      String method,
      String template,
      Supplier<String> path,
      Supplier<JsonValue> body,
      Set<Role> allowed) {
    endpoints.add(new Endpoint(method, template, path, body, p -> Map.of(), allowed, false));
  }

  private void open(String method, String template, Supplier<JsonValue> body) {
    endpoints.add(
        new Endpoint(method, template, () -> template, body, p -> Map.of(), EVERYONE, true));
  }

  private String freshFirearm() {
    return "/api/firearms/" + api.register(aFirearm().build()).getInt("id");
  }

  /** A fresh firearm's first recorded mark, as a path. */
  private String freshMarking() {
    String firearm = freshFirearm();
    int id =
        api.post(
                firearm + "/markings",
                api.admin(),
                Json.createObjectBuilder()
                    .add("kind", "RE_MARKING")
                    .add("text", "M1")
                    .add("location", "BARREL")
                    .build())
            .json()
            .getInt("id");
    return firearm + "/markings/" + id;
  }

  private String freshUser() {
    return api.newUser(Role.ARMOURER).username();
  }

  private void defineEndpoints() {
    open(
        "POST",
        "/api/auth/login",
        () ->
            Json.createObjectBuilder()
                .add("username", "admin")
                .add("password", Api.ADMIN_PASSWORD)
                .build());
    open("GET", "/api/auth/jwks", () -> null);
    endpoint("GET", "/api/auth/me", () -> "/api/auth/me", () -> null, EVERYONE);

    Set<Role> admin = EnumSet.of(Role.ADMIN);
    endpoint("GET", "/api/users", () -> "/api/users", () -> null, admin);
    endpoint("GET", "/api/users/{username}", () -> "/api/users/admin", () -> null, admin);
    endpoint(
        "POST",
        "/api/users",
        () -> "/api/users",
        () ->
            Json.createObjectBuilder()
                .add("username", "m" + uniqueSerial().toLowerCase())
                .add("password", Api.USER_PASSWORD)
                .add("roles", Json.createArrayBuilder().add("AUDITOR"))
                .build(),
        admin);
    endpoint(
        "PUT",
        "/api/users/{username}/roles",
        () -> "/api/users/" + freshUser() + "/roles",
        () ->
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("INVESTIGATOR"))
                .build(),
        admin);
    endpoint(
        "PUT",
        "/api/users/{username}/armoury",
        () -> "/api/users/" + freshUser() + "/armoury",
        () -> Json.createObjectBuilder().addNull("armouryId").build(),
        admin);
    endpoint("GET", "/api/stations", () -> "/api/stations", () -> null, admin);
    endpoint("GET", "/api/stations/{code}", () -> "/api/stations/NO-SUCH", () -> null, admin);
    endpoint(
        "POST",
        "/api/stations",
        () -> "/api/stations",
        () ->
            Json.createObjectBuilder()
                .add("code", "M" + uniqueSerial())
                .add("name", "matrix")
                .add("armouryId", api.location("ARMOURY", null))
                .build(),
        admin);
    for (String verb : new String[] {"rotate-credential", "disable", "enable"}) {
      endpoint(
          "POST",
          "/api/stations/{code}/" + verb,
          () -> "/api/stations/NO-SUCH/" + verb,
          () -> null,
          admin);
    }
    endpoint(
        "POST",
        "/api/users/{username}/disable",
        () -> "/api/users/" + freshUser() + "/disable",
        () -> null,
        admin);
    endpoint(
        "POST",
        "/api/users/{username}/enable",
        () -> "/api/users/" + freshUser() + "/enable",
        () -> null,
        admin);

    for (String[] ref :
        new String[][] {
          {"makes", "GLOCK", "AT"}, {"calibres", "9X19", null}, {"firearm-types", "PISTOL", null}
        }) {
      String base = "/api/" + ref[0];
      endpoint("GET", base, () -> base, () -> null, EVERYONE);
      endpoint("GET", base + "/{code}", () -> base + "/" + ref[1], () -> null, EVERYONE);
      endpoint(
          "POST",
          base,
          () -> base,
          () -> {
            var b =
                Json.createObjectBuilder()
                    .add("code", "Z" + uniqueSerial().substring(1, 12))
                    .add("name", "Matrix test");
            return ref[2] == null ? b.build() : b.add("country", "BR").build();
          },
          admin);
      endpoint(
          "PUT",
          base + "/{code}",
          () -> base + "/" + ref[1],
          () -> {
            JsonObject current = api.get(base + "/" + ref[1], api.admin()).json();
            var b = Json.createObjectBuilder().add("name", current.getString("name"));
            return ref[2] == null ? b.build() : b.add("country", ref[2]).build();
          },
          admin);
    }

    endpoint("GET", "/api/firearms", () -> "/api/firearms?limit=5", () -> null, EVERYONE);
    endpoint("POST", "/api/firearms", () -> "/api/firearms", () -> aFirearm().build(), REGISTRARS);
    endpoint("GET", "/api/firearms/{id}", this::freshFirearm, () -> null, EVERYONE);
    endpoint(
        "GET",
        "/api/firearms/{id}/history",
        () -> freshFirearm() + "/history",
        () -> null,
        EVERYONE);
    endpoints.add(
        new Endpoint(
            "PATCH",
            "/api/firearms/{id}",
            this::freshFirearm,
            () ->
                Json.createObjectBuilder()
                    .add("model", "M" + uniqueSerial())
                    .add("reason", "matrix")
                    .build(),
            p -> Map.of("If-Match", api.get(p, api.admin()).header("ETag")),
            REGISTRARS,
            false));
    endpoint(
        "POST",
        "/api/firearms/{id}/void",
        () -> freshFirearm() + "/void",
        () -> Json.createObjectBuilder().add("reason", "matrix").build(),
        EnumSet.of(Role.SUPERVISOR));
    endpoint(
        "POST",
        "/api/firearms/{id}/markings",
        () -> freshFirearm() + "/markings",
        () ->
            Json.createObjectBuilder()
                .add("kind", "RE_MARKING")
                .add("text", "M1")
                .add("location", "BARREL")
                .build(),
        REGISTRARS);

    endpoint(
        "GET",
        "/api/firearms/{id}/marking",
        () -> freshFirearm() + "/marking",
        () -> null,
        EVERYONE);
    endpoints.add(
        new Endpoint(
            "POST",
            "/api/scans/decode",
            () -> "/api/scans/decode",
            () -> null,
            p -> Map.of("Content-Type", "image/png"),
            EVERYONE,
            false));
    endpoint(
        "POST",
        "/api/marking-labels",
        () -> "/api/marking-labels",
        () ->
            Json.createObjectBuilder()
                .add(
                    "firearmIds",
                    Json.createArrayBuilder()
                        .add(Long.parseLong(freshFirearm().replace("/api/firearms/", ""))))
                .build(),
        REGISTRARS);
    endpoint(
        "GET",
        "/api/firearms/to-be-marked",
        () -> "/api/firearms/to-be-marked?limit=5",
        () -> null,
        EVERYONE);
    endpoint(
        "POST",
        "/api/firearms/{id}/markings/{markingId}/verifications",
        () -> freshMarking() + "/verifications",
        () -> Json.createObjectBuilder().add("text", "M1").build(),
        REGISTRARS);
    endpoint(
        "GET",
        "/api/firearms/{id}/markings/{markingId}/verifications",
        () -> freshMarking() + "/verifications",
        () -> null,
        EVERYONE);
    endpoint(
        "POST",
        "/api/scans/resolve",
        () -> "/api/scans/resolve",
        () -> Json.createObjectBuilder().add("text", "ABC123").build(),
        EVERYONE);
    endpoint("GET", "/api/locations", () -> "/api/locations", () -> null, EVERYONE);
    endpoint(
        "POST",
        "/api/locations",
        () -> "/api/locations",
        () ->
            Json.createObjectBuilder()
                .add("code", "M" + java.util.UUID.randomUUID().toString().substring(0, 8))
                .add("name", "Matrix vault")
                .add("kind", "VAULT")
                .build(),
        EnumSet.of(Role.ADMIN));
    endpoint("GET", "/api/locations/{id}", () -> "/api/locations/987654321", () -> null, EVERYONE);
    endpoint(
        "PATCH",
        "/api/locations/{id}",
        () -> "/api/locations/987654321",
        () -> Json.createObjectBuilder().add("name", "Matrix").build(),
        EnumSet.of(Role.ADMIN));
    endpoint(
        "PATCH",
        "/api/holders/{id}",
        () -> "/api/holders/987654321",
        () -> Json.createObjectBuilder().add("name", "Matrix").build(),
        EnumSet.of(Role.SUPERVISOR, Role.ADMIN));
    endpoint(
        "GET",
        "/api/locations/{id}/label",
        () -> "/api/locations/987654321/label",
        () -> null,
        EVERYONE);
    endpoint("GET", "/api/holders", () -> "/api/holders", () -> null, EVERYONE);
    endpoint(
        "POST",
        "/api/holders",
        () -> "/api/holders",
        () ->
            Json.createObjectBuilder()
                .add("code", "H" + java.util.UUID.randomUUID().toString().substring(0, 8))
                .add("name", "Matrix officer")
                .add("kind", "OFFICER")
                .build(),
        EnumSet.of(Role.SUPERVISOR, Role.ADMIN));
    endpoint(
        "POST",
        "/api/custody-events",
        () -> "/api/custody-events",
        () ->
            Json.createObjectBuilder()
                .add("firearmId", 987654321)
                .add("action", "RECEIVE")
                .add("locationId", 1)
                .add("idempotencyKey", java.util.UUID.randomUUID().toString())
                .build(),
        REGISTRARS);
    endpoint(
        "GET",
        "/api/firearms/{id}/custody-events",
        () -> freshFirearm() + "/custody-events",
        () -> null,
        EVERYONE);
    endpoint(
        "GET",
        "/api/firearms/{id}/custody-events/verify",
        () -> freshFirearm() + "/custody-events/verify",
        () -> null,
        EVERYONE);
    endpoint(
        "POST",
        "/api/custody-events/batch",
        () -> "/api/custody-events/batch",
        () ->
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("firearmId", 987654321)
                        .add("action", "RECEIVE")
                        .add("locationId", 1)
                        .add("idempotencyKey", java.util.UUID.randomUUID().toString()))
                .build(),
        REGISTRARS);
    endpoint(
        "GET",
        "/api/locations/{id}/holdings",
        () -> "/api/locations/987654321/holdings",
        () -> null,
        EVERYONE);
    endpoint(
        "GET",
        "/api/custody/issued",
        () -> "/api/custody/issued?overdue=true",
        () -> null,
        EVERYONE);
    Set<Role> orderers = EnumSet.of(Role.SUPERVISOR);
    Set<Role> approvers = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);
    Set<Role> overseers = EnumSet.of(Role.SUPERVISOR, Role.ADMIN, Role.AUDITOR);
    Set<Role> siteReaders = EnumSet.of(Role.ARMOURER, Role.SUPERVISOR, Role.ADMIN, Role.AUDITOR);
    Set<Role> siteWorkers = EnumSet.of(Role.ARMOURER, Role.SUPERVISOR, Role.ADMIN);
    String order = "/api/destruction-orders/987654321";
    endpoint(
        "POST",
        "/api/destruction-orders",
        () -> "/api/destruction-orders",
        () -> Json.createObjectBuilder().add("firearmIds", Json.createArrayBuilder()).build(),
        orderers);
    endpoint(
        "GET", "/api/destruction-orders", () -> "/api/destruction-orders", () -> null, overseers);
    endpoint(
        "GET",
        "/api/destruction-orders/export",
        () -> "/api/destruction-orders/export",
        () -> null,
        overseers);
    endpoint(
        "GET",
        "/api/destruction-orders/summary",
        () -> "/api/destruction-orders/summary",
        () -> null,
        overseers);
    endpoint("GET", "/api/destruction-orders/{id}", () -> order, () -> null, siteReaders);
    for (String verb : new String[] {"approve", "cancel", "complete"}) {
      endpoint(
          "POST",
          "/api/destruction-orders/{id}/" + verb,
          () -> order + "/" + verb,
          () -> Json.createObjectBuilder().build(),
          approvers);
    }
    endpoint(
        "POST",
        "/api/destruction-orders/{id}/scans",
        () -> order + "/scans",
        () -> Json.createObjectBuilder().add("firearmId", 1).build(),
        siteWorkers);
    endpoint(
        "GET",
        "/api/destruction-orders/{id}/scans",
        () -> order + "/scans",
        () -> null,
        siteReaders);
    endpoints.add(
        new Endpoint(
            "POST",
            "/api/destruction-orders/{id}/photos",
            () -> order + "/photos?stage=BEFORE",
            () -> null,
            p -> Map.of("Content-Type", "image/png"),
            siteWorkers,
            false));
    endpoint(
        "GET",
        "/api/destruction-orders/{id}/photos",
        () -> order + "/photos",
        () -> null,
        siteReaders);
    endpoint(
        "GET",
        "/api/destruction-certificates",
        () -> "/api/destruction-certificates",
        () -> null,
        overseers);
    open("GET", "/api/destruction-certificates/public-key", () -> null);
    endpoint(
        "GET",
        "/api/destruction-certificates/{number}",
        () -> "/api/destruction-certificates/DC-NONE",
        () -> null,
        EVERYONE);
    endpoint(
        "GET",
        "/api/destruction-certificates/{number}/pdf",
        () -> "/api/destruction-certificates/DC-NONE/pdf",
        () -> null,
        EVERYONE);
    endpoint(
        "GET",
        "/api/destruction-certificates/{number}/verify",
        () -> "/api/destruction-certificates/DC-NONE/verify",
        () -> null,
        EVERYONE);
    endpoints.add(
        new Endpoint(
            "POST",
            "/api/destruction-certificates/verify",
            () -> "/api/destruction-certificates/verify",
            () -> null,
            p -> Map.of("Content-Type", "application/pdf"),
            EVERYONE,
            false));
    endpoint(
        "GET", "/api/destruction-alerts", () -> "/api/destruction-alerts", () -> null, overseers);
    Set<Role> tracers = EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.ADMIN);
    String traceRequest = "/api/trace-requests/987654321";
    endpoint(
        "POST",
        "/api/trace-requests/check",
        () -> "/api/trace-requests/check",
        () -> Json.createObjectBuilder().build(),
        tracers);
    endpoint(
        "POST",
        "/api/trace-requests",
        () -> "/api/trace-requests",
        () -> Json.createObjectBuilder().build(),
        tracers);
    Set<Role> traceReaders =
        EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.ADMIN, Role.AUDITOR);
    endpoint("GET", "/api/trace-requests", () -> "/api/trace-requests", () -> null, traceReaders);
    endpoint("GET", "/api/trace-requests/{id}", () -> traceRequest, () -> null, traceReaders);
    for (String verb : new String[] {"acknowledge", "start", "answer", "close"}) {
      endpoint(
          "POST",
          "/api/trace-requests/{id}/" + verb,
          () -> traceRequest + "/" + verb,
          () -> Json.createObjectBuilder().add("outcome", "NOT_TRACEABLE").build(),
          tracers);
    }
    endpoint(
        "POST",
        "/api/trace-requests/{id}/assign",
        () -> traceRequest + "/assign",
        () -> Json.createObjectBuilder().add("investigator", "x").build(),
        EnumSet.of(Role.SUPERVISOR, Role.ADMIN));
    endpoint(
        "GET",
        "/api/trace-requests/{id}/response",
        () -> traceRequest + "/response",
        () -> null,
        traceReaders);
    endpoint(
        "GET",
        "/api/trace-requests/{id}/candidates",
        () -> traceRequest + "/candidates",
        () -> null,
        tracers);
    endpoints.add(
        new Endpoint(
            "POST",
            "/api/trace-requests/{id}/photos",
            () -> traceRequest + "/photos",
            () -> null,
            p -> Map.of("Content-Type", "image/png"),
            tracers,
            false));
    endpoint(
        "GET",
        "/api/trace-requests/{id}/photos",
        () -> traceRequest + "/photos",
        () -> null,
        traceReaders);
    endpoint(
        "GET",
        "/api/trace-requests/{id}/photos/{photoId}",
        () -> traceRequest + "/photos/1",
        () -> null,
        traceReaders);
    endpoint(
        "POST",
        "/api/trace-requests/{id}/consents",
        () -> traceRequest + "/consents",
        () -> Json.createObjectBuilder().add("originator", "x").build(),
        EnumSet.of(Role.SUPERVISOR, Role.ADMIN));
    endpoint(
        "GET",
        "/api/trace-requests/{id}/consents",
        () -> traceRequest + "/consents",
        () -> null,
        traceReaders);
    endpoint(
        "GET",
        "/api/trace-requests/{id}/export",
        () -> traceRequest + "/export",
        () -> null,
        tracers);
    endpoint(
        "POST",
        "/api/trace-requests/import",
        () -> "/api/trace-requests/import",
        () -> Json.createObjectBuilder().build(),
        tracers);
    endpoint(
        "GET",
        "/api/trace-requests/{id}/received-response",
        () -> traceRequest + "/received-response",
        () -> null,
        traceReaders);
    open("GET", "/api/trace-exchange/schema", () -> null);
    endpoints.add(
        new Endpoint(
            "GET",
            "/api/ui/messages/{language}",
            () -> "/api/ui/messages/es",
            () -> null,
            p -> Map.of(),
            EVERYONE,
            true));
    endpoint("GET", "/api/dashboard", () -> "/api/dashboard", () -> null, EVERYONE);
    endpoint(
        "POST",
        "/api/trace-queries",
        () -> "/api/trace-queries",
        () -> Json.createObjectBuilder().add("caseReference", "MATRIX").add("serial", "A1").build(),
        EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.ADMIN));
    endpoint(
        "GET",
        "/api/custody/in-transit",
        () -> "/api/custody/in-transit?overdue=true",
        () -> null,
        EVERYONE);
    endpoint(
        "POST",
        "/api/stock-counts",
        () -> "/api/stock-counts",
        () -> Json.createObjectBuilder().add("locationId", 987654321).build(),
        REGISTRARS);
    endpoint(
        "GET", "/api/stock-counts/{id}", () -> "/api/stock-counts/987654321", () -> null, EVERYONE);
    endpoint(
        "POST",
        "/api/stock-counts/{id}/scans",
        () -> "/api/stock-counts/987654321/scans",
        () -> Json.createObjectBuilder().add("firearmId", 1).build(),
        REGISTRARS);
    endpoint(
        "POST",
        "/api/stock-counts/{id}/close",
        () -> "/api/stock-counts/987654321/close",
        () -> null,
        REGISTRARS);
    endpoint(
        "POST",
        "/api/stock-counts/{id}/sign-off",
        () -> "/api/stock-counts/987654321/sign-off",
        () -> null,
        EnumSet.of(Role.SUPERVISOR));
    endpoint("GET", "/api/stock-counts", () -> "/api/stock-counts", () -> null, EVERYONE);
    endpoint(
        "GET",
        "/api/stock-counts/overdue",
        () -> "/api/stock-counts/overdue",
        () -> null,
        EVERYONE);
    endpoint("GET", "/api/discrepancies", () -> "/api/discrepancies", () -> null, EVERYONE);
    endpoint(
        "POST",
        "/api/discrepancies/{id}/resolve",
        () -> "/api/discrepancies/987654321/resolve",
        () -> Json.createObjectBuilder().add("resolution", "FOUND").build(),
        EnumSet.of(Role.SUPERVISOR, Role.ADMIN));
    endpoint(
        "GET",
        "/api/custody/verify",
        () -> "/api/custody/verify",
        () -> null,
        EnumSet.of(Role.AUDITOR));
    endpoint(
        "GET",
        "/api/audit-entries",
        () -> "/api/audit-entries?limit=5",
        () -> null,
        EnumSet.of(Role.AUDITOR));
    endpoint(
        "GET",
        "/api/audit-entries/export",
        () -> "/api/audit-entries/export?actor=nobody",
        () -> null,
        EnumSet.of(Role.AUDITOR));
    endpoint(
        "GET",
        "/api/audit-entries/actions",
        () -> "/api/audit-entries/actions",
        () -> null,
        EnumSet.of(Role.AUDITOR));
    endpoint(
        "GET",
        "/api/audit-entries/verify",
        () -> "/api/audit-entries/verify",
        () -> null,
        EnumSet.of(Role.AUDITOR));
    Set<Role> checkpointers = EnumSet.of(Role.AUDITOR, Role.ADMIN);
    endpoint("POST", "/api/checkpoints", () -> "/api/checkpoints", () -> null, checkpointers);
    endpoint(
        "GET", "/api/checkpoints", () -> "/api/checkpoints?limit=2", () -> null, checkpointers);
    endpoint(
        "GET",
        "/api/checkpoints/latest",
        () -> "/api/checkpoints/latest",
        () -> null,
        checkpointers);
    endpoint(
        "GET",
        "/api/checkpoints/{number}",
        () -> "/api/checkpoints/987654321",
        () -> null,
        checkpointers);
    endpoint(
        "POST",
        "/api/checkpoints/verify",
        () -> "/api/checkpoints/verify",
        () -> Json.createObjectBuilder().add("number", 987654321).build(),
        checkpointers);
    open("GET", "/api/checkpoints/public-key", () -> null);
    endpoint(
        "POST",
        "/api/users/{username}/password-reset",
        () -> "/api/users/" + freshUser() + "/password-reset",
        () -> null,
        admin);
    // the right current password and a too short new one: 400, and no failure counted
    endpoint(
        "POST",
        "/api/auth/password",
        () -> "/api/auth/password",
        () ->
            Json.createObjectBuilder()
                .add("currentPassword", Api.USER_PASSWORD)
                .add("newPassword", "short")
                .build(),
        EVERYONE);
    // last: it revokes each role's token, which no endpoint after it may need
    endpoint("POST", "/api/auth/logout", () -> "/api/auth/logout", () -> null, EVERYONE);
  }

  @Test
  void every_endpoint_admits_exactly_its_roles() {
    defineEndpoints();
    SoftAssertions softly = new SoftAssertions();
    for (Endpoint e : endpoints) {
      for (Role role : Role.values()) {
        Reply r = call(e, api.as(role));
        String what = e.method() + " " + e.template() + " as " + role + " -> " + r;
        if (e.allowed().contains(role)) {
          softly.assertThat(r.status()).as(what).isNotIn(401, 403).isLessThan(500);
          if (r.status() < 300 && leavesAnEntry(e, role)) {
            softly
                .assertThat(api.audit("requestId=" + r.header("X-Request-Id")))
                .as(what + ": every write and every investigator read is on record")
                .isNotEmpty();
          }
        } else {
          softly.assertThat(r.status()).as(what).isEqualTo(403);
          softly.assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        }
      }
      Reply anonymous = call(e, null);
      String what = e.method() + " " + e.template() + " anonymous -> " + anonymous;
      if (e.open()) {
        softly.assertThat(anonymous.status()).as(what).isNotIn(401, 403);
      } else {
        softly.assertThat(anonymous.status()).as(what).isEqualTo(401);
        softly.assertThat(anonymous.header("WWW-Authenticate")).as(what).startsWith("Bearer");
      }
    }
    softly.assertAll();
  }

  /** Reads sent as POST (nothing changes); a write by anyone, or any read by an investigator. */
  private static final Set<String> READS_BY_POST =
      Set.of(
          "/api/scans/decode",
          "/api/scans/resolve",
          "/api/trace-requests/check",
          "/api/destruction-certificates/verify");

  /** Reads that name no record: the interface's labels, one's own account, reference lists. */
  private static final List<String> UNRECORDED =
      List.of(
          "/api/ui/",
          "/api/auth/",
          "/api/calibres",
          "/api/makes",
          "/api/firearm-types",
          "/api/trace-exchange/");

  private static boolean leavesAnEntry(Endpoint e, Role role) {
    if (e.template().startsWith("/api/auth/")) {
      return false; // login, logout and password changes: AccountsIT checks their entries
    }
    if (UNRECORDED.stream().anyMatch(e.template()::startsWith) && e.method().equals("GET")) {
      return false;
    }
    return role == Role.INVESTIGATOR
        || (!e.method().equals("GET") && !READS_BY_POST.contains(e.template()));
  }

  @Test
  void the_matrix_covers_every_endpoint_in_the_openapi_document() {
    defineEndpoints();
    Reply doc = api.send("GET", "/openapi", null, null, null, Map.of("Accept", "application/json"));
    assertThat(doc.status()).isEqualTo(200);
    Set<String> documented = new TreeSet<>();
    doc.json()
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject().keySet().stream()
                    .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                    .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
    Set<String> covered = new TreeSet<>();
    endpoints.forEach(e -> covered.add(e.method() + " " + e.template()));
    assertThat(covered).isEqualTo(documented);
  }

  private Reply call(Endpoint e, String token) {
    String path = e.path().get();
    JsonValue body = e.body().get();
    Map<String, String> headers = e.headers().apply(path);
    return api.send(
        e.method(),
        path,
        token,
        body == null ? null : "application/json",
        body == null ? null : body.toString(),
        headers);
  }
}
