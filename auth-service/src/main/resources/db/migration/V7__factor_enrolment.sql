-- A phone number or address being enrolled waits here until its code is confirmed, so that starting a change
-- never drops a confirmed factor; enrolment challenges can never be used to sign in.
ALTER TABLE second_factor ADD COLUMN pending_destination TEXT;
ALTER TABLE mfa_challenge ADD COLUMN purpose TEXT NOT NULL DEFAULT 'SIGN_IN' CHECK (purpose IN ('SIGN_IN', 'ENROLMENT'));
