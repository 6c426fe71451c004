-- Outgoing events: Spring Modulith's publication registry (schema v2), written in the same
-- transaction as the change and completed once Kafka has the event.
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Incoming events: each event id is recorded in the transaction that applies it.
CREATE TABLE processed_event (
    event_id     UUID                     NOT NULL PRIMARY KEY,
    topic        TEXT                     NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The account ledger: append-only; balances are sums of entries.
CREATE TABLE ledger_entry (
    id              UUID                     NOT NULL PRIMARY KEY,
    account_id      UUID                     NOT NULL,
    kind            TEXT                     NOT NULL,
    amount          NUMERIC(12, 2)           NOT NULL,
    source_event_id UUID UNIQUE,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ledger_entry_by_account_idx ON ledger_entry (account_id, occurred_at);

CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are never changed or removed; append a reversal instead';
END;
$$;
CREATE TRIGGER ledger_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_is_append_only();
