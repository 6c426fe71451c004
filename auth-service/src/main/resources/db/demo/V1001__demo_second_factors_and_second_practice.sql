-- Demo data, applied only with the `demo` profile: users with each kind of second factor, and a second practice
-- so that one practice can be seen not to see the other's data. Passwords (user ID / password):
--   Bright Smiles Dental:   demo.sms / Sunny-Texts-2026 (SMS code), demo.email / Morning-Mail-2026 (e-mail code)
--   Lakeside Family Clinic: lakeside.admin / Lakeside-Harbor-2026 (practice admin, no second factor),
--                           lakeside.user / Quiet-Lakeshore-2026 (no second factor),
--                           lakeside.sms / Sunny-Texts-2026 (SMS code), lakeside.email / Morning-Mail-2026 (e-mail code)
-- Phone numbers are in the 555-01xx range reserved for fiction; the local mode's SMS sandbox receives them.
INSERT INTO practice (id, name, mfa_required)
VALUES ('7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a', 'Lakeside Family Clinic', FALSE);

INSERT INTO practice_user (id, practice_id, user_id, email, password_hash, role, permissions, status, created_at)
VALUES ('4e7a0b3d-2c5f-4d8e-9b6a-7f0c3d5e8a2b', '5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f', 'demo.sms',
        'hygienist@brightsmiles.example', '$argon2id$v=19$m=19456,t=2,p=1$PnfYm/z8rmxNUY1b/4o2pQ$5xjquucOb+ORn/j0/42AAIeOqhOwLboU4sySS+2+0xM', 'PRACTICE_USER',
        '{PROCESS_PURCHASES,PROCESS_REFUNDS,PROCESS_APPLICATIONS,VIEW_REPORTS}', 'ACTIVE', now()),
       ('5f8b1c4e-3d6a-4e9f-8c7b-0a1d4e6f9b3c', '5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f', 'demo.email',
        'billing@brightsmiles.example', '$argon2id$v=19$m=19456,t=2,p=1$WcUrW2HW7XIvnb9fYy2/Rg$OWlBOhSlXHaJhcAoHgB1XO269Yp4tKXvDmeogdZqH3Y', 'PRACTICE_USER',
        '{PROCESS_PURCHASES,PROCESS_REFUNDS,PROCESS_APPLICATIONS,VIEW_REPORTS}', 'ACTIVE', now()),
       ('6a9c2d5f-4e7b-4f0a-9d8c-1b2e5f7a0c4d', '7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a', 'lakeside.admin',
        'admin@lakesideclinic.example', '$argon2id$v=19$m=19456,t=2,p=1$TUVqXSM0RlIBesQ3xiTSQw$hNrFK/5YAh4+bIY3S8XIim+/F5oFl/bDn+/h0/6/04c', 'PRACTICE_ADMIN',
        '{PROCESS_PURCHASES,PROCESS_REFUNDS,PROCESS_APPLICATIONS,VIEW_REPORTS,MANAGE_USERS,MANAGE_PROMOTIONS}',
        'ACTIVE', now()),
       ('7b0d3e6a-5f8c-4a1b-8e9d-2c3f6a8b1d5e', '7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a', 'lakeside.user',
        'frontdesk@lakesideclinic.example', '$argon2id$v=19$m=19456,t=2,p=1$0TIHrCWv9XyFSKyR/RqUAQ$lIid1RlFMzhbOMyc8oX2RIhKfkxLZoS0fcTZyC+XJ2A', 'PRACTICE_USER',
        '{PROCESS_PURCHASES,PROCESS_REFUNDS,PROCESS_APPLICATIONS,VIEW_REPORTS}', 'ACTIVE', now()),
       ('8c1e4f7b-6a9d-4b2c-9f0e-3d4a7b9c2e6f', '7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a', 'lakeside.sms',
        'nurse@lakesideclinic.example', '$argon2id$v=19$m=19456,t=2,p=1$PnfYm/z8rmxNUY1b/4o2pQ$5xjquucOb+ORn/j0/42AAIeOqhOwLboU4sySS+2+0xM', 'PRACTICE_USER',
        '{PROCESS_PURCHASES,PROCESS_REFUNDS,PROCESS_APPLICATIONS,VIEW_REPORTS}', 'ACTIVE', now()),
       ('9d2f5a8c-7b0e-4c3d-8a1f-4e5b8c0d3f7a', '7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a', 'lakeside.email',
        'office@lakesideclinic.example', '$argon2id$v=19$m=19456,t=2,p=1$WcUrW2HW7XIvnb9fYy2/Rg$OWlBOhSlXHaJhcAoHgB1XO269Yp4tKXvDmeogdZqH3Y', 'PRACTICE_USER',
        '{PROCESS_PURCHASES,PROCESS_REFUNDS,PROCESS_APPLICATIONS,VIEW_REPORTS}', 'ACTIVE', now());

INSERT INTO second_factor (id, user_id, method, destination, confirmed_at, created_at)
VALUES ('a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d', '4e7a0b3d-2c5f-4d8e-9b6a-7f0c3d5e8a2b', 'SMS', '+15555550101', now(), now()),
       ('b1c2d3e4-f5a6-4b7c-9d8e-0f1a2b3c4d5e', '5f8b1c4e-3d6a-4e9f-8c7b-0a1d4e6f9b3c', 'EMAIL',
        'billing@brightsmiles.example', now(), now()),
       ('c2d3e4f5-a6b7-4c8d-8e9f-1a2b3c4d5e6f', '8c1e4f7b-6a9d-4b2c-9f0e-3d4a7b9c2e6f', 'SMS', '+15555550102', now(), now()),
       ('d3e4f5a6-b7c8-4d9e-9f0a-2b3c4d5e6f7a', '9d2f5a8c-7b0e-4c3d-8a1f-4e5b8c0d3f7a', 'EMAIL',
        'office@lakesideclinic.example', now(), now());
