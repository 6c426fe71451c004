-- pgbench script: the SQL that one approved POST /api/transactions/purchases runs, in the same three
-- transactions (claim the Idempotency-Key; charge, record and answer; mark the event publication complete).
-- Variables set by PurchaseBenchmark: :practice (uuid text), :accounts (how many bench credit lines).
\set n random(1, :accounts)
SELECT gen_random_uuid() AS key, gen_random_uuid() AS purchase, gen_random_uuid() AS publication, md5('bench-' || :n)::uuid AS account \gset
BEGIN;
INSERT INTO idempotency_key (scope, idem_key, fingerprint, state, claimed_at, expires_at)
VALUES (':practice', ':key', '5b0e6ac1f1b4d9a4b8e7a0c3f3f1e6b2a1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6', 'IN_FLIGHT', now(), now() + interval '24 hours')
ON CONFLICT (scope, idem_key) DO NOTHING;
COMMIT;
BEGIN;
SELECT c.* FROM credit_line c
WHERE c.account_id = ':account' AND (c.practice_id = ':practice' OR EXISTS (
    SELECT 1 FROM practice_account p WHERE p.practice_id = ':practice' AND p.account_id = c.account_id));
SELECT p.* FROM promotion_plan p JOIN practice_promotion e ON e.code = p.code
WHERE e.practice_id = ':practice' AND p.code = 'DEFERRED_6' AND p.effective_from <= current_date
  AND (p.effective_to IS NULL OR p.effective_to > current_date);
UPDATE credit_line SET open_to_buy = open_to_buy - 200.00
WHERE account_id = ':account' AND status = 'ACTIVE' AND open_to_buy >= 200.00;
INSERT INTO purchase (id, practice_id, practice_name, account_id, amount, promotion_code, plan_kind, plan_months,
    plan_apr, standard_apr, merchant_fee_rate, status, decline_reason, authorization_code, refunded, created_at,
    business_date)
VALUES (':purchase', ':practice', 'Bench Practice', ':account', 200.00, 'DEFERRED_6', 'DEFERRED_INTEREST', 6, 0.00,
    26.99, 0.0600, 'APPROVED', NULL, 'ABC234', 0.00, now(), current_date);
INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
VALUES (':publication', 'io.carefin.starter.messaging.externalizer', 'io.carefin.contracts.transaction.PurchaseApproved',
    '{"eventId":"' || ':publication' || '","occurredAt":"2026-11-24T12:00:00.000000Z","purchaseId":"' || ':purchase' || '","practiceId":"' || ':practice' || '","practiceName":"Bench Practice","accountId":"' || ':account' || '","accountLast4":"1234","amount":200.00,"plan":{"code":"DEFERRED_6","kind":"DEFERRED_INTEREST","months":6,"apr":0.00,"standardApr":26.99},"authorizationCode":"ABC234"}',
    now(), 'PUBLISHED', 1);
UPDATE idempotency_key SET state = 'COMPLETED', status = 201, location = '/api/transactions/purchases/' || ':purchase',
    body = '{"purchaseId":"' || ':purchase' || '","status":"APPROVED","authorizationCode":"ABC234","declineReason":null,"accountId":"' || ':account' || '","accountLast4":"1234","amount":200.00,"refunded":0.00,"remaining":200.00,"promotionCode":"DEFERRED_6","plan":{"code":"DEFERRED_6","kind":"DEFERRED_INTEREST","months":6,"apr":0.00,"standardApr":26.99},"createdAt":"2026-11-24T12:00:00.000000Z","businessDate":"2026-11-24","settlementDate":null,"merchantFee":null,"netFunding":null}'
WHERE scope = ':practice' AND idem_key = ':key' AND state = 'IN_FLIGHT';
COMMIT;
UPDATE event_publication SET completion_date = now(), status = 'COMPLETED' WHERE id = ':publication';
