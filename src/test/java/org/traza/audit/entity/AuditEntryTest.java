package org.traza.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456789Z");

  private static AuditEntry entry(int chain, long seq, String detail, String previous) {
    return new AuditEntry(
        new AuditEntry.Position(chain, seq, previous),
        NOW,
        "ana",
        "FIREARM_REGISTERED",
        "FIREARM",
        "42",
        "10.0.0.1",
        "SUCCESS",
        detail,
        "req-1");
  }

  private static AuditEntry entry(long seq, String detail, String previous) {
    return entry(1, seq, detail, previous);
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
  void the_hash_covers_every_field_and_the_position_in_its_chain() {
    AuditEntry original = entry(7, "detail", AuditEntry.GENESIS_HASH);

    assertThat(entry(7, "detail", AuditEntry.GENESIS_HASH).entryHash())
        .isEqualTo(original.entryHash());
    assertThat(entry(8, "detail", AuditEntry.GENESIS_HASH).entryHash())
        .isNotEqualTo(original.entryHash());
    assertThat(entry(2, 7, "detail", AuditEntry.GENESIS_HASH).entryHash())
        .as("the same position in another chain")
        .isNotEqualTo(original.entryHash());
    assertThat(entry(7, "detai1", AuditEntry.GENESIS_HASH).entryHash())
        .isNotEqualTo(original.entryHash());
    assertThat(entry(7, null, AuditEntry.GENESIS_HASH).entryHash())
        .isNotEqualTo(entry(7, "", AuditEntry.GENESIS_HASH).entryHash());
    assertThat(original.chain()).isEqualTo(1);
    assertThat(original.position()).isEqualTo(7);
  }

  /**
   * An entry written while the log had one chain has no chain columns: it is read as chain 1 at the
   * position of its id, and its hash, computed over that id before chains existed, still checks.
   * The expected value is what the single-chain log wrote for this entry.
   */
  @Test
  void an_entry_from_the_single_chain_log_still_checks() throws Exception {
    AuditEntry written = entry(9, 9, "detail", AuditEntry.GENESIS_HASH);
    set(written, "chainNo", null);
    set(written, "chainSeq", null);
    set(written, "id", 7L);
    set(written, "entryHash", "98ef3457490f54e9ac868d23da33dd836a5fe33239f21cfdfd76a1ec34fb66e1");

    assertThat(written.chain()).isEqualTo(AuditChainHead.FIRST_CHAIN);
    assertThat(written.position()).isEqualTo(7);
    assertThat(written.isIntactAfter(AuditEntry.GENESIS_HASH)).isTrue();
  }

  private static void set(AuditEntry e, String field, Object value) throws Exception {
    Field f = AuditEntry.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(e, value);
  }

  @Test
  void fields_cannot_be_shifted_into_each_other_without_changing_the_hash() {
    AuditEntry.Position at = new AuditEntry.Position(1, 1, AuditEntry.GENESIS_HASH);
    AuditEntry a = new AuditEntry(at, NOW, "ab", "c", "T", null, null, "SUCCESS", null, null);
    AuditEntry b = new AuditEntry(at, NOW, "a", "bc", "T", null, null, "SUCCESS", null, null);
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
