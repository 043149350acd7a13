-- Stock counts (ISACS 05.20): a blind count of a location, its scans (insert-only), and the discrepancy
-- cases its reconciliation opens.
CREATE TABLE stock_count (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  location_id      BIGINT       NOT NULL,
  status           VARCHAR(20)  NOT NULL,
  opened_at        DATETIME(6)  NOT NULL,
  opened_by        VARCHAR(64)  NOT NULL,
  closed_at        DATETIME(6)  NULL,
  closed_by        VARCHAR(64)  NULL,
  expected_count   INT          NULL,
  found_count      INT          NULL,
  signed_off_at    DATETIME(6)  NULL,
  signed_off_by    VARCHAR(64)  NULL,
  version          BIGINT       NOT NULL,
  CONSTRAINT pk_stock_count PRIMARY KEY (id),
  CONSTRAINT fk_stock_count_location_id FOREIGN KEY (location_id) REFERENCES location (id),
  CONSTRAINT ck_stock_count_status CHECK (status IN ('OPEN', 'CLOSED', 'SIGNED_OFF'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_stock_count_location_id ON stock_count (location_id);

CREATE TABLE stock_count_scan (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  stock_count_id   BIGINT       NOT NULL,
  scanned_text     VARCHAR(500) NOT NULL,
  firearm_id       BIGINT       NULL,
  station          VARCHAR(64)  NULL,
  scanned_at       DATETIME(6)  NOT NULL,
  scanned_by       VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_stock_count_scan PRIMARY KEY (id),
  CONSTRAINT fk_stock_count_scan_stock_count_id FOREIGN KEY (stock_count_id) REFERENCES stock_count (id),
  CONSTRAINT fk_stock_count_scan_firearm_id FOREIGN KEY (firearm_id) REFERENCES firearm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE discrepancy (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  stock_count_id   BIGINT        NOT NULL,
  kind             VARCHAR(20)   NOT NULL,
  firearm_id       BIGINT        NULL,
  scanned_text     VARCHAR(500)  NULL,
  detail           VARCHAR(500)  NOT NULL,
  status           VARCHAR(20)   NOT NULL,
  assignee         VARCHAR(64)   NULL,
  resolution       VARCHAR(30)   NULL,
  resolution_note  VARCHAR(500)  NULL,
  resolved_at      DATETIME(6)   NULL,
  resolved_by      VARCHAR(64)   NULL,
  created_at       DATETIME(6)   NOT NULL,
  version          BIGINT        NOT NULL,
  CONSTRAINT pk_discrepancy PRIMARY KEY (id),
  CONSTRAINT fk_discrepancy_stock_count_id FOREIGN KEY (stock_count_id) REFERENCES stock_count (id),
  CONSTRAINT fk_discrepancy_firearm_id FOREIGN KEY (firearm_id) REFERENCES firearm (id),
  CONSTRAINT ck_discrepancy_kind CHECK (kind IN ('MISSING', 'UNEXPECTED', 'MISPLACED', 'UNKNOWN')),
  CONSTRAINT ck_discrepancy_status CHECK (status IN ('OPEN', 'RESOLVED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_discrepancy_status ON discrepancy (status);
