package org.traza.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainHeadTest {

  private static AuditChainHead genesis() throws Exception {
    var constructor = AuditChainHead.class.getDeclaredConstructor();
    AuditChainHead head = constructor.newInstance();
    Field hash = AuditChainHead.class.getDeclaredField("lastHash");
    hash.setAccessible(true);
    hash.set(head, AuditEntry.GENESIS_HASH);
    return head;
  }

  private static AuditEntry entry(long id, String previous) {
    return new AuditEntry(
        id, Instant.now(), "a", "X", "T", null, null, "SUCCESS", null, null, previous);
  }

  @Test
  void advances_only_to_the_next_entry_of_the_chain() throws Exception {
    AuditChainHead head = genesis();
    AuditEntry first = entry(head.nextId(), head.lastHash());
    head.advanceTo(first);

    assertThat(head.lastEntryId()).isEqualTo(1);
    assertThat(head.lastHash()).isEqualTo(first.entryHash());
    assertThatThrownBy(() -> head.advanceTo(entry(3, first.entryHash())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> head.advanceTo(entry(2, AuditEntry.GENESIS_HASH)))
        .isInstanceOf(IllegalStateException.class);
  }
}
