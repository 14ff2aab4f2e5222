-- The market sweeps and the cashback claim, with a fake clock (p_now): listing expiry and
-- archiving, cashback expiry at the 30-day (720-hour) boundary, claim on verification,
-- bounded batches, idempotence, run_sweeps, the maintenance task, rights and bad arguments.
-- (Skipping rows another session holds needs two sessions: scripts/test-market-sweeps.sh.)
\set VERBOSITY default
\set SHOW_CONTEXT never
SET timezone = 'UTC';

-- Declared properties: caller's rights, VOLATILE, not strict (NULL is an error, 22004).
SELECT p.proname, pg_get_function_arguments(p.oid) AS arguments,
       pg_get_function_result(p.oid) AS result, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'market' AND p.proname IN ('expire_listings', 'archive_listings', 'expire_cashback', 'run_sweeps')
ORDER BY 1;
-- Executable by administrators only.
SELECT r.rolname, p.proname, has_function_privilege(r.rolname, p.oid, 'EXECUTE') AS can_execute
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
CROSS JOIN (VALUES ('reelbase_app'), ('reelbase_admin')) AS r(rolname)
WHERE n.nspname = 'market' AND p.proname IN ('expire_listings', 'archive_listings', 'expire_cashback', 'run_sweeps')
ORDER BY 1, 2;

-- Fixtures (as the owner): three markets, one concept. Ids end in a readable label.
INSERT INTO market.market_contexts (id, country_code, region_name, primary_language, purchasing_power_index, currency_code)
VALUES ('5e000000-0000-4000-8000-000000000001', 'XA', 'Sweepland A', 'en', 1.0, 'USD'),
       ('5e000000-0000-4000-8000-000000000002', 'XB', 'Sweepland B', 'en', 0.5, 'USD'),
       ('5e000000-0000-4000-8000-000000000003', 'XC', 'Sweepland C', 'en', 0.3, 'USD');
INSERT INTO market.analyzed_videos (id, video_url)
VALUES ('5e000000-0000-4000-8000-0000000000f1', 'https://example.com/sweeps');
INSERT INTO market.concepts (id, source_video_id, concept_core)
VALUES ('5e000000-0000-4000-8000-0000000000c1', '5e000000-0000-4000-8000-0000000000f1', 'sweep me');
-- Active listings a1..a5 end 2025-06-04 00:00 .. 04:00 (hourly); a6 ends 2025-06-13.
-- Sold-out b1 ends 2025-06-04, b2 ends 2025-06-13.
CREATE FUNCTION pg_temp.listing(label text, market int, start timestamptz, status text) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO market.listing_windows (id, concept_id, market_context_id, window_start, window_end,
                                      base_price_usd, listed_price, status)
  VALUES (('5e000000-0000-4000-8000-0000000001' || label)::uuid, '5e000000-0000-4000-8000-0000000000c1',
          ('5e000000-0000-4000-8000-00000000000' || market)::uuid, start, start + interval '72 hours',
          10, 10, status)
$$;
SELECT pg_temp.listing('a' || i, 1, '2025-06-01 00:00+00'::timestamptz + (i - 1) * interval '1 hour', 'active')
FROM generate_series(1, 5) i;
SELECT pg_temp.listing('a6', 1, '2025-06-10 00:00+00', 'active');
SELECT pg_temp.listing('b1', 2, '2025-06-01 00:00+00', 'sold_out');
SELECT pg_temp.listing('b2', 2, '2025-06-10 00:00+00', 'sold_out');
CREATE VIEW pg_temp.listings AS
  SELECT right(id::text, 2) AS listing, window_end, status FROM market.listing_windows
  WHERE concept_id = '5e000000-0000-4000-8000-0000000000c1' ORDER BY 1;

