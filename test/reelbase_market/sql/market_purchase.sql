-- market.purchase_listing: the sale (transaction row, 12% cashback, sold_count, arbitrage
-- route and time to first sale), sold_out at the per-market cap and at the global cap across
-- markets, every refusal with its SQLSTATE, buyers through reelbase_app (who cannot write the
-- tables themselves), no identity, and buyers seeing only their own transactions.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixtures :abs_srcdir '/sql/fixtures/'
\set fixture :fixtures 'market_sales.sql'
\i :fixture
\set VERBOSITY default
\set SHOW_CONTEXT never
\set xa '5a000000-0000-4000-8000-0000000000a1'
\set xb '5a000000-0000-4000-8000-0000000000a2'
\set xc '5a000000-0000-4000-8000-0000000000a3'
\set xd '5a000000-0000-4000-8000-0000000000a4'
\set xg '5a000000-0000-4000-8000-0000000000a7'
\set k1 '5a000000-0000-4000-8000-0000000000c1'
\set k2 '5a000000-0000-4000-8000-0000000000c2'
\set k3 '5a000000-0000-4000-8000-0000000000c3'
\set b1 '5a000000-0000-4000-8000-00000000b001'
\set b2 '5a000000-0000-4000-8000-00000000b002'
\set b3 '5a000000-0000-4000-8000-00000000b003'

-- One purchase as one buyer in its own transaction: 'sold' or the refusal's SQLSTATE and
-- message (the subtransaction of the handler undoes a refused call, locks included).
CREATE FUNCTION pg_temp.buy(p_buyer uuid, p_listing uuid) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM reelbase.set_user_id(p_buyer);
  PERFORM market.purchase_listing(p_listing);
  RETURN 'sold';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
GRANT EXECUTE ON FUNCTION pg_temp.buy(uuid, uuid) TO reelbase_app;

-- Listings. Active ones start an hour ago; ids are renumbered so messages are stable.
-- l1: K1 in XB at 41.00 -> 11.48, per-market cap 3.
SELECT market.list_concept(:'k1', :'xb', 41.00, now() - interval '1 hour', 3, 15) AS l1 \gset
UPDATE market.listing_windows SET id = '5a000000-0000-4000-8000-0000000000e1' WHERE id = :'l1';
\set l1 '5a000000-0000-4000-8000-0000000000e1'
-- l2: K2 (no origin market) in XG at 9.99 -> 5.00 (4.995 rounds half away from zero).
SELECT market.list_concept(:'k2', :'xg', 9.99, now() - interval '1 hour') AS l2 \gset
UPDATE market.listing_windows SET id = '5a000000-0000-4000-8000-0000000000e2' WHERE id = :'l2';
\set l2 '5a000000-0000-4000-8000-0000000000e2'
-- Not active: expired and archived status, a window in the future, a window that has ended.
INSERT INTO market.listing_windows (id, concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price, status) VALUES
  ('5a000000-0000-4000-8000-0000000000f1', :'k2', :'xa', now() - interval '1 hour', now() + interval '71 hours', 10, 10, 'expired'),
  ('5a000000-0000-4000-8000-0000000000f2', :'k2', :'xb', now() - interval '1 hour', now() + interval '71 hours', 10, 2.80, 'archived'),
  ('5a000000-0000-4000-8000-0000000000f3', :'k2', :'xa', '2999-01-01 00:00+00', '2999-01-04 00:00+00', 10, 10, 'active'),
  ('5a000000-0000-4000-8000-0000000000f4', :'k2', :'xa', '2020-01-01 00:00+00', '2020-01-04 00:00+00', 10, 10, 'active');

-- Buyers are reelbase_app, which may not write listings or transactions itself.
SET ROLE reelbase_app;
SELECT has_table_privilege('market.transactions', 'INSERT') AS may_insert_transactions,
       has_table_privilege('market.listing_windows', 'UPDATE') AS may_update_listings,
       has_table_privilege('market.arbitrage_metrics', 'INSERT') AS may_insert_arbitrage;
