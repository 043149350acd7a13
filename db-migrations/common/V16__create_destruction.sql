-- Certified destruction (ISACS 05.50, CIFTA Art. VII, UN Firearms Protocol Art. 6): four-eyes orders, the firearms on
-- them, the scans made at the site, witnesses and photos, signed certificates, and alerts for auditors.
CREATE TABLE destruction_order (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  order_number     VARCHAR(30)   NOT NULL,
  status           VARCHAR(20)   NOT NULL,
  reason           VARCHAR(500)  NOT NULL,
  legal_authority  VARCHAR(200)  NOT NULL,
  legal_reference  VARCHAR(200)  NOT NULL,
  planned_method   VARCHAR(30)   NOT NULL,
  site             VARCHAR(200)  NOT NULL,
  planned_date     DATE          NOT NULL,
  created_at       DATETIME(6)   NOT NULL,
  created_by       VARCHAR(64)   NOT NULL,
  approved_at      DATETIME(6)   NULL,
  approved_by      VARCHAR(64)   NULL,
  cancelled_at     DATETIME(6)   NULL,
  cancelled_by     VARCHAR(64)   NULL,
  cancel_reason    VARCHAR(500)  NULL,
  method           VARCHAR(30)   NULL,
  executed_at      DATETIME(6)   NULL,
  operator_name    VARCHAR(200)  NULL,
  notes            VARCHAR(2000) NULL,
  completed_at     DATETIME(6)   NULL,
  completed_by     VARCHAR(64)   NULL,
  version          BIGINT        NOT NULL,
  CONSTRAINT pk_destruction_order PRIMARY KEY (id),
  CONSTRAINT uk_destruction_order_order_number UNIQUE (order_number),
  CONSTRAINT ck_destruction_order_status CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'COMPLETED', 'CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE destruction_order_item (
  order_id         BIGINT        NOT NULL,
  firearm_id       BIGINT        NOT NULL,
  scanned_at       DATETIME(6)   NULL,
  scanned_by       VARCHAR(64)   NULL,
  CONSTRAINT pk_destruction_order_item PRIMARY KEY (order_id, firearm_id),
  CONSTRAINT fk_destruction_order_item_order_id FOREIGN KEY (order_id) REFERENCES destruction_order (id),
  CONSTRAINT fk_destruction_order_item_firearm_id FOREIGN KEY (firearm_id) REFERENCES firearm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_destruction_order_item_firearm_id ON destruction_order_item (firearm_id);

CREATE TABLE destruction_witness (
  order_id         BIGINT        NOT NULL,
  ordinal          INT           NOT NULL,
  name             VARCHAR(200)  NOT NULL,
  organisation     VARCHAR(200)  NOT NULL,
  role             VARCHAR(200)  NOT NULL,
  independent      BOOLEAN       NOT NULL,
  CONSTRAINT pk_destruction_witness PRIMARY KEY (order_id, ordinal),
  CONSTRAINT fk_destruction_witness_order_id FOREIGN KEY (order_id) REFERENCES destruction_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE destruction_scan (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  order_id         BIGINT        NOT NULL,
  scanned_text     VARCHAR(500)  NOT NULL,
  firearm_id       BIGINT        NULL,
  outcome          VARCHAR(30)   NOT NULL,
  station          VARCHAR(64)   NULL,
  scanned_at       DATETIME(6)   NOT NULL,
  scanned_by       VARCHAR(64)   NOT NULL,
  CONSTRAINT pk_destruction_scan PRIMARY KEY (id),
  CONSTRAINT fk_destruction_scan_order_id FOREIGN KEY (order_id) REFERENCES destruction_order (id),
  CONSTRAINT fk_destruction_scan_firearm_id FOREIGN KEY (firearm_id) REFERENCES firearm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE destruction_photo (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  order_id         BIGINT        NOT NULL,
  stage            VARCHAR(10)   NOT NULL,
  media_type       VARCHAR(50)   NOT NULL,
  sha256           CHAR(64)      NOT NULL,
  size_bytes       BIGINT        NOT NULL,
  content          LONGBLOB      NOT NULL,
  taken_at         DATETIME(6)   NOT NULL,
  uploaded_by      VARCHAR(64)   NOT NULL,
  CONSTRAINT pk_destruction_photo PRIMARY KEY (id),
  CONSTRAINT fk_destruction_photo_order_id FOREIGN KEY (order_id) REFERENCES destruction_order (id),
  CONSTRAINT ck_destruction_photo_stage CHECK (stage IN ('BEFORE', 'AFTER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE destruction_certificate (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  certificate_number VARCHAR(30) NOT NULL,
  order_id         BIGINT        NOT NULL,
  issued_at        DATETIME(6)   NOT NULL,
  issued_by        VARCHAR(64)   NOT NULL,
  manifest         LONGTEXT      NOT NULL,
  manifest_sha256  CHAR(64)      NOT NULL,
  signature        VARCHAR(200)  NOT NULL,
  key_id           VARCHAR(64)   NOT NULL,
  pdf              LONGBLOB      NOT NULL,
  pdf_sha256       CHAR(64)      NOT NULL,
  CONSTRAINT pk_destruction_certificate PRIMARY KEY (id),
  CONSTRAINT uk_destruction_certificate_certificate_number UNIQUE (certificate_number),
  CONSTRAINT uk_destruction_certificate_order_id UNIQUE (order_id),
  CONSTRAINT fk_destruction_certificate_order_id FOREIGN KEY (order_id) REFERENCES destruction_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE destruction_alert (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  kind             VARCHAR(40)   NOT NULL,
  firearm_id       BIGINT        NULL,
  order_id         BIGINT        NULL,
  detail           VARCHAR(500)  NOT NULL,
  actor            VARCHAR(64)   NOT NULL,
  raised_at        DATETIME(6)   NOT NULL,
  CONSTRAINT pk_destruction_alert PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_destruction_alert_raised_at ON destruction_alert (raised_at);
