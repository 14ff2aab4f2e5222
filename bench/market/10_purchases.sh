#!/usr/bin/env bash
# market.purchase_listing throughput: 8 clients buying at random among 1,000 listings, against a
# plain INSERT of the same transaction row (the baseline, same run); then 8 clients racing on
# one listing with a small cap (refusals per second, sales, and the oversold count, which must
# be 0). Loads bench/market/data.sql first unless an earlier step did.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
clients=8

if [ "$(q1 "SELECT to_regclass('bench.listings') IS NULL")" = t ]; then
  say "market: data"
  q -f "$here/data.sql"
fi
q -At <<'SQL'
SELECT format('%s markets, %s concepts, %s listings (caps 1,000,000), race listing cap %s, seed 0.42',
  (SELECT count(*) FROM market.market_contexts), (SELECT count(*) FROM market.concepts),
  (SELECT count(*) FROM bench.listings), (SELECT cap FROM bench.race));
SQL
q <<'SQL'
CREATE OR REPLACE FUNCTION bench.try_purchase(p_listing uuid) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM market.purchase_listing(p_listing);
  RETURN 'sold';
EXCEPTION WHEN SQLSTATE 'RB001' OR SQLSTATE 'RB002' OR SQLSTATE 'RB003' THEN
  RETURN SQLSTATE;
END $$;
SQL

# Each run starts from no sales, right after a checkpoint. Autovacuum is off for the tables
# the runs write, so no worker wakes up inside one run and not another.
reset_sales() {
  q -c 'TRUNCATE market.transactions, market.arbitrage_metrics, market.produced_content' \
    -c "UPDATE market.listing_windows SET sold_count = 0, status = 'active' WHERE sold_count > 0 OR status <> 'active'" \
    -c 'VACUUM market.listing_windows' -c 'CHECKPOINT'
}
q -c 'ALTER TABLE market.transactions SET (autovacuum_enabled = off)' \
  -c 'ALTER TABLE market.listing_windows SET (autovacuum_enabled = off)' \
  -c 'ALTER TABLE market.arbitrage_metrics SET (autovacuum_enabled = off)'

# Every transaction of a run must be one sale: as many rows as pgbench transactions (+ the
# calls in flight when time was up), and listing counts that add up to them.
check_sales() {
  local name=$1 txns rows counted
  txns=$(pgbench_txns "$BENCH_OUT/$name.txt")
  rows=$(q1 'SELECT count(*) FROM market.transactions')
  if [ "$rows" -lt "$txns" ] || [ "$rows" -gt $((txns + clients)) ]; then
    die "$name: $txns transactions but $rows sales recorded"
  fi
  if [ "${name#*plain}" = "$name" ]; then
    counted=$(q1 'SELECT sum(sold_count) FROM market.listing_windows')
    [ "$counted" = "$rows" ] || die "$name: listings count $counted sales, transactions $rows"
    counted=$(q1 'SELECT sum(total_sales) FROM market.arbitrage_metrics')
    [ "$counted" = "$rows" ] || die "$name: arbitrage routes count $counted sales, transactions $rows"
  fi
}

say "market: purchases, $clients clients over 1,000 listings (${BENCH_SECONDS} s per run, best of 2, interleaved)"
echo "purchase: BEGIN; reelbase.set_user_id(gen_random_uuid()); market.purchase_listing(listing n);"
echo "COMMIT (n random in 1..1000). plain: the same transaction with, instead of the call, an"
echo "INSERT ... SELECT of the same transactions row from a copy of the listing (bench.listings):"
echo "no locks, no cap checks, no listing or arbitrage update. Runs as superuser postgres."
pair_runs market "$clients" - purchase "$here/pgbench/purchase.sql" \
  plain_insert "$here/pgbench/plain_insert.sql" reset_sales check_sales

say "market: $clients clients racing on one listing (${BENCH_SECONDS} s)"
reset_sales
cap=$(q1 'SELECT cap FROM bench.race')
run_pgbench market-race "$here/pgbench/race.sql" "$clients" "$BENCH_SECONDS"
attempts=$(pgbench_txns "$BENCH_OUT/market-race.txt")
rtps=$(pgbench_tps "$BENCH_OUT/market-race.txt")
read -r sales sold status < <(q -At -F ' ' -c "SELECT (SELECT count(*) FROM market.transactions t WHERE t.listing_window_id = r.id),
  l.sold_count, l.status FROM bench.race r JOIN market.listing_windows l ON l.id = r.id")
oversold=$(calc "($sales > $cap ? $sales - $cap : 0) + ($sold > $cap ? $sold - $cap : 0) + ($sales != $sold ? 1 : 0)")
printf 'attempts: %s (%.1f/s), sales: %s of cap %s, refusals: %s (%.1f/s), listing %s with sold_count %s\n' \
  "$attempts" "$rtps" "$sales" "$cap" "$((attempts - sales))" "$(calc "$rtps * ($attempts - $sales) / $attempts")" \
  "$status" "$sold"
echo "oversold: $oversold"
[ "$oversold" = 0 ] && [ "$sales" = "$cap" ] && [ "$status" = sold_out ] \
  || die "the race sold $sales of $cap (sold_count $sold, status $status)"
reset_sales
echo "raw pgbench outputs: $BENCH_OUT/market-*.txt"