------------------------------------------------------------------------------------------------
-- expire_listings: active and window_end <= p_now
------------------------------------------------------------------------------------------------
-- One microsecond before a1's end: nothing. At its end exactly: a1 (the window is [start, end)).
SELECT market.expire_listings('2025-06-03 23:59:59.999999+00') AS changed;
SELECT market.expire_listings('2025-06-04 00:00+00') AS changed;
-- Bounded batches, oldest window_end first: a2..a5 go 2, then 2, then 0 (idempotent).
SELECT market.expire_listings('2025-06-07 00:00+00', 2) AS changed;
SELECT * FROM pg_temp.listings;
SELECT market.expire_listings('2025-06-07 00:00+00', 2) AS changed;
SELECT market.expire_listings('2025-06-07 00:00+00', 2) AS changed;
-- a6 (ends later) stays active; sold-out listings are not expired.
SELECT * FROM pg_temp.listings;

------------------------------------------------------------------------------------------------
-- archive_listings: expired; sold_out with window_end <= p_now
------------------------------------------------------------------------------------------------
-- At 2025-06-07: the five expired and b1 (sold out, window over); b2 is sold out but its window
-- is still open, so it stays. Batches of 4: 4, 2, 0.
SELECT market.archive_listings('2025-06-07 00:00+00', 4) AS changed;
SELECT market.archive_listings('2025-06-07 00:00+00', 4) AS changed;
SELECT market.archive_listings('2025-06-07 00:00+00', 4) AS changed;
SELECT * FROM pg_temp.listings;
-- b2 at its window_end exactly: archived. a6 (active) is never archived directly.
SELECT market.archive_listings('2025-06-13 00:00+00') AS changed;
SELECT * FROM pg_temp.listings WHERE listing IN ('a6', 'b2');

------------------------------------------------------------------------------------------------
-- expire_cashback: pending, purchased_at + 720 hours <= p_now, no content submitted in time
------------------------------------------------------------------------------------------------
-- Purchases at 2025-06-01 12:00 UTC (deadline 2025-07-01 12:00), one label each:
--  e1 no content                       -> expires at the deadline, not a microsecond before
--  e2 content at +29 days, unverified  -> not expired (claimed when verified)
--  e3 content at +31 days (late)       -> expires
--  e4 content exactly at the deadline  -> in time: not expired
--  e5 purchased a day later            -> not due yet at e1's deadline
--  e6 content in time                  -> verified below: claimed at once
--  e7 not cashback_eligible, content   -> verified below: not claimed
--  e8 already expired, content         -> verified below: stays expired
--  e9 already claimed (no content row) -> the sweep leaves it alone
CREATE FUNCTION pg_temp.purchase(label text, at timestamptz, eligible boolean DEFAULT true,
                                 status text DEFAULT 'pending') RETURNS void
LANGUAGE sql AS $$
  INSERT INTO market.transactions (id, buyer_id, concept_id, listing_window_id, market_context_id,
                                   price_paid, currency_code, cashback_eligible, cashback_amount,
                                   cashback_status, purchased_at)
  VALUES (('5e000000-0000-4000-8000-0000000002' || label)::uuid, '5e000000-0000-4000-8000-0000000000b0',
          '5e000000-0000-4000-8000-0000000000c1', '5e000000-0000-4000-8000-0000000001a1',
          '5e000000-0000-4000-8000-000000000001', 10, 'USD', eligible, 1.20, status, at)
$$;
CREATE FUNCTION pg_temp.content(label text, at timestamptz) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO market.produced_content (id, transaction_id, submitted_url, platform, submitted_at)
  VALUES (('5e000000-0000-4000-8000-0000000003' || label)::uuid,
          ('5e000000-0000-4000-8000-0000000002' || label)::uuid,
          'https://example.com/made-' || label, 'tiktok', at)
$$;
SELECT pg_temp.purchase('e1', '2025-06-01 12:00+00'), pg_temp.purchase('e2', '2025-06-01 12:00+00'),
       pg_temp.purchase('e3', '2025-06-01 12:00+00'), pg_temp.purchase('e4', '2025-06-01 12:00+00'),
       pg_temp.purchase('e5', '2025-06-02 12:00+00'), pg_temp.purchase('e6', '2025-06-01 12:00+00'),
       pg_temp.purchase('e7', '2025-06-01 12:00+00', eligible => false),
       pg_temp.purchase('e8', '2025-06-01 12:00+00', status => 'expired'),
       pg_temp.purchase('e9', '2025-06-01 12:00+00', status => 'claimed');
