-- A practice's list of its applications with one status, newest first (its whole list uses
-- credit_application_by_practice, support's pending ones credit_application_pending).
CREATE INDEX credit_application_by_practice_status ON credit_application (practice_id, status, submitted_at DESC);
