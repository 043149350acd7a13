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
  void changes_that_alter_what_a_token_stands_for_advance_the_token_generation() {
    AppUser u = user();
    long g = u.tokenGeneration();
    u.grant(Set.of(Role.ARMOURER));
    u.assignTo(null);
    u.enable();
    assertThat(u.tokenGeneration()).as("no change, no new generation").isEqualTo(g);
    u.grant(Set.of(Role.AUDITOR));
    u.assignTo(7L);
    u.disable();
    u.enable();
    u.changePassword("hash2", T0);
    assertThat(u.tokenGeneration()).isEqualTo(g + 5);
  }

  @Test
  void a_reset_requires_a_change_which_lifts_the_requirement_and_the_temporary_one_expires() {
    AppUser u = user();
    u.resetPassword("temporary", T0);
    assertThat(u.passwordChangeRequired()).isTrue();
    assertThat(u.temporaryPasswordExpired(T0.plus(Duration.ofHours(71)), Duration.ofHours(72)))
        .isFalse();
    assertThat(u.temporaryPasswordExpired(T0.plus(Duration.ofHours(72)), Duration.ofHours(72)))
        .isTrue();
    u.changePassword("chosen", T0.plusSeconds(60));
    assertThat(u.passwordChangeRequired()).isFalse();
    assertThat(u.passwordHash()).isEqualTo("chosen");
    assertThat(u.temporaryPasswordExpired(T0.plus(Duration.ofDays(9)), Duration.ofHours(72)))
        .isFalse();
  }

  @Test
  void usernames_fold_to_one_ascii_spelling_and_look_alikes_are_refused() {
    assertThat(Usernames.forLogin("  VICTIM ")).contains("victim");
    assertThat(Usernames.forLogin("ＶＩＣＴＩＭ")).contains("victim");
    assertThat(Usernames.forLogin("ana.perez")).contains("ana.perez");
    assertThat(Usernames.forLogin("vıctım")).isEmpty(); // dotless i
    assertThat(Usernames.forLogin("VİCTİM")).isEmpty(); // dotted capital I
    assertThat(Usernames.forLogin("vic tim")).isEmpty();
    assertThat(Usernames.forLogin(null)).isEmpty();
    assertThat(Usernames.forLogin("ab")).contains("ab");
    assertThat(Usernames.forNewAccount("ab")).as("new accounts need 3").isEmpty();
    assertThat(Usernames.forNewAccount("-abc")).isEmpty();
    assertThat(Usernames.forNewAccount("x".repeat(65))).isEmpty();
    assertThat(Usernames.printable("vıc\ttim")).isEqualTo("v?c?tim");
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
