/**
 * Marking: the symbols Traza puts on weapons and labels (Data Matrix ECC 200, QR, Code 128) and, in
 * later steps, label sheets, engraving files and decoding of scanned images.
 *
 * <p>Payload formats live in scanner-integration ({@code org.traza.scanner.payload}), shared with
 * the stations; this feature renders them. It learns about firearms only through the registry's
 * boundary ({@code FirearmDirectory}). Publishes nothing yet.
 */
package org.traza.marking;
