-- The practices auth-service enrols, changes and closes (auth.practices). A practice without a row is open: the demo
-- practices, or one whose enrolment has not arrived. A row made by a closing alone has no details.
CREATE TABLE practice (
    id            UUID                     NOT NULL PRIMARY KEY,
    name          TEXT,
    practice_code TEXT,
    merchant_id   TEXT,
    time_zone     TEXT,
    status        TEXT                     NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    closed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT closed_has_time CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
