-- A practice's link to an account may now arrive before the account opens: the approval (transaction.applications)
-- and the account's opening facts (transaction.credit-lines) travel on two topics, in either order (ADR 0018).
-- Reads join the link to the account, so a link without an account shows nothing.
ALTER TABLE account_practice DROP CONSTRAINT account_practice_account_id_fkey;
