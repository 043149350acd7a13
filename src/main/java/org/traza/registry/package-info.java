/**
 * Registry: the firearm record (CIFTA Art. VI and XI, UN Firearms Protocol Art. 7-8, ISACS 05.30)
 * and its reference data (makes, calibres, firearm types).
 *
 * <p>Invariants: one live record per (make, normalised serial); records are never deleted, only
 * voided with a reason; every correction keeps who, when, old value, new value and reason; serial
 * and make are corrected only by a SUPERVISOR. The custody feature will own the lifecycle beyond
 * REGISTERED. Publishes {@code ActionPerformed} for registrations, corrections, voids, markings,
 * reference-data changes and investigators' reads.
 */
package org.traza.registry;
