package org.traza.scanner.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckCharacterTest {

  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  @Test
  void appending_the_check_character_makes_a_valid_string() {
    for (String data : new String[] {"A", "TZ12N9CGLOCKAT2019ABC12345", "0000", "ZZZZZZ"}) {
      assertThat(CheckCharacter.isValid(data + CheckCharacter.compute(data))).as(data).isTrue();
    }
  }

  @Test
  void detects_every_single_substitution() {
    String data = "GLOCKAT2019ABC12345";
    String valid = data + CheckCharacter.compute(data);
    for (int i = 0; i < valid.length(); i++) {
      for (char c : ALPHABET.toCharArray()) {
        if (c != valid.charAt(i)) {
          String changed = valid.substring(0, i) + c + valid.substring(i + 1);
          assertThat(CheckCharacter.isValid(changed)).as(changed).isFalse();
        }
      }
    }
  }

  @Test
  void detects_every_adjacent_transposition() {
    String data = "TAURUSBR2020K7X91Q";
    String valid = data + CheckCharacter.compute(data);
    for (int i = 0; i + 1 < valid.length(); i++) {
      if (valid.charAt(i) != valid.charAt(i + 1)) {
        String swapped =
            valid.substring(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.substring(i + 2);
        assertThat(CheckCharacter.isValid(swapped)).as(swapped).isFalse();
      }
    }
  }

  @Test
  void refuses_characters_outside_its_alphabet() {
    assertThatThrownBy(() -> CheckCharacter.compute("ab"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CheckCharacter.isValid("AB-C")).isFalse();
    assertThat(CheckCharacter.isValid("A")).isFalse();
    assertThat(CheckCharacter.isValid(null)).isFalse();
  }
}
