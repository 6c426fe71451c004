-- Invited users activate with a single-use link, kept like reset links: as a SHA-256 hash.
ALTER TABLE password_reset ADD COLUMN purpose TEXT NOT NULL DEFAULT 'RESET' CHECK (purpose IN ('RESET', 'ACTIVATION'));
