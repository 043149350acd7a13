package org.traza.scanner.payload;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traza's own marking, version 1: compact, upper case and space-separated so that a Data Matrix
 * encodes it in C40 (three characters in two codewords), and closed by an ISO/IEC 7064 MOD 37,36
 * check character so that a misread or mistyped marking is refused, not mistaken for another.
 *
 * <pre>
 * TZ1 &lt;registry id, base 36&gt; &lt;make code&gt; &lt;country&gt;[&lt;year&gt;] &lt;serial&gt; [I&lt;country&gt;&lt;year&gt;] [S&lt;agency&gt;] &lt;check&gt;
 * TZ1 2N9C GLOCK AT2019 ABC12345 IAR2021 SPNP 7
 * </pre>
 *
 * The check character covers every character before it except spaces, '.' and '/' (which the MOD
 * 37,36 alphabet lacks). docs/marking-formats.md has the full grammar.
 */
public record TrazaMarking(
    long registryId,
    String makeCode,
    String countryOfManufacture,
    Integer yearOfManufacture,
    String serial,
    String importCountry,
    Integer importYear,
    String agency)
    implements MarkingPayload {

  public static final String PREFIX = "TZ1";

  private static final Pattern GRAMMAR =
      Pattern.compile(
          "TZ1 ([0-9A-Z]{1,13}) ([0-9A-Z]{1,20}) ([A-Z]{2})(\\d{4})? ([0-9A-Z./]{1,60})"
              + "(?: I([A-Z]{2})(\\d{4}))?(?: S([0-9A-Z]{1,10}))? ([0-9A-Z])");

  public TrazaMarking {
    if (registryId <= 0) {
      throw new IllegalArgumentException("registry id must be positive");
    }
    require("makeCode", makeCode, "[0-9A-Z]{1,20}");
    require("countryOfManufacture", countryOfManufacture, "[A-Z]{2}");
    require("serial", serial, "[0-9A-Z./]{1,60}");
    if (yearOfManufacture != null && (yearOfManufacture < 1000 || yearOfManufacture > 9999)) {
      throw new IllegalArgumentException("year of manufacture must have four digits");
    }
    if ((importCountry == null) != (importYear == null)) {
      throw new IllegalArgumentException("import country and year go together");
    }
    if (importCountry != null) {
      require("importCountry", importCountry, "[A-Z]{2}");
      if (importYear < 1000 || importYear > 9999) {
        throw new IllegalArgumentException("import year must have four digits");
      }
    }
    if (agency != null) {
      require("agency", agency, "[0-9A-Z]{1,10}");
    }
  }

  private static void require(String field, String value, String regex) {
    if (value == null || !value.matches(regex)) {
      throw new IllegalArgumentException(field + " must match " + regex);
    }
  }

  @Override
  public String encode() {
    StringBuilder text =
        new StringBuilder(PREFIX)
            .append(' ')
            .append(Long.toString(registryId, 36).toUpperCase(Locale.ROOT))
            .append(' ')
            .append(makeCode)
            .append(' ')
            .append(countryOfManufacture)
            .append(yearOfManufacture == null ? "" : yearOfManufacture.toString())
            .append(' ')
            .append(serial);
    if (importCountry != null) {
      text.append(" I").append(importCountry).append(importYear);
    }
    if (agency != null) {
      text.append(" S").append(agency);
    }
    return text.append(' ').append(CheckCharacter.compute(checked(text))).toString();
  }

  /** The characters the check character covers. */
  private static String checked(CharSequence text) {
    return text.toString().replaceAll("[ ./]", "");
  }

  /**
   * The marking in {@code text}, or empty when it is not a well-formed TZ1 marking with a valid
   * check.
   */
  public static Optional<TrazaMarking> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = GRAMMAR.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String body = text.strip();
    if (!CheckCharacter.isValid(checked(body))) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new TrazaMarking(
              Long.parseLong(m.group(1), 36),
              m.group(2),
              m.group(3),
              m.group(4) == null ? null : Integer.valueOf(m.group(4)),
              m.group(5),
              m.group(6),
              m.group(7) == null ? null : Integer.valueOf(m.group(7)),
              m.group(8)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