BEGIN;
SELECT reelbase.set_user_id(:'b1') IS NOT NULL AS identity_set;
INSERT INTO market.transactions (buyer_id, concept_id, listing_window_id, market_context_id, price_paid, currency_code)
VALUES (:'b1', :'k1', :'l1', :'xb', 0.01, 'USD');
ROLLBACK;
\echo :LAST_ERROR_SQLSTATE

-- The happy path: B1 buys l1 through the function.
BEGIN;
SELECT reelbase.set_user_id(:'b1') IS NOT NULL AS identity_set;
SELECT market.purchase_listing(:'l1') AS t1 \gset
SELECT buyer_id = :'b1' AS own_buyer, concept_id = :'k1' AS concept, listing_window_id = :'l1' AS listing,
       market_context_id = :'xb' AS market, price_paid, currency_code, cashback_eligible,
       cashback_amount, cashback_status, purchased_at = now() AS purchased_now
FROM market.transactions WHERE id = :'t1';
COMMIT;
RESET ROLE;
SELECT sold_count, status FROM market.listing_windows WHERE id = :'l1';
-- Route XA -> XB: one sale; time to first sale = that sale's purchased_at - l1's window_start.
SELECT a.total_sales, a.time_to_first_sale = t.purchased_at - l.window_start AS first_sale_time,
       a.time_to_first_sale >= interval '1 hour' AS at_least_an_hour, a.recorded_at = t.purchased_at AS recorded_now
FROM market.arbitrage_metrics a, market.transactions t, market.listing_windows l
WHERE a.concept_id = :'k1' AND a.origin_market_id = :'xa' AND a.target_market_id = :'xb'
  AND t.id = :'t1' AND l.id = :'l1';
SELECT a.time_to_first_sale AS first_sale_after FROM market.arbitrage_metrics a WHERE a.concept_id = :'k1' \gset

-- Two more buyers: the third sale reaches the per-market cap of 3 and marks l1 sold_out.
SET ROLE reelbase_app;
SELECT pg_temp.buy(:'b2', :'l1') AS b2_buys_l1;
SELECT pg_temp.buy(:'b3', :'l1') AS b3_buys_l1;
RESET ROLE;
SELECT sold_count, status FROM market.listing_windows WHERE id = :'l1';
-- The route counts every sale; its time to first sale is kept from the first.
SELECT total_sales, time_to_first_sale = :'first_sale_after' AS first_sale_kept
FROM market.arbitrage_metrics WHERE concept_id = :'k1';
-- A fourth: RB002 (per-market cap), nothing written.
SET ROLE reelbase_app;
SELECT pg_temp.buy(:'b1', :'l1') AS b1_buys_sold_out_l1;
BEGIN;
SELECT reelbase.set_user_id(:'b1') IS NOT NULL AS identity_set;
SELECT market.purchase_listing(:'l1');
ROLLBACK;
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT sold_count, status, (SELECT count(*) FROM market.transactions WHERE listing_window_id = :'l1') AS sales
FROM market.listing_windows WHERE id = :'l1';

-- Cashback is 12% of the price, half away from zero to cents (5.00 -> 0.60). K2 has no
-- origin market, so no route is recorded for it.
SET ROLE reelbase_app;
SELECT pg_temp.buy(:'b1', :'l2') AS b1_buys_l2;
RESET ROLE;
SELECT price_paid, cashback_amount FROM market.transactions WHERE listing_window_id = :'l2';
SELECT count(*) AS routes_of_k2 FROM market.arbitrage_metrics WHERE concept_id = :'k2';

