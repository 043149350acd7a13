package org.traza.scanner.payload;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GS1 Global Individual Asset Identifier, application identifier (8004): company prefix and asset
 * reference, at most 30 characters of the GS1 character set 82. Read from GS1 Data Matrix or GS1 QR
 * (decoders give {@code ]d2} / {@code ]Q3} and GS for FNC1) or from the human-readable form {@code
 * (8004)…}.
 */
public record Giai(String value) implements MarkingPayload {

  public static final String AI = "8004";
  private static final char GS = 0x1D;
  private static final Pattern VALUE = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,30}");

  public Giai {
    if (value == null || !VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("a GIAI has 1-30 characters of GS1 set 82");
    }
  }

  /** The element string with a leading FNC1 written as GS, as encoders expect it. */
  @Override
  public String encode() {
    return GS + AI + value;
  }

  public String humanReadable() {
    return "(" + AI + ")" + value;
  }

  /** The GIAI in {@code text}, or empty when it holds no AI (8004) element. */
  public static Optional<Giai> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // Only a GS1 indicator (symbology identifier, leading FNC1 or the bracketed form) makes digits
    // "8004…" a GIAI; without one they may just as well be a serial number.
    String s = text;
    boolean gs1 = false;
    for (String symbologyId : new String[] {"]d2", "]Q3", "]C1"}) {
      if (s.startsWith(symbologyId)) {
        s = s.substring(symbologyId.length());
        gs1 = true;
      }
    }
    if (!s.isEmpty() && s.charAt(0) == GS) {
      s = s.substring(1);
      gs1 = true;
    }
    String value;
    if (s.startsWith("(" + AI + ")")) {
      value = s.substring(AI.length() + 2);
      int next = value.indexOf("(");
      value = next >= 0 && value.indexOf(")", next) > next ? value.substring(0, next) : value;
    } else if (gs1 && s.startsWith(AI)) {
      value = s.substring(AI.length());
      int gs = value.indexOf(GS);
      value = gs >= 0 ? value.substring(0, gs) : value;
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(new Giai(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
