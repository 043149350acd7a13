-- MariaDB only: what was scanned at a destruction site, the certificates issued and the alerts raised are never
-- changed or removed.
CREATE TRIGGER trg_destruction_scan_no_update BEFORE UPDATE ON destruction_scan FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'destruction_scan is append-only';

CREATE TRIGGER trg_destruction_scan_no_delete BEFORE DELETE ON destruction_scan FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'destruction_scan is append-only';

CREATE TRIGGER trg_destruction_certificate_no_update BEFORE UPDATE ON destruction_certificate FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'destruction_certificate is append-only';

CREATE TRIGGER trg_destruction_certificate_no_delete BEFORE DELETE ON destruction_certificate FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'destruction_certificate is append-only';

CREATE TRIGGER trg_destruction_alert_no_update BEFORE UPDATE ON destruction_alert FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'destruction_alert is append-only';

CREATE TRIGGER trg_destruction_alert_no_delete BEFORE DELETE ON destruction_alert FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'destruction_alert is append-only';

CREATE TRIGGER trg_destruction_photo_no_update BEFORE UPDATE ON destruction_photo FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'destruction_photo is append-only';

CREATE TRIGGER trg_destruction_photo_no_delete BEFORE DELETE ON destruction_photo FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'destruction_photo is append-only';
