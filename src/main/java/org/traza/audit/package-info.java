/**
 * Audit: the append-only, hash-chained audit log.
 *
 * <p>Observes {@code ActionPerformed} inside the transaction that made the change, so an entry
 * exists exactly when the change does; is called by nobody. The log is sixteen chains so that
 * concurrent transactions do not queue for one lock; each entry's SHA-256 covers its content, its
 * chain and gapless position, and the previous entry's hash, so an edited, inserted or deleted row
 * breaks a chain at a place {@code GET /api/audit-entries/verify} names (every break, not only the
 * first). On MariaDB, triggers refuse UPDATE and DELETE on the table for every database user.
 *
 * <p>Signed checkpoints (C2SP signed notes, Ed25519) pin every chain's head and the custody
 * ledger's root at a moment, so that a cut tail with a rewound head or a replaced history, which
 * leaves valid chains, is still caught against a checkpoint an auditor kept
 * (docs/tamper-evidence.md). Reaches custody through its boundary for the ledger's state; answers
 * {@code AuditQuery}, with which other features cross-check their records against what the log
 * recorded of them.
 */
package org.traza.audit;
