-- Exchange between states: a request imported from another system keeps the sender's country and reference (one
-- import per sender reference); a response received for a request sent abroad is kept as the sender wrote it.
ALTER TABLE trace_request ADD COLUMN sender_country CHAR(2) NULL;
ALTER TABLE trace_request ADD COLUMN sender_reference VARCHAR(60) NULL;
ALTER TABLE trace_request ADD COLUMN received_response LONGTEXT NULL;
ALTER TABLE trace_request ADD COLUMN received_response_at DATETIME(6) NULL;
ALTER TABLE trace_request ADD CONSTRAINT uk_trace_request_sender UNIQUE (sender_country, sender_reference);

-- Photos of the recovered weapon sent with a request.
CREATE TABLE trace_request_photo (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  request_id       BIGINT        NOT NULL,
  media_type       VARCHAR(50)   NOT NULL,
  sha256           CHAR(64)      NOT NULL,
  size_bytes       BIGINT        NOT NULL,
  content          LONGBLOB      NOT NULL,
  added_at         DATETIME(6)   NOT NULL,
  added_by         VARCHAR(64)   NOT NULL,
  CONSTRAINT pk_trace_request_photo PRIMARY KEY (id),
  CONSTRAINT fk_trace_request_photo_request_id FOREIGN KEY (request_id) REFERENCES trace_request (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- An originator's consent to release its restricted details to the requester of one trace request.
CREATE TABLE trace_consent (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  request_id       BIGINT        NOT NULL,
  originator       VARCHAR(200)  NOT NULL,
  document_reference VARCHAR(100) NOT NULL,
  note             VARCHAR(500)  NULL,
  recorded_at      DATETIME(6)   NOT NULL,
  recorded_by      VARCHAR(64)   NOT NULL,
  CONSTRAINT pk_trace_consent PRIMARY KEY (id),
  CONSTRAINT fk_trace_consent_request_id FOREIGN KEY (request_id) REFERENCES trace_request (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_trace_consent_request_id ON trace_consent (request_id);
