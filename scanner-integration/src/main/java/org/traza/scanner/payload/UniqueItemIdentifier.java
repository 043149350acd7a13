package org.traza.scanner.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MIL-STD-130 unique item identifier in ISO/IEC 15434 format 06 (ANSI MH10.8.2 data identifiers):
 * {@code [)>} RS {@code 06} GS data elements separated by GS, then RS EOT.
 *
 * <ul>
 *   <li>Construct 1: {@code 18S} enterprise (CAGE) + serial, or {@code 25S} issuing agency +
 *       enterprise + serial.
 *   <li>Construct 2: {@code 17V} CAGE, {@code 1P} original part number, {@code S} serial.
 * </ul>
 *
 * {@link #uii()} concatenates them as DoD does (issuing agency code {@code D} for CAGE).
 */
public record UniqueItemIdentifier(Map<String, String> elements) implements MarkingPayload {

  public static final char RS = 0x1E;
  public static final char GS = 0x1D;
  public static final char EOT = 0x04;
  public static final String HEADER = "[)>" + RS + "06" + GS;
  public static final int MAX_UII = 50;

  private static final Pattern ELEMENT = Pattern.compile("(\\d{0,3}[A-Z])([0-9A-Z/-]+)");

  public UniqueItemIdentifier {
    elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    if (uiiOf(elements).isEmpty()) {
      throw new IllegalArgumentException("needs 25S, 18S, or 17V + 1P + S");
    }
  }

  /** Construct 1 with a CAGE code: {@code 18S} CAGE + serial. */
  public static UniqueItemIdentifier construct1(String cage, String serial) {
    return new UniqueItemIdentifier(Map.of("18S", cage + serial));
  }

  /** Construct 2: {@code 17V} CAGE, {@code 1P} part number, {@code S} serial. */
  public static UniqueItemIdentifier construct2(String cage, String partNumber, String serial) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("17V", cage);
    m.put("1P", partNumber);
    m.put("S", serial);
    return new UniqueItemIdentifier(m);
  }

  /** The unique item identifier (at most 50 characters). */
  public String uii() {
    return uiiOf(elements).orElseThrow();
  }

  private static Optional<String> uiiOf(Map<String, String> e) {
    String uii = null;
    if (e.containsKey("25S")) {
      uii = e.get("25S");
    } else if (e.containsKey("18S")) {
      uii = "D" + e.get("18S");
    } else if (e.containsKey("17V") && e.containsKey("1P") && e.containsKey("S")) {
      uii = "D" + e.get("17V") + e.get("1P") + e.get("S");
    }
    return uii == null || uii.length() > MAX_UII ? Optional.empty() : Optional.of(uii);
  }

  @Override
  public String encode() {
    StringBuilder text = new StringBuilder(HEADER);
    boolean first = true;
    for (var entry : elements.entrySet()) {
      if (!first) {
        text.append(GS);
      }
      text.append(entry.getKey()).append(entry.getValue());
      first = false;
    }
    return text.append(RS).append(EOT).toString();
  }

  /** The identifier in {@code text}, or empty when it is not a well-formed format 06 message. */
  public static Optional<UniqueItemIdentifier> parse(String text) {
    if (text == null || !text.startsWith(HEADER)) {
      return Optional.empty();
    }
    String body = text.substring(HEADER.length());
    if (body.endsWith(String.valueOf(EOT))) {
      body = body.substring(0, body.length() - 1);
    }
    if (!body.endsWith(String.valueOf(RS))) {
      return Optional.empty();
    }
    body = body.substring(0, body.length() - 1);
    Map<String, String> elements = new LinkedHashMap<>();
    for (String field : body.split(String.valueOf(GS), -1)) {
      Matcher m = ELEMENT.matcher(field);
      if (!m.matches() || elements.putIfAbsent(m.group(1), m.group(2)) != null) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new UniqueItemIdentifier(elements));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
