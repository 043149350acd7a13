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
   * The characters read for one another on worn or stamped marks (O/0, I/1/L, S/5, B/8, Z/2, G/6),
   * each folded to its digit.
   */
  public static char fold(char c) {
    return switch (c) {
      case 'O' -> '0';
      case 'I', 'L' -> '1';
      case 'S' -> '5';
      case 'B' -> '8';
      case 'Z' -> '2';
      case 'G' -> '6';
      default -> c;
    };
  }

  /**
   * The key tolerant trace matching compares: a normalised serial with confusable characters folded
   * ({@link #fold}), '.' and '/' dropped and leading zeros stripped ("0" when nothing else is
   * left). "B8O12-74", "88012 74" and "0088O1274" have the same skeleton, 8801274.
   */
  public static String skeleton(String normalised) {
    StringBuilder b = new StringBuilder(normalised.length());
    for (int i = 0; i < normalised.length(); i++) {
      char c = normalised.charAt(i);
      if (c == '.' || c == '/') {
        continue;
      }
      char f = fold(c);
      if (f == '0' && b.length() == 0) {
        continue;
      }
      b.append(f);
    }
    return b.length() == 0 ? "0" : b.toString();
  }

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
