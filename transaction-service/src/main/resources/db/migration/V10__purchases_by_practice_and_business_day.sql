-- A practice's purchases between two business days (the dashboard's last 30 days, the
-- purchases page's range): purchase_by_practice is ordered by created_at, which a
-- business-day range can't use, so the list scanned the whole table.
CREATE INDEX purchase_by_practice_business_date ON purchase (practice_id, business_date);
