-- Accounts and sessions (issue 17). Failed logins no longer lock accounts (a stranger could lock anyone out):
-- the server throttles guessing in memory instead, so the lockout columns go. Each user gets a token generation
-- that every token carries (advanced to end all of the user's sessions at once) and the state of an
-- administrator's password reset. Usernames were always stored in their canonical form (the application only
-- ever accepted [a-z0-9][a-z0-9._-]{1,63}), so no row needs rewriting.
ALTER TABLE app_user ADD COLUMN token_generation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE app_user ADD COLUMN password_changed_at DATETIME(6) NULL;
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN locked_until;

-- Tokens ended by a logout before they expire, by their jti; rows past expires_at may be deleted.
CREATE TABLE revoked_token (
  jti        VARCHAR(64) NOT NULL,
  username   VARCHAR(64) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  revoked_at DATETIME(6) NOT NULL,
  CONSTRAINT pk_revoked_token PRIMARY KEY (jti)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_revoked_token_revoked_at ON revoked_token (revoked_at);
CREATE INDEX ix_revoked_token_expires_at ON revoked_token (expires_at);
