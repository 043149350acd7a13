package org.traza.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotentRequestTest {

  @Test
  void the_same_fields_give_the_same_digest_and_any_change_another() {
    String d = IdempotentRequest.digest("firearmId", 7L, "action", "RETURN", "locationId", null);
    assertThat(IdempotentRequest.digest("firearmId", 7L, "action", "RETURN", "locationId", null))
        .isEqualTo(d)
        .hasSize(64);
    assertThat(IdempotentRequest.digest("firearmId", 7L, "action", "RETURN", "locationId", 3L))
        .isNotEqualTo(d);
    assertThat(IdempotentRequest.digest("firearmId", 8L, "action", "RETURN", "locationId", null))
        .isNotEqualTo(d);
    assertThat(
            IdempotentRequest.digest(
                "deviceTime", Instant.parse("2026-01-01T00:00:00Z"), "reason", null))
        .isNotEqualTo(
            IdempotentRequest.digest(
                "deviceTime", Instant.parse("2026-01-01T00:00:01Z"), "reason", null));
  }

  @Test
  void a_value_cannot_pass_for_the_next_field() {
    assertThat(IdempotentRequest.digest("reason", "a\nlocationId=3", "locationId", null))
        .isNotEqualTo(IdempotentRequest.digest("reason", "a", "locationId", 3L));
  }

  @Test
  void the_same_key_with_another_digest_is_reused() {
    IdempotentRequest r = new IdempotentRequest("custody-event", "k1", "abc");
    r.requireSameAs("abc", () -> "x");
    r.requireSameAs(null, () -> "x");
    assertThatThrownBy(() -> r.requireSameAs("def", () -> "RETURN on firearm 7"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.type()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED);
              assertThat(p.getMessage()).contains("k1", "RETURN on firearm 7");
            });
  }

  @Test
  void only_refusals_are_kept_as_outcomes() {
    IdempotentRequest r = new IdempotentRequest("custody-event", "k1", "abc");
    IdempotentOutcome kept = new IdempotentOutcome(r, 409, "{}", Instant.EPOCH, "someone");
    assertThat(kept.answers(r)).isTrue();
    assertThat(kept.answers(new IdempotentRequest("custody-event", "k1", "abd"))).isFalse();
    assertThat(kept.answers(new IdempotentRequest("stock-count-scan", "k1", "abc"))).isFalse();
    assertThatThrownBy(() -> new IdempotentOutcome(r, 201, "{}", Instant.EPOCH, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdempotentOutcome(r, 503, "{}", Instant.EPOCH, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
