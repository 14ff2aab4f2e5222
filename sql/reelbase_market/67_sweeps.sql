-- The market sweeps (seed 000's "via cron job" transitions), Swift (ReelbaseExtension/Market/
-- MarketSweep.swift). Each call changes one bounded batch of due rows, oldest first, and
-- returns how many; rows a purchase or a verification holds are skipped (FOR UPDATE SKIP
-- LOCKED), not waited on; a second call with nothing newly due changes 0.
--
-- They run with the caller's rights: administrators may call them, and run_maintenance runs
-- them (as the owner, or as an administrator) through the task registered below. p_now is a
-- parameter so the transitions can be tested and replayed with a fake clock. Not STRICT: a
-- NULL argument is an error (22004) that names it, not a silent NULL. expire_cashback and
-- run_sweeps refuse REPEATABLE READ and SERIALIZABLE (0A000): see MarketSweep.swift.

CREATE FUNCTION market.expire_listings(p_now timestamptz DEFAULT now(), p_batch_size integer DEFAULT 1000)
  RETURNS integer
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_expire_listings';
COMMENT ON FUNCTION market.expire_listings(timestamptz, integer) IS
  'Sweep: listings ''active'' whose window has ended (window_end <= p_now) become ''expired'', at most p_batch_size (1..1000000) per call, oldest window_end first, skipping rows locked by a purchase. Returns the number changed. Errors: 22004 NULL argument, 22023 infinite p_now or batch size out of range.';

CREATE FUNCTION market.archive_listings(p_now timestamptz DEFAULT now(), p_batch_size integer DEFAULT 1000)
  RETURNS integer
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_archive_listings';
COMMENT ON FUNCTION market.archive_listings(timestamptz, integer) IS
  'Sweep: listings ''expired'', and ''sold_out'' whose window has ended (window_end <= p_now), become ''archived'', at most p_batch_size (1..1000000) per call, oldest window_end first, skipping locked rows. Returns the number changed. Errors as market.expire_listings.';

CREATE FUNCTION market.expire_cashback(p_now timestamptz DEFAULT now(), p_batch_size integer DEFAULT 10000)
  RETURNS integer
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_expire_cashback';
COMMENT ON FUNCTION market.expire_cashback(timestamptz, integer) IS
  'Sweep: transactions whose cashback is ''pending'' 30 days (720 hours) after purchase (purchased_at <= p_now - 720 hours) with no produced content submitted within those 30 days become ''expired'', at most p_batch_size (1..1000000) per call, oldest purchase first, skipping locked rows. Content submitted in time but not yet verified keeps the cashback pending (it is claimed on verification). Returns the number changed. Errors as market.expire_listings, and 0A000 in a REPEATABLE READ or SERIALIZABLE transaction (its second statement needs READ COMMITTED''s new snapshot).';

CREATE FUNCTION market.run_sweeps(p_now timestamptz DEFAULT now(), p_batch_size integer DEFAULT 1000)
  RETURNS TABLE (sweep text, changed integer)
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_run_sweeps';
COMMENT ON FUNCTION market.run_sweeps(timestamptz, integer) IS
  'One batch of each sweep, in order: expire_listings, archive_listings, expire_cashback; one row (sweep, changed) per sweep. Run every minute by reelbase.run_maintenance() (task ''market.run_sweeps''). Errors as market.expire_cashback.';

REVOKE EXECUTE ON FUNCTION market.expire_listings(timestamptz, integer),
  market.archive_listings(timestamptz, integer), market.expire_cashback(timestamptz, integer),
  market.run_sweeps(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION market.expire_listings(timestamptz, integer),
  market.archive_listings(timestamptz, integer), market.expire_cashback(timestamptz, integer),
  market.run_sweeps(timestamptz, integer) TO reelbase_admin;

-- run_task calls the registered function with no arguments (SELECT market.run_sweeps()), so
-- the defaults apply: now() and 1,000 rows per sweep per minute, which is 1.44 million rows a
-- day per sweep, far above the marketplace's rate, while each run stays short.
INSERT INTO reelbase.maintenance_tasks (name, function, run_every, registered_by_extension)
VALUES ('market.run_sweeps', 'market.run_sweeps(timestamptz, integer)', interval '1 minute', true);