-- A buyer sees only their own transactions; with no identity, none.
SET ROLE reelbase_app;
BEGIN;
SELECT reelbase.set_user_id(:'b1') IS NOT NULL AS identity_set;
SELECT count(*) AS b1_sees, count(*) FILTER (WHERE buyer_id <> :'b1') AS of_others FROM market.transactions;
SELECT count(*) AS b1_purchased_concepts FROM market.purchased_concepts;
COMMIT;
BEGIN;
SELECT reelbase.set_user_id(:'b2') IS NOT NULL AS identity_set;
SELECT count(*) AS b2_sees, count(*) FILTER (WHERE buyer_id <> :'b2') AS of_others FROM market.transactions;
COMMIT;
SELECT count(*) AS anonymous_sees FROM market.transactions;
RESET ROLE;

-- The global cap across markets. K3 is listed in three markets: g1 (XB) and g2 (XC) with
-- global cap 4, g3 (XD) with global cap 10; per-market caps 5. The fourth sale of K3,
-- wherever it happens, closes g1 and g2 (their global cap is reached) but not g3.
SELECT market.list_concept(:'k3', :'xb', 10, now() - interval '1 hour', 5, 4) AS g1,
       market.list_concept(:'k3', :'xc', 10, now() - interval '1 hour', 5, 4) AS g2,
       market.list_concept(:'k3', :'xd', 10, now() - interval '1 hour', 5, 10) AS g3 \gset
