-- Signed checkpoints of the audit log and the custody ledger (issue 18): each row is one C2SP signed note
-- (https://c2sp.org/tlog-checkpoint) naming every audit chain's head and the custody ledger's root, signed with
-- Ed25519, and chained to the checkpoint before it by that note's SHA-256. Insert only (V29 guards it on MariaDB);
-- an auditor keeps copies outside the system and verifies the database against them.
CREATE TABLE audit_checkpoint (
  number         BIGINT        NOT NULL,
  taken_at       DATETIME(6)   NOT NULL,
  taken_by       VARCHAR(64)   NOT NULL,
  origin         VARCHAR(200)  NOT NULL,
  tree_size      BIGINT        NOT NULL,
  root_hash      VARCHAR(44)   NOT NULL,
  custody_events BIGINT        NOT NULL,
  custody_root   CHAR(64)      NOT NULL,
  previous_hash  CHAR(64)      NOT NULL,
  note_hash      CHAR(64)      NOT NULL,
  key_name       VARCHAR(200)  NOT NULL,
  key_id         CHAR(8)       NOT NULL,
  note           VARCHAR(8000) NOT NULL,
  CONSTRAINT pk_audit_checkpoint PRIMARY KEY (number),
  CONSTRAINT uk_audit_checkpoint_note_hash UNIQUE (note_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_audit_checkpoint_taken_at ON audit_checkpoint (taken_at);
