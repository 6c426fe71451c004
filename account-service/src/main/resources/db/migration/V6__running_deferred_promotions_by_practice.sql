-- A practice's deferred-interest promotions still running, by end date: the dashboard's "promotions ending soon".
CREATE INDEX promotion_balance_running_deferred_idx ON promotion_balance (practice_id, end_date, purchase_id)
    WHERE kind = 'DEFERRED_INTEREST' AND status = 'OPEN';
