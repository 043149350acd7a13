-- Exactly once is about the outcome, not only the success (issue 18): a request refused under an idempotency key
-- keeps its refusal (status and problem document) here, so that a retry is answered the same instead of running
-- again in a later state. Accepted requests keep their key on the record they made (custody_event,
-- stock_count_scan, destruction_scan), which now also keeps a digest of the request, so that the same key with
-- a different request is told apart from a retry.
CREATE TABLE idempotent_outcome (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  scope           VARCHAR(40)   NOT NULL,
  idempotency_key VARCHAR(100)  NOT NULL,
  request_digest  CHAR(64)      NOT NULL,
  status          INT           NOT NULL,
  body            VARCHAR(8000) NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  created_by      VARCHAR(64)   NOT NULL,
  CONSTRAINT pk_idempotent_outcome PRIMARY KEY (id),
  CONSTRAINT uk_idempotent_outcome_scope_idempotency_key UNIQUE (scope, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE custody_event ADD COLUMN request_digest CHAR(64) NULL;
ALTER TABLE stock_count_scan ADD COLUMN request_digest CHAR(64) NULL;
ALTER TABLE destruction_scan ADD COLUMN request_digest CHAR(64) NULL;
