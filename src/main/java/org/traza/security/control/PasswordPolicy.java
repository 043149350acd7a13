package org.traza.security.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * What a password must be (ASVS 2.1, NIST SP 800-63B): at least {@value #MIN_LENGTH} characters
 * (blanks in a row count once) and at most {@value #MAX_LENGTH}, any Unicode allowed, no
 * composition rules; refused when it is a known common password (also once leading and trailing
 * digits and symbols are taken off, so {@code Password123456!} counts as {@code password}), one
 * character repeated, only blanks, or contains the username.
 *
 * <p>The common passwords are the 49,233 of the {@code passwords-common} dictionary of
 * {@code @zxcvbn-ts/language-common} 4.1.3 (MIT), shipped as {@code common-passwords.txt} beside
 * this class. Checked in memory: no password ever leaves the server.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  static final String LIST = "common-passwords.txt";

  private PasswordPolicy() {}

  private static final class Common {
    static final Set<String> PASSWORDS = load();

    private static Set<String> load() {
      Set<String> set = new HashSet<>(65_536);
      try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
        if (in == null) {
          throw new IllegalStateException("The common-password list " + LIST + " is missing");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
          if (!line.isEmpty() && !line.startsWith("# ")) {
            set.add(line.toLowerCase(Locale.ROOT));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Set.copyOf(set);
    }
  }

  /** How many common passwords the server knows (to report at start-up). */
  public static int commonPasswords() {
    return Common.PASSWORDS.size();
  }

  /** Why {@code password} is not acceptable for {@code username}, or empty when it is. */
  public static Optional<String> weakness(String password, String username) {
    if (password == null || password.isEmpty()) {
      return Optional.of("is required");
    }
    String stripped = password.strip();
    if (stripped.isEmpty() || stripped.codePoints().distinct().count() == 1) {
      return Optional.of("is one character repeated, or only blanks");
    }
    String collapsed = password.replaceAll("\\s+", " ");
    int length = collapsed.codePointCount(0, collapsed.length());
    if (length < MIN_LENGTH) {
      return Optional.of(
          "is too short: use at least " + MIN_LENGTH + " characters (blanks in a row count once)");
    }
    if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
      return Optional.of("is too long: use at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null
        && username.length() >= 3
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("contains the username");
    }
    String core = lower.strip().replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    if (Common.PASSWORDS.contains(lower)
        || Common.PASSWORDS.contains(lower.strip())
        || (core.length() >= 4 && Common.PASSWORDS.contains(core))) {
      return Optional.of(
          "is a common password (or one with digits or symbols added) that attackers try first");
    }
    return Optional.empty();
  }

  /** Refuses a weak password with a 400 {@code weak-password} problem naming {@code field}. */
  public static void check(String field, String password, String username) {
    weakness(password, username)
        .ifPresent(
            why -> {
              throw new ProblemException(
                  ProblemType.WEAK_PASSWORD,
                  "The " + field + " " + why + ".",
                  List.of(new ProblemException.Violation(field, why)));
            });
  }
}
