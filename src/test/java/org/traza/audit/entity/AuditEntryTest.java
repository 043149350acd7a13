package org.traza.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456789Z");

  private static AuditEntry entry(long id, String detail, String previous) {
    return new AuditEntry(
        id,
        NOW,
        "ana",
        "FIREARM_REGISTERED",
        "FIREARM",
        "42",
        "10.0.0.1",
        "SUCCESS",
        detail,
        "req-1",
        previous);
  }

  @Test
  void each_entry_is_bound_to_the_one_before() {
    AuditEntry first = entry(1, "GLOCK 17", AuditEntry.GENESIS_HASH);
    AuditEntry second = entry(2, "GLOCK 19", first.entryHash());

    assertThat(first.isIntactAfter(AuditEntry.GENESIS_HASH)).isTrue();
    assertThat(second.isIntactAfter(first.entryHash())).isTrue();
    assertThat(second.isIntactAfter(AuditEntry.GENESIS_HASH)).isFalse();
  }

  @Test
  void the_hash_covers_every_field_and_the_position() {
    AuditEntry original = entry(7, "detail", AuditEntry.GENESIS_HASH);

    assertThat(entry(7, "detail", AuditEntry.GENESIS_HASH).entryHash())
        .isEqualTo(original.entryHash());
    assertThat(entry(8, "detail", AuditEntry.GENESIS_HASH).entryHash())
        .isNotEqualTo(original.entryHash());
    assertThat(entry(7, "detai1", AuditEntry.GENESIS_HASH).entryHash())
        .isNotEqualTo(original.entryHash());
    assertThat(entry(7, null, AuditEntry.GENESIS_HASH).entryHash())
        .isNotEqualTo(entry(7, "", AuditEntry.GENESIS_HASH).entryHash());
  }

  @Test
  void fields_cannot_be_shifted_into_each_other_without_changing_the_hash() {
    AuditEntry a =
        new AuditEntry(
            1, NOW, "ab", "c", "T", null, null, "SUCCESS", null, null, AuditEntry.GENESIS_HASH);
    AuditEntry b =
        new AuditEntry(
            1, NOW, "a", "bc", "T", null, null, "SUCCESS", null, null, AuditEntry.GENESIS_HASH);
    assertThat(a.entryHash()).isNotEqualTo(b.entryHash());
  }

  @Test
  void time_is_kept_to_the_microsecond_the_database_stores() {
    assertThat(entry(1, "x", AuditEntry.GENESIS_HASH).occurredAt())
        .isEqualTo(Instant.parse("2026-11-29T10:15:30.123456Z"));
  }

  @Test
  void over_long_details_are_clipped_not_refused() {
    AuditEntry e = entry(1, "x".repeat(5000), AuditEntry.GENESIS_HASH);
    assertThat(e.detail()).hasSize(AuditEntry.DETAIL_MAX);
    assertThat(e.isIntactAfter(AuditEntry.GENESIS_HASH)).isTrue();
  }
}
