-- Payments a practice posted for the lender (the patient paid at its front desk, DESIGN §3): the practice keeps the
-- money, so settlement deducts it from the practice's funding of the payment's business day.
CREATE TABLE collected_payment (
    payment_id      UUID                     NOT NULL PRIMARY KEY,
    practice_id     UUID                     NOT NULL,
    account_id      UUID                     NOT NULL,
    amount          NUMERIC(12, 2)           NOT NULL CHECK (amount > 0),
    business_date   DATE                     NOT NULL,
    posted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set by the settlement run that deducted it: the payment's business day
    settlement_date DATE
);
CREATE INDEX collected_payment_to_settle ON collected_payment (practice_id, business_date) WHERE settlement_date IS NULL;
CREATE INDEX collected_payment_by_settlement ON collected_payment (practice_id, settlement_date);
