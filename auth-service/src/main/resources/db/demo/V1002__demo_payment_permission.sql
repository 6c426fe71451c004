-- Demo data (the `demo` profile only): the practices' admins and front desks take payments at the desk
-- (POST_PAYMENTS, ADR 0018).
UPDATE practice_user
SET permissions = array_append(permissions, 'POST_PAYMENTS')
WHERE user_id IN ('demo.admin', 'demo.user', 'demo.email', 'lakeside.admin', 'lakeside.user')
  AND NOT 'POST_PAYMENTS' = ANY (permissions);
