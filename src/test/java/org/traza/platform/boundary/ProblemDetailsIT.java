package org.traza.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;

/** Every kind of client mistake gets an RFC 9457 problem, never a stack trace or SQL. */
class ProblemDetailsIT extends AgainstServer {

  @Test
  void malformed_json_is_a_400_problem() {
    assertProblem(
        api.send("POST", "/api/firearms", api.admin(), "application/json", "{\"type\": "),
        400,
        "malformed-body");
    assertProblem(
        api.send("POST", "/api/firearms", api.admin(), "application/json", "[1,2]"),
        400,
        "malformed-body");
    assertProblem(
        api.send("POST", "/api/firearms", api.admin(), "application/json", ""),
        400,
        "malformed-body");
  }

  @Test
  void a_value_of_the_wrong_type_is_a_400_problem() {
    Reply r =
        api.send(
            "POST",
            "/api/firearms",
            api.admin(),
            "application/json",
            aFirearm().build().toString().replace("2019", "\"last year\""));
    assertProblem(r, 400, "validation-failed");
    assertThat(r.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .as("a JSON Pointer to the value")
        .isEqualTo("/manufactureYear");
  }

  @Test
  void an_unknown_enum_value_names_the_field_and_the_allowed_values() {
    Reply r =
        api.post(
            "/api/firearms", api.admin(), aFirearm().with("provenance", "STOLEN_GOODS").build());
    JsonObject p = assertProblem(r, 400, "validation-failed");
    JsonObject violation = p.getJsonArray("violations").getJsonObject(0);
    assertThat(violation.getString("field")).isEqualTo("provenance");
    assertThat(violation.getString("message")).contains("STOLEN_GOODS", "SEIZED", "IMPORTED");
  }

  @Test
  void missing_required_fields_are_listed_as_violations() {
    Reply r =
        api.send("POST", "/api/firearms", api.admin(), "application/json", "{\"model\":\"x\"}");
    JsonObject p = assertProblem(r, 400, "validation-failed");
    assertThat(p.getJsonArray("violations").stream().map(v -> v.asJsonObject().getString("field")))
        .contains("type", "make", "calibre", "serialNumber", "provenance");
  }

  @Test
  void a_wrong_media_type_is_a_415_problem() {
    assertProblem(
        api.send("POST", "/api/firearms", api.admin(), "text/plain", "hello"),
        415,
        "unsupported-media-type");
    assertProblem(
        api.send("POST", "/api/firearms", api.admin(), "application/xml", "<a/>"),
        415,
        "unsupported-media-type");
  }

  @Test
  void an_oversize_body_is_a_413_problem_whether_declared_or_streamed() {
    String big = "{\"notes\":\"" + "x".repeat(1_100_000) + "\"}";
    assertProblem(
        api.send("POST", "/api/firearms", api.admin(), "application/json", big),
        413,
        "payload-too-large");
    Reply chunked = api.sendStreamed("/api/firearms", api.admin(), big);
    assertProblem(chunked, 413, "payload-too-large");
  }

  @Test
  void unknown_ids_paths_and_methods_are_problems() {
    assertProblem(api.get("/api/firearms/987654321", api.admin()), 404, "not-found");
    assertProblem(api.get("/api/firearms/not-a-number", api.admin()), 404, "not-found");
    assertProblem(api.get("/api/makes/NO-SUCH-MAKE", api.admin()), 404, "not-found");
    assertProblem(api.get("/api/nothing-here", api.admin()), 404, "not-found");
    assertProblem(
        api.send("DELETE", "/api/firearms/1", api.admin(), null, null), 405, "method-not-allowed");
  }

  @Test
  void a_version_conflict_is_a_412_problem() {
    JsonObject f = api.register(aFirearm().build());
    Reply r =
        api.patch(
            "/api/firearms/" + f.getInt("id"),
            api.admin(),
            "\"0\"",
            jakarta.json.Json.createObjectBuilder().add("notes", "n").add("reason", "r").build());
    assertProblem(r, 412, "precondition-failed");
  }

  @Test
  void every_problem_names_its_request_for_the_logs() {
    Reply r =
        api.send(
            "GET",
            "/api/firearms/987654321",
            api.admin(),
            null,
            null,
            Map.of("X-Request-Id", "trace-me-12345"));
    assertThat(r.header("X-Request-Id")).isEqualTo("trace-me-12345");
    assertThat(r.json().getString("instance")).isEqualTo("urn:traza:request:trace-me-12345");
  }

  private static JsonObject assertProblem(Reply r, int status, String slug) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
    JsonObject p = r.json();
    assertThat(p.getString("type")).isEqualTo("/problems/" + slug);
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("detail")).isNotBlank();
    assertThat(p.getString("instance")).startsWith("urn:traza:request:");
    assertThat(r.body())
        .doesNotContain("Exception", "at org.", "SELECT", "INSERT", "java.", "jakarta.");
    return p;
  }
}
