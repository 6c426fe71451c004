-- Security audit trail: who did what to which account, when, from where, with what outcome. No secrets.
CREATE TABLE audit_entry (
    id          UUID                     NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    action      TEXT                     NOT NULL,
    outcome     TEXT                     NOT NULL,
    user_id     UUID,
    practice_id UUID,
    actor       TEXT                     NOT NULL,
    client_ip   TEXT,
    user_agent  TEXT
);
CREATE INDEX audit_entry_by_user ON audit_entry (user_id, occurred_at);
CREATE INDEX audit_entry_by_time ON audit_entry (occurred_at);
