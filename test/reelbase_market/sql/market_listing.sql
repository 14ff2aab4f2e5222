-- market.list_concept: declared properties and privileges, PPP pricing and its rounding, the
-- 72-hour window, defaults, and every refusal with its SQLSTATE (\echo :LAST_ERROR_SQLSTATE).
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
\set xe '5a000000-0000-4000-8000-0000000000a5'
\set xf '5a000000-0000-4000-8000-0000000000a6'
\set k1 '5a000000-0000-4000-8000-0000000000c1'
\set k2 '5a000000-0000-4000-8000-0000000000c2'
\set k8 '5a000000-0000-4000-8000-0000000000c8'
\set k9 '5a000000-0000-4000-8000-0000000000c9'

-- Signatures, volatility, strictness, parallel safety, rights and pinned settings.
SELECT p.proname, pg_get_function_arguments(p.oid) AS arguments, pg_get_function_result(p.oid) AS result,
       p.provolatile, p.proisstrict, p.proparallel, p.prosecdef, p.proconfig
FROM pg_proc p
WHERE p.oid IN ('market.list_concept'::regproc, 'market.purchase_listing'::regproc)
ORDER BY 1;
-- Who may execute: list_concept is for administrators, purchase_listing for both roles.
SELECT f, r, has_function_privilege(r, f, 'EXECUTE') AS may_execute
FROM unnest(ARRAY['market.list_concept(uuid, uuid, numeric, timestamptz, integer, integer)',
                  'market.purchase_listing(uuid)']) AS f,
     unnest(ARRAY['reelbase_app', 'reelbase_admin', 'public']) AS r
ORDER BY 1, 2;
SELECT obj_description('market.list_concept'::regproc, 'pg_proc') IS NOT NULL AS list_commented,
       obj_description('market.purchase_listing'::regproc, 'pg_proc') IS NOT NULL AS purchase_commented;

-- Pricing: seed 000's examples (41.00 x 0.28 = 11.48, 50 x 0.25 = 12.50), the index taken as
-- its decimal (1.00 x 0.285 = 0.285 -> 0.29, not 0.28 from the binary double), the base
-- rounded half away from zero to cents first (12.345 -> 12.35), window_end = start + 72 hours,
-- caps default 5 and 15, a new listing is active with nothing sold.
SET ROLE reelbase_admin;
SELECT market.list_concept(:'k1', :'xb', 41.00, '2025-12-03 00:00+00') AS l_b \gset
SELECT market.list_concept(:'k1', :'xc', 50, '2025-12-03 00:00+00') AS l_c \gset
SELECT market.list_concept(:'k1', :'xd', 1.00, '2025-12-03 00:00+00', 2, 3) AS l_d \gset
SELECT market.list_concept(:'k1', :'xa', 12.345, '2025-12-03 00:00+00') AS l_a \gset
SELECT market.list_concept(:'k1', :'xa', 0.005, '2025-12-04 00:00+00', 1, 1) AS l_a2 \gset
RESET ROLE;
SELECT m.country_code, m.purchasing_power_index, l.base_price_usd, l.listed_price,
       l.window_start, l.window_end, l.window_end - l.window_start AS length,
       l.per_market_cap, l.global_cap, l.sold_count, l.status
FROM market.listing_windows l JOIN market.market_contexts m ON m.id = l.market_context_id
WHERE l.id IN (:'l_b', :'l_c', :'l_d', :'l_a', :'l_a2')
ORDER BY l.window_start, m.country_code;
-- The default window starts now().
BEGIN;
SELECT market.list_concept(:'k2', :'xa', 10) AS l_now \gset
SELECT window_start = now() AS starts_now, listed_price FROM market.listing_windows WHERE id = :'l_now';
ROLLBACK;
-- The same concept in the same market with another window start is another listing.
SELECT market.list_concept(:'k1', :'xb', 41, '2025-12-06 00:00+00') IS NOT NULL AS second_window;

