-- The same question through find_winners: the active config (engagement weight 1, threshold
-- 1000), scores and their inputs returned.
SELECT * FROM factory.find_winners(10);
