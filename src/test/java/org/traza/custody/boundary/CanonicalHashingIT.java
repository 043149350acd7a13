package org.traza.custody.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/**
 * What a station sends is what is hashed is what is stored (issue 18): generated device times
 * (nanoseconds, any moment of the allowed window) and reasons in many scripts never make an intact
 * chain look broken; a value the database could not keep as sent (a lone surrogate, a year outside
 * 1800-9999) is refused before anything is hashed.
 */
class CanonicalHashingIT extends AgainstServer {

  private static final String[] PIECES = {
    "Bogotá",
    "Česká zbrojovka",
    "АО «Концерн Калашников»",
    "Ελληνικά",
    "武器",
    "🔫🚓",
    "e\u0301",
    "  leading and trailing  ",
    "tab\there",
    "new\nline",
    "quote \" and \\ backslash",
    "|",
    "",
    "ﬁ ligature",
    "עברית",
    "\u0000nul"
  };

  @Test
  void generated_device_times_and_texts_never_break_a_chain() {
    long seed = Long.getLong("hash.seed", System.nanoTime());
    Random random = new Random(seed);
    String admin = api.admin();
    long armoury = api.location("ARMOURY", null);
    long[] vaults = {api.location("VAULT", armoury), api.location("VAULT", armoury)};
    long firearm = api.register(aFirearm().build()).getJsonNumber("id").longValue();
    assertThat(api.custody(admin, firearm, "RECEIVE", vaults[0]).status()).isEqualTo(201);
    Instant now = Instant.now();
    int accepted = 1;
    for (int i = 0; i < 30; i++) {
      Instant device =
          now.minus(Duration.ofSeconds(random.nextInt(29 * 24 * 3600)))
              .plusNanos(random.nextInt(1_000_000_000));
      String reason = PIECES[random.nextInt(PIECES.length)] + PIECES[random.nextInt(PIECES.length)];
      Reply r =
          api.post(
              "/api/custody-events",
              admin,
              Json.createObjectBuilder()
                  .add("firearmId", firearm)
                  .add("action", "MOVE")
                  .add("locationId", vaults[(i + 1) % 2])
                  .add("deviceTime", device.toString())
                  .add("reason", reason)
                  .add("documentRef", PIECES[random.nextInt(PIECES.length)])
                  .add("idempotencyKey", UUID.randomUUID().toString())
                  .build());
      assertThat(r.status()).as("seed " + seed + ": " + reason + " " + r).isEqualTo(201);
      assertThat(Instant.parse(r.json().getString("deviceTime")))
          .as("stored as the microsecond it was hashed with")
          .isEqualTo(device.truncatedTo(ChronoUnit.MICROS));
      accepted++;
    }

    Reply lone =
        api.send(
            "POST",
            "/api/custody-events",
            admin,
            "application/json",
            "{\"firearmId\":"
                + firearm
                + ",\"action\":\"MOVE\",\"locationId\":"
                + vaults[0]
                + ",\"reason\":\"half \\ud800 a pair\",\"idempotencyKey\":\""
                + UUID.randomUUID()
                + "\"}");
    assertThat(lone.status()).as(lone.toString()).isEqualTo(400);
    assertThat(lone.body()).contains("/reason");

    JsonObject verified =
        api.get("/api/firearms/" + firearm + "/custody-events/verify", api.as(Role.AUDITOR)).json();
    assertThat(verified.getBoolean("intact")).as("seed " + seed + ": " + verified).isTrue();
    assertThat(verified.getJsonNumber("events").longValue()).isEqualTo(accepted);
  }
}
