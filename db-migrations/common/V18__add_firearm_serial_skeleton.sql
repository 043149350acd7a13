-- Tolerant trace matching (ITI, ISACS 05.31): the serial's skeleton (confusable characters O/0, I/1/L, S/5, B/8, Z/2,
-- G/6 folded to the digit, '.' and '/' dropped, leading zeros stripped) and the same reversed, each indexed, so that
-- a serial read with confusions is found by equality and a partly obliterated one by an index range on its known
-- prefix or, reversed, on its known suffix, without scanning the table. Filled by the application on every write;
-- rows that predate this column are filled by db-migrations/mariadb/V19 on MariaDB and at start elsewhere.
ALTER TABLE firearm ADD COLUMN serial_skeleton VARCHAR(60) NULL;
ALTER TABLE firearm ADD COLUMN serial_skeleton_reversed VARCHAR(60) NULL;
CREATE INDEX ix_firearm_serial_skeleton ON firearm (serial_skeleton);
CREATE INDEX ix_firearm_serial_skeleton_reversed ON firearm (serial_skeleton_reversed);
