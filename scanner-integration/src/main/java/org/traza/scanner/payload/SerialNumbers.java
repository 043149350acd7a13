package org.traza.scanner.payload;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises serial numbers as marked on a weapon into the form the registry compares and indexes.
 *
 * <p>The normal form is upper case with every space and dash removed, so that "ab 12-345",
 * "AB12345" and "Ab–12 345" (typed, read by a scanner or copied from a report) are the same serial.
 * Nothing else is rewritten: confusable characters (O and 0, I and 1) are a matter for tolerant
 * trace matching, not for the record, which must keep what is marked.
 */
public final class SerialNumbers {

  /** The longest normalised serial accepted; marks on small arms are far shorter. */
  public static final int MAX_LENGTH = 60;

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}\\u00A0\\u2007\\u202F]+");
  private static final Pattern NORMALISED = Pattern.compile("[A-Z0-9./]{1," + MAX_LENGTH + "}");

  private SerialNumbers() {}

  /**
   * The normal form of {@code asMarked}, or empty when nothing usable remains or a character is
   * outside letters, digits, '.' and '/'.
   */
  public static Optional<String> normalise(String asMarked) {
    if (asMarked == null) {
      return Optional.empty();
    }
    String normal = SEPARATORS.matcher(asMarked).replaceAll("").toUpperCase(Locale.ROOT);
    return NORMALISED.matcher(normal).matches() ? Optional.of(normal) : Optional.empty();
  }
}
