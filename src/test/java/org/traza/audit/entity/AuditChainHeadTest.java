package org.traza.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainHeadTest {

  private static AuditEntry entry(AuditEntry.Position at) {
    return new AuditEntry(at, Instant.now(), "a", "X", "T", null, null, "SUCCESS", null, null);
  }

  @Test
  void advances_only_to_the_next_entry_of_its_own_chain() {
    AuditChainHead head = AuditChainHead.genesis(3);
    AuditEntry first = entry(head.nextPosition());
    head.advanceTo(first);

    assertThat(head.lastSeq()).isEqualTo(1);
    assertThat(head.lastHash()).isEqualTo(first.entryHash());
    assertThat(head.nextPosition()).isEqualTo(new AuditEntry.Position(3, 2, first.entryHash()));
    assertThatThrownBy(
            () -> head.advanceTo(entry(new AuditEntry.Position(3, 3, first.entryHash()))))
        .as("a gap")
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> head.advanceTo(entry(new AuditEntry.Position(3, 2, AuditEntry.GENESIS_HASH))))
        .as("not bound to the last entry")
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> head.advanceTo(entry(new AuditEntry.Position(4, 2, first.entryHash()))))
        .as("another chain")
        .isInstanceOf(IllegalStateException.class);
  }
}
