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


-- The delivery log: one row per message an event asks for; never the message body or a secret.
CREATE TABLE delivery (
    id                UUID                     NOT NULL PRIMARY KEY,
    source_event_id   UUID                     NOT NULL,
    template          TEXT                     NOT NULL,
    recipient_user_id UUID,
    status            TEXT                     NOT NULL,
    attempts          INT                      NOT NULL DEFAULT 0,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (source_event_id, template)
);
