-- A physical mark checked by scanning it: the scanned payload matched the firearm record and the
-- recorded marking. Insert-only (MariaDB triggers in V8); a failed check is refused, not stored here,
-- and is on record in the audit log as a refused write.
CREATE TABLE marking_verification (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  firearm_id       BIGINT       NOT NULL,
  marking_id       BIGINT       NOT NULL,
  scanned_text     VARCHAR(500) NOT NULL,
  symbology        VARCHAR(20)  NULL,
  source           VARCHAR(10)  NOT NULL,
  photo_sha256     CHAR(64)     NULL,
  verified_at      DATETIME(6)  NOT NULL,
  verified_by      VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_marking_verification PRIMARY KEY (id),
  CONSTRAINT fk_marking_verification_firearm_id FOREIGN KEY (firearm_id) REFERENCES firearm (id),
  CONSTRAINT fk_marking_verification_marking_id FOREIGN KEY (marking_id) REFERENCES firearm_marking (id),
  CONSTRAINT ck_marking_verification_source CHECK (source IN ('SCANNER', 'PHOTO'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_marking_verification_marking_id ON marking_verification (marking_id);
