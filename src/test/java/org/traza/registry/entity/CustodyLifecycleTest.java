package org.traza.registry.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

class CustodyLifecycleTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Make GLOCK = new Make("GLOCK", "Glock", "AT", NOW, "system");
  private static final long VAULT = 7L;
  private static final long OFFICER = 9L;

  /** How to bring a fresh firearm to each state reachable by custody actions. */
  private static final Map<FirearmStatus, List<CustodyAction>> PATHS =
      new EnumMap<>(FirearmStatus.class);

  static {
    PATHS.put(FirearmStatus.REGISTERED, List.of());
    PATHS.put(FirearmStatus.IN_STOCK, List.of(CustodyAction.RECEIVE));
    PATHS.put(FirearmStatus.ISSUED, List.of(CustodyAction.RECEIVE, CustodyAction.ISSUE));
    PATHS.put(FirearmStatus.IN_TRANSIT, List.of(CustodyAction.RECEIVE, CustodyAction.DISPATCH));
    PATHS.put(FirearmStatus.ON_LOAN, List.of(CustodyAction.RECEIVE, CustodyAction.LEND));
    PATHS.put(FirearmStatus.LOST, List.of(CustodyAction.RECEIVE, CustodyAction.REPORT_LOST));
    PATHS.put(FirearmStatus.STOLEN, List.of(CustodyAction.RECEIVE, CustodyAction.REPORT_STOLEN));
    PATHS.put(
        FirearmStatus.RECOVERED,
        List.of(CustodyAction.RECEIVE, CustodyAction.REPORT_STOLEN, CustodyAction.RECOVER));
    PATHS.put(
        FirearmStatus.EVIDENCE, List.of(CustodyAction.RECEIVE, CustodyAction.PLACE_IN_EVIDENCE));
    PATHS.put(FirearmStatus.SURPLUS, List.of(CustodyAction.RECEIVE, CustodyAction.DECLARE_SURPLUS));
  }

  private static Firearm firearm(Provenance provenance) {
    return new Firearm(
        FirearmTest.description(GLOCK, "abc-123", provenance), List.of(), NOW, "ana");
  }

  private static Firearm.CustodyTransition apply(Firearm f, CustodyAction action) {
    Firearm.CustodyTransition t = f.applyCustody(action, VAULT, OFFICER, null, NOW, "ana");
    f.chainCustody(t, Integer.toHexString(t.hashCode()) + "0".repeat(56));
    return t;
  }

  private static Firearm in(FirearmStatus status) {
    Firearm f = firearm(Provenance.MANUFACTURED_HERE);
    PATHS.get(status).forEach(a -> apply(f, a));
    assertThat(f.status()).isEqualTo(status);
    return f;
  }

  @Test
  void every_action_is_allowed_exactly_from_its_states_and_lands_in_its_target() {
    for (FirearmStatus status : PATHS.keySet()) {
      for (CustodyAction action : CustodyAction.values()) {
        Firearm f = in(status);
        if (action.allowedFrom(status)) {
          apply(f, action);
          assertThat(f.status()).as(status + " --" + action + "-->").isEqualTo(action.target());
        } else {
          assertThatThrownBy(() -> apply(f, action))
              .as(status + " --" + action + "--> must be refused")
              .isInstanceOfSatisfying(
                  ProblemException.class,
                  e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.ILLEGAL_STATE_TRANSITION);
                    assertThat(e.extensions())
                        .containsEntry("currentStatus", status.name())
                        .containsKey("allowedActions");
                  });
          assertThat(f.status()).isEqualTo(status);
        }
      }
    }
  }

  @Test
  void destroyed_is_terminal_and_only_surplus_leads_towards_destruction() {
    assertThat(FirearmStatus.DESTROYED.allowedActions()).isEmpty();
    assertThat(FirearmStatus.DESTRUCTION_PENDING.allowedActions())
        .as("only the order that scheduled it moves it again")
        .containsExactlyInAnyOrder(CustodyAction.CANCEL_DESTRUCTION, CustodyAction.DESTROY)
        .allMatch(CustodyAction::byOrderOnly);
    assertThat(FirearmStatus.SURPLUS.allowedActions())
        .containsExactlyInAnyOrder(
            CustodyAction.REPORT_LOST,
            CustodyAction.REPORT_STOLEN,
            CustodyAction.SCHEDULE_DESTRUCTION);
  }

  @Test
  void a_seized_firearm_without_its_confiscation_mark_is_neither_issued_nor_lent() {
    Firearm f = firearm(Provenance.SEIZED);
    apply(f, CustodyAction.RECEIVE);
    for (CustodyAction action : List.of(CustodyAction.ISSUE, CustodyAction.LEND)) {
      assertThatThrownBy(() -> apply(f, action))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.type()).isEqualTo(ProblemType.MARKING_REQUIRED);
                assertThat(e.extensions()).containsEntry("missingMarking", "CONFISCATION");
              });
    }
    f.addMarking(
        new FirearmMarking.Spec(
            MarkingKind.CONFISCATION,
            "PNC 2026",
            MarkingLocation.FRAME_RECEIVER,
            MarkingMethod.STAMP,
            null,
            null,
            null),
        NOW,
        "ana");
    apply(f, CustodyAction.ISSUE);
    assertThat(f.status()).isEqualTo(FirearmStatus.ISSUED);
    assertThat(f.holderId()).isEqualTo(OFFICER);
  }

  @Test
  void each_transition_extends_the_chain_from_the_previous_head() {
    Firearm f = firearm(Provenance.MANUFACTURED_HERE);
    Firearm.CustodyTransition first = apply(f, CustodyAction.RECEIVE);
    assertThat(first.seq()).isEqualTo(1);
    assertThat(first.prevHash()).isEqualTo(Firearm.GENESIS);
    String head = f.custodyHead();
    Firearm.CustodyTransition second = apply(f, CustodyAction.MOVE);
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.prevHash()).isEqualTo(head);
    assertThat(second.fromLocationId()).isEqualTo(VAULT);
    assertThat(f.custodySeq()).isEqualTo(2);
  }

  @Test
  void an_action_without_the_place_or_holder_it_needs_is_refused() {
    Firearm f = firearm(Provenance.MANUFACTURED_HERE);
    assertThatThrownBy(() -> f.applyCustody(CustodyAction.RECEIVE, null, null, null, NOW, "ana"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED));
    assertThat(f.status()).isEqualTo(FirearmStatus.REGISTERED);
  }
}
