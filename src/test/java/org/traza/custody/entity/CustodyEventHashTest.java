package org.traza.custody.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.traza.platform.entity.Bounds;

/**
 * hash(stored) = hash(sent), field type by field type, over generated values: what the database
 * gives back (instants at the microsecond of a DATETIME(6), the same text, the same numbers) hashes
 * to what was hashed when the event was recorded, so an intact chain never looks broken.
 */
class CustodyEventHashTest {

  private static final long SEED = Long.getLong("hash.seed", 20261205L);

  @Test
  void instants_hash_as_the_database_returns_them() {
    Random random = new Random(SEED);
    long from = Bounds.EARLIEST.getEpochSecond();
    long to = Bounds.LATEST.getEpochSecond();
    for (int i = 0; i < 10_000; i++) {
      Instant sent =
          Instant.ofEpochSecond(
              from + (long) (random.nextDouble() * (to - from)), random.nextInt(1_000_000_000));
      Instant stored = sent.truncatedTo(ChronoUnit.MICROS); // DATETIME(6)
      assertThat(content(sent, sent, "r", 1L).hash())
          .as("seed %d: %s", SEED, sent)
          .isEqualTo(content(stored, stored, "r", 1L).hash());
    }
  }

  @Test
  void texts_and_numbers_hash_as_they_are_kept() {
    Random random = new Random(SEED);
    for (int i = 0; i < 10_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        int cp;
        do {
          cp = random.nextInt(0x1F_FFF);
        } while (Character.getType(cp) == Character.SURROGATE
            || Character.getType(cp) == Character.UNASSIGNED);
        text.appendCodePoint(cp);
      }
      long place = random.nextLong() & Long.MAX_VALUE;
      String sent = text.toString();
      String stored =
          new String(
              sent.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              java.nio.charset.StandardCharsets.UTF_8); // utf8mb4 keeps every code point
      Instant now = Instant.parse("2026-12-05T10:15:30.123456789Z");
      assertThat(content(now, null, sent, place).hash())
          .isEqualTo(content(now, null, stored, Long.valueOf(place)).hash());
    }
  }

  @Test
  void a_changed_field_changes_the_hash() {
    Instant now = Instant.parse("2026-12-05T10:15:30.123456Z");
    String hash = content(now, now, "reason", 7L).hash();
    assertThat(content(now.plusNanos(1000), now, "reason", 7L).hash()).isNotEqualTo(hash);
    assertThat(content(now, now, "reason.", 7L).hash()).isNotEqualTo(hash);
    assertThat(content(now, now, "reason", 8L).hash()).isNotEqualTo(hash);
  }

  private static CustodyEvent.Content content(
      Instant serverTime, Instant deviceTime, String reason, Long location) {
    return new CustodyEvent.Content(
        42L,
        3L,
        "MOVE",
        "IN_STOCK",
        "IN_STOCK",
        location,
        location,
        null,
        "ST-1",
        "ana",
        serverTime,
        deviceTime,
        reason,
        "DOC-1",
        "key-1",
        "0".repeat(64));
  }
}
