package org.traza.scanner.payload;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Finds the format of any scanned or typed text: the most specific format that parses wins. */
public final class Payloads {

  private static final List<Function<String, Optional<? extends MarkingPayload>>> PARSERS =
      List.of(
          TrazaMarking::parse, UniqueItemIdentifier::parse, Giai::parse, PlainIdentifier::parse);

  private Payloads() {}

  /**
   * The payload of {@code scanned}, or empty when no format accepts it. A text that looks like a
   * Traza marking but fails its check character is refused, never read as a plain serial.
   */
  public static Optional<MarkingPayload> detect(String scanned) {
    if (scanned == null) {
      return Optional.empty();
    }
    if (scanned.strip().startsWith(TrazaMarking.PREFIX + " ")) {
      return TrazaMarking.parse(scanned).map(MarkingPayload.class::cast);
    }
    if (scanned.startsWith("[)>")) {
      return UniqueItemIdentifier.parse(scanned).map(MarkingPayload.class::cast);
    }
    for (var parser : PARSERS) {
      Optional<? extends MarkingPayload> payload = parser.apply(scanned);
      if (payload.isPresent()) {
        return Optional.of(payload.get());
      }
    }
    return Optional.empty();
  }
}
