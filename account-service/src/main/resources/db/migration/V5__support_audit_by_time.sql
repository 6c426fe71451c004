-- The auditor reads the support audit by range of days, newest first, of every account.
CREATE INDEX support_audit_by_time_idx ON support_audit (occurred_at DESC, id DESC);
