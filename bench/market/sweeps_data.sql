-- Data for bench/market/20_sweeps.sh, as the owner, relative to a fixed clock bench.t0:
-- 20 markets, 1,000 concepts (each with its analysed video), 20,000 listings (every concept in
-- every market, windows long over), 1,000 open listings with caps high enough for the purchase
-- run, and 1,000,000 transactions:
--   200,000 pending, purchased 31..90 days before t0, no content        -> due (the sweep's work)
--    10,000 pending, 31..90 days old, content submitted in time          -> not due (stepped over)
--   290,000 pending, purchased within the last 29 days                   -> not due yet
--   500,000 claimed or expired, 31..400 days old                         -> not pending
CREATE SCHEMA IF NOT EXISTS bench;
CREATE TABLE bench.clock AS SELECT '2026-01-01 00:00+00'::timestamptz AS t0;

INSERT INTO market.market_contexts (country_code, region_name, primary_language, purchasing_power_index, currency_code)
SELECT chr(65 + i / 26) || chr(65 + i % 26), 'market ' || i, 'en', 0.2 + i * 0.04, 'USD'
FROM generate_series(0, 19) i;
INSERT INTO market.analyzed_videos (id, video_url)
SELECT ('b0000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'https://example.com/v/' || i
FROM generate_series(1, 1000) i;
INSERT INTO market.concepts (id, source_video_id, concept_core)
SELECT ('c0000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       ('b0000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'concept ' || i
FROM generate_series(1, 1000) i;
CREATE TABLE bench.markets AS
  SELECT row_number() OVER (ORDER BY country_code) - 1 AS n, id FROM market.market_contexts;
INSERT INTO market.listing_windows (concept_id, market_context_id, window_start, window_end,
                                    base_price_usd, listed_price, status)
SELECT c.id, m.id, (SELECT t0 FROM bench.clock) - interval '120 days',
       (SELECT t0 FROM bench.clock) - interval '117 days', 10, 10, 'archived'
FROM market.concepts c CROSS JOIN market.market_contexts m;
CREATE TABLE bench.listings AS
  SELECT row_number() OVER (ORDER BY id) AS n, id, concept_id, market_context_id FROM market.listing_windows;
CREATE UNIQUE INDEX ON bench.listings (n);

-- Open listings for the purchase run (bench/market/pgbench/purchase.sql picks one at random).
INSERT INTO market.listing_windows (concept_id, market_context_id, window_start, window_end,
                                    base_price_usd, listed_price, per_market_cap, global_cap)
SELECT c.id, (SELECT id FROM bench.markets WHERE n = 0), now() - interval '1 hour', now() + interval '71 hours',
       10, 10, 1000000, 1000000
FROM market.concepts c;
CREATE TABLE bench.open_listings AS
  SELECT row_number() OVER (ORDER BY id) AS n, id FROM market.listing_windows WHERE status = 'active';
CREATE UNIQUE INDEX ON bench.open_listings (n);

-- 1,000,000 transactions, stored in purchase order (as a real table fills).
INSERT INTO market.transactions (buyer_id, concept_id, listing_window_id, market_context_id, price_paid,
                                 currency_code, cashback_amount, cashback_status, purchased_at)
SELECT gen_random_uuid(), l.concept_id, l.id, l.market_context_id, 10, 'USD', 1.20, s.status,
       (SELECT t0 FROM bench.clock) - s.age
FROM (
  SELECT i,
         CASE WHEN i <= 210000 THEN 'pending' WHEN i <= 500000 THEN 'pending'
              WHEN i % 2 = 0 THEN 'claimed' ELSE 'expired' END AS status,
         CASE WHEN i <= 210000 THEN interval '31 days' + random() * interval '59 days'
              WHEN i <= 500000 THEN random() * interval '29 days'
              ELSE interval '31 days' + random() * interval '369 days' END AS age
  FROM generate_series(1, 1000000) i
  ORDER BY age DESC
) s
JOIN bench.listings l ON l.n = 1 + (s.i % 20000);
-- 10,000 of the old pending purchases have content submitted in time (awaiting verification).
INSERT INTO market.produced_content (transaction_id, submitted_url, platform, submitted_at)
SELECT id, 'https://example.com/made/' || id, 'tiktok', purchased_at + interval '3 days'
FROM market.transactions
WHERE cashback_status = 'pending' AND purchased_at <= (SELECT t0 FROM bench.clock) - interval '30 days'
ORDER BY id LIMIT 10000;
VACUUM ANALYZE market.transactions, market.produced_content, market.listing_windows, market.concepts;
-- The due rows, so each measured run can put back exactly them.
CREATE TABLE bench.due AS
  SELECT t.id FROM market.transactions t
  WHERE t.cashback_status = 'pending' AND t.purchased_at <= (SELECT t0 FROM bench.clock) - interval '720 hours'
    AND NOT EXISTS (SELECT 1 FROM market.produced_content c WHERE c.transaction_id = t.id
                    AND c.submitted_at <= t.purchased_at + interval '720 hours');
ANALYZE bench.due;
