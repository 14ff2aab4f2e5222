-- Row-level security and privileges of the market schema, as a buyer, another buyer, no
-- identity and an administrator: what each may see and change. SET LOCAL ROLE +
-- reelbase.set_user_id() in a transaction, as an application does.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/market.sql'
\i :fixture
\set VERBOSITY terse

-- reelbase_app without an identity: the shop window only (markets, listings, live concepts)
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT * FROM pg_temp.market_visible();
ROLLBACK;

-- buyer 1 (bought concept d1): also their transaction, and d1's overlay through the purchase
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000001');
SELECT * FROM pg_temp.market_visible();
SELECT buyer_id, price_paid, cashback_amount FROM market.transactions;
SELECT content FROM market.viewer_overlays;
-- the full concept, template included, through the view
SELECT concept_core, template_description FROM market.purchased_concepts;
-- archived concepts are hidden
SELECT count(*) AS archived_visible FROM market.concepts WHERE archived;
ROLLBACK;

-- buyer 2: their own transaction and produced content, never buyer 1's
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000002');
SELECT buyer_id FROM market.transactions;
SELECT submitted_url FROM market.produced_content;
SELECT template_description FROM market.purchased_concepts;
ROLLBACK;

-- what a buyer may not do (each fails: 42501 privilege or a policy)
\set ON_ERROR_STOP 0
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000001');
-- the template is what buyers pay for: not readable from the table
SELECT template_description FROM market.concepts;
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000001');
-- no direct purchases, no price changes, no listing changes
INSERT INTO market.transactions (buyer_id, concept_id, listing_window_id, market_context_id, price_paid, currency_code)
  VALUES ('b0000000-0000-0000-0000-000000000001', 'e0000000-0000-0000-0000-0000000000d1',
          'e0000000-0000-0000-0000-0000000000e1', 'e0000000-0000-0000-0000-0000000000a2', 0, 'USD');
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_market_app;
UPDATE market.listing_windows SET listed_price = 0.01;
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000001');
UPDATE market.transactions SET cashback_status = 'claimed';
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT count(*) FROM market.analyzed_videos;
ROLLBACK;
-- content for someone else's purchase is refused by the policy
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000001');
INSERT INTO market.produced_content (transaction_id, submitted_url, platform)
  VALUES ('e0000000-0000-0000-0000-0000000000f2', 'https://steal', 'tiktok');
ROLLBACK;
-- a buyer cannot verify their own content (column privilege)
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000002');
UPDATE market.produced_content SET verified = true;
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000001');
INSERT INTO market.produced_content (transaction_id, submitted_url, platform, verified)
  VALUES ('e0000000-0000-0000-0000-0000000000f1', 'https://mine', 'tiktok', true);
ROLLBACK;
\set ON_ERROR_STOP 1

-- what a buyer may do: submit content for their own purchase, and edit it until verified
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000001');
INSERT INTO market.produced_content (transaction_id, submitted_url, platform, performance_metrics)
  VALUES ('e0000000-0000-0000-0000-0000000000f1', 'https://mine', 'tiktok', '{"views": 10}');
UPDATE market.produced_content SET performance_metrics = '{"views": 52000}' RETURNING submitted_url, performance_metrics;
ROLLBACK;
-- another buyer's UPDATE matches nothing
BEGIN;
SET LOCAL ROLE regress_market_app;
SELECT reelbase.set_user_id('b0000000-0000-0000-0000-000000000001');
WITH u AS (UPDATE market.produced_content SET submitted_url = 'https://hijack' RETURNING 1)
SELECT count(*) AS hijacked FROM u;
ROLLBACK;

-- the administrator sees every row and administers the marketplace
BEGIN;
SET LOCAL ROLE regress_market_admin;
SELECT * FROM pg_temp.market_visible();
UPDATE market.produced_content SET verified = true, verification_notes = 'matches' RETURNING verified;
UPDATE market.concepts SET archived = true WHERE id = 'e0000000-0000-0000-0000-0000000000d2' RETURNING archived;
INSERT INTO market.market_contexts (country_code, region_name, primary_language, purchasing_power_index, currency_code)
  VALUES ('BR', 'Brazil', 'pt', 0.45, 'BRL') RETURNING country_code;
ROLLBACK;
-- ... but never deletes a transaction (a ledger)
\set ON_ERROR_STOP 0
BEGIN;
SET LOCAL ROLE regress_market_admin;
DELETE FROM market.transactions;
ROLLBACK;
\set ON_ERROR_STOP 1

\set fixture :abs_srcdir '/sql/fixtures/market_cleanup.sql'
\i :fixture
