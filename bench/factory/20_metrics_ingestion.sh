#!/usr/bin/env bash
# record_daily_metrics against a plain INSERT ... ON CONFLICT DO UPDATE of the same rows (one
# day of 100 contents per call, 28 days x 100 blocks, so a run inserts first and updates
# after, as re-ingested days do), 2 workers. Target: >= 0.8 of its rate. Each run starts from
# an empty month partition; after each, every stored row must hold the values written.
set -euo pipefail
source "$(dirname "$0")/common.sh"

partition=$(q1 "SELECT c.oid::regclass FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'factory.cf_performance_metrics'::regclass
                  AND pg_get_expr(c.relpartbound, c.oid) LIKE '%FROM (''' || bench.ingest_day(0) || ''')%'")
[ -n "$partition" ] || die "no partition holds $(q1 'SELECT bench.ingest_day(0)')"
sed "s/@PARTITION@/$partition/" "$here/pgbench/plain_upsert.sql.in" >"$BENCH_OUT/factory-plain_upsert.sql"

reset_metrics() { q -c "TRUNCATE $partition" -c "VACUUM ANALYZE $partition" -c 'CHECKPOINT' >/dev/null; }
check_metrics() { # RUN_NAME: every row as bench.metrics_rows wrote it, and some written
  local bad rows
  rows=$(q1 "SELECT count(*) FROM $partition")
  bad=$(q1 "SELECT count(*) FROM $partition m
            JOIN LATERAL (SELECT (substr(m.published_content_id::text, 25))::int AS c, m.date - bench.ingest_day(0) AS d) k ON true
            WHERE (m.views, m.likes, m.comments, m.shares, m.saves, m.clicks, m.conversions, m.spend)
               IS DISTINCT FROM (1000 + (k.c * 31 + k.d) % 977, (k.c + k.d) % 97, (k.c * 3 + k.d) % 13, (k.c + k.d * 7) % 11,
                                 (k.c * 5 + k.d) % 7, (k.c * 11 + k.d) % 53, (k.c + k.d) % 5, ((k.c * 13 + k.d) % 2000) / 100.0)")
  [ "$rows" -gt 0 ] && [ "$bad" = 0 ] || die "$1: $bad of $rows stored rows differ from the rows written"
}

say "factory: record_daily_metrics vs plain INSERT ... ON CONFLICT DO UPDATE into $partition, 100 rows a call, $clients workers"
pair_runs factory-metrics "$clients" 0.8 record_daily_metrics "$here/pgbench/record_daily_metrics.sql" \
  plain_upsert "$BENCH_OUT/factory-plain_upsert.sql" reset_metrics check_metrics
echo "rows in $partition after the last run: $(q1 "SELECT count(*) FROM $partition") (at most 28 days x 10,000 contents = 280,000)"
