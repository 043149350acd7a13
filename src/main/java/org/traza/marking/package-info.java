/**
 * Marking: the symbols Traza puts on weapons and labels (Data Matrix ECC 200, QR, Code 128 as PNG,
 * SVG, ZPL and PDF label sheets), the reading of photos and scanner text back to a firearm, and the
 * verification of physical marks by scanning them.
 *
 * <p>Payload formats and the decoder live in scanner-integration ({@code org.traza.scanner.payload}
 * and {@code org.traza.scanner.decode}), shared with the stations. This feature learns about
 * firearms only through the registry's boundary ({@code FirearmDirectory}); it owns the insert-only
 * {@code marking_verification} table.
 *
 * <p>Invariants: a Traza marking that disagrees with the record it names is reported as MISMATCHED,
 * never as a match; a mark is verified only by a scan that designates its firearm and, when the
 * recorded mark is a machine-readable payload, equals it. Publishes {@code ActionPerformed} ({@code
 * marking.verified}, {@code marking-labels.printed}) for the audit log.
 */
package org.traza.marking;
