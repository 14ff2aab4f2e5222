-- Generated data for the market benchmarks; any bench/market step may load it (it is loaded
-- once: steps check for bench.listings first). Deterministic: setseed() fixes random(), and
-- every id is made from random() (gen_random_uuid() ignores the seed).
--   20 markets (codes QA..QT; purchasing-power index 0.20 .. 1.15);
--   1,000 analysed videos, 1,000 concepts (concept n from video n, origin market random);
--   bench.listings(n = 1..1,000): concept n listed by market.list_concept in a random market
--   other than its origin, base price 5..99 dollars, window from an hour ago, caps 1,000,000
--   per market and globally, so no run sells out (purchases measure the sale, not refusals);
--   bench.race: one more concept with a single listing whose per-market cap is :race_cap
--   (psql variable, default 100), for the race on one listing.
\if :{?race_cap}
\else
  \set race_cap 100
\endif
SELECT setseed(0.42) \g /dev/null

CREATE SCHEMA bench;

INSERT INTO market.market_contexts (id, country_code, region_name, primary_language,
                                    purchasing_power_index, currency_code)
SELECT md5(random()::text)::uuid, 'Q' || chr(64 + i), 'Bench market ' || i, 'en',
       round((0.15 + 0.05 * i)::numeric, 2)::float8, 'USD'
FROM generate_series(1, 20) AS i;
CREATE TABLE bench.market_ids AS
  SELECT row_number() OVER (ORDER BY country_code) AS market_no, id FROM market.market_contexts;

CREATE TABLE bench.video_ids AS
  SELECT i AS video_no, md5(random()::text)::uuid AS id FROM generate_series(1, 1001) AS i;
INSERT INTO market.analyzed_videos (id, video_url, platform)
SELECT id, 'https://bench.invalid/video/' || video_no, 'tiktok' FROM bench.video_ids ORDER BY video_no;

CREATE TABLE bench.concept_ids AS
  SELECT i AS concept_no, md5(random()::text)::uuid AS id,
         1 + floor(random() * 20)::int AS origin_no,
         1 + floor(random() * 19)::int AS target_offset,
         5 + floor(random() * 95)::int AS base_price
  FROM generate_series(1, 1001) AS i;
INSERT INTO market.concepts (id, source_video_id, concept_core, template_description, origin_market_id)
SELECT c.id, v.id, 'Bench concept ' || c.concept_no, 'How to make bench concept ' || c.concept_no, m.id
FROM bench.concept_ids c
JOIN bench.video_ids v ON v.video_no = c.concept_no
JOIN bench.market_ids m ON m.market_no = c.origin_no
ORDER BY c.concept_no;

-- Listings through the function, so their prices follow its rules.
CREATE TABLE bench.listings (
  n int PRIMARY KEY,
  id uuid NOT NULL,
  concept_id uuid NOT NULL,
  market_context_id uuid NOT NULL,
  listed_price numeric(12,2)
);
INSERT INTO bench.listings (n, id, concept_id, market_context_id)
SELECT c.concept_no,
       market.list_concept(c.id, m.id, c.base_price, now() - interval '1 hour', 1000000, 1000000),
       c.id, m.id
FROM bench.concept_ids c
JOIN bench.market_ids m ON m.market_no = 1 + (c.origin_no - 1 + c.target_offset) % 20
WHERE c.concept_no <= 1000
ORDER BY c.concept_no;
UPDATE bench.listings b SET listed_price = l.listed_price
FROM market.listing_windows l WHERE l.id = b.id;

CREATE TABLE bench.race AS
SELECT market.list_concept(c.id, m.id, 20, now() - interval '1 hour', :race_cap, 1000000) AS id,
       c.id AS concept_id, :race_cap AS cap
FROM bench.concept_ids c JOIN bench.market_ids m ON m.market_no = 1 + (c.origin_no % 20)
WHERE c.concept_no = 1001;

ANALYZE;
