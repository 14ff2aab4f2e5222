-- A new buyer tries the one race listing; bench.try_purchase turns the expected refusals
-- (RB001/RB002/RB003) into a result, anything else still fails the transaction.
BEGIN;
SELECT reelbase.set_user_id(gen_random_uuid());
SELECT bench.try_purchase(r.id) FROM bench.race r;
COMMIT;
