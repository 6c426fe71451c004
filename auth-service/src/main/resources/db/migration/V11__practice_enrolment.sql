-- Issue 20: ops enrol practices through the API (ADR 0021). A practice has a code (its patients' link,
-- /apply/{practiceCode}), the merchant ID its funding is paid to, a time zone, an address and a support contact,
-- and is OPEN until ops close it; closing keeps the history and refuses its users at sign-in. Practices added
-- before enrolment existed (demo data only) have their details filled in by the demo migrations, so the columns
-- that enrolment always sets stay nullable here.
ALTER TABLE practice
    ADD COLUMN practice_code       TEXT CHECK (practice_code ~ '^[A-Z0-9-]{3,32}$'),
    ADD COLUMN merchant_id         TEXT CHECK (merchant_id ~ '^[0-9]{6,20}$'),
    ADD COLUMN time_zone           TEXT,
    ADD COLUMN address_line1       TEXT,
    ADD COLUMN address_line2       TEXT,
    ADD COLUMN address_city        TEXT,
    ADD COLUMN address_state       TEXT CHECK (address_state ~ '^[A-Z]{2}$'),
    ADD COLUMN address_postal_code TEXT,
    ADD COLUMN support_name        TEXT,
    ADD COLUMN support_email       TEXT,
    ADD COLUMN support_phone       TEXT,
    ADD COLUMN status              TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    ADD COLUMN closed_reason       TEXT,
    ADD COLUMN enrolled_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    ADD COLUMN closed_at           TIMESTAMP WITH TIME ZONE,
    ADD CONSTRAINT practice_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL));
CREATE UNIQUE INDEX practice_by_code ON practice (practice_code);
CREATE UNIQUE INDEX practice_by_merchant_id ON practice (merchant_id);

-- Support finds users by the start of their user ID or e-mail address.
CREATE INDEX practice_user_by_user_id_prefix ON practice_user (lower(user_id) text_pattern_ops);
CREATE INDEX practice_user_by_email_prefix ON practice_user (lower(email) text_pattern_ops);
