-- market row level security. reelbase_app acts for one end user per transaction
-- (reelbase.set_user_id): in the market that user is a buyer. reelbase_admin administers the
-- marketplace through explicit policies (not BYPASSRLS).
--
-- What a buyer reads: markets and listings (the shop window); concepts that are not archived,
-- without the replication template (column privileges, 54); the full concept and its overlays
-- only once bought (market.purchased_concepts, and the viewer_overlays policy); their own
-- transactions and produced content. Analysed videos, ratings, models, snapshots and
-- arbitrage figures are the administrators'. Buyers never write transactions or listings
-- directly: market.purchase_listing does (SECURITY DEFINER), under the caps' locks.

ALTER TABLE market.analyzed_videos ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.video_ratings ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.market_contexts ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.model_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.concepts ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.listing_windows ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.transactions ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.produced_content ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.viewer_overlays ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.feature_importance_snapshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE market.arbitrage_metrics ENABLE ROW LEVEL SECURITY;

DO $admin$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['analyzed_videos', 'video_ratings', 'market_contexts', 'model_versions',
    'concepts', 'listing_windows', 'transactions', 'produced_content', 'viewer_overlays',
    'feature_importance_snapshots', 'arbitrage_metrics']
  LOOP
    EXECUTE format('CREATE POLICY %I ON market.%I FOR ALL TO reelbase_admin USING (true) WITH CHECK (true)',
                   t || '_admin_all', t);
    EXECUTE format('COMMENT ON POLICY %I ON market.%I IS %L', t || '_admin_all', t,
                   'Administrators read and change every row (privileges still limit the statements, see 54_market_grants.sql).');
  END LOOP;
END
$admin$;

CREATE POLICY market_contexts_select_buyer ON market.market_contexts
  FOR SELECT TO reelbase_app USING (true);
COMMENT ON POLICY market_contexts_select_buyer ON market.market_contexts IS 'Markets are public.';

CREATE POLICY listing_windows_select_buyer ON market.listing_windows
  FOR SELECT TO reelbase_app USING (true);
COMMENT ON POLICY listing_windows_select_buyer ON market.listing_windows IS
  'Listings, whatever their status, are public (the shop window and its history).';

CREATE POLICY concepts_select_buyer ON market.concepts
  FOR SELECT TO reelbase_app USING (NOT archived);
COMMENT ON POLICY concepts_select_buyer ON market.concepts IS
  'Buyers see concepts that are not archived; the template columns are not granted to them.';

CREATE POLICY transactions_select_own ON market.transactions
  FOR SELECT TO reelbase_app USING (buyer_id = (SELECT reelbase.current_user_id()));
COMMENT ON POLICY transactions_select_own ON market.transactions IS 'A buyer sees only their own purchases.';

-- The subquery on transactions is itself filtered by transactions_select_own.
CREATE POLICY produced_content_select_own ON market.produced_content
  FOR SELECT TO reelbase_app
  USING (transaction_id IN (SELECT t.id FROM market.transactions t));
CREATE POLICY produced_content_insert_own ON market.produced_content
  FOR INSERT TO reelbase_app
  WITH CHECK (transaction_id IN (SELECT t.id FROM market.transactions t) AND NOT verified);
CREATE POLICY produced_content_update_own ON market.produced_content
  FOR UPDATE TO reelbase_app
  USING (transaction_id IN (SELECT t.id FROM market.transactions t) AND NOT verified)
  WITH CHECK (transaction_id IN (SELECT t.id FROM market.transactions t) AND NOT verified);
COMMENT ON POLICY produced_content_select_own ON market.produced_content IS
  'A buyer sees the content they submitted for their own purchases.';
COMMENT ON POLICY produced_content_insert_own ON market.produced_content IS
  'A buyer submits content for their own purchase, unverified.';
COMMENT ON POLICY produced_content_update_own ON market.produced_content IS
  'A buyer edits their submission until an administrator verifies it.';

CREATE POLICY viewer_overlays_select_bought ON market.viewer_overlays
  FOR SELECT TO reelbase_app
  USING (concept_id IN (SELECT t.concept_id FROM market.transactions t));
COMMENT ON POLICY viewer_overlays_select_bought ON market.viewer_overlays IS
  'A buyer sees the overlays of concepts they bought.';
