package org.traza.dashboard.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/** The dashboard's figures follow what is recorded, and stay within the caller's armoury. */
class DashboardIT extends AgainstServer {

  @Test
  void figures_count_what_happens_and_a_confined_armourer_sees_only_its_armoury() {
    long armoury = api.location("ARMOURY", null);
    long vault = api.location("VAULT", armoury);
    long elsewhere = api.location("VAULT", null);
    String confined = api.newUserIn(armoury, Role.ARMOURER).token();
    JsonObject before = dashboard(api.as(Role.SUPERVISOR));

    for (long place : new long[] {vault, vault, elsewhere}) {
      long id = api.register(aFirearm().with("type", "REVOLVER").build()).getInt("id");
      Reply r = api.custody(api.as(Role.ARMOURER), id, "RECEIVE", place);
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    JsonObject national = dashboard(api.as(Role.SUPERVISOR));
    assertThat(national.getBoolean("confined")).isFalse();
    assertThat(count(national.getJsonObject("holdings"), "byStatus", "IN_STOCK"))
        .isEqualTo(count(before.getJsonObject("holdings"), "byStatus", "IN_STOCK") + 3);
    assertThat(count(national.getJsonObject("holdings"), "byType", "REVOLVER"))
        .isEqualTo(count(before.getJsonObject("holdings"), "byType", "REVOLVER") + 3);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(received(national, today)).isEqualTo(received(before, today) + 3);
    assertThat(national.getJsonObject("traces")).isNotNull();
    assertThat(national.getJsonObject("overdue").getJsonNumber("traces")).isNotNull();

    JsonObject mine = dashboard(confined);
    assertThat(mine.getBoolean("confined")).isTrue();
    assertThat(count(mine.getJsonObject("holdings"), "byStatus", "IN_STOCK")).isEqualTo(2);
    assertThat(mine.getJsonObject("holdings").getJsonArray("byLocation"))
        .extracting(v -> v.asJsonObject().getJsonNumber("locationId").longValue())
        .containsExactly(vault);
    assertThat(received(mine, today)).isEqualTo(2);
    assertThat(mine.containsKey("traces") && !mine.isNull("traces"))
        .as("an armourer is not shown trace figures")
        .isFalse();
  }

  private JsonObject dashboard(String token) {
    Reply r = api.get("/api/dashboard", token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static long count(JsonObject holdings, String list, String key) {
    return holdings.getJsonArray(list).stream()
        .map(v -> v.asJsonObject())
        .filter(c -> c.getString("key").equals(key))
        .mapToLong(c -> c.getJsonNumber("count").longValue())
        .sum();
  }

  private static long received(JsonObject dashboard, String day) {
    return dashboard.getJsonArray("custodyActivity").stream()
        .map(v -> v.asJsonObject())
        .filter(d -> d.getString("day").equals(day) && d.getString("action").equals("RECEIVE"))
        .mapToLong(d -> d.getJsonNumber("count").longValue())
        .sum();
  }
}
