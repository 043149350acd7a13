-- Stations send count and destruction-site scans with an idempotency key, as they do custody events: a retry
-- after a lost answer returns the scan already recorded instead of recording it twice.
ALTER TABLE stock_count_scan ADD COLUMN idempotency_key VARCHAR(100) NULL;
ALTER TABLE stock_count_scan ADD CONSTRAINT uk_stock_count_scan_idempotency_key UNIQUE (idempotency_key);
ALTER TABLE destruction_scan ADD COLUMN idempotency_key VARCHAR(100) NULL;
ALTER TABLE destruction_scan ADD CONSTRAINT uk_destruction_scan_idempotency_key UNIQUE (idempotency_key);
