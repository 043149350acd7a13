/**
 * Audit: the append-only, hash-chained audit log.
 *
 * <p>Observes {@code ActionPerformed} inside the transaction that made the change, so an entry
 * exists exactly when the change does; is called by nobody. The log is sixteen chains so that
 * concurrent transactions do not queue for one lock; each entry's SHA-256 covers its content, its
 * chain and gapless position, and the previous entry's hash, so an edited, inserted or deleted row
 * breaks a chain at a place {@code GET /api/audit-entries/verify} names. On MariaDB, triggers
 * refuse UPDATE and DELETE on the table for every database user.
 */
package org.traza.audit;
