-- MariaDB only: custody events are append-only for every database user; verify detects what a superuser does.
CREATE TRIGGER trg_custody_event_no_update BEFORE UPDATE ON custody_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_event is append-only';

CREATE TRIGGER trg_custody_event_no_delete BEFORE DELETE ON custody_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custody_event is append-only';
