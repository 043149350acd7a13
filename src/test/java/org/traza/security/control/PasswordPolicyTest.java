package org.traza.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void ships_the_common_password_list() {
    assertThat(PasswordPolicy.commonPasswords()).isGreaterThan(49_000);
  }

  @Test
  void accepts_long_passphrases_of_any_script_without_composition_rules() {
    assertThat(PasswordPolicy.weakness("correct horse battery staple", "ana")).isEmpty();
    assertThat(PasswordPolicy.weakness("ünïcödé pässwörd 🔐 ok", "ana")).isEmpty();
    assertThat(PasswordPolicy.weakness("c".repeat(3) + "d".repeat(125), "ana")).isEmpty();
  }

  @Test
  void refuses_short_long_common_repeated_and_name_derived_passwords() {
    assertThat(PasswordPolicy.weakness("eleven char", "ana")).get().asString().contains("short");
    assertThat(PasswordPolicy.weakness("a    b    c    d", "ana"))
        .as("blanks in a row count once")
        .get()
        .asString()
        .contains("short");
    assertThat(PasswordPolicy.weakness("ab".repeat(65), "ana")).get().asString().contains("long");
    assertThat(PasswordPolicy.weakness("password1234", "ana")).get().asString().contains("common");
    assertThat(PasswordPolicy.weakness("!!Dragon2024!!", "ana"))
        .get()
        .asString()
        .contains("common");
    assertThat(PasswordPolicy.weakness("QWERTYUIOP123456", "ana")).isPresent();
    assertThat(PasswordPolicy.weakness("7777777777777", "ana"))
        .get()
        .asString()
        .contains("one character");
    assertThat(PasswordPolicy.weakness("\t\t\t\t\t\t\t\t\t\t\t\t\t", "ana")).isPresent();
    assertThat(PasswordPolicy.weakness("my name is ANA.PEREZ", "ana.perez"))
        .get()
        .asString()
        .contains("username");
    assertThat(PasswordPolicy.weakness(null, "ana")).isPresent();
  }
}
