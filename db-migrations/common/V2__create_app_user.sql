-- Users and their roles. Accounts are disabled, never deleted: the audit log names them.
CREATE TABLE app_user (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  username      VARCHAR(64)  NOT NULL,
  full_name     VARCHAR(200) NULL,
  password_hash VARCHAR(500) NOT NULL,
  enabled       BOOLEAN      NOT NULL,
  failed_logins INT          NOT NULL DEFAULT 0,
  locked_until  DATETIME(6)  NULL,
  last_login_at DATETIME(6)  NULL,
  created_at    DATETIME(6)  NOT NULL,
  created_by    VARCHAR(64)  NOT NULL,
  version       BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT pk_app_user PRIMARY KEY (id),
  CONSTRAINT uk_app_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE app_user_role (
  user_id BIGINT      NOT NULL,
  role    VARCHAR(20) NOT NULL,
  CONSTRAINT pk_app_user_role PRIMARY KEY (user_id, role),
  CONSTRAINT fk_app_user_role_user_id FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT ck_app_user_role_role CHECK (role IN ('ARMOURER', 'INVESTIGATOR', 'AUDITOR', 'SUPERVISOR', 'ADMIN'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