UPDATE market.listing_windows SET id = '5a000000-0000-4000-8000-0000000000d1' WHERE id = :'g1';
UPDATE market.listing_windows SET id = '5a000000-0000-4000-8000-0000000000d2' WHERE id = :'g2';
UPDATE market.listing_windows SET id = '5a000000-0000-4000-8000-0000000000d3' WHERE id = :'g3';
\set g1 '5a000000-0000-4000-8000-0000000000d1'
\set g2 '5a000000-0000-4000-8000-0000000000d2'
\set g3 '5a000000-0000-4000-8000-0000000000d3'
SET ROLE reelbase_app;
SELECT pg_temp.buy(:'b1', :'g1') AS s1, pg_temp.buy(:'b2', :'g1') AS s2, pg_temp.buy(:'b3', :'g3') AS s3;
RESET ROLE;
SELECT m.country_code, l.sold_count, l.global_cap, l.status
FROM market.listing_windows l JOIN market.market_contexts m ON m.id = l.market_context_id
WHERE l.concept_id = :'k3' ORDER BY m.country_code;
SET ROLE reelbase_app;
SELECT pg_temp.buy(:'b1', :'g2') AS fourth_sale;
RESET ROLE;
SELECT m.country_code, l.sold_count, l.global_cap, l.status
FROM market.listing_windows l JOIN market.market_contexts m ON m.id = l.market_context_id
WHERE l.concept_id = :'k3' ORDER BY m.country_code;
-- Closed by the global cap: RB003 on g1 and g2 (sold_out, but not at their per-market cap);
-- g3 still sells (5 of its 10).
SET ROLE reelbase_app;
SELECT pg_temp.buy(:'b2', :'g1') AS g1_after;
SELECT pg_temp.buy(:'b2', :'g2') AS g2_after;
SELECT pg_temp.buy(:'b2', :'g3') AS g3_after;
RESET ROLE;
-- list_concept refuses a global cap the concept's sales already reach (55000, see
-- market_listing). A listing over it made anyway (a purchase committing while list_concept ran,
-- or an administrator's INSERT) is active, but refuses with RB003.
SELECT market.list_concept(:'k3', :'xa', 10, now() - interval '1 hour', 5, 3);
INSERT INTO market.listing_windows (id, concept_id, market_context_id, window_start, window_end,
                                    base_price_usd, listed_price, per_market_cap, global_cap)
VALUES ('5a000000-0000-4000-8000-0000000000d4', :'k3', :'xa', now() - interval '1 hour',
        now() + interval '71 hours', 10, 10, 5, 3);
SET ROLE reelbase_app;
SELECT pg_temp.buy(:'b3', '5a000000-0000-4000-8000-0000000000d4') AS g4_active_over_global_cap;
RESET ROLE;
-- Every route counts exactly the concept's transactions in its market; nothing oversold.
SELECT m.country_code AS target, a.total_sales,
       (SELECT count(*) FROM market.transactions t WHERE t.concept_id = :'k3' AND t.market_context_id = a.target_market_id) AS transactions
FROM market.arbitrage_metrics a JOIN market.market_contexts m ON m.id = a.target_market_id
WHERE a.concept_id = :'k3' ORDER BY 1;
-- (Counted in transactions: sold_count itself cannot exceed the cap, a CHECK holds it.)
SELECT count(*) FILTER (WHERE (SELECT count(*) FROM market.transactions t WHERE t.listing_window_id = l.id) > l.per_market_cap) AS over_market_cap,
       (SELECT count(*) FROM market.transactions WHERE concept_id = :'k3') AS k3_sales
FROM market.listing_windows l WHERE concept_id::text LIKE '5a000000-%';

-- Not active: RB001 for expired or archived status, a window not yet started, one ended.
SET ROLE reelbase_app;
SELECT pg_temp.buy(:'b1', '5a000000-0000-4000-8000-0000000000f1') AS expired;
SELECT pg_temp.buy(:'b1', '5a000000-0000-4000-8000-0000000000f2') AS archived;
SELECT pg_temp.buy(:'b1', '5a000000-0000-4000-8000-0000000000f3') AS not_started;
SELECT pg_temp.buy(:'b1', '5a000000-0000-4000-8000-0000000000f4') AS ended;
-- A listing still 'active' whose concept was archived after it was listed (K8): RB001, nothing sold.
RESET ROLE;
INSERT INTO market.listing_windows (id, concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price) VALUES
  ('5a000000-0000-4000-8000-0000000000f5', '5a000000-0000-4000-8000-0000000000c8', :'xa', now() - interval '1 hour', now() + interval '71 hours', 10, 10);
SET ROLE reelbase_app;
SELECT pg_temp.buy(:'b1', '5a000000-0000-4000-8000-0000000000f5') AS concept_archived;
RESET ROLE;
SELECT sold_count, status,
       (SELECT count(*) FROM market.transactions WHERE concept_id = '5a000000-0000-4000-8000-0000000000c8') AS k8_sales
FROM market.listing_windows WHERE id = '5a000000-0000-4000-8000-0000000000f5';
SET ROLE reelbase_app;
-- Unknown listing: 23503. NULL: 22004.
SELECT pg_temp.buy(:'b1', '5a000000-0000-4000-8000-0000000000ff') AS unknown_listing;
SELECT pg_temp.buy(:'b1', NULL) AS null_listing;
-- No identity: 42501 with a hint.
SELECT market.purchase_listing(:'g3');
\echo :LAST_ERROR_SQLSTATE
-- REPEATABLE READ would count sales in a stale snapshot: refused (0A000); SERIALIZABLE sells.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT reelbase.set_user_id(:'b1') IS NOT NULL AS identity_set;
SELECT market.purchase_listing(:'g3');
ROLLBACK;
\echo :LAST_ERROR_SQLSTATE
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT reelbase.set_user_id(:'b1') IS NOT NULL AS identity_set;
SELECT market.purchase_listing(:'g3') IS NOT NULL AS sold_serializable;
COMMIT;
RESET ROLE;
-- Administrators may buy too (as an identity of their own).
SET ROLE reelbase_admin;
SELECT pg_temp.buy(:'b3', :'g3') AS admin_buys;
RESET ROLE;
SELECT sold_count, status FROM market.listing_windows WHERE id = :'g3';
-- A thousand refusals in one session leave the backend as it was.
SELECT pg_backend_pid() AS pid_before \gset
SET ROLE reelbase_app;
SELECT count(*) FILTER (WHERE r LIKE 'RB002%') AS rb002
FROM (SELECT pg_temp.buy(:'b1', :'l1') AS r FROM generate_series(1, 1000)) s;
RESET ROLE;
SELECT pg_backend_pid() = :pid_before AS same_backend;

\set fixture :fixtures 'market_sales_cleanup.sql'
\i :fixture
