-- A user's second factors: a code by e-mail or SMS to a destination, or an authenticator app (TOTP).
CREATE TABLE second_factor (
    id               UUID                     NOT NULL PRIMARY KEY,
    user_id          UUID                     NOT NULL REFERENCES practice_user (id),
    method           TEXT                     NOT NULL CHECK (method IN ('EMAIL', 'SMS', 'TOTP')),
    destination      TEXT,
    encrypted_secret BYTEA,
    last_used_step   BIGINT                   NOT NULL DEFAULT 0,
    confirmed_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (user_id, method)
);

-- One sign-in waiting for its second factor. Only a hash of the current code is kept.
CREATE TABLE mfa_challenge (
    id              UUID                     NOT NULL PRIMARY KEY,
    user_id         UUID                     NOT NULL REFERENCES practice_user (id),
    code_method     TEXT,
    code_hash       BYTEA,
    code_expires_at TIMESTAMP WITH TIME ZONE,
    last_sent_at    TIMESTAMP WITH TIME ZONE,
    wrong_tries     INT                      NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE
);

-- Every code sent, for the hourly cap per user that neither a resend nor a new sign-in resets.
CREATE TABLE mfa_code_sent (
    user_id UUID                     NOT NULL REFERENCES practice_user (id),
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mfa_code_sent_by_user ON mfa_code_sent (user_id, sent_at);
