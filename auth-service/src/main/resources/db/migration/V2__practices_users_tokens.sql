-- Practices and their users. A user signs in with user_id (case-insensitive) and a password.
CREATE TABLE practice (
    id           UUID    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    mfa_required BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE practice_user (
    id                   UUID                     NOT NULL PRIMARY KEY,
    practice_id          UUID                     NOT NULL REFERENCES practice (id),
    user_id              TEXT                     NOT NULL,
    email                TEXT                     NOT NULL,
    phone                TEXT,
    password_hash        TEXT,
    role                 TEXT                     NOT NULL CHECK (role IN ('PRACTICE_ADMIN', 'PRACTICE_USER')),
    permissions          TEXT[]                   NOT NULL DEFAULT '{}',
    status               TEXT                     NOT NULL CHECK (status IN ('INVITED', 'ACTIVE', 'SUSPENDED', 'DISABLED')),
    suspension_reason    TEXT,
    failed_attempts      INT                      NOT NULL DEFAULT 0,
    failure_window_start TIMESTAMP WITH TIME ZONE,
    locked_until         TIMESTAMP WITH TIME ZONE,
    locked_permanently   BOOLEAN                  NOT NULL DEFAULT FALSE,
    last_login_at        TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX practice_user_by_user_id ON practice_user (lower(user_id));
CREATE INDEX practice_user_by_email ON practice_user (lower(email));

-- Every lock, to find the third lock within 24 hours.
CREATE TABLE user_lock (
    user_id   UUID                     NOT NULL REFERENCES practice_user (id),
    locked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX user_lock_by_user ON user_lock (user_id, locked_at);

-- Access-token signing keys; the private half is encrypted with the configured key-encryption key.
CREATE TABLE signing_key (
    kid                   TEXT                     NOT NULL PRIMARY KEY,
    public_jwk            TEXT                     NOT NULL,
    encrypted_private_key BYTEA                    NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at            TIMESTAMP WITH TIME ZONE
);

-- Opaque refresh tokens, stored as SHA-256 hashes, rotated on use; a family is one sign-in.
CREATE TABLE refresh_token (
    id                UUID                     NOT NULL PRIMARY KEY,
    family_id         UUID                     NOT NULL,
    user_id           UUID                     NOT NULL REFERENCES practice_user (id),
    token_hash        BYTEA                    NOT NULL UNIQUE,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    idle_expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    family_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at        TIMESTAMP WITH TIME ZONE,
    revoked_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_token_by_family ON refresh_token (family_id);
CREATE INDEX refresh_token_by_user ON refresh_token (user_id);
