-- Patients' servicing accounts, opened from transaction-service's ApplicationApproved. The patient's
-- profile (name, date of birth, contact, address) is one AES-256-GCM ciphertext; lookups go through keyed
-- hashes, so neither the full account number nor a date of birth is stored in clear.
CREATE TABLE account (
    id                  UUID                     NOT NULL PRIMARY KEY,
    last4               TEXT                     NOT NULL,
    number_hash         TEXT                     NOT NULL UNIQUE,
    identity_hash       TEXT                     NOT NULL,
    profile             BYTEA                    NOT NULL,
    credit_limit        NUMERIC(12, 2)           NOT NULL,
    status              TEXT                     NOT NULL,
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by_event_id  UUID                     NOT NULL UNIQUE,
    -- the sum of the account's ledger entries, kept with each entry for fast reads; LedgerCheck recomputes it
    balance             NUMERIC(12, 2)           NOT NULL DEFAULT 0
);
CREATE INDEX account_by_identity_idx ON account (identity_hash);

-- The practices a patient applied or bought at: the only practices that can see the account.
CREATE TABLE account_practice (
    account_id    UUID                     NOT NULL REFERENCES account (id),
    practice_id   UUID                     NOT NULL,
    practice_name TEXT                     NOT NULL,
    since         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, practice_id)
);

-- One promotional balance per purchase, on the plan's terms at the time of the purchase.
CREATE TABLE promotion_balance (
    purchase_id        UUID           NOT NULL PRIMARY KEY,
    account_id         UUID           NOT NULL REFERENCES account (id),
    practice_id        UUID           NOT NULL,
    practice_name      TEXT           NOT NULL,
    plan_code          TEXT           NOT NULL,
    kind               TEXT           NOT NULL,
    months             INT            NOT NULL,
    apr                NUMERIC(6, 2)  NOT NULL,
    standard_apr       NUMERIC(6, 2)  NOT NULL,
    amount             NUMERIC(12, 2) NOT NULL,
    authorization_code TEXT           NOT NULL,
    start_date         DATE           NOT NULL,
    end_date           DATE           NOT NULL,
    zone               TEXT           NOT NULL,
    -- OPEN, then PAID_IN_FULL (deferred interest waived), EXPIRED (promotion over, balance at the
    -- standard APR) or VOIDED
    status             TEXT           NOT NULL,
    -- the sum of the ledger entries on this balance, kept with each entry; LedgerCheck recomputes it
    remaining          NUMERIC(12, 2) NOT NULL,
    -- deferred-interest plans: interest accrued in the shadow so far
    shadow_interest    NUMERIC(12, 2) NOT NULL DEFAULT 0,
    -- the last business day whose rules (accrual, interest, expiry) this balance has been through
    processed_through  DATE           NOT NULL
);
CREATE INDEX promotion_balance_by_account_idx ON promotion_balance (account_id);
CREATE INDEX promotion_balance_open_idx ON promotion_balance (status, processed_through);

-- Entries now say which balance they belong to, which business day they fall on, and what caused them:
-- an event (source_event_id), a request (payment_id) or a business-day rule (source_key).
ALTER TABLE ledger_entry ADD COLUMN purchase_id UUID;
ALTER TABLE ledger_entry ADD COLUMN payment_id UUID;
ALTER TABLE ledger_entry ADD COLUMN business_date DATE;
ALTER TABLE ledger_entry ADD COLUMN source_key TEXT UNIQUE;
ALTER TABLE ledger_entry ADD COLUMN detail TEXT;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_source_event_id_key;
CREATE UNIQUE INDEX ledger_entry_event_once_idx ON ledger_entry (source_event_id, purchase_id);
CREATE INDEX ledger_entry_by_purchase_idx ON ledger_entry (purchase_id, business_date);
CREATE INDEX ledger_entry_by_payment_idx ON ledger_entry (payment_id);

CREATE TABLE payment (
    id            UUID                     NOT NULL PRIMARY KEY,
    account_id    UUID                     NOT NULL REFERENCES account (id),
    amount        NUMERIC(12, 2)           NOT NULL,
    posted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    business_date DATE                     NOT NULL,
    practice_id   UUID,
    posted_by     TEXT                     NOT NULL
);
CREATE INDEX payment_by_account_idx ON payment (account_id, posted_at);

-- Notices of a promotion's end are sent once per threshold.
CREATE TABLE promotion_notice (
    purchase_id UUID NOT NULL,
    days_left   INT  NOT NULL,
    PRIMARY KEY (purchase_id, days_left)
);

-- Every support read or action on an account: who, when, why, which account, what.
CREATE TABLE support_audit (
    id          UUID                     NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       TEXT                     NOT NULL,
    reason      TEXT                     NOT NULL,
    account_id  UUID,
    action      TEXT                     NOT NULL
);
CREATE INDEX support_audit_by_account_idx ON support_audit (account_id, occurred_at);

CREATE FUNCTION support_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the support audit trail is never changed or removed';
END;
$$;
CREATE TRIGGER support_audit_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON support_audit
    FOR EACH STATEMENT EXECUTE FUNCTION support_audit_is_append_only();

-- Idempotency-Key answers (the starter's Idempotency).
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
