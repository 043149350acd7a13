-- MariaDB only: a signed checkpoint is never changed or removed. A superuser still can; the copies auditors keep
-- outside the system, and the chain of previous-hashes between checkpoints, show it.
CREATE TRIGGER trg_audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_checkpoint is append-only';

CREATE TRIGGER trg_audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_checkpoint is append-only';
