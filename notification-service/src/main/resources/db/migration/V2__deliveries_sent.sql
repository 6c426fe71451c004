-- Deliveries are sent, retried, capped and parked: what the delivery log shows, never a body or a secret.
ALTER TABLE delivery ADD COLUMN channel TEXT NOT NULL DEFAULT 'EMAIL';
ALTER TABLE delivery ADD COLUMN recipient_masked TEXT NOT NULL DEFAULT '';
ALTER TABLE delivery ADD COLUMN recipient_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE delivery ADD COLUMN cap_group TEXT;
ALTER TABLE delivery ADD COLUMN provider_id TEXT;
ALTER TABLE delivery ADD COLUMN last_error TEXT;
ALTER TABLE delivery ADD COLUMN event_occurred_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ALTER COLUMN channel DROP DEFAULT;
ALTER TABLE delivery ALTER COLUMN recipient_masked DROP DEFAULT;
ALTER TABLE delivery ALTER COLUMN recipient_hash DROP DEFAULT;
CREATE INDEX delivery_caps_idx ON delivery (recipient_hash, channel, created_at) WHERE cap_group IS NOT NULL;
CREATE INDEX delivery_created_at_idx ON delivery (created_at DESC);

-- Patients to send receipts and reminders to, by financing account, from each ApplicationApproved.
CREATE TABLE patient_contact (
    account_id    UUID                     NOT NULL PRIMARY KEY,
    practice_id   UUID                     NOT NULL,
    practice_name TEXT                     NOT NULL,
    first_name    TEXT                     NOT NULL,
    last_name     TEXT                     NOT NULL,
    email         TEXT                     NOT NULL,
    mobile        TEXT,
    account_last4 TEXT                     NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Dead letters that ops sent back to their topic, by their place on the dead-letter topic.
CREATE TABLE dead_letter_replay (
    dlt_topic     TEXT                     NOT NULL,
    dlt_partition INT                      NOT NULL,
    dlt_offset    BIGINT                   NOT NULL,
    replayed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    replayed_by   TEXT                     NOT NULL,
    PRIMARY KEY (dlt_topic, dlt_partition, dlt_offset)
);
