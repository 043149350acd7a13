package org.traza.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.ItDatabase;

/** The database goes away under a running server: 503 problems, nothing half-written, recovery. */
class DatabaseOutageIT extends AgainstServer {

  @Test
  void answers_503_while_the_database_is_gone_and_keeps_nothing_half_written() {
    String token = api.admin();
    JsonObject firearm = aFirearm().build();
    String serial = firearm.getString("serialNumber");

    ItDatabase.cutOff();
    try {
      Reply write = api.post("/api/firearms", token, firearm);
      assertThat(write.status()).as(write.toString()).isEqualTo(503);
      assertThat(write.contentType()).startsWith("application/problem+json");
      assertThat(write.json().getString("type")).isEqualTo("/problems/database-unavailable");
      assertThat(write.body()).doesNotContain("Exception", "SQL", "jdbc");

      Reply read = api.get("/api/firearms?serial=" + serial, token);
      assertThat(read.status()).isEqualTo(503);
      assertThat(api.send("GET", "/health/ready", null, null, null).status()).isEqualTo(503);
    } finally {
      ItDatabase.restore();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> api.send("GET", "/health/ready", null, null, null).status() == 200);
    Reply after = api.get("/api/firearms?serial=" + serial, token);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().getJsonArray("items"))
        .as("the refused write left nothing behind")
        .isEmpty();
    assertThat(api.post("/api/firearms", token, firearm).status()).isEqualTo(201);
    assertThat(
            api.get("/api/audit-entries/verify", api.as(Api.Role.AUDITOR))
                .json()
                .getBoolean("intact"))
        .isTrue();
  }
}
