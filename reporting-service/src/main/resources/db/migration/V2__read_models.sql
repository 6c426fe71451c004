-- Read models, each per practice and business day in the practice's time zone (ADR 0010).
-- Everything here is rebuilt from the topics; nothing is entered by hand.

DROP TABLE daily_funding;

-- Sales activity on the day it happened: approvals, refunds and voids, per plan.
CREATE TABLE daily_sales (
    practice_id     UUID           NOT NULL,
    business_day    DATE           NOT NULL,
    plan_code       TEXT           NOT NULL,
    purchases       INT            NOT NULL DEFAULT 0,
    purchase_volume NUMERIC(16, 2) NOT NULL DEFAULT 0,
    refunds         INT            NOT NULL DEFAULT 0,
    refund_amount   NUMERIC(16, 2) NOT NULL DEFAULT 0,
    voids           INT            NOT NULL DEFAULT 0,
    void_amount     NUMERIC(16, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (practice_id, business_day, plan_code)
);

-- Funding: settlements on their settlement day, refunds after settlement on the refund's day,
-- voids (informational) on the void's day, per plan.
CREATE TABLE daily_funding (
    practice_id               UUID           NOT NULL,
    business_day              DATE           NOT NULL,
    plan_code                 TEXT           NOT NULL,
    settled_purchases         INT            NOT NULL DEFAULT 0,
    gross                     NUMERIC(16, 2) NOT NULL DEFAULT 0,
    refunds_before_settlement NUMERIC(16, 2) NOT NULL DEFAULT 0,
    refunds_after_settlement  NUMERIC(16, 2) NOT NULL DEFAULT 0,
    voids                     INT            NOT NULL DEFAULT 0,
    void_amount               NUMERIC(16, 2) NOT NULL DEFAULT 0,
    merchant_fees             NUMERIC(16, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (practice_id, business_day, plan_code)
);

-- The applications funnel on the day each application was submitted.
CREATE TABLE daily_applications (
    practice_id  UUID NOT NULL,
    business_day DATE NOT NULL,
    keyed_by     TEXT NOT NULL,
    submitted    INT  NOT NULL DEFAULT 0,
    approved     INT  NOT NULL DEFAULT 0,
    declined     INT  NOT NULL DEFAULT 0,
    pending      INT  NOT NULL DEFAULT 0,
    PRIMARY KEY (practice_id, business_day, keyed_by)
);

CREATE TABLE daily_decline_reasons (
    practice_id  UUID NOT NULL,
    business_day DATE NOT NULL,
    reason       TEXT NOT NULL,
    declined     INT  NOT NULL DEFAULT 0,
    PRIMARY KEY (practice_id, business_day, reason)
);

-- Sign-in security per practice and day; practice_id is null for sign-ins by unknown user IDs.
CREATE TABLE daily_security (
    practice_id            UUID,
    business_day           DATE NOT NULL,
    sign_ins_succeeded     INT  NOT NULL DEFAULT 0,
    sign_ins_failed        INT  NOT NULL DEFAULT 0,
    second_factor_failures INT  NOT NULL DEFAULT 0,
    lockouts               INT  NOT NULL DEFAULT 0,
    permanent_locks        INT  NOT NULL DEFAULT 0,
    suspensions            INT  NOT NULL DEFAULT 0,
    CONSTRAINT daily_security_practice_day UNIQUE NULLS NOT DISTINCT (practice_id, business_day)
);
CREATE INDEX daily_security_day ON daily_security (business_day);

CREATE INDEX processed_event_topic ON processed_event (topic);
