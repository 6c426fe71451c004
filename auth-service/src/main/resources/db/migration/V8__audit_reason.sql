-- Why a support agent acted, in their words (e.g. "caller verified by phone"), for support actions.
ALTER TABLE audit_entry ADD COLUMN reason TEXT;
