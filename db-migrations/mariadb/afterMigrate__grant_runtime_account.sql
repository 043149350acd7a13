-- What the application's runtime account may do, and nothing more (issue 18; docs/database-accounts.md).
--
-- Flyway runs this after every migrate on MariaDB, as the owner account, with ${runtime_account} set to the
-- runtime account (e.g. 'traza'@'%'). The owner needs ALL PRIVILEGES ON <schema>.* WITH GRANT OPTION. Tables are
-- unqualified: they are those of the connection's database. An operator can apply it by hand:
--   runtime_account="'traza'@'%'" envsubst '$runtime_account' \
--     < db-migrations/mariadb/afterMigrate__grant_runtime_account.sql | mariadb -u root traza
--
-- The runtime account gets no ALTER, CREATE, DROP (hence no TRUNCATE), INDEX, REFERENCES or TRIGGER on anything:
-- it can neither drop the triggers that keep the ledgers append-only nor empty a ledger. Ledgers get SELECT and
-- INSERT only; other tables get UPDATE on the columns the application changes, and DELETE only where it deletes.
-- The account also holds SELECT on the whole schema, given when it is created (the server connects while it deploys,
-- before the first migration has made a table). A new table needs its lines here (RuntimeGrantsTest fails until it
-- has them).

-- Ledgers: append-only (MariaDB triggers refuse UPDATE and DELETE even to accounts that hold them).
GRANT SELECT, INSERT ON audit_entry TO ${runtime_account};
GRANT SELECT, INSERT ON custody_event TO ${runtime_account};
GRANT SELECT, INSERT ON firearm_correction TO ${runtime_account};
GRANT SELECT, INSERT ON firearm_marking TO ${runtime_account};
GRANT SELECT, INSERT ON marking_verification TO ${runtime_account};
GRANT SELECT, INSERT ON stock_count_scan TO ${runtime_account};
GRANT SELECT, INSERT ON destruction_scan TO ${runtime_account};
GRANT SELECT, INSERT ON destruction_photo TO ${runtime_account};
GRANT SELECT, INSERT ON destruction_certificate TO ${runtime_account};
GRANT SELECT, INSERT ON destruction_alert TO ${runtime_account};
GRANT SELECT, INSERT ON trace_request_photo TO ${runtime_account};
GRANT SELECT, INSERT ON trace_consent TO ${runtime_account};
-- Signed checkpoints of every chain (issue 18), and the outcome kept under an idempotency key for a refused
-- request (a retry replays it): both written once, never changed.
GRANT SELECT, INSERT ON audit_checkpoint TO ${runtime_account};
GRANT SELECT, INSERT ON idempotent_outcome TO ${runtime_account};

-- The heads of the sixteen audit chains: seeded by the migrations, advanced by every audited write.
GRANT SELECT ON audit_chain_head TO ${runtime_account};
GRANT UPDATE (last_seq, last_hash) ON audit_chain_head TO ${runtime_account};

-- Firearm records change (corrections, custody, voiding) but are never deleted; who created them never changes.
GRANT SELECT, INSERT ON firearm TO ${runtime_account};
GRANT UPDATE (firearm_type_id, make_id, model, calibre_id, serial_number, serial_normalized, serial_skeleton,
  serial_skeleton_reversed, manufacture_country, manufacture_year, provenance, importer_name, importer_address,
  import_country, import_year, owning_agency, originator, confidentiality, use_restrictions, status, notes,
  location_id, holder_id, expected_return_at, custody_seq, custody_head, live, voided_at, voided_by, void_reason,
  updated_at, updated_by, version) ON firearm TO ${runtime_account};

-- Reference data: renamed (and a make moved to another country), never deleted.
GRANT SELECT, INSERT ON firearm_type TO ${runtime_account};
GRANT UPDATE (name, version) ON firearm_type TO ${runtime_account};
GRANT SELECT, INSERT ON calibre TO ${runtime_account};
GRANT UPDATE (name, version) ON calibre TO ${runtime_account};
GRANT SELECT, INSERT ON make TO ${runtime_account};
GRANT UPDATE (name, country, version) ON make TO ${runtime_account};

-- Places and holders: renamed, never deleted.
GRANT SELECT, INSERT ON location TO ${runtime_account};
GRANT UPDATE (name, count_frequency_days, version) ON location TO ${runtime_account};
GRANT SELECT, INSERT ON holder TO ${runtime_account};
GRANT UPDATE (name, unit, version) ON holder TO ${runtime_account};

-- Users and stations are disabled, never deleted; a user's roles are replaced when an administrator changes them.
GRANT SELECT, INSERT ON app_user TO ${runtime_account};
GRANT UPDATE (full_name, password_hash, enabled, token_generation, password_change_required, password_changed_at,
  last_login_at, armoury_id, version) ON app_user TO ${runtime_account};
GRANT SELECT, INSERT, DELETE ON app_user_role TO ${runtime_account};
GRANT SELECT, INSERT ON station TO ${runtime_account};
GRANT UPDATE (secret_hash, enabled, version) ON station TO ${runtime_account};
-- Tokens ended by a logout; rows past their expiry are purged.
GRANT SELECT, INSERT, DELETE ON revoked_token TO ${runtime_account};

-- Stock counts and their discrepancy cases move through their states.
GRANT SELECT, INSERT ON stock_count TO ${runtime_account};
GRANT UPDATE (status, closed_at, closed_by, expected_count, found_count, signed_off_at, signed_off_by, version)
  ON stock_count TO ${runtime_account};
GRANT SELECT, INSERT ON discrepancy TO ${runtime_account};
GRANT UPDATE (status, assignee, resolution, resolution_note, resolved_at, resolved_by, version)
  ON discrepancy TO ${runtime_account};

-- Destruction orders move through their states. JPA rewrites an order's items when one is scanned by deleting and
-- inserting their rows; its witnesses are inserted once, at completion.
GRANT SELECT, INSERT ON destruction_order TO ${runtime_account};
GRANT UPDATE (order_number, status, approved_at, approved_by, cancelled_at, cancelled_by, cancel_reason, method,
  executed_at, operator_name, notes, completed_at, completed_by, version) ON destruction_order TO ${runtime_account};
GRANT SELECT, INSERT, DELETE ON destruction_order_item TO ${runtime_account};
GRANT SELECT, INSERT ON destruction_witness TO ${runtime_account};

-- Trace requests move through their states; what the requester sent never changes.
GRANT SELECT, INSERT ON trace_request TO ${runtime_account};
GRANT UPDATE (reference, status, assigned_to, acknowledged_at, started_at, answered_at, answered_by, outcome,
  outcome_reason, firearm_id, closed_at, received_response, received_response_at, version)
  ON trace_request TO ${runtime_account};

-- Read only: lets a server without the owner's credentials check that the schema is up to date.
GRANT SELECT ON flyway_schema_history TO ${runtime_account};