SELECT pg_temp.content('e2', '2025-06-30 12:00+00'), pg_temp.content('e3', '2025-07-02 12:00+00'),
       pg_temp.content('e4', '2025-07-01 12:00+00'), pg_temp.content('e6', '2025-06-10 12:00+00'),
       pg_temp.content('e7', '2025-06-10 12:00+00'), pg_temp.content('e8', '2025-06-10 12:00+00');
CREATE VIEW pg_temp.cashback AS
  SELECT right(t.id::text, 2) AS purchase, t.cashback_eligible AS eligible, t.cashback_status,
         c.submitted_at, c.verified, c.verified_at
  FROM market.transactions t LEFT JOIN market.produced_content c ON c.transaction_id = t.id
  WHERE t.concept_id = '5e000000-0000-4000-8000-0000000000c1' ORDER BY 1;
-- Unverified content never has a verification time.
SELECT * FROM pg_temp.cashback;
GRANT SELECT ON pg_temp.cashback TO reelbase_admin;

-- One microsecond before the deadline: nothing is due.
SELECT market.expire_cashback('2025-07-01 11:59:59.999999+00') AS changed;
-- At the deadline exactly: e1 and e3 (late content). e2, e4 (content in time), e5 (not due),
-- e7 (content in time) stay pending.
SELECT market.expire_cashback('2025-07-01 12:00+00') AS changed;
SELECT purchase, cashback_status FROM pg_temp.cashback;
-- Idempotent; long after the deadline, content submitted in time still keeps the claim open
-- (e2, e4, e7), while e5 (deadline 2025-07-02 12:00) has expired meanwhile.
SELECT market.expire_cashback('2025-07-01 12:00+00') AS changed;
SELECT market.expire_cashback('2026-01-01 00:00+00') AS changed;
SELECT purchase, cashback_status FROM pg_temp.cashback WHERE purchase IN ('e2', 'e4', 'e5', 'e7');
-- A TimeZone with a DST change inside the 30 days does not move the deadline: 720 hours.
SET timezone = 'America/New_York';
SELECT pg_temp.purchase('f1', '2025-10-20 12:00+00');
SELECT market.expire_cashback('2025-11-19 11:59:59.999999+00') AS changed;
SELECT market.expire_cashback('2025-11-19 12:00+00') AS changed;
SET timezone = 'UTC';

------------------------------------------------------------------------------------------------
-- Claim on verification (trigger), as an administrator
------------------------------------------------------------------------------------------------
SET ROLE reelbase_admin;
BEGIN;
-- e6: pending, eligible, in time -> claimed at once, verified_at = the verifying transaction's time.
UPDATE market.produced_content SET verified = true WHERE id = '5e000000-0000-4000-8000-0000000003e6';
SELECT purchase, cashback_status, verified, verified_at = now() AS verified_now FROM pg_temp.cashback WHERE purchase = 'e6';
COMMIT;
-- e2: submitted in time, verified after the deadline -> claimed.
UPDATE market.produced_content SET verified = true, verified_at = '2025-07-05 09:00+00'
WHERE id = '5e000000-0000-4000-8000-0000000003e2';
-- e7 (not eligible), e8 (expired), e3 (late, expired by the sweep): verified, not claimed.
UPDATE market.produced_content SET verified = true
WHERE id IN ('5e000000-0000-4000-8000-0000000003e7', '5e000000-0000-4000-8000-0000000003e8',
             '5e000000-0000-4000-8000-0000000003e3');
