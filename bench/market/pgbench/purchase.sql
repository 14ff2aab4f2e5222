-- One purchase by a new buyer of a random listing among 1,000 (the caps never run out).
\set n random(1, 1000)
BEGIN;
SELECT reelbase.set_user_id(gen_random_uuid());
SELECT market.purchase_listing(l.id) FROM bench.listings l WHERE l.n = :n;
COMMIT;
