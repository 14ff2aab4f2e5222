-- reelbase demo walkthrough, part 2: the concept marketplace (market schema, seed 000) on the
-- data of demo/market_data.sql. Run as the superuser after demo/walkthrough.sql:
--   psql -X -v ON_ERROR_STOP=1 -d reelbase_demo -f demo/market_walkthrough.sql
-- Ids: a1...a1 US, a2 Indonesia, a3 Brazil, a4 India; c1.. videos; d1.. concepts.

\set QUIET on
\set ON_ERROR_STOP 1
\set VERBOSITY default
\set SHOW_CONTEXT never
\pset null '(null)'
SET client_min_messages = warning;
SET search_path = market, public;
SELECT 'a1000000-0000-0000-0000-0000000000a1' AS us, 'a1000000-0000-0000-0000-0000000000a2' AS id_,
       'a1000000-0000-0000-0000-0000000000a3' AS br, 'a1000000-0000-0000-0000-0000000000a4' AS in_,
       'd1000000-0000-0000-0000-0000000000d1' AS kitchen, 'd1000000-0000-0000-0000-0000000000d2' AS chef,
       'd1000000-0000-0000-0000-0000000000d3' AS lipsync, 'd1000000-0000-0000-0000-0000000000d4' AS retired \gset

\echo
\echo '################################################################################'
\echo '## 4. The marketplace: markets, the active model, concepts'
\echo '################################################################################'
\echo
SELECT country_code, region_name, purchasing_power_index AS ppi, currency_code FROM market_contexts ORDER BY ppi DESC;
SELECT c.concept_core, c.evergreen_eligible AS evergreen, c.archived, v.platform
FROM concepts c JOIN analyzed_videos v ON v.id = c.source_video_id ORDER BY c.id;

\echo
\echo '################################################################################'
\echo '## 5. Model scoring (Swift): the active model''s feature weights applied to each video''s'
\echo '##    visual_analysis; score_concept stores the 0-10 virality score on the concept'
\echo '################################################################################'
\echo
SELECT right(v.id::text, 2) AS video, round(s.raw_score::numeric, 3) AS raw_score,
       round(s.virality_score::numeric, 3) AS virality_score, s.features_used, s.features_missing
FROM analyzed_videos v, LATERAL score_video(v.id) s
WHERE v.visual_analysis IS NOT NULL ORDER BY v.id;
SELECT round(score_concept(:'kitchen')::numeric, 3) AS kitchen, round(score_concept(:'chef')::numeric, 3) AS chef;

\echo
\echo '################################################################################'
\echo '## 6. Ratings: the owner and an agent rated video c1; the disagreement with the AI'
\echo '##    prediction is computed by the database'
\echo '################################################################################'
\echo
SELECT rater_type, overall_score, ai_prediction->'user_disagreement' AS user_disagreement
FROM video_ratings ORDER BY rater_type DESC;

\echo
\echo '################################################################################'
\echo '## 7. Similar videos (vector engine over analyzed_videos.content_embedding)'
\echo '################################################################################'
\echo
SELECT right(video_id::text, 2) AS video, round(similarity::numeric, 4) AS similarity
FROM similar_videos('c1000000-0000-0000-0000-0000000000c1', 3);

\echo
\echo '################################################################################'
\echo '## 8. Listing (Swift): the kitchen concept, $41 base, in four markets for 72 hours;'
\echo '##    listed price = base x purchasing power index, rounded to cents'
\echo '################################################################################'
\echo
SELECT list_concept(:'kitchen', :'us', 41.00, now() - interval '1 hour', 2, 5) AS us_listing \gset
SELECT list_concept(:'kitchen', :'id_', 41.00, now() - interval '1 hour', 2, 5) AS id_listing \gset
SELECT list_concept(:'kitchen', :'br', 41.00, now() - interval '1 hour', 2, 5) AS br_listing \gset
SELECT list_concept(:'kitchen', :'in_', 41.00, now() - interval '1 hour', 2, 5) AS in_listing \gset
SELECT m.country_code, l.base_price_usd, l.listed_price, l.window_end - l.window_start AS window,
       l.per_market_cap, l.global_cap, l.status
FROM listing_windows l JOIN market_contexts m ON m.id = l.market_context_id ORDER BY l.listed_price DESC;

