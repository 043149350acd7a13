package org.traza.scanner.payload;

import java.util.Optional;

/**
 * A bare serial number or registry number, from a Code 128 label, a keyboard-wedge scanner or a
 * keyboard: resolved through the registry, in its normal form.
 */
public record PlainIdentifier(String normalized) implements MarkingPayload {

  public PlainIdentifier {
    if (SerialNumbers.normalise(normalized).filter(normalized::equals).isEmpty()) {
      throw new IllegalArgumentException("not a normalised serial");
    }
  }

  @Override
  public String encode() {
    return normalized;
  }

  public static Optional<PlainIdentifier> parse(String text) {
    return SerialNumbers.normalise(text).map(PlainIdentifier::new);
  }
}
