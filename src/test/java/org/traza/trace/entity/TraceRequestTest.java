package org.traza.trace.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.traza.platform.entity.ProblemException;

class TraceRequestTest {

  static final Instant RECEIVED = Instant.parse("2026-11-29T08:00:00Z");

  static TraceRequest request(TraceRequest.Urgency urgency, Duration within) {
    return new TraceRequest(
        "pending-1",
        new TraceRequest.Content(
            urgency,
            urgency == TraceRequest.Urgency.URGENT ? "armed robbery suspect at large" : null,
            "Policía Nacional",
            "CO",
            "ana@example.org",
            "CASE-1",
            "CIFTA Art. XIII",
            "found at a crime scene",
            null,
            null,
            null,
            null,
            null,
            "PISTOL",
            "GLOCK",
            "17",
            "9X19",
            "B8O12?4",
            false,
            null,
            "AT",
            null),
        within,
        RECEIVED,
        "ana");
  }

  @Test
  void the_lifecycle_runs_in_order_and_the_deadline_follows_the_urgency() {
    Clock clock = Clock.fixed(RECEIVED.plus(Duration.ofHours(49)), ZoneOffset.UTC);
    TraceRequest urgent = request(TraceRequest.Urgency.URGENT, Duration.ofHours(48));
    assertThat(urgent.dueAt()).isEqualTo(RECEIVED.plus(Duration.ofHours(48)));
    assertThat(urgent.isOverdue(clock.instant())).isTrue();
    assertThat(urgent.isOverdue(RECEIVED.plus(Duration.ofHours(47)))).isFalse();

    assertThatThrownBy(() -> urgent.close(clock.instant()))
        .as("not before it is answered")
        .isInstanceOf(ProblemException.class);
    urgent.acknowledge(clock.instant());
    assertThatThrownBy(() -> urgent.acknowledge(clock.instant()))
        .isInstanceOf(ProblemException.class);
    urgent.start("bruno", clock.instant());
    assertThat(urgent.assignedTo()).isEqualTo("bruno");
    assertThatThrownBy(
            () ->
                urgent.answer(
                    TraceRequest.Outcome.IDENTIFIED, null, null, clock.instant(), "bruno"))
        .as("identified names the firearm")
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () ->
                urgent.answer(
                    TraceRequest.Outcome.NOT_TRACEABLE, null, " ", clock.instant(), "bruno"))
        .as("not traceable says why")
        .isInstanceOf(ProblemException.class);
    urgent.answer(TraceRequest.Outcome.IDENTIFIED, 42L, null, clock.instant(), "bruno");
    assertThat(urgent.isOverdue(clock.instant()))
        .as("an answered request is not overdue")
        .isFalse();
    assertThatThrownBy(() -> urgent.assign("carla")).isInstanceOf(ProblemException.class);
    urgent.close(clock.instant());
    assertThat(urgent.status()).isEqualTo(TraceRequest.Status.CLOSED);
  }

  @Test
  void a_routine_request_is_due_in_fourteen_days() {
    TraceRequest routine = request(TraceRequest.Urgency.ROUTINE, Duration.ofDays(14));
    assertThat(routine.dueAt()).isEqualTo(Instant.parse("2026-12-13T08:00:00Z"));
    assertThat(routine.isOverdue(Instant.parse("2026-12-13T08:00:01Z"))).isTrue();
  }
}
