/**
 * Custody: places (a hierarchy of locations), holders (officers, units, laboratories, courts), and
 * the custody events that move a firearm through its lifecycle.
 *
 * <p>The lifecycle itself is the registry's: {@code FirearmStatus} and {@code CustodyAction} inside
 * the Firearm aggregate, applied through {@code FirearmDirectory.applyCustody} under a row lock.
 * This feature records each applied action as an insert-only {@code custody_event}, chained by
 * SHA-256 to the firearm's previous event, with the chain head kept on the firearm, so that a
 * deleted, edited or inserted event breaks a link {@code GET /api/custody/verify} names. An
 * idempotency key makes a retried request return the first result instead of acting twice.
 *
 * <p>Publishes {@code ActionPerformed} ({@code custody.<action>}) for the audit log, whose own
 * chain also carries each event's hash; verification asks the log for those hashes ({@code
 * AuditQuery}) and names an event the log recorded that is gone or different (a cut tail with its
 * head rewound), and one it never recorded.
 */
package org.traza.custody;
