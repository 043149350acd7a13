-- Custody: places, holders, and the append-only, hash-chained custody events that move a firearm through its
-- lifecycle. Each firearm keeps the head of its own chain (sequence number and last hash), so that a deleted or
-- edited event, including the last one, breaks a link that GET /api/custody/verify names.
CREATE TABLE location (
  id                   BIGINT       NOT NULL AUTO_INCREMENT,
  code                 VARCHAR(40)  NOT NULL,
  name                 VARCHAR(200) NOT NULL,
  kind                 VARCHAR(20)  NOT NULL,
  parent_id            BIGINT       NULL,
  count_frequency_days INT          NULL,
  created_at           DATETIME(6)  NOT NULL,
  created_by           VARCHAR(64)  NOT NULL,
  version              BIGINT       NOT NULL,
  CONSTRAINT pk_location PRIMARY KEY (id),
  CONSTRAINT uk_location_code UNIQUE (code),
  CONSTRAINT fk_location_parent_id FOREIGN KEY (parent_id) REFERENCES location (id),
  CONSTRAINT ck_location_kind CHECK (kind IN ('AGENCY', 'ARMOURY', 'VAULT', 'ROOM', 'RACK', 'BIN', 'EXTERNAL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE holder (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  code        VARCHAR(40)  NOT NULL,
  kind        VARCHAR(20)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  unit        VARCHAR(200) NULL,
  created_at  DATETIME(6)  NOT NULL,
  created_by  VARCHAR(64)  NOT NULL,
  version     BIGINT       NOT NULL,
  CONSTRAINT pk_holder PRIMARY KEY (id),
  CONSTRAINT uk_holder_code UNIQUE (code),
  CONSTRAINT ck_holder_kind CHECK (kind IN ('OFFICER', 'UNIT', 'LABORATORY', 'COURT', 'REPAIRER', 'OTHER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE firearm ADD COLUMN location_id BIGINT NULL;
ALTER TABLE firearm ADD COLUMN holder_id BIGINT NULL;
ALTER TABLE firearm ADD COLUMN expected_return_at DATETIME(6) NULL;
ALTER TABLE firearm ADD COLUMN custody_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE firearm ADD COLUMN custody_head CHAR(64) NULL;
ALTER TABLE firearm ADD CONSTRAINT fk_firearm_location_id FOREIGN KEY (location_id) REFERENCES location (id);
ALTER TABLE firearm ADD CONSTRAINT fk_firearm_holder_id FOREIGN KEY (holder_id) REFERENCES holder (id);
CREATE INDEX ix_firearm_location_id_status ON firearm (location_id, status);

CREATE TABLE custody_event (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  firearm_id       BIGINT        NOT NULL,
  seq              BIGINT        NOT NULL,
  action           VARCHAR(30)   NOT NULL,
  from_status      VARCHAR(30)   NOT NULL,
  to_status        VARCHAR(30)   NOT NULL,
  from_location_id BIGINT        NULL,
  to_location_id   BIGINT        NULL,
  holder_id        BIGINT        NULL,
  station          VARCHAR(64)   NULL,
  actor            VARCHAR(64)   NOT NULL,
  server_time      DATETIME(6)   NOT NULL,
  device_time      DATETIME(6)   NULL,
  reason           VARCHAR(500)  NULL,
  document_ref     VARCHAR(200)  NULL,
  idempotency_key  VARCHAR(100)  NOT NULL,
  prev_hash        CHAR(64)      NOT NULL,
  hash             CHAR(64)      NOT NULL,
  CONSTRAINT pk_custody_event PRIMARY KEY (id),
  CONSTRAINT uk_custody_event_idempotency_key UNIQUE (idempotency_key),
  CONSTRAINT uk_custody_event_firearm_id_seq UNIQUE (firearm_id, seq),
  CONSTRAINT fk_custody_event_firearm_id FOREIGN KEY (firearm_id) REFERENCES firearm (id),
  CONSTRAINT fk_custody_event_from_location_id FOREIGN KEY (from_location_id) REFERENCES location (id),
  CONSTRAINT fk_custody_event_to_location_id FOREIGN KEY (to_location_id) REFERENCES location (id),
  CONSTRAINT fk_custody_event_holder_id FOREIGN KEY (holder_id) REFERENCES holder (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
