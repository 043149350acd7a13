package org.traza.scanner.payload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SerialNumbersTest {

  @ParameterizedTest
  @CsvSource({
    "AB12345, AB12345",
    "ab12345, AB12345",
    "'ab 12-345', AB12345",
    "' AB 12 345 ', AB12345",
    "'Ab–12\u00A0345', AB12345",
    "'12/34.56', 12/34.56",
    "0001234, 0001234"
  })
  void normalises_to_upper_case_without_spaces_or_dashes(String asMarked, String expected) {
    assertThat(SerialNumbers.normalise(asMarked)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "- -", "AB#123", "AB_123", "ÄB123", "AB*12", "A?3"})
  void rejects_empty_or_unusual_characters(String asMarked) {
    assertThat(SerialNumbers.normalise(asMarked)).isEmpty();
  }

  @Test
  void rejects_serials_longer_than_the_limit() {
    assertThat(SerialNumbers.normalise("9".repeat(SerialNumbers.MAX_LENGTH))).isPresent();
    assertThat(SerialNumbers.normalise("9".repeat(SerialNumbers.MAX_LENGTH + 1))).isEmpty();
  }

  @Test
  void keeps_confusable_characters_as_marked() {
    assertThat(SerialNumbers.normalise("O0I1")).contains("O0I1");
  }

  @Test
  void the_skeleton_folds_confusables_drops_punctuation_and_leading_zeros() {
    assertThat(SerialNumbers.skeleton("B8O1274")).isEqualTo("8801274");
    assertThat(SerialNumbers.skeleton("8801274")).isEqualTo("8801274");
    assertThat(SerialNumbers.skeleton("0088O1274")).isEqualTo("8801274");
    assertThat(SerialNumbers.skeleton("ILSZG/B.O")).isEqualTo("1152680");
    assertThat(SerialNumbers.skeleton("AX12"))
        .as("letters that are not confusable stay")
        .isEqualTo("AX12");
    assertThat(SerialNumbers.skeleton("000")).isEqualTo("0");
    assertThat(SerialNumbers.skeleton("OO"))
        .as("O read for 0 is a leading zero too")
        .isEqualTo("0");
  }
}
