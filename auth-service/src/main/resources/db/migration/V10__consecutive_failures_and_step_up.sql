-- Issue 21, defect 6 (ADR 0017): failed attempts in a row, which only a sign-in that ends in tokens resets (no
-- window forgets them), and the step-up that replaces the lock only support could lift: after the third lock in a
-- day, a correct password also needs a second factor (an e-mailed code when none is enrolled) or a recovery link.
ALTER TABLE practice_user ADD COLUMN consecutive_failures INT NOT NULL DEFAULT 0;
ALTER TABLE practice_user ADD COLUMN step_up_required BOOLEAN NOT NULL DEFAULT FALSE;
-- users locked until support acts are now asked for the step-up instead
UPDATE practice_user SET step_up_required = TRUE, locked_permanently = FALSE, locked_until = NULL
WHERE locked_permanently;
