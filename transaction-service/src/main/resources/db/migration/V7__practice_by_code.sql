-- A patient's application link names the practice by its code (ADR 0025). Not unique here: auth-service keeps codes
-- unique, but one practice's new code may arrive before another's change gives it up; a code two rows hold finds none.
CREATE INDEX practice_by_code ON practice (practice_code);