\echo
\echo '################################################################################'
\echo '## 9. Purchases (Swift): each buyer acts through the application role; 12% cashback;'
\echo '##    2 sales per market, 5 in total'
\echo '################################################################################'
\echo
CREATE ROLE market_web LOGIN IN ROLE reelbase_app;
\set ON_ERROR_STOP 0
BEGIN; SET LOCAL ROLE market_web; SELECT reelbase.set_user_id('b0000000-0000-4000-8000-000000000001') \g /dev/null
SELECT purchase_listing(:'id_listing') IS NOT NULL AS bought_in_indonesia; COMMIT;
BEGIN; SET LOCAL ROLE market_web; SELECT reelbase.set_user_id('b0000000-0000-4000-8000-000000000002') \g /dev/null
SELECT purchase_listing(:'id_listing') IS NOT NULL AS bought_in_indonesia; COMMIT;
\echo 'A third buyer in Indonesia: the per-market cap (2) is reached (RB002):'
BEGIN; SET LOCAL ROLE market_web; SELECT reelbase.set_user_id('b0000000-0000-4000-8000-000000000003') \g /dev/null
SELECT purchase_listing(:'id_listing'); COMMIT;
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
BEGIN; SET LOCAL ROLE market_web; SELECT reelbase.set_user_id('b0000000-0000-4000-8000-000000000003') \g /dev/null
SELECT purchase_listing(:'us_listing') IS NOT NULL AS bought_in_us; COMMIT;
BEGIN; SET LOCAL ROLE market_web; SELECT reelbase.set_user_id('b0000000-0000-4000-8000-000000000004') \g /dev/null
SELECT purchase_listing(:'br_listing') IS NOT NULL AS bought_in_brazil; COMMIT;
BEGIN; SET LOCAL ROLE market_web; SELECT reelbase.set_user_id('b0000000-0000-4000-8000-000000000005') \g /dev/null
SELECT purchase_listing(:'in_listing') IS NOT NULL AS bought_in_india; COMMIT;
\echo 'A sixth buyer, in India: the global cap (5 across all markets) is reached (RB003):'
BEGIN; SET LOCAL ROLE market_web; SELECT reelbase.set_user_id('b0000000-0000-4000-8000-000000000006') \g /dev/null
SELECT purchase_listing(:'in_listing'); COMMIT;
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
SELECT m.country_code, l.listed_price, l.sold_count, l.status
FROM listing_windows l JOIN market_contexts m ON m.id = l.market_context_id ORDER BY l.listed_price DESC;
SELECT right(t.buyer_id::text, 2) AS buyer, m.country_code, t.price_paid, t.cashback_amount, t.cashback_status
FROM transactions t JOIN market_contexts m ON m.id = t.market_context_id ORDER BY t.purchased_at, t.buyer_id;
\echo 'Routes from the concept''s origin market (arbitrage_metrics, kept by each purchase):'
SELECT o.country_code AS origin, t.country_code AS target, a.total_sales, a.time_to_first_sale
FROM arbitrage_metrics a JOIN market_contexts o ON o.id = a.origin_market_id
JOIN market_contexts t ON t.id = a.target_market_id ORDER BY t.country_code;
\echo 'What buyer 01 sees: only their own purchase, with the template they paid for:'
BEGIN; SET LOCAL ROLE market_web; SELECT reelbase.set_user_id('b0000000-0000-4000-8000-000000000001') \g /dev/null
SELECT (SELECT count(*) FROM transactions) AS my_transactions, template_description FROM purchased_concepts;
COMMIT;

\echo
\echo '################################################################################'
\echo '## 10. Cashback: buyer 01 submits a video, an administrator verifies it: claimed at'
\echo '##     once. The sweeps, run with a clock 31 days ahead, expire the rest and the listings'
\echo '################################################################################'
\echo
BEGIN; SET LOCAL ROLE market_web; SELECT reelbase.set_user_id('b0000000-0000-4000-8000-000000000001') \g /dev/null
INSERT INTO produced_content (transaction_id, submitted_url, platform)
SELECT id, 'https://www.tiktok.com/@indonesian_creator/video/987654321', 'tiktok' FROM transactions;
COMMIT;
BEGIN; SET LOCAL ROLE reelbase_admin;
UPDATE produced_content SET verified = true, verification_notes = 'Content matches concept, good adaptation';
COMMIT;
SELECT * FROM run_sweeps(now() + interval '31 days');
SELECT right(buyer_id::text, 2) AS buyer, cashback_amount, cashback_status FROM transactions ORDER BY buyer_id;
SELECT status, count(*) FROM listing_windows GROUP BY status ORDER BY status;
\echo 'A second run changes nothing (idempotent):'
SELECT * FROM run_sweeps(now() + interval '31 days');

\echo
\echo '################################################################################'
\echo '## 11. Refused listings'
\echo '################################################################################'
\echo
\set ON_ERROR_STOP 0
SELECT list_concept(:'lipsync', :'us', 20);
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
SELECT list_concept(:'retired', :'us', 20);
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
SELECT list_concept(:'chef', :'us', -5);
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\echo 'A buyer cannot list, and cannot buy without an identity:'
BEGIN; SET LOCAL ROLE market_web;
SELECT list_concept(:'chef', :'us', 20);
ROLLBACK;
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
BEGIN; SET LOCAL ROLE market_web;
SELECT purchase_listing(:'us_listing');
ROLLBACK;
\echo '    -> SQLSTATE' :LAST_ERROR_SQLSTATE
\set ON_ERROR_STOP 1
DROP OWNED BY market_web;
DROP ROLE market_web;
\echo
\echo 'Done.'
