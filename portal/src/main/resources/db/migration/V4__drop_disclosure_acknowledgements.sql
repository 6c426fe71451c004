-- transaction-service keeps the acknowledged disclosure's version with the purchase (disclosureVersion), so the
-- portal's own record of it (V2) goes: one place for the record.
DROP TABLE IF EXISTS disclosure_acknowledgement;
