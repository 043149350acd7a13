/**
 * Destruction: certified destruction of surplus and seized firearms (ISACS 05.50, CIFTA Art. VII,
 * UN Firearms Protocol Art. 6).
 *
 * <p>Invariants: an order is approved by a SUPERVISOR or ADMIN who did not create it (four eyes);
 * approval moves every firearm on it from SURPLUS to DESTRUCTION_PENDING through custody events,
 * and only the order's completion (DESTROYED, terminal) or cancellation (back to SURPLUS) moves
 * them again; every firearm is scanned at the site before completion, and what does not fit the
 * order is reported, never accepted silently; completion needs an allowed method, at least two
 * witnesses and photos before and after; the certificate is a PDF carrying a canonical manifest and
 * its Ed25519 signature, and verifying it recomputes the signature, the PDF's hash and each
 * firearm's custody chain. Scans, photos, certificates and alerts are insert-only. Observes {@code
 * DestroyedFirearmSighted} to keep alerts for auditors; reaches firearms through {@code
 * FirearmDirectory}, custody through {@code CustodyDirectory}, symbols through {@code
 * SymbolPrinter} and scanned text through {@code MarkingResolver}.
 */
package org.traza.destruction;