-- Refusals. NULL arguments: 22004 naming the argument.
SELECT market.list_concept(NULL, :'xa', 10);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', NULL, 10);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 10, NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 10, now(), NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 10, now(), 5, NULL);
\echo :LAST_ERROR_SQLSTATE
-- Prices: not positive, not finite, nothing left after rounding to cents: 22023.
SELECT market.list_concept(:'k1', :'xa', 0);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', -5);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 'NaN');
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 'Infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 0.0049);
\echo :LAST_ERROR_SQLSTATE
-- 1.00 in a market whose index is 0.0001: 0.0001 rounds to 0.00.
SELECT market.list_concept(:'k1', :'xe', 1.00);
\echo :LAST_ERROR_SQLSTATE
-- ... while 50.00 there is 0.005 -> 0.01.
SELECT market.list_concept(:'k1', :'xe', 50.00, '2025-12-03 00:00+00') AS l_e \gset
SELECT listed_price FROM market.listing_windows WHERE id = :'l_e';
-- Beyond numeric(12,2): the base itself, or the base x 100 in a rich market: 22003.
SELECT market.list_concept(:'k1', :'xa', 10000000000);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 9999999999.995);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xf', 100000000);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 1e300);
\echo :LAST_ERROR_SQLSTATE
-- Caps must be positive: 22023.
SELECT market.list_concept(:'k1', :'xa', 10, now(), 0);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 10, now(), 5, -1);
\echo :LAST_ERROR_SQLSTATE
-- The window must start at a real instant: 22023.
SELECT market.list_concept(:'k1', :'xa', 10, 'infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', :'xa', 10, '-infinity');
\echo :LAST_ERROR_SQLSTATE
-- Unknown concept or market: 23503.
SELECT market.list_concept('5a000000-0000-4000-8000-0000000000ff', :'xa', 10);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k1', '5a000000-0000-4000-8000-0000000000ff', 10);
\echo :LAST_ERROR_SQLSTATE
-- Archived, or not evergreen eligible: 55000.
SELECT market.list_concept(:'k8', :'xa', 10);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k9', :'xa', 10);
\echo :LAST_ERROR_SQLSTATE
-- A global cap the concept's sales (every market) already reach: 55000, the listing could never
-- sell. K2 has 3 sales in XA; a global cap of 3 is refused in XB, 4 is accepted.
SELECT market.list_concept(:'k2', :'xa', 10, '2025-12-10 00:00+00') AS l_k2 \gset
INSERT INTO market.transactions (buyer_id, concept_id, listing_window_id, market_context_id, price_paid, currency_code)
SELECT gen_random_uuid(), :'k2', :'l_k2', :'xa', 10, 'USD' FROM generate_series(1, 3);
SET ROLE reelbase_admin;
SELECT market.list_concept(:'k2', :'xb', 10, '2025-12-10 00:00+00', 5, 3);
\echo :LAST_ERROR_SQLSTATE
SELECT market.list_concept(:'k2', :'xb', 10, '2025-12-10 00:00+00', 5, 4) IS NOT NULL AS listed_above_sales;
RESET ROLE;
-- The same concept, market and window start again: 23505 naming the values.
SELECT market.list_concept(:'k1', :'xb', 99, '2025-12-03 00:00+00');
\echo :LAST_ERROR_SQLSTATE
-- None of the refusals left a row behind.
SELECT count(*) AS listings_of_k1 FROM market.listing_windows WHERE concept_id = :'k1';

-- Buyers cannot list (EXECUTE is not granted to reelbase_app): 42501.
SET ROLE reelbase_app;
SELECT market.list_concept(:'k1', :'xa', 10);
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

-- The function does not trust the session: a hostile search_path cannot redirect its tables.
CREATE SCHEMA regress_market_shadow;
CREATE TABLE regress_market_shadow.listing_windows (id uuid);
SET search_path = regress_market_shadow, market, public;
SELECT market.list_concept(:'k2', :'xa', 7, '2025-12-03 00:00+00') AS l_shadow \gset
RESET search_path;
SELECT (SELECT count(*) FROM regress_market_shadow.listing_windows) AS shadow_rows,
       (SELECT listed_price FROM market.listing_windows WHERE id = :'l_shadow') AS real_row_price;
DROP SCHEMA regress_market_shadow CASCADE;

\set fixture :fixtures 'market_sales_cleanup.sql'
\i :fixture
