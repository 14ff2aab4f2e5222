-- One purchase as an end user: a new buyer per transaction, a random open listing.
\set n random(1, 1000)
BEGIN;
SELECT reelbase.set_user_id(gen_random_uuid());
SELECT market.purchase_listing((SELECT id FROM bench.open_listings WHERE n = :n));
COMMIT;
