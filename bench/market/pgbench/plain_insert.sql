-- Baseline: the same transaction row as a purchase, by a plain INSERT (no locks, no checks, no
-- listing or arbitrage update), in the same transaction shape as purchase.sql.
\set n random(1, 1000)
BEGIN;
SELECT reelbase.set_user_id(gen_random_uuid());
INSERT INTO market.transactions (buyer_id, concept_id, listing_window_id, market_context_id, price_paid,
  currency_code, cashback_eligible, cashback_amount, cashback_status, purchased_at)
SELECT reelbase.current_user_id(), l.concept_id, l.id, l.market_context_id, l.listed_price, 'USD', true,
       round(l.listed_price * 0.12, 2), 'pending', now()
FROM bench.listings l WHERE l.n = :n
RETURNING id;
COMMIT;
