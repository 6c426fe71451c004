-- The demo practices (seeded in auth-service, where their codes are BRIGHT-SMILES and LAKESIDE), so that their
-- patients' application links (/apply/{practiceCode}) find them; enrolled practices arrive as events instead.
INSERT INTO practice (id, name, practice_code, merchant_id, time_zone, status)
VALUES ('5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f', 'Bright Smiles Dental', 'BRIGHT-SMILES', '4000100001',
        'America/New_York', 'OPEN'),
       ('7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a', 'Lakeside Family Clinic', 'LAKESIDE', '4000100002',
        'America/Chicago', 'OPEN')
ON CONFLICT (id) DO NOTHING;
