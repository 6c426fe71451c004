-- Access tokens of the user issued before this instant (a whole second) are refused by the gateway and every
-- service (issue 21, ADR 0017); auth-service never issues a token to the user that is dated earlier.
ALTER TABLE practice_user ADD COLUMN tokens_not_before TIMESTAMPTZ;
