-- The end-user identity counts only in the transaction that set it, whatever way the setting
-- reelbase.user_id got there.
\set VERBOSITY sqlstate
-- Within its transaction, in a subtransaction, and in a parallel worker.
BEGIN;
SELECT reelbase.set_user_id('5d000000-0000-4000-8000-000000000101');
SELECT reelbase.current_user_id();
SAVEPOINT s;
SELECT reelbase.current_user_id() AS in_subtransaction;
ROLLBACK TO s;
SET LOCAL force_parallel_mode = on;
SET LOCAL parallel_setup_cost = 0;
EXPLAIN (COSTS OFF) SELECT reelbase.current_user_id() AS in_parallel_worker;
SELECT reelbase.current_user_id() AS in_parallel_worker;
COMMIT;
SELECT reelbase.current_user_id() AS after_commit;
-- NULL clears it.
BEGIN;
SELECT reelbase.set_user_id('5d000000-0000-4000-8000-000000000101');
SELECT reelbase.set_user_id(NULL) AS cleared, reelbase.current_user_id() AS now;
COMMIT;
-- A session-level set_user_id acts only in the transaction it ran in (its own, here).
SELECT set_config('reelbase.user_id', '', false);
SELECT reelbase.set_user_id('5d000000-0000-4000-8000-000000000102') AS set_outside_a_transaction;
SELECT reelbase.current_user_id() AS next_statement;
-- Copying the value set_user_id stored into a session setting does not carry it over.
BEGIN;
SELECT reelbase.set_user_id('5d000000-0000-4000-8000-000000000103') IS NOT NULL AS set;
SELECT set_config('reelbase.user_id', current_setting('reelbase.user_id'), false) IS NOT NULL AS copied_to_session;
COMMIT;
SELECT reelbase.current_user_id() AS copied_value_next_transaction;
-- SET reelbase.user_id to a uuid is not a way to set the identity: refused, not obeyed.
SET reelbase.user_id = '5d000000-0000-4000-8000-000000000104';
SELECT reelbase.current_user_id();
-- ... also after a set_user_id transaction has ended (the session value came back before).
BEGIN;
SELECT reelbase.set_user_id('5d000000-0000-4000-8000-000000000105') IS NOT NULL AS set;
COMMIT;
SELECT reelbase.current_user_id();
RESET reelbase.user_id;
SELECT reelbase.current_user_id() AS after_reset;
