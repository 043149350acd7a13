package org.traza.registry.entity;

import java.util.Locale;
import java.util.Set;
import org.traza.platform.entity.ProblemException;

/** ISO 3166-1 alpha-2 country codes, as the instruments require for marks and records. */
public final class CountryCodes {

  private static final Set<String> CODES =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

  private CountryCodes() {}

  public static boolean isValid(String code) {
    return code != null && CODES.contains(code);
  }

  /** The upper-cased code, or a validation problem naming {@code field}. */
  public static String require(String field, String code) {
    String upper = code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    if (!isValid(upper)) {
      throw ProblemException.invalid(
          field, "use an ISO 3166-1 alpha-2 country code such as AR or BR");
    }
    return upper;
  }

  /** As {@link #require} but null stays null. */
  public static String optional(String field, String code) {
    return code == null || code.isBlank() ? null : require(field, code);
  }
}
