-- Incoming events: each event id is recorded in the transaction that applies it.
CREATE TABLE processed_event (
    event_id     UUID                     NOT NULL PRIMARY KEY,
    topic        TEXT                     NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);


-- Daily funding read model: per practice and business day in the practice's time zone.
CREATE TABLE daily_funding (
    practice_id  UUID           NOT NULL,
    business_day DATE           NOT NULL,
    purchases    INT            NOT NULL,
    gross        NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (practice_id, business_day)
);
