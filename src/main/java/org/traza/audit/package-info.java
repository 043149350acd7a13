/**
 * Audit: the append-only, hash-chained audit log.
 *
 * <p>Observes {@code ActionPerformed} inside the transaction that made the change, so an entry
 * exists exactly when the change does; is called by nobody. Each entry's SHA-256 covers its content
 * and the previous entry's hash, and ids are gapless, so an edited, inserted or deleted row breaks
 * the chain at a place {@code GET /api/audit-entries/verify} names. On MariaDB, triggers refuse
 * UPDATE and DELETE on the table for every database user.
 */
package org.traza.audit;
