-- Discrepancy cases that no count opened: a firearm dispatched to one place and received at another
-- (MISDELIVERED). Every case now names the location it concerns (the counted one, or where the firearm arrived),
-- which is also how cases are confined to an armoury.
ALTER TABLE discrepancy MODIFY COLUMN stock_count_id BIGINT NULL;
ALTER TABLE discrepancy ADD COLUMN location_id BIGINT NULL;
UPDATE discrepancy SET location_id = (SELECT c.location_id FROM stock_count c WHERE c.id = discrepancy.stock_count_id);
ALTER TABLE discrepancy MODIFY COLUMN location_id BIGINT NOT NULL;
ALTER TABLE discrepancy ADD CONSTRAINT fk_discrepancy_location_id FOREIGN KEY (location_id) REFERENCES location (id);
ALTER TABLE discrepancy DROP CONSTRAINT ck_discrepancy_kind;
ALTER TABLE discrepancy ADD CONSTRAINT ck_discrepancy_kind
  CHECK (kind IN ('MISSING', 'UNEXPECTED', 'MISPLACED', 'UNKNOWN', 'MISDELIVERED'));
CREATE INDEX ix_discrepancy_location_id ON discrepancy (location_id);
