package org.traza.destruction.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

class DestructionOrderTest {

  static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

  static DestructionOrder order(Long... ids) {
    return new DestructionOrder(
        "DO-2026-000001",
        new DestructionOrder.Request(
            new LinkedHashSet<>(List.of(ids)),
            "surplus",
            "Ministry",
            "Res. 1/2026",
            "CUTTING",
            "Depot",
            LocalDate.of(2026, 12, 1)),
        NOW,
        "ana");
  }

  static List<Witness> witnesses(int n) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> new Witness("W" + i, "Police", "Inspector", false))
        .toList();
  }

  @Test
  void its_creator_never_approves_it() {
    DestructionOrder o = order(1L, 2L);
    assertThatThrownBy(() -> o.approve(NOW, "ana"))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(ProblemType.CONFLICT));
    o.approve(NOW, "bruno");
    assertThat(o.status()).isEqualTo(DestructionOrder.Status.APPROVED);
    assertThatThrownBy(() -> o.approve(NOW, "carla")).isInstanceOf(ProblemException.class);
  }

  @Test
  void scans_at_the_site_say_what_each_firearm_is_to_the_order() {
    DestructionOrder o = order(1L, 2L);
    assertThatThrownBy(() -> o.scan(1L, false, NOW, "x"))
        .as("not before approval")
        .isInstanceOf(ProblemException.class);
    o.approve(NOW, "bruno");
    assertThat(o.scan(1L, false, NOW, "x")).isEqualTo(DestructionOrder.ScanOutcome.ON_ORDER);
    assertThat(o.scan(1L, false, NOW, "x")).isEqualTo(DestructionOrder.ScanOutcome.DUPLICATE);
    assertThat(o.scan(3L, false, NOW, "x")).isEqualTo(DestructionOrder.ScanOutcome.NOT_ON_ORDER);
    assertThat(o.scan(4L, true, NOW, "x"))
        .isEqualTo(DestructionOrder.ScanOutcome.ALREADY_DESTROYED);
    assertThat(o.scan(null, false, NOW, "x")).isEqualTo(DestructionOrder.ScanOutcome.UNKNOWN);
    assertThat(o.unscanned()).containsExactly(2L);
  }

  @Test
  void completion_needs_every_firearm_scanned_and_two_witnesses() {
    DestructionOrder o = order(1L, 2L);
    o.approve(NOW, "bruno");
    o.scan(1L, false, NOW, "x");
    var x = new DestructionOrder.Execution("CUTTING", NOW, "Carlos", witnesses(2), null);
    assertThatThrownBy(() -> o.complete(x, NOW, "bruno"))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e ->
                assertThat(((ProblemException) e).extensions().get("missing"))
                    .isEqualTo(List.of(2L)));
    o.scan(2L, false, NOW, "x");
    assertThatThrownBy(
            () ->
                o.complete(
                    new DestructionOrder.Execution("CUTTING", NOW, "Carlos", witnesses(1), null),
                    NOW,
                    "bruno"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () ->
                o.complete(
                    new DestructionOrder.Execution(
                        "CUTTING", NOW.plusSeconds(3600), "Carlos", witnesses(2), null),
                    NOW,
                    "bruno"))
        .as("not in the future")
        .isInstanceOf(ProblemException.class);
    o.complete(x, NOW, "bruno");
    assertThat(o.status()).isEqualTo(DestructionOrder.Status.COMPLETED);
    assertThat(o.witnesses()).hasSize(2);
    assertThatThrownBy(() -> o.cancel("too late", NOW, "bruno"))
        .as("a completed order is final")
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void an_approved_order_can_be_cancelled_with_a_reason() {
    DestructionOrder o = order(1L);
    o.approve(NOW, "bruno");
    assertThatThrownBy(() -> o.cancel(" ", NOW, "bruno")).isInstanceOf(ProblemException.class);
    assertThat(o.cancel("court hold", NOW, "bruno")).isEqualTo(DestructionOrder.Status.APPROVED);
    assertThat(o.status()).isEqualTo(DestructionOrder.Status.CANCELLED);
  }
}
