-- market listing and purchase (seed 000 sections 2.1 and 3.1-3.2), implemented in Swift
-- (Sources/ReelbaseExtension/Market, rules in Sources/ReelbaseCore/Market).
--
-- list_concept runs with the caller's rights and is for administrators only. purchase_listing
-- is SECURITY DEFINER because buyers (reelbase_app) may not write listings, transactions or
-- arbitrage figures; it takes the buyer from reelbase.current_user_id(), never from an
-- argument, and the time from now(), so a buyer chooses neither. Its search_path is pinned
-- and every name in it is schema-qualified.
--
-- Refusals of purchase_listing use custom SQLSTATEs that clients map (docs/market-sales.md):
-- RB001 listing not active, RB002 per-market cap reached, RB003 global cap reached.

CREATE FUNCTION market.list_concept(
  p_concept_id uuid,
  p_market_context_id uuid,
  p_base_price_usd numeric,
  p_window_start timestamptz DEFAULT now(),
  p_per_market_cap integer DEFAULT 5,
  p_global_cap integer DEFAULT 15
) RETURNS uuid
  LANGUAGE c VOLATILE PARALLEL UNSAFE
  AS 'MODULE_PATHNAME', 'market_list_concept';
COMMENT ON FUNCTION market.list_concept(uuid, uuid, numeric, timestamptz, integer, integer) IS
  'Lists a concept in one market for the 72-hour window from p_window_start and returns the listing id. listed_price = base price (rounded half away from zero to cents) x the market''s purchasing_power_index (taken as its shortest decimal), rounded half away from zero to cents. SQLSTATEs: 22004 NULL argument; 22023 price not positive after rounding, non-finite price or window start, cap not positive; 22003 price beyond numeric(12,2); 23503 unknown concept or market; 55000 concept archived or not evergreen eligible; 23505 the concept is already listed in that market for that window start.';

CREATE FUNCTION market.purchase_listing(p_listing_window_id uuid)
  RETURNS uuid
  LANGUAGE c VOLATILE PARALLEL UNSAFE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'market_purchase_listing';
COMMENT ON FUNCTION market.purchase_listing(uuid) IS
  'The current end user (reelbase.set_user_id) buys one unit of a listing at its listed price, in US dollars, with a pending 12% cashback; returns the transaction id. Purchases of one concept are serialised (concept row lock, then listing row lock), so neither cap is ever exceeded. The sale that reaches a cap marks listings sold_out, and the route origin market -> listing market is counted in market.arbitrage_metrics. SQLSTATEs: RB001 listing not active (expired, archived, or now() outside its window); RB002 per-market cap reached; RB003 global cap reached (sales of the concept over all its listings); 23503 unknown listing; 42501 no end user set; 22004 NULL argument; 0A000 called in a REPEATABLE READ transaction.';

REVOKE ALL ON FUNCTION market.list_concept(uuid, uuid, numeric, timestamptz, integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION market.purchase_listing(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION market.list_concept(uuid, uuid, numeric, timestamptz, integer, integer)
  TO reelbase_admin;
GRANT EXECUTE ON FUNCTION market.purchase_listing(uuid) TO reelbase_app, reelbase_admin;
