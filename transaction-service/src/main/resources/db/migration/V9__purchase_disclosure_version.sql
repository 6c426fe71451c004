-- The version of the plan's disclosure the patient acknowledged before the purchase, when the practice recorded one
-- (issue 19); purchases from before it have none.
ALTER TABLE purchase
    ADD COLUMN disclosure_version TEXT CHECK (disclosure_version ~ '^[A-Za-z0-9._-]{1,64}$');
