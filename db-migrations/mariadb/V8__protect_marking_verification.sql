-- MariaDB only: a recorded verification of a physical mark is never changed or removed.
CREATE TRIGGER trg_marking_verification_no_update BEFORE UPDATE ON marking_verification FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'marking_verification is append-only';

CREATE TRIGGER trg_marking_verification_no_delete BEFORE DELETE ON marking_verification FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'marking_verification is append-only';
