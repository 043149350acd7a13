-- Stations: registered handheld devices and PCs, each with its own credential (a random secret stored as its
-- SHA-256) and the armoury it serves. A request sent with a station's credential records that station on the
-- events it writes and is confined to its armoury. Stations are disabled, never deleted.
CREATE TABLE station (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  code         VARCHAR(40)  NOT NULL,
  name         VARCHAR(200) NOT NULL,
  armoury_id   BIGINT       NOT NULL,
  secret_hash  CHAR(64)     NOT NULL,
  enabled      BOOLEAN      NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  created_by   VARCHAR(64)  NOT NULL,
  version      BIGINT       NOT NULL,
  CONSTRAINT pk_station PRIMARY KEY (id),
  CONSTRAINT uk_station_code UNIQUE (code),
  CONSTRAINT fk_station_armoury_id FOREIGN KEY (armoury_id) REFERENCES location (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
