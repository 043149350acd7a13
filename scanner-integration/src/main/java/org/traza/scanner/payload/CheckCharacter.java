package org.traza.scanner.payload;

/**
 * ISO/IEC 7064 MOD 37,36: one check character over digits and upper-case letters. It detects every
 * single substitution and every transposition of adjacent characters, the two mistakes people make
 * when they read or type a marking, and most misreads of a damaged symbol.
 */
public final class CheckCharacter {

  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final int M = 36;

  private CheckCharacter() {}

  /** The check character for {@code data}, which may contain only 0-9 and A-Z. */
  public static char compute(String data) {
    int p = M;
    for (int i = 0; i < data.length(); i++) {
      int value = ALPHABET.indexOf(data.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("only 0-9 and A-Z carry a check character");
      }
      int s = (p + value) % M;
      p = (s == 0 ? M : s) * 2 % (M + 1);
    }
    return ALPHABET.charAt((M + 1 - p) % M);
  }

  /** True when the last character of {@code dataWithCheck} is the check character of the rest. */
  public static boolean isValid(String dataWithCheck) {
    if (dataWithCheck == null || dataWithCheck.length() < 2) {
      return false;
    }
    String data = dataWithCheck.substring(0, dataWithCheck.length() - 1);
    for (int i = 0; i < data.length(); i++) {
      if (ALPHABET.indexOf(data.charAt(i)) < 0) {
        return false;
      }
    }
    return compute(data) == dataWithCheck.charAt(dataWithCheck.length() - 1);
  }
}