SELECT purchase, eligible, cashback_status, verified, verified_at IS NOT NULL AS has_verified_at FROM pg_temp.cashback;
SELECT verified_at FROM market.produced_content WHERE id = '5e000000-0000-4000-8000-0000000003e2';
-- Still verified: clearing verified_at keeps the time of verification.
UPDATE market.produced_content SET verified_at = NULL WHERE id = '5e000000-0000-4000-8000-0000000003e2';
SELECT verified_at FROM market.produced_content WHERE id = '5e000000-0000-4000-8000-0000000003e2';
-- Unverifying content whose cashback is claimed is refused (55000); so is moving it.
UPDATE market.produced_content SET verified = false WHERE id = '5e000000-0000-4000-8000-0000000003e6';
\echo :LAST_ERROR_SQLSTATE
UPDATE market.produced_content SET transaction_id = '5e000000-0000-4000-8000-0000000002e5'
WHERE id = '5e000000-0000-4000-8000-0000000003e6';
\echo :LAST_ERROR_SQLSTATE
-- Unverifying content whose cashback was not claimed is allowed, and clears verified_at.
UPDATE market.produced_content SET verified = false WHERE id = '5e000000-0000-4000-8000-0000000003e7';
SELECT purchase, cashback_status, verified, verified_at FROM pg_temp.cashback WHERE purchase = 'e7';
-- Unverified content cannot carry a verification time: the trigger clears it.
UPDATE market.produced_content SET verified_at = '2025-07-05 09:00+00' WHERE id = '5e000000-0000-4000-8000-0000000003e7';
SELECT verified_at FROM market.produced_content WHERE id = '5e000000-0000-4000-8000-0000000003e7';
-- Content inserted already verified claims too (ea: purchased 2025-12-20, pending).
RESET ROLE;
SELECT pg_temp.purchase('ea', '2025-12-20 12:00+00'), pg_temp.purchase('eb', '2025-12-20 12:00+00');
SET ROLE reelbase_admin;
INSERT INTO market.produced_content (id, transaction_id, submitted_url, platform, verified, submitted_at)
VALUES ('5e000000-0000-4000-8000-0000000003ea', '5e000000-0000-4000-8000-0000000002ea',
        'https://example.com/made-ea', 'youtube', true, '2025-12-22 00:00+00');
SELECT purchase, cashback_status, verified, verified_at IS NOT NULL AS has_verified_at FROM pg_temp.cashback WHERE purchase = 'ea';
-- The administrator can run the sweeps (RLS admin policies, UPDATE privilege): eb expires.
SELECT market.expire_cashback('2026-02-01 00:00+00') AS admin_changed;
SELECT purchase, cashback_status FROM pg_temp.cashback WHERE purchase IN ('ea', 'eb');
RESET ROLE;
-- The rule itself, beneath the trigger.
UPDATE market.produced_content SET verified = true WHERE id = '5e000000-0000-4000-8000-0000000003e7';
ALTER TABLE market.produced_content DISABLE TRIGGER produced_content_verification;
UPDATE market.produced_content SET verified_at = NULL WHERE id = '5e000000-0000-4000-8000-0000000003e7';
\echo :LAST_ERROR_SQLSTATE
ALTER TABLE market.produced_content ENABLE TRIGGER produced_content_verification;

-- A changed submission is a resubmission: submitted_at becomes now(). A placeholder submitted
-- on day 1 and replaced after the deadline (fa: new URL, fc: new platform) no longer counts as
-- in time; editing only the metrics (fb) keeps the submission time. The buyer edits.
SELECT pg_temp.purchase('fa', '2025-06-01 12:00+00'), pg_temp.purchase('fb', '2025-06-01 12:00+00'),
       pg_temp.purchase('fc', '2025-06-01 12:00+00');
SELECT pg_temp.content('fa', '2025-06-02 12:00+00'), pg_temp.content('fb', '2025-06-02 12:00+00'),
       pg_temp.content('fc', '2025-06-02 12:00+00');
