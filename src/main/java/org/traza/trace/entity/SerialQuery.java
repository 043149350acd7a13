package org.traza.trace.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.traza.platform.entity.ProblemException;
import org.traza.scanner.payload.SerialNumbers;

/**
 * A serial as read on a recovered weapon: {@code ?} for one unreadable character, {@code *} for any
 * run of them, everything else read (possibly misread). Compared in skeleton form: confusable
 * characters folded, '.' and '/' dropped, leading zeros stripped, as the registry indexes it.
 *
 * @param asRead what the investigator typed
 * @param normalized upper case without spaces and dashes, wildcards kept
 * @param pattern the skeleton form, wildcards kept
 */
public record SerialQuery(String asRead, String normalized, String pattern) {

  public static final int MAX_LENGTH = 60;
  private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9./?*]{1," + MAX_LENGTH + "}");

  public static SerialQuery parse(String asRead) {
    if (asRead == null || asRead.isBlank()) {
      throw ProblemException.invalid(
          "serial", "required: the serial as read, ? or * where unreadable");
    }
    String normal = asRead.replaceAll("[\\s\\p{Pd}\\u00A0]+", "").toUpperCase(Locale.ROOT);
    if (!ALLOWED.matcher(normal).matches()) {
      throw ProblemException.invalid(
          "serial",
          "use letters, digits, '.', '/', ? for one unreadable character and * for several;"
              + " at most "
              + MAX_LENGTH);
    }
    if (normal.chars().allMatch(c -> c == '?' || c == '*')) {
      throw ProblemException.invalid("serial", "at least one character must be readable");
    }
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < normal.length(); i++) {
      char c = normal.charAt(i);
      if (c == '.' || c == '/') {
        continue;
      }
      if (c == '*' && p.length() > 0 && p.charAt(p.length() - 1) == '*') {
        continue;
      }
      char f = c == '?' || c == '*' ? c : SerialNumbers.fold(c);
      if (f == '0' && p.length() == 0) {
        continue;
      }
      p.append(f);
    }
    return new SerialQuery(asRead.strip(), normal, p.length() == 0 ? "0" : p.toString());
  }

  public boolean hasWildcards() {
    return pattern.indexOf('?') >= 0 || pattern.indexOf('*') >= 0;
  }

  /** The number of unreadable positions ({@code *} counts as two). */
  public int unknown() {
    int n = 0;
    for (char c : pattern.toCharArray()) {
      n += c == '?' ? 1 : c == '*' ? 2 : 0;
    }
    return n;
  }

  /** The readable characters before the first wildcard. */
  public String literalPrefix() {
    int i = firstWildcard(pattern);
    return i < 0 ? pattern : pattern.substring(0, i);
  }

  /** The readable characters after the last wildcard. */
  public String literalSuffix() {
    int i = Math.max(pattern.lastIndexOf('?'), pattern.lastIndexOf('*'));
    return i < 0 ? pattern : pattern.substring(i + 1);
  }

  /** The pattern as SQL LIKE ({@code ?} → {@code _}, {@code *} → {@code %}). */
  public String like() {
    return pattern.replace('?', '_').replace('*', '%');
  }

  /** The reversed pattern as SQL LIKE, for the reversed skeleton column. */
  public String reversedLike() {
    return new StringBuilder(pattern).reverse().toString().replace('?', '_').replace('*', '%');
  }

  /** Whether a registry skeleton fits this pattern. */
  public boolean matches(String skeleton) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '?' ? "." : c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return skeleton != null && skeleton.matches(regex.toString());
  }

  /** The normalised serial read, when nothing was unreadable. */
  public String exact() {
    return hasWildcards() ? null : normalized;
  }

  /**
   * Edit distance between this pattern (no {@code *}) and a skeleton, a {@code ?} matching any
   * character at no cost; {@code Integer.MAX_VALUE} for a pattern with {@code *}.
   */
  public int distance(String skeleton) {
    if (pattern.indexOf('*') >= 0 || skeleton == null) {
      return Integer.MAX_VALUE;
    }
    return editDistance(pattern, skeleton);
  }

  /** Levenshtein distance from {@code pattern} to {@code s}, a {@code ?} in the pattern free. */
  public static int editDistance(String pattern, String s) {
    int[] prev = new int[s.length() + 1];
    int[] cur = new int[s.length() + 1];
    for (int j = 0; j <= s.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= pattern.length(); i++) {
      cur[0] = i;
      char a = pattern.charAt(i - 1);
      for (int j = 1; j <= s.length(); j++) {
        int cost = a == '?' || a == s.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[s.length()];
  }

  /** The confusable characters read, each with the digit it was compared as (B→8, O→0). */
  public List<String> folded() {
    List<String> out = new ArrayList<>();
    for (char c : normalized.toCharArray()) {
      char f = SerialNumbers.fold(c);
      if (f != c && !out.contains(c + "→" + f)) {
        out.add(c + "→" + f);
      }
    }
    return out;
  }

  private static int firstWildcard(String s) {
    int q = s.indexOf('?');
    int a = s.indexOf('*');
    return q < 0 ? a : a < 0 ? q : Math.min(q, a);
  }
}
