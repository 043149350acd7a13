package org.traza.scanner.payload;

/**
 * What a scanned or typed marking says, once its format is known. One record per format; {@link
 * Payloads#detect} finds which.
 */
public sealed interface MarkingPayload
    permits TrazaMarking, UniqueItemIdentifier, Giai, PlainIdentifier {

  /** The text this payload encodes, ready for a symbol (control characters included). */
  String encode();
}
