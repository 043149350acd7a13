-- The firearm record, its markings and its corrections (CIFTA Art. VI and XI, ISACS 05.30).
CREATE TABLE firearm (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  firearm_type_id     BIGINT        NOT NULL,
  make_id             BIGINT        NOT NULL,
  model               VARCHAR(100)  NOT NULL,
  calibre_id          BIGINT        NOT NULL,
  serial_number       VARCHAR(80)   NOT NULL,
  serial_normalized   VARCHAR(60)   NOT NULL,
  manufacture_country CHAR(2)       NULL,
  manufacture_year    SMALLINT      NULL,
  provenance          VARCHAR(30)   NOT NULL,
  importer_name       VARCHAR(200)  NULL,
  importer_address    VARCHAR(500)  NULL,
  import_country      CHAR(2)       NULL,
  import_year         SMALLINT      NULL,
  owning_agency       VARCHAR(200)  NULL,
  originator          VARCHAR(200)  NOT NULL,
  confidentiality     VARCHAR(20)   NOT NULL,
  use_restrictions    VARCHAR(500)  NULL,
  status              VARCHAR(30)   NOT NULL,
  notes               VARCHAR(2000) NULL,
  -- 1 while the record counts for (make, serial) uniqueness; NULL once voided (NULLs never collide).
  live                TINYINT       NULL,
  voided_at           DATETIME(6)   NULL,
  voided_by           VARCHAR(64)   NULL,
  void_reason         VARCHAR(500)  NULL,
  created_at          DATETIME(6)   NOT NULL,
  created_by          VARCHAR(64)   NOT NULL,
  updated_at          DATETIME(6)   NOT NULL,
  updated_by          VARCHAR(64)   NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT pk_firearm PRIMARY KEY (id),
  CONSTRAINT uk_firearm_make_id_serial_normalized_live UNIQUE (make_id, serial_normalized, live),
  CONSTRAINT fk_firearm_firearm_type_id FOREIGN KEY (firearm_type_id) REFERENCES firearm_type (id),
  CONSTRAINT fk_firearm_make_id FOREIGN KEY (make_id) REFERENCES make (id),
  CONSTRAINT fk_firearm_calibre_id FOREIGN KEY (calibre_id) REFERENCES calibre (id),
  CONSTRAINT ck_firearm_live CHECK (live IS NULL OR live = 1),
  CONSTRAINT ck_firearm_provenance CHECK (provenance IN ('MANUFACTURED_HERE', 'IMPORTED', 'SEIZED', 'SURRENDERED', 'FOUND', 'TRANSFERRED_FROM_STATE')),
  CONSTRAINT ck_firearm_confidentiality CHECK (confidentiality IN ('UNRESTRICTED', 'RESTRICTED', 'CONFIDENTIAL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_firearm_serial_normalized ON firearm (serial_normalized);
CREATE INDEX ix_firearm_calibre_id ON firearm (calibre_id);
CREATE INDEX ix_firearm_firearm_type_id ON firearm (firearm_type_id);

CREATE TABLE firearm_marking (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  firearm_id   BIGINT       NOT NULL,
  kind         VARCHAR(30)  NOT NULL,
  marking_text VARCHAR(200) NOT NULL,
  location     VARCHAR(30)  NOT NULL,
  method       VARCHAR(30)  NULL,
  applied_on   DATE         NULL,
  applied_by   VARCHAR(200) NULL,
  photo_ref    VARCHAR(500) NULL,
  created_at   DATETIME(6)  NOT NULL,
  created_by   VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_firearm_marking PRIMARY KEY (id),
  CONSTRAINT fk_firearm_marking_firearm_id FOREIGN KEY (firearm_id) REFERENCES firearm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_firearm_marking_marking_text ON firearm_marking (marking_text);

CREATE TABLE firearm_correction (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  firearm_id   BIGINT        NOT NULL,
  revision     BIGINT        NOT NULL,
  field        VARCHAR(40)   NOT NULL,
  old_value    VARCHAR(2000) NULL,
  new_value    VARCHAR(2000) NULL,
  reason       VARCHAR(500)  NOT NULL,
  corrected_by VARCHAR(64)   NOT NULL,
  corrected_at DATETIME(6)   NOT NULL,
  CONSTRAINT pk_firearm_correction PRIMARY KEY (id),
  CONSTRAINT fk_firearm_correction_firearm_id FOREIGN KEY (firearm_id) REFERENCES firearm (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_firearm_correction_firearm_id_revision ON firearm_correction (firearm_id, revision);
