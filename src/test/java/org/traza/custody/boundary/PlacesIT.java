package org.traza.custody.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/** Locations and holders are corrected in place, within limits, and every change is on record. */
class PlacesIT extends AgainstServer {

  @Test
  void an_admin_renames_a_vault_and_changes_its_count_frequency_and_the_audit_log_says_how() {
    long armoury = api.location("ARMOURY", null);
    long vault = api.location("VAULT", armoury);
    String code = api.get("/api/locations/" + vault, api.admin()).json().getString("code");

    Reply renamed =
        patch(
            "locations",
            vault,
            api.admin(),
            Json.createObjectBuilder()
                .add("name", "  North vault ")
                .add("countFrequencyDays", 30)
                .build());
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    JsonObject now = api.get("/api/locations/" + vault, api.as(Role.ARMOURER)).json();
    assertThat(now.getString("name")).isEqualTo("North vault");
    assertThat(now.getInt("countFrequencyDays")).isEqualTo(30);
    assertThat(now.getString("code")).isEqualTo(code);
    assertThat(now.getJsonNumber("parentId").longValue()).isEqualTo(armoury);

    // null clears the schedule; the name stays as it was
    patch(
        "locations",
        vault,
        api.admin(),
        Json.createObjectBuilder().addNull("countFrequencyDays").build());
    now = api.get("/api/locations/" + vault, api.admin()).json();
    assertThat(now.getOrDefault("countFrequencyDays", JsonValue.NULL)).isEqualTo(JsonValue.NULL);
    assertThat(now.getString("name")).isEqualTo("North vault");

    List<JsonObject> entries =
        api.audit("action=location.updated&targetId=" + vault + "&targetType=location");
    assertThat(entries)
        .extracting(e -> e.getString("detail"))
        .containsExactly(
            code
                + ": name 'North vault', counted every 30 days -> name 'North vault', counted every"
                + " - days",
            code
                + ": name 'vault', counted every - days -> name 'North vault', counted every"
                + " 30 days");
  }

  @Test
  void a_location_keeps_its_code_kind_and_parent_and_bad_values_are_refused_field_by_field() {
    long vault = api.location("VAULT", null);
    String before = api.get("/api/locations/" + vault, api.admin()).body();

    Reply code =
        patch(
            "locations",
            vault,
            api.admin(),
            Json.createObjectBuilder().add("name", "X").add("code", "NEW").build());
    assertThat(code.status()).isEqualTo(400);
    assertThat(code.contentType()).startsWith("application/problem+json");
    assertThat(field(code)).isEqualTo("code");

    Reply frequency =
        patch(
            "locations",
            vault,
            api.admin(),
            Json.createObjectBuilder().add("countFrequencyDays", 0).build());
    assertThat(frequency.status()).isEqualTo(400);
    assertThat(field(frequency)).isEqualTo("countFrequencyDays");

    Reply blank =
        patch("locations", vault, api.admin(), Json.createObjectBuilder().add("name", " ").build());
    assertThat(field(blank)).isEqualTo("name");

    Reply empty = patch("locations", vault, api.admin(), Json.createObjectBuilder().build());
    assertThat(empty.status()).isEqualTo(400);

    Reply malformed =
        api.send("PATCH", "/api/locations/" + vault, api.admin(), "application/json", "{name:");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");

    Reply missing =
        patch(
            "locations",
            987654321L,
            api.admin(),
            Json.createObjectBuilder().add("name", "X").build());
    assertThat(missing.status()).isEqualTo(404);

    assertThat(api.get("/api/locations/" + vault, api.admin()).body()).isEqualTo(before);
  }

  @Test
  void a_supervisor_corrects_a_holders_name_and_unit_but_not_its_code() {
    long holder = api.holder("OFFICER");
    String supervisor = api.as(Role.SUPERVISOR);

    Reply corrected =
        patch(
            "holders",
            holder,
            supervisor,
            Json.createObjectBuilder().add("name", "Sgt. Ana Ruiz").add("unit", "K-9").build());
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
    assertThat(corrected.json().getString("name")).isEqualTo("Sgt. Ana Ruiz");
    assertThat(corrected.json().getString("unit")).isEqualTo("K-9");

    Reply cleared =
        patch("holders", holder, supervisor, Json.createObjectBuilder().addNull("unit").build());
    assertThat(cleared.json().getOrDefault("unit", JsonValue.NULL)).isEqualTo(JsonValue.NULL);

    Reply code =
        patch("holders", holder, supervisor, Json.createObjectBuilder().add("code", "B-1").build());
    assertThat(code.status()).isEqualTo(400);
    assertThat(field(code)).isEqualTo("code");

    assertThat(api.audit("action=holder.updated&targetId=" + holder))
        .extracting(e -> e.getString("actor") + " " + e.getString("detail"))
        .allSatisfy(d -> assertThat(d).contains("unit"))
        .hasSize(2);
  }

  private Reply patch(String what, long id, String token, JsonObject body) {
    return api.patch("/api/" + what + "/" + id, token, null, body);
  }

  private static String field(Reply problem) {
    return problem.json().getJsonArray("violations").getJsonObject(0).getString("field");
  }
}
