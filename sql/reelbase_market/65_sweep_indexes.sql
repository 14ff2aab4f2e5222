-- Indexes for the market sweeps (67_sweeps.sql). Each is partial on the status a sweep
-- looks for and ordered by the time it becomes due, so a sweep reads only due rows, oldest
-- first, and the indexes stay small: rows leave them as the sweeps change their status.

CREATE INDEX idx_listing_windows_active_end ON market.listing_windows (window_end)
  WHERE status = 'active';
COMMENT ON INDEX market.idx_listing_windows_active_end IS
  'market.expire_listings: active listings by window_end.';

CREATE INDEX idx_listing_windows_archivable_end ON market.listing_windows (window_end)
  WHERE status IN ('expired', 'sold_out');
COMMENT ON INDEX market.idx_listing_windows_archivable_end IS
  'market.archive_listings: expired and sold-out listings by window_end.';

-- Pending cashback awaiting verification (content submitted in time) stays in this index
-- until an administrator verifies it; the sweep steps over those rows on every run, so their
-- number is the backlog of unverified submissions, not the history of all purchases.
CREATE INDEX idx_transactions_cashback_pending ON market.transactions (purchased_at)
  WHERE cashback_status = 'pending';
COMMENT ON INDEX market.idx_transactions_cashback_pending IS
  'market.expire_cashback: pending cashback by purchase time (due when purchased_at <= now - 30 days).';
