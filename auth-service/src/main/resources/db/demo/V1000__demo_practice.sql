-- Demo data, applied only with the `demo` profile (see application-demo.yml), never in production.
-- Bright Smiles Dental: demo.admin / Smile-Brightly-2026 (practice admin), demo.user / Cheerful-Molars-2026.
INSERT INTO practice (id, name, mfa_required)
VALUES ('5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f', 'Bright Smiles Dental', FALSE);

INSERT INTO practice_user (id, practice_id, user_id, email, password_hash, role, permissions, status, created_at)
VALUES ('0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f', '5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f', 'demo.admin',
        'admin@brightsmiles.example',
        '$argon2id$v=19$m=19456,t=2,p=1$1ZB4xFOGoard6A+5jesKOA$+IkCHyi4IMTjykcb/p+RPWWM30IGPG7jZpFZ9ZN6cRw',
        'PRACTICE_ADMIN',
        '{PROCESS_PURCHASES,PROCESS_REFUNDS,PROCESS_APPLICATIONS,VIEW_REPORTS,MANAGE_USERS,MANAGE_PROMOTIONS}',
        'ACTIVE', now()),
       ('3d6f9a2c-1b4e-4c7d-8a5f-6e9b2c4d7f1a', '5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f', 'demo.user',
        'frontdesk@brightsmiles.example',
        '$argon2id$v=19$m=19456,t=2,p=1$FAF/fFXiGqc7Xz5N7HcERg$wRDq0wE15G1Ua6x4kN8j/mKr+z5xoWv3wZhAtuYlF5Y',
        'PRACTICE_USER', '{PROCESS_PURCHASES,PROCESS_APPLICATIONS}', 'ACTIVE', now());
