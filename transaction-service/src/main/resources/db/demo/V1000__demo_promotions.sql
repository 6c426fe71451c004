-- The demo practices (seeded in auth-service) offer every plan of the catalogue.
INSERT INTO practice_promotion (practice_id, code, enabled_at)
SELECT practice.id, plan.code, now()
FROM (VALUES ('5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f'::uuid), ('7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a'::uuid)) AS practice (id)
CROSS JOIN (SELECT DISTINCT code FROM promotion_plan) AS plan
ON CONFLICT DO NOTHING;
