#!/usr/bin/env bash
# The market sweeps skip rows that another transaction holds, instead of waiting for them
# (FOR UPDATE SKIP LOCKED). Needs two sessions, so it is a TAP script, not a pg_regress file:
# a background psql holds a lock (as a purchase, a verification or a content submission would)
# while the sweep runs in another session with lock_timeout set, so a sweep that waited would
# fail instead of hanging. Runs against the running test cluster, in its own database.
set -uo pipefail
source "$(dirname "$0")/env.sh"
db=rb_market_sweeps
source "$(dirname "$0")/tap.sh"
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q1() { q -At -c "$1"; }
holder_pid=

# hold SQL: runs SQL in a background session that then sleeps with its locks held; returns once
# the session is sleeping (so the locks are taken).
hold() {
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" \
    -c "SET application_name = 'sweeps_holder'" -c "BEGIN" -c "$1" -c "SELECT pg_sleep(4)" -c "COMMIT" \
    >/dev/null 2>&1 &
  holder_pid=$!
  for _ in $(seq 1 100); do
    [ "$(q1 "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sweeps_holder' AND query LIKE '%pg_sleep%'")" = 1 ] && return 0
    sleep 0.05
  done
  return 1
}
release() { wait "$holder_pid"; }  # fails if the holder's session failed

# sweep EXPR: evaluates the sweep expression with lock_timeout 500 ms (a sweep that waited for
# the 4 s holder fails instead) and prints its result and the milliseconds it took in the server.
sweep() {
  q -At -F ' ' -c "SET lock_timeout = '500ms'" \
    -c "SELECT r, round(extract(epoch FROM clock_timestamp() - now()) * 1000) FROM (SELECT $1 AS r OFFSET 0) s" \
    2>/dev/null || echo "error 999999"
}
fast() { [ "$1" != error ] && [ "$2" -lt 100 ]; }  # fast RESULT MS: under 100 ms, no lock wait

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db" || exit 1
q -c "CREATE EXTENSION reelbase_market CASCADE" || exit 1
q <<'SQL' || exit 1
INSERT INTO market.market_contexts (id, country_code, region_name, primary_language, purchasing_power_index, currency_code)
VALUES ('5e000000-0000-4000-8000-000000000001', 'XA', 'A', 'en', 1, 'USD');
INSERT INTO market.analyzed_videos (id, video_url) VALUES ('5e000000-0000-4000-8000-0000000000f1', 'https://example.com/v');
INSERT INTO market.concepts (id, source_video_id, concept_core)
VALUES ('5e000000-0000-4000-8000-0000000000c1', '5e000000-0000-4000-8000-0000000000f1', 'c');
-- Two listings past their window: 01 and 02.
INSERT INTO market.listing_windows (id, concept_id, market_context_id, window_start, window_end, base_price_usd, listed_price)
SELECT ('5e000000-0000-4000-8000-0000000001' || i)::uuid, '5e000000-0000-4000-8000-0000000000c1',
       '5e000000-0000-4000-8000-000000000001', '2025-06-01'::timestamptz + o * interval '1 hour',
       '2025-06-01'::timestamptz + o * interval '1 hour' + interval '72 hours', 10, 10
FROM unnest(ARRAY['01', '02']) WITH ORDINALITY u(i, o);
-- Four purchases about 40 days before 2025-08-01, all due, oldest first: 01..04 (distinct
-- times, so a sweep's oldest-first batch is known).
INSERT INTO market.transactions (id, buyer_id, concept_id, listing_window_id, market_context_id, price_paid,
                                 currency_code, cashback_amount, purchased_at)
SELECT ('5e000000-0000-4000-8000-0000000002' || i)::uuid, gen_random_uuid(), '5e000000-0000-4000-8000-0000000000c1',
       '5e000000-0000-4000-8000-000000000101', '5e000000-0000-4000-8000-000000000001', 10, 'USD', 1.2,
       '2025-06-20 00:00+00'::timestamptz + o * interval '1 minute'
FROM unnest(ARRAY['01', '02', '03', '04']) WITH ORDINALITY u(i, o);
SQL
status_of() { q1 "SELECT $1 FROM market.$2 WHERE id = '$3'"; }

# 1. A purchase holds listing 01 (FOR UPDATE): the sweep expires 02 and skips 01 at once.
check "the holder took its lock" hold "SELECT 1 FROM market.listing_windows WHERE id = '5e000000-0000-4000-8000-000000000101' FOR UPDATE"
read -r changed ms < <(sweep "market.expire_listings('2025-08-01')")
check "expire_listings returns without waiting for a locked listing (${ms} ms, changed $changed)" fast "$changed" "$ms"
check "it changed only the unlocked listing" test "$changed" = 1
check "the locked listing is still active" test "$(status_of status listing_windows 5e000000-0000-4000-8000-000000000101)" = active
check "the holder committed" release
read -r changed ms < <(sweep "market.expire_listings('2025-08-01')")
check "after the lock is released, the next run expires it (changed $changed)" test "$changed" = 1

# 2. A verification holds transaction 01 (an UPDATE of the row): the cashback sweep skips it.
check "the holder took its lock" hold "UPDATE market.transactions SET cashback_amount = cashback_amount WHERE id = '5e000000-0000-4000-8000-000000000201'"
read -r changed ms < <(sweep "market.expire_cashback('2025-08-01', 2)")
check "expire_cashback returns without waiting for a locked transaction (${ms} ms, changed $changed)" fast "$changed" "$ms"
check "a full batch of 2 is taken from the unlocked rows, oldest first (02, 03)" test "$changed" = 2 -a \
  "$(q1 "SELECT string_agg(right(id::text, 2), ',' ORDER BY id) FROM market.transactions WHERE cashback_status = 'expired'")" = 02,03
check "the locked transaction is still pending" test "$(status_of cashback_status transactions 5e000000-0000-4000-8000-000000000201)" = pending
check "the holder committed" release

# 3. A buyer's content submission for transaction 04 is in flight (its foreign key holds a
#    KEY SHARE lock on the transaction): the sweep skips it; once the submission commits (in
#    time), the sweep never expires it.
check "the holder took its lock" hold "INSERT INTO market.produced_content (transaction_id, submitted_url, platform, submitted_at)
      VALUES ('5e000000-0000-4000-8000-000000000204', 'https://example.com/made', 'tiktok', '2025-07-01')"
read -r changed ms < <(sweep "market.expire_cashback('2025-08-01')")
check "expire_cashback skips a transaction whose content submission is in flight (${ms} ms, changed $changed)" fast "$changed" "$ms"
check "it expired only transaction 01 (released by the verification)" test "$changed" = 1
check "the holder committed" release
read -r changed ms < <(sweep "market.expire_cashback('2025-08-01')")
check "after the submission commits, the sweep leaves that cashback pending (changed $changed)" test "$changed" = 0
check "transaction 04 is pending, awaiting verification" test "$(status_of cashback_status transactions 5e000000-0000-4000-8000-000000000204)" = pending

# 4. run_sweeps as a whole does not wait either: both listings are expired now, and a purchase
#    attempt holds listing 01, so it archives 02 only.
check "the holder took its lock" hold "SELECT 1 FROM market.listing_windows WHERE id = '5e000000-0000-4000-8000-000000000101' FOR UPDATE"
read -r changed ms < <(sweep "(SELECT string_agg(changed::text, ',') FROM market.run_sweeps('2025-08-01'))")
check "run_sweeps returns without waiting (${ms} ms, changed $changed)" fast "$changed" "$ms"
check "it archived only the unlocked listing (expire, archive, cashback: $changed)" test "$changed" = 0,1,0
check "the locked listing is still expired" test "$(status_of status listing_windows 5e000000-0000-4000-8000-000000000101)" = expired
check "the holder committed" release

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db"
echo "1..$n"
[ "$bad" = 0 ]
