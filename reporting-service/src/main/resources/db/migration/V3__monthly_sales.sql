-- Sales per practice, calendar month (of business days) and plan: the same figures as daily_sales summed
-- by month, kept in the same transaction, so that a year's summary reads 12 months instead of 365 days.
CREATE TABLE monthly_sales (
    practice_id     UUID           NOT NULL,
    month           DATE           NOT NULL,
    plan_code       TEXT           NOT NULL,
    purchases       INT            NOT NULL DEFAULT 0,
    purchase_volume NUMERIC(16, 2) NOT NULL DEFAULT 0,
    refunds         INT            NOT NULL DEFAULT 0,
    refund_amount   NUMERIC(16, 2) NOT NULL DEFAULT 0,
    voids           INT            NOT NULL DEFAULT 0,
    void_amount     NUMERIC(16, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (practice_id, month, plan_code),
    CONSTRAINT monthly_sales_first_day CHECK (extract(DAY FROM month) = 1)
);
