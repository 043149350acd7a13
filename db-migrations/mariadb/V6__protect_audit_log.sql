-- MariaDB only (H2 has no SQL-bodied triggers): no database user may change or remove an audit
-- entry or a firearm correction. The hash chain detects what a superuser could still do.
CREATE TRIGGER trg_audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';

CREATE TRIGGER trg_audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';

CREATE TRIGGER trg_firearm_correction_no_update BEFORE UPDATE ON firearm_correction FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'firearm_correction is append-only';

CREATE TRIGGER trg_firearm_correction_no_delete BEFORE DELETE ON firearm_correction FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'firearm_correction is append-only';

CREATE TRIGGER trg_firearm_no_delete BEFORE DELETE ON firearm FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'firearm records are never deleted; void them';
