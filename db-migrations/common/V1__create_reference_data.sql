-- Reference data: firearm types, calibres and makes (manufacturers with their ISO 3166 country).
CREATE TABLE firearm_type (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  code       VARCHAR(20)  NOT NULL,
  name       VARCHAR(100) NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  created_by VARCHAR(64)  NOT NULL,
  version    BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT pk_firearm_type PRIMARY KEY (id),
  CONSTRAINT uk_firearm_type_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE calibre (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  code       VARCHAR(20)  NOT NULL,
  name       VARCHAR(100) NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  created_by VARCHAR(64)  NOT NULL,
  version    BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT pk_calibre PRIMARY KEY (id),
  CONSTRAINT uk_calibre_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE make (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  code       VARCHAR(20)  NOT NULL,
  name       VARCHAR(100) NOT NULL,
  country    CHAR(2)      NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  created_by VARCHAR(64)  NOT NULL,
  version    BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT pk_make PRIMARY KEY (id),
  CONSTRAINT uk_make_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
