-- Single-use password reset tokens, stored as SHA-256 hashes; a new request replaces older ones.
CREATE TABLE password_reset (
    id         UUID                     NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL REFERENCES practice_user (id),
    token_hash BYTEA                    NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX password_reset_by_user ON password_reset (user_id);