BEGIN;
SET LOCAL ROLE reelbase_app;
SELECT reelbase.set_user_id('5e000000-0000-4000-8000-0000000000b0') IS NOT NULL AS identity_set;
UPDATE market.produced_content SET submitted_url = 'https://example.com/the-real-one'
WHERE id = '5e000000-0000-4000-8000-0000000003fa';
UPDATE market.produced_content SET performance_metrics = '{"views": 10}'
WHERE id = '5e000000-0000-4000-8000-0000000003fb';
UPDATE market.produced_content SET platform = 'instagram'
WHERE id = '5e000000-0000-4000-8000-0000000003fc';
RESET ROLE;
SELECT purchase, CASE WHEN submitted_at = now() THEN 'now()' ELSE submitted_at::text END AS submitted_at
FROM pg_temp.cashback WHERE purchase IN ('fa', 'fb', 'fc');
COMMIT;
-- At the deadline the resubmitted ones expire; fb (in time) stays pending and is claimed on verification.
SELECT market.expire_cashback('2025-07-01 12:00+00') AS changed;
UPDATE market.produced_content SET verified = true
WHERE id IN ('5e000000-0000-4000-8000-0000000003fa', '5e000000-0000-4000-8000-0000000003fb');
SELECT purchase, cashback_status, verified FROM pg_temp.cashback WHERE purchase IN ('fa', 'fb', 'fc');

-- The claim is an AFTER trigger: a verified row that INSERT ... ON CONFLICT DO NOTHING drops
-- claims nothing (fd stays pending, its content unverified); the same insert turned into an
-- update by ON CONFLICT DO UPDATE claims (the update verifies the existing row).
SELECT pg_temp.purchase('fd', '2025-06-01 12:00+00');
SELECT pg_temp.content('fd', '2025-06-02 12:00+00');
SET ROLE reelbase_admin;
INSERT INTO market.produced_content (transaction_id, submitted_url, platform, verified, submitted_at)
VALUES ('5e000000-0000-4000-8000-0000000002fd', 'https://example.com/other', 'youtube', true, '2025-06-05 00:00+00')
ON CONFLICT (transaction_id) DO NOTHING;
SELECT purchase, cashback_status, verified, verified_at FROM pg_temp.cashback WHERE purchase = 'fd';
INSERT INTO market.produced_content (transaction_id, submitted_url, platform, verified, submitted_at)
VALUES ('5e000000-0000-4000-8000-0000000002fd', 'https://example.com/other', 'youtube', true, '2025-06-05 00:00+00')
ON CONFLICT (transaction_id) DO UPDATE SET verified = EXCLUDED.verified;
SELECT purchase, cashback_status, verified, verified_at IS NOT NULL AS has_verified_at FROM pg_temp.cashback WHERE purchase = 'fd';
RESET ROLE;
-- The trigger functions run with the caller's rights (only administrators reach the claim),
-- search_path pinned.
SELECT t.tgname, CASE WHEN t.tgtype & 2 = 2 THEN 'BEFORE' ELSE 'AFTER' END AS timing,
       p.proname, p.prosecdef, p.proconfig
FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
WHERE t.tgrelid = 'market.produced_content'::regclass AND NOT t.tgisinternal ORDER BY 1;

-- Buyers: may not run the sweeps (42501).
SET ROLE reelbase_app;
SELECT market.expire_cashback('2025-07-01 12:00+00');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;

------------------------------------------------------------------------------------------------
-- Bounded cashback batches
------------------------------------------------------------------------------------------------
SELECT pg_temp.purchase('d' || i, '2025-08-01 00:00+00'::timestamptz + i * interval '1 minute') FROM generate_series(1, 5) i;
SELECT market.expire_cashback('2025-09-01 00:00+00', 2) AS changed;
SELECT purchase, cashback_status FROM pg_temp.cashback WHERE purchase LIKE 'd%';
SELECT market.expire_cashback('2025-09-01 00:00+00', 2) AS changed;
SELECT market.expire_cashback('2025-09-01 00:00+00', 2) AS changed;
SELECT market.expire_cashback('2025-09-01 00:00+00', 2) AS changed;

------------------------------------------------------------------------------------------------
-- run_sweeps: one batch of each, in order (an expired listing is archived in the same run)
------------------------------------------------------------------------------------------------
SELECT pg_temp.listing('c1', 3, '2025-09-01 00:00+00', 'active');
SELECT pg_temp.listing('c2', 3, '2025-09-02 00:00+00', 'active');
SELECT pg_temp.purchase('c1', '2025-09-01 00:00+00'), pg_temp.purchase('c2', '2025-09-02 00:00+00');
-- Batches of 1: a6 (the oldest due listing) expires and is archived; c1's cashback expires.
SELECT * FROM market.run_sweeps('2025-10-10 00:00+00', 1);
SELECT * FROM pg_temp.listings WHERE listing = 'a6';
-- The rest: c1 and c2 listings, c2's cashback; then nothing.
SELECT * FROM market.run_sweeps('2025-10-10 00:00+00');
SELECT * FROM market.run_sweeps('2025-10-10 00:00+00');
SELECT * FROM pg_temp.listings WHERE listing LIKE 'c%';

