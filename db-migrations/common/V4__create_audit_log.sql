-- The append-only, hash-chained audit log. Ids are assigned by the application under the chain
-- head's lock, so they are gapless: a deleted row shows as a gap, an edited one as a bad hash.
CREATE TABLE audit_entry (
  id             BIGINT        NOT NULL,
  occurred_at    DATETIME(6)   NOT NULL,
  actor          VARCHAR(64)   NOT NULL,
  action         VARCHAR(60)   NOT NULL,
  target_type    VARCHAR(40)   NOT NULL,
  target_id      VARCHAR(200)  NULL,
  client_address VARCHAR(64)   NULL,
  outcome        VARCHAR(20)   NOT NULL,
  detail         VARCHAR(1000) NULL,
  request_id     VARCHAR(64)   NULL,
  previous_hash  CHAR(64)      NOT NULL,
  entry_hash     CHAR(64)      NOT NULL,
  CONSTRAINT pk_audit_entry PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_audit_entry_occurred_at ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor);
CREATE INDEX ix_audit_entry_target_type_target_id ON audit_entry (target_type, target_id);

CREATE TABLE audit_chain_head (
  id            INT      NOT NULL,
  last_entry_id BIGINT   NOT NULL,
  last_hash     CHAR(64) NOT NULL,
  CONSTRAINT pk_audit_chain_head PRIMARY KEY (id),
  CONSTRAINT ck_audit_chain_head_id CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO audit_chain_head (id, last_entry_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
