-- The platform's maintenance mode (issue 20, ADR 0023): one row, changed by ops in the staff console and announced
-- on auth.maintenance in the same transaction; who changed it last is the staff member's user name or subject.
CREATE TABLE maintenance_mode (
    id         SMALLINT    NOT NULL PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    is_on      BOOLEAN     NOT NULL,
    message    TEXT,
    until      TIMESTAMPTZ,
    changed_by TEXT,
    changed_at TIMESTAMPTZ,
    CHECK (NOT is_on OR (message IS NOT NULL AND until IS NOT NULL))
);
INSERT INTO maintenance_mode (id, is_on) VALUES (1, FALSE);
