-- Dead letters that ops sent back to their topic, by their place on the dead-letter topic, and who did it
-- (the starter's dead-letter endpoints).
CREATE TABLE dead_letter_replay (
    dlt_topic     TEXT                     NOT NULL,
    dlt_partition INT                      NOT NULL,
    dlt_offset    BIGINT                   NOT NULL,
    replayed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    replayed_by   TEXT                     NOT NULL,
    PRIMARY KEY (dlt_topic, dlt_partition, dlt_offset)
);
