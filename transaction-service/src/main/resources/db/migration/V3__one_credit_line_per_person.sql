-- A person's application at another practice within the duplicate window takes the decision of their latest
-- application (ADR 0008): decided_from names that application, for support and audit; it is never shown to the
-- practice. existing_account marks approvals answered with a credit line the person already held.
ALTER TABLE credit_application
    ADD COLUMN decided_from     UUID REFERENCES credit_application (id),
    ADD COLUMN existing_account BOOLEAN NOT NULL DEFAULT false;

-- A person's approved applications lead to the credit line they hold.
CREATE INDEX credit_application_by_person_account ON credit_application (ssn_hash, date_of_birth)
    WHERE account_id IS NOT NULL;

-- Support's list of applications pending review, newest first.
CREATE INDEX credit_application_pending ON credit_application (submitted_at DESC) WHERE status = 'PENDING_REVIEW';
