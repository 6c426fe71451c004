-- The patient's acknowledgement of a plan's disclosure, recorded by the portal when a purchase on the plan is
-- approved (transaction-service's purchase request has no field for it yet): which disclosure, in which version,
-- confirmed by which practice user, when.
CREATE TABLE disclosure_acknowledgement (
    purchase_id        UUID PRIMARY KEY,
    practice_id        UUID NOT NULL,
    plan_code          VARCHAR(40) NOT NULL,
    disclosure_version VARCHAR(80) NOT NULL,
    acknowledged_by    VARCHAR(100) NOT NULL,
    acknowledged_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
