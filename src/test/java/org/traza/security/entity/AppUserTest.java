package org.traza.security.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppUserTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static AppUser user() {
    return new AppUser("ana.perez", "Ana Pérez", "hash", Set.of(Role.ARMOURER), T0, "admin");
  }

  @Test
  void the_fifth_failure_in_a_row_locks_the_account_for_the_given_time() {
    AppUser u = user();
    for (int i = 0; i < 4; i++) {
      assertThat(u.recordFailedLogin(T0, 5, Duration.ofMinutes(15))).isFalse();
    }
    assertThat(u.recordFailedLogin(T0, 5, Duration.ofMinutes(15))).isTrue();
    assertThat(u.isLocked(T0.plusSeconds(899))).isTrue();
    assertThat(u.isLocked(T0.plusSeconds(900))).isFalse();
  }

  @Test
  void a_successful_login_resets_the_count() {
    AppUser u = user();
    u.recordFailedLogin(T0, 3, Duration.ofMinutes(1));
    u.recordFailedLogin(T0, 3, Duration.ofMinutes(1));
    u.recordSuccessfulLogin(T0);
    assertThat(u.recordFailedLogin(T0, 3, Duration.ofMinutes(1))).isFalse();
    assertThat(u.lastLoginAt()).isEqualTo(T0);
  }

  @Test
  void enabling_lifts_a_lockout() {
    AppUser u = user();
    u.recordFailedLogin(T0, 1, Duration.ofHours(1));
    u.disable();
    assertThat(u.enabled()).isFalse();
    u.enable();
    assertThat(u.enabled()).isTrue();
    assertThat(u.isLocked(T0)).isFalse();
  }

  @Test
  void needs_a_valid_username_and_a_role() {
    assertThatThrownBy(() -> new AppUser("Ana Perez", null, "h", Set.of(Role.ADMIN), T0, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AppUser("ana", null, "h", Set.of(), T0, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> user().grant(Set.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roles_parse_case_insensitively_and_reject_unknown_names() {
    assertThat(Role.parse(" auditor ")).contains(Role.AUDITOR);
    assertThat(Role.parse("GENERAL")).isEmpty();
    assertThat(Role.parse(null)).isEmpty();
  }
}
