package org.traza.trace.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.traza.platform.entity.ProblemException;

class SerialQueryTest {

  @Test
  void a_misread_serial_with_an_unreadable_character_is_compared_in_skeleton_form() {
    SerialQuery q = SerialQuery.parse("B8O12?4");
    assertThat(q.pattern()).isEqualTo("88012?4");
    assertThat(q.literalPrefix()).isEqualTo("88012");
    assertThat(q.like()).isEqualTo("88012_4");
    assertThat(q.matches("8801274")).isTrue();
    assertThat(q.matches("8801275")).isFalse();
    assertThat(q.unknown()).isEqualTo(1);
    assertThat(q.folded()).containsExactly("B→8", "O→0");
  }

  @Test
  void obliterated_prefixes_and_suffixes_use_the_other_end() {
    SerialQuery suffix = SerialQuery.parse("**12-345");
    assertThat(suffix.pattern()).isEqualTo("*12345");
    assertThat(suffix.literalPrefix()).isEmpty();
    assertThat(suffix.literalSuffix()).isEqualTo("12345");
    assertThat(suffix.reversedLike()).isEqualTo("54321%");
    assertThat(suffix.matches("9912345")).isTrue();
    SerialQuery prefix = SerialQuery.parse("ab12*");
    assertThat(prefix.like()).isEqualTo("A812%");
    assertThat(SerialQuery.parse("A?3?5").unknown()).isEqualTo(2);
  }

  @Test
  void leading_zeros_and_punctuation_are_set_aside_and_distance_ignores_unknown_positions() {
    assertThat(SerialQuery.parse("00-12.3/4").pattern()).isEqualTo("1234");
    assertThat(SerialQuery.parse("12?4").distance("1294")).isZero();
    assertThat(SerialQuery.parse("1234").distance("1243")).isEqualTo(2);
    assertThat(SerialQuery.parse("1234").distance("12345")).isEqualTo(1);
    assertThat(SerialQuery.parse("12*").distance("129")).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void nothing_readable_or_foreign_characters_are_refused() {
    for (String bad : new String[] {"", "??", "*?*", "AB#1", "x".repeat(61)}) {
      assertThatThrownBy(() -> SerialQuery.parse(bad)).as(bad).isInstanceOf(ProblemException.class);
    }
  }
}
