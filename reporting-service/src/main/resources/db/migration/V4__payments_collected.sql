-- Payments a practice took at the front desk for the lender: deducted from its funding on the payment's business
-- day (DESIGN §3). They belong to no plan, so they are kept on the day's row with an empty plan code.
ALTER TABLE daily_funding ADD COLUMN collected_payments INT NOT NULL DEFAULT 0;
ALTER TABLE daily_funding ADD COLUMN payments_collected NUMERIC(16, 2) NOT NULL DEFAULT 0;
