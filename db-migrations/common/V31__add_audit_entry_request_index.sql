-- What one request left on record is looked up by its request id (the X-Request-Id a client saw):
-- the auditor's filter and the test that every write leaves an entry.
CREATE INDEX ix_audit_entry_request_id ON audit_entry (request_id);
