#!/usr/bin/env bash
# Throughput of recording one analytics event: plain INSERT vs learning.track_video_event
# (Swift) vs its PL/pgSQL twin, 1 and 2 clients, measured side by side in the same run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

variants=(plain track twin)
declare -A label=([plain]="plain INSERT" [track]="track_video_event (Swift)"
                  [twin]="PL/pgSQL twin")
declare -A script=([plain]=$here/pgbench/plain_insert.sql
                   [track]=$here/pgbench/track_video_event.sql
                   [twin]=$here/pgbench/plpgsql_twin.sql)
client_counts=(1 2)
declare -A tps lat cpu

# Every run starts from an empty events table right after a checkpoint, so no run inherits a
# bigger table or another run's WAL and full-page-write pattern. Autovacuum is off for that
# table's partitions only, so no worker wakes up inside one run and not another.
reset_events() {
  q -c 'TRUNCATE learning.video_analytics_events' -c 'CHECKPOINT'
}

# Each call must record exactly one event; pgbench can miss counting the calls in flight when
# the time is up, hence the +clients slack.
check_rows() {
  local name=$1 clients=$2 txns rows
  txns=$(pgbench_txns "$BENCH_OUT/$name.txt")
  rows=$(q1 'SELECT count(*) FROM learning.video_analytics_events')
  if [ "$rows" -lt "$txns" ] || [ "$rows" -gt $((txns + clients)) ]; then
    die "$name: $txns transactions but $rows events recorded"
  fi
}

say "learning: recording an event (${BENCH_SECONDS} s per run, best of 2 runs, variants interleaved)"
echo "Every variant records the same row: event 'video_progress', metadata"
echo '{"percent_complete": 50, "watch_time_seconds": 120}, a (video, creator, student) triple'
echo "drawn at random by pgbench. pgbench's \\set makes numbers, not uuids (and \\gset would add a"
echo "round trip), so each statement looks the triple up in bench.triples by its number"
echo "(\\set n random(1, 10000), then ... FROM bench.triples t WHERE t.n = :n): one primary-key"
echo "lookup inside the same statement, the same cost in all three variants. The plain INSERT is"
echo "INSERT ... SELECT ... RETURNING id (id from its column default, gen_random_uuid()), so it"
echo "returns the id as the functions do."
echo "The plain INSERT checks only the foreign keys; the two functions also check that the video,"
echo "creator and student belong together (one INSERT ... SELECT with the checks in its WHERE)."
echo "Runs as superuser postgres: row-level security is bypassed in all three variants."
q -At <<'SQL'
DO $$
DECLARE leaf regclass;
BEGIN
  FOR leaf IN SELECT relid FROM pg_partition_tree('learning.video_analytics_events') WHERE isleaf LOOP
    EXECUTE format('ALTER TABLE %s SET (autovacuum_enabled = off)', leaf);
  END LOOP;
END
$$;
SQL

for v in "${variants[@]}"; do
  reset_events
  run_pgbench "learning-warmup-$v" "${script[$v]}" 1 "$BENCH_WARMUP"
  check_rows "learning-warmup-$v" 1
done

for c in "${client_counts[@]}"; do
  for rep in 1 2; do
    # The second round runs the variants in reverse order, against drift.
    order=("${variants[@]}")
    [ "$rep" = 2 ] && order=(twin track plain)
    for v in "${order[@]}"; do
      name=learning-$v-c$c-run$rep
      reset_events
      run_pgbench "$name" "${script[$v]}" "$c" "$BENCH_SECONDS"
      check_rows "$name" "$c"
      tps[$v,$c,$rep]=$(pgbench_tps "$BENCH_OUT/$name.txt")
      lat[$v,$c,$rep]=$(pgbench_latency "$BENCH_OUT/$name.txt")
      cpu[$v,$c,$rep]=$(pgbench_cpu_per_txn "$name")
      printf '  %-27s clients=%s run %s: %9.1f TPS  %7.3f ms  %6.1f us CPU/call\n' "${label[$v]}" \
        "$c" "$rep" "${tps[$v,$c,$rep]}" "${lat[$v,$c,$rep]}" "${cpu[$v,$c,$rep]}"
    done
  done
done
q -c 'TRUNCATE learning.video_analytics_events'

declare -A best best_lat best_cpu
tsv=$BENCH_OUT/learning-throughput.tsv
printf 'variant\tclients\ttps_run1\ttps_run2\ttps_best\tlatency_avg_ms_best\tcpu_us_per_call_min\n' >"$tsv"
echo
printf '%-27s %7s %10s %10s %10s %15s %13s\n' variant clients "TPS run1" "TPS run2" "TPS best" \
  "latency avg ms" "CPU us/call"
for c in "${client_counts[@]}"; do
  for v in "${variants[@]}"; do
    r=1
    if [ "$(calc "${tps[$v,$c,2]} > ${tps[$v,$c,1]}")" = 1 ]; then r=2; fi
    best[$v,$c]=${tps[$v,$c,$r]}
    best_lat[$v,$c]=${lat[$v,$c,$r]}
    best_cpu[$v,$c]=$(calc "${cpu[$v,$c,1]} < ${cpu[$v,$c,2]} ? ${cpu[$v,$c,1]} : ${cpu[$v,$c,2]}")
    printf '%-27s %7s %10.1f %10.1f %10.1f %15.3f %13.1f\n' "${label[$v]}" "$c" "${tps[$v,$c,1]}" \
      "${tps[$v,$c,2]}" "${best[$v,$c]}" "${best_lat[$v,$c]}" "${best_cpu[$v,$c]}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$v" "$c" "${tps[$v,$c,1]}" "${tps[$v,$c,2]}" \
      "${best[$v,$c]}" "${best_lat[$v,$c]}" "${best_cpu[$v,$c]}" >>"$tsv"
  done
done
echo "TPS best: the better of the 2 runs (TPS excludes connection time); latency avg: of that run;"
echo "CPU us/call: user+system CPU of the pgbench backends per call, the lower of the 2 runs"
echo "(read from the postmaster's cutime/cstime; less disturbed by other load than TPS)."

echo
verdicts=()
for c in "${client_counts[@]}"; do
  tp=$(calc "${best[track,$c]} / ${best[plain,$c]}")
  tt=$(calc "${best[track,$c]} / ${best[twin,$c]}")
  cp=$(calc "${best_cpu[plain,$c]} / ${best_cpu[track,$c]}")
  ct=$(calc "${best_cpu[twin,$c]} / ${best_cpu[track,$c]}")
  printf 'clients=%s: TPS track/plain = %.3f   TPS track/plpgsql = %.3f' "$c" "$tp" "$tt"
  printf '   (by CPU/call: plain/track = %.3f, plpgsql/track = %.3f)\n' "$cp" "$ct"
  if [ "$(calc "$tp >= 0.9")" = 1 ]; then v=PASS; else v=FAIL; fi
  verdicts+=("$(printf '%s client%s %s (%.3f)' "$c" "$([ "$c" = 1 ] || echo s)" "$v" "$tp")")
done
echo "target: track_video_event >= 0.9 x plain INSERT (TPS): $(IFS=,; echo "${verdicts[*]}" | sed 's/,/, /g')"
echo "raw pgbench outputs: $BENCH_OUT/learning-*.txt, table: $tsv"