------------------------------------------------------------------------------------------------
-- The maintenance task: run_maintenance() runs run_sweeps with now()
------------------------------------------------------------------------------------------------
SELECT name, function, run_every, enabled, registered_by_extension
FROM reelbase.maintenance_tasks WHERE name = 'market.run_sweeps';
SELECT pg_temp.listing('d1', 3, now() - interval '73 hours', 'active');
UPDATE reelbase.maintenance_tasks SET last_started_at = NULL WHERE name = 'market.run_sweeps';
SELECT action, target, detail FROM reelbase.run_maintenance() WHERE target = 'market.run_sweeps';
SELECT listing, status FROM pg_temp.listings WHERE listing = 'd1';
SELECT last_status, last_error FROM reelbase.maintenance_tasks WHERE name = 'market.run_sweeps';

------------------------------------------------------------------------------------------------
-- Bad arguments: 22004 for NULL, 22023 for an infinite time or a batch size outside 1..1000000
------------------------------------------------------------------------------------------------
SELECT market.expire_listings(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT market.archive_listings(now(), NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT market.expire_cashback('infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT market.expire_cashback('-infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT market.expire_listings(now(), 0);
\echo :LAST_ERROR_SQLSTATE
SELECT market.archive_listings(now(), -1);
\echo :LAST_ERROR_SQLSTATE
SELECT market.expire_cashback(now(), 1000001);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.run_sweeps(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM market.run_sweeps(now(), 0);
\echo :LAST_ERROR_SQLSTATE
-- The edges that are accepted: the largest batch, and the earliest time (nothing can be due 30
-- days before it, and no out-of-range arithmetic happens).
SELECT market.expire_listings('2025-01-01 00:00+00', 1000000) AS changed;
SELECT market.expire_cashback('4714-11-24 00:00:00+00 BC') AS changed;
SELECT * FROM market.run_sweeps('4714-11-24 00:00:00+00 BC');

------------------------------------------------------------------------------------------------
-- Isolation: expire_cashback re-checks content in a second statement, which needs READ
-- COMMITTED's new snapshot. REPEATABLE READ and SERIALIZABLE are refused (0A000), also for
-- run_sweeps; the one-statement listing sweeps run at any level.
------------------------------------------------------------------------------------------------
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT market.expire_cashback('2026-03-01 00:00+00');
ROLLBACK;
\echo :LAST_ERROR_SQLSTATE
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT market.expire_cashback('2026-03-01 00:00+00');
ROLLBACK;
\echo :LAST_ERROR_SQLSTATE
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT * FROM market.run_sweeps('2026-03-01 00:00+00');
ROLLBACK;
\echo :LAST_ERROR_SQLSTATE
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT market.expire_listings('2026-03-01 00:00+00') AS changed, market.archive_listings('2026-03-01 00:00+00') AS archived;
ROLLBACK;
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT market.expire_cashback('2026-03-01 00:00+00') AS changed;
ROLLBACK;

-- Clean up.
DELETE FROM market.produced_content WHERE id::text LIKE '5e000000-0000-4000-8000-0000000003%';
DELETE FROM market.transactions WHERE concept_id = '5e000000-0000-4000-8000-0000000000c1';
DELETE FROM market.listing_windows WHERE concept_id = '5e000000-0000-4000-8000-0000000000c1';
DELETE FROM market.concepts WHERE id = '5e000000-0000-4000-8000-0000000000c1';
DELETE FROM market.analyzed_videos WHERE id = '5e000000-0000-4000-8000-0000000000f1';
DELETE FROM market.market_contexts WHERE id::text LIKE '5e000000-0000-4000-8000-00000000000%';
