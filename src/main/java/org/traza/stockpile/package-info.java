/**
 * Stockpile: blind stock counts of a location (ISACS 05.20), their reconciliation against the
 * registry, and the discrepancy cases it opens.
 *
 * <p>Invariants: a count is blind (its scans are accepted without saying whether they were
 * expected); scans are insert-only; a closed count is signed off by a SUPERVISOR who is not its
 * counter; every discrepancy is a case until resolved, and a case resolved as a loss or theft moves
 * the firearm through a custody event. Reaches firearms through {@code FirearmDirectory}, places
 * and custody actions through {@code CustodyDirectory}, scanned text through {@code
 * MarkingResolver}.
 */
package org.traza.stockpile;
