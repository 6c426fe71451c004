-- Money-moving requests answered once per Idempotency-Key (docs/architecture.md).
CREATE TABLE idempotency_key (
    scope       TEXT                     NOT NULL,
    idem_key    TEXT                     NOT NULL,
    fingerprint TEXT                     NOT NULL,
    state       TEXT                     NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status      INTEGER,
    location    TEXT,
    body        TEXT,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);


-- A credit line is the patient's account: its number is stored encrypted (AES-256-GCM) and
-- found by its keyed hash; only the last four digits are kept in clear.
ALTER TABLE credit_line
    ADD COLUMN status                   TEXT                     NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN account_number_encrypted BYTEA,
    ADD COLUMN account_number_hash      TEXT UNIQUE,
    ADD COLUMN account_last4            TEXT,
    ADD COLUMN opened_at                TIMESTAMP WITH TIME ZONE;

-- The practices a credit line may be used at: the one it was opened with, and every practice
-- the patient has bought at by giving the account number.
CREATE TABLE practice_account (
    practice_id UUID                     NOT NULL,
    account_id  UUID                     NOT NULL REFERENCES credit_line (account_id),
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (practice_id, account_id)
);


-- Credit applications and their decisions. The SSN is stored encrypted; its keyed hash finds
-- a person's recent applications, its last four digits are all that is ever shown.
CREATE TABLE credit_application (
    id                UUID                     NOT NULL PRIMARY KEY,
    practice_id       UUID                     NOT NULL,
    practice_name     TEXT                     NOT NULL,
    submitted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    keyed_by          TEXT                     NOT NULL,
    first_name        TEXT                     NOT NULL,
    last_name         TEXT                     NOT NULL,
    date_of_birth     DATE                     NOT NULL,
    ssn_encrypted     BYTEA                    NOT NULL,
    ssn_hash          TEXT                     NOT NULL,
    ssn_last4         TEXT                     NOT NULL,
    address_line1     TEXT                     NOT NULL,
    address_line2     TEXT,
    city              TEXT                     NOT NULL,
    state             TEXT                     NOT NULL,
    postal_code       TEXT                     NOT NULL,
    email             TEXT                     NOT NULL,
    mobile            TEXT,
    annual_income     NUMERIC(12, 2)           NOT NULL,
    monthly_housing   NUMERIC(12, 2)           NOT NULL,
    requested_amount  NUMERIC(12, 2)           NOT NULL,
    status            TEXT                     NOT NULL,
    reasons           TEXT                     NOT NULL DEFAULT '',
    credit_limit      NUMERIC(12, 2),
    account_id        UUID REFERENCES credit_line (account_id),
    decided_at        TIMESTAMP WITH TIME ZONE,
    reviewed_by       TEXT
);
CREATE INDEX credit_application_by_person ON credit_application (ssn_hash, submitted_at);
CREATE INDEX credit_application_by_practice ON credit_application (practice_id, submitted_at);


-- The promotions catalogue: each row is one version of a plan's terms, in force from
-- effective_from until effective_to (exclusive; open-ended when absent).
CREATE TABLE promotion_plan (
    code              TEXT           NOT NULL,
    version           INTEGER        NOT NULL,
    name              TEXT           NOT NULL,
    kind              TEXT           NOT NULL CHECK (kind IN ('DEFERRED_INTEREST', 'REDUCED_APR')),
    months            INTEGER        NOT NULL CHECK (months > 0),
    apr               NUMERIC(5, 2)  NOT NULL CHECK (apr >= 0),
    standard_apr      NUMERIC(5, 2)  NOT NULL CHECK (standard_apr >= 0),
    minimum_amount    NUMERIC(12, 2) NOT NULL CHECK (minimum_amount > 0),
    merchant_fee_rate NUMERIC(6, 4)  NOT NULL CHECK (merchant_fee_rate BETWEEN 0 AND 1),
    effective_from    DATE           NOT NULL,
    effective_to      DATE,
    PRIMARY KEY (code, version),
    CHECK (effective_to IS NULL OR effective_to > effective_from)
);

