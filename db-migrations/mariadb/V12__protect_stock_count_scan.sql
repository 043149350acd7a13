-- MariaDB only: what was scanned in a count is never changed or removed.
CREATE TRIGGER trg_stock_count_scan_no_update BEFORE UPDATE ON stock_count_scan FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'stock_count_scan is append-only';

CREATE TRIGGER trg_stock_count_scan_no_delete BEFORE DELETE ON stock_count_scan FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'stock_count_scan is append-only';
