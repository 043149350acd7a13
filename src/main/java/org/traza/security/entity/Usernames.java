package org.traza.security.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one spelling of a username (ASVS 2.x, issue 17): the typed text is put in Unicode NFKC form
 * (so that full-width or ligature forms become plain letters), trimmed of blanks and lower-cased
 * with {@link Locale#ROOT}; what results must then be plain ASCII from {@code a-z 0-9 . _ -}.
 *
 * <p>Letters that only equal an ASCII letter after locale-specific folding (the Turkish dotless
 * {@code ı}, the dotted capital {@code İ}) stay non-ASCII after these steps and are refused, rather
 * than silently naming another account (MariaDB's case-insensitive collations would have matched
 * them). Logins, tokens and the audit log carry only the canonical form.
 */
public final class Usernames {

  /** New accounts: 3 to 64 characters, starting with a letter or digit. */
  public static final String NEW_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

  /**
   * Existing accounts: the rule accounts were created under before (2 to 64 characters of the same
   * alphabet, already lower case), so that no existing account stops being able to log in.
   */
  public static final String EXISTING_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";

  private static final Pattern NEW = Pattern.compile(NEW_PATTERN);
  private static final Pattern EXISTING = Pattern.compile(EXISTING_PATTERN);

  private Usernames() {}

  /** NFKC, trimmed, lower case; not yet checked against an alphabet. Null stays null. */
  public static String fold(String typed) {
    if (typed == null) {
      return null;
    }
    return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
  }

  /** The canonical name for a new account, or empty when the folded form breaks the rule. */
  public static Optional<String> forNewAccount(String typed) {
    String folded = fold(typed);
    return folded != null && NEW.matcher(folded).matches() ? Optional.of(folded) : Optional.empty();
  }

  /** The canonical name an existing account could have, or empty when no account can. */
  public static Optional<String> forLogin(String typed) {
    String folded = fold(typed);
    return folded != null && EXISTING.matcher(folded).matches()
        ? Optional.of(folded)
        : Optional.empty();
  }

  /**
   * A typed name that names no possible account, made safe to log and to key a throttle on:
   * printable ASCII kept, everything else shown as {@code ?}, at most 64 characters.
   */
  public static String printable(String typed) {
    if (typed == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(typed.length(), 64));
    typed.codePoints().limit(64).forEach(c -> sb.append(c >= 0x21 && c < 0x7f ? (char) c : '?'));
    return sb.toString();
  }
}