-- The plans each practice offers (Manage Promotions).
CREATE TABLE practice_promotion (
    practice_id UUID                     NOT NULL,
    code        TEXT                     NOT NULL,
    enabled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (practice_id, code)
);

-- DESIGN §3's catalogue. Standard APR 26.99 %; merchant fees: deferred 6 and 12 months 6 %,
-- deferred 18 and 24 months 8 %, every reduced-APR plan 5 %.
INSERT INTO promotion_plan (code, version, name, kind, months, apr, standard_apr, minimum_amount, merchant_fee_rate, effective_from) VALUES
    ('DEFERRED_6',  1, 'No interest if paid in full in 6 months',  'DEFERRED_INTEREST',  6,  0.00, 26.99,  200.00, 0.0600, DATE '2026-01-01'),
    ('DEFERRED_12', 1, 'No interest if paid in full in 12 months', 'DEFERRED_INTEREST', 12,  0.00, 26.99,  200.00, 0.0600, DATE '2026-01-01'),
    ('DEFERRED_18', 1, 'No interest if paid in full in 18 months', 'DEFERRED_INTEREST', 18,  0.00, 26.99,  200.00, 0.0800, DATE '2026-01-01'),
    ('DEFERRED_24', 1, 'No interest if paid in full in 24 months', 'DEFERRED_INTEREST', 24,  0.00, 26.99,  200.00, 0.0800, DATE '2026-01-01'),
    ('FIXED_24',    1, '14.90 % APR, 24 fixed monthly payments',   'REDUCED_APR',       24, 14.90, 26.99, 1000.00, 0.0500, DATE '2026-01-01'),
    ('FIXED_36',    1, '15.90 % APR, 36 fixed monthly payments',   'REDUCED_APR',       36, 15.90, 26.99, 1000.00, 0.0500, DATE '2026-01-01'),
    ('FIXED_48',    1, '16.90 % APR, 48 fixed monthly payments',   'REDUCED_APR',       48, 16.90, 26.99, 1000.00, 0.0500, DATE '2026-01-01'),
    ('FIXED_60',    1, '17.90 % APR, 60 fixed monthly payments',   'REDUCED_APR',       60, 17.90, 26.99, 1000.00, 0.0500, DATE '2026-01-01');


-- Purchases, approved or declined, with the plan's terms as they stood at the time.
CREATE TABLE purchase (
    id                 UUID                     NOT NULL PRIMARY KEY,
    practice_id        UUID                     NOT NULL,
    practice_name      TEXT                     NOT NULL,
    account_id         UUID                     NOT NULL REFERENCES credit_line (account_id),
    amount             NUMERIC(12, 2)           NOT NULL CHECK (amount > 0),
    promotion_code     TEXT                     NOT NULL,
    plan_kind          TEXT                     NOT NULL,
    plan_months        INTEGER                  NOT NULL,
    plan_apr           NUMERIC(5, 2)            NOT NULL,
    standard_apr       NUMERIC(5, 2)            NOT NULL,
    merchant_fee_rate  NUMERIC(6, 4)            NOT NULL,
    status             TEXT                     NOT NULL CHECK (status IN ('APPROVED', 'DECLINED', 'VOIDED', 'SETTLED')),
    decline_reason     TEXT,
    authorization_code TEXT,
    refunded           NUMERIC(12, 2)           NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    business_date      DATE                     NOT NULL,
    voided_at          TIMESTAMP WITH TIME ZONE,
    settlement_date    DATE,
    merchant_fee       NUMERIC(12, 2),
    net_funding        NUMERIC(12, 2),
    CONSTRAINT refunds_within_purchase CHECK (refunded <= amount)
);
CREATE INDEX purchase_by_practice ON purchase (practice_id, created_at);
CREATE INDEX purchase_by_account ON purchase (account_id, created_at);
CREATE INDEX purchase_to_settle ON purchase (business_date) WHERE status = 'APPROVED';

CREATE TABLE refund (
    id          UUID                     NOT NULL PRIMARY KEY,
    purchase_id UUID                     NOT NULL REFERENCES purchase (id),
    amount      NUMERIC(12, 2)           NOT NULL CHECK (amount > 0),
    settled     BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX refund_by_purchase ON refund (purchase_id);
