#!/usr/bin/env bash
# track_video_event and the plain INSERT, each against the partitioned events table (0.3.0,
# bench_partitions) and the unpartitioned one (0.2.0, bench_partitions_unpartitioned), in the
# same run: 1 and 2 clients, 2 rounds with the variants interleaved (the second round in reverse
# order), the better of the 2 rounds kept. Same pgbench scripts as bench/learning.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
source "$here/common.sh"

# variant = statement-db
variants=(track-part track-unpart plain-part plain-unpart)
client_counts=(1 2)
declare -A tps lat cpu

reset_events() {
  PGDATABASE=$1 q -c 'TRUNCATE learning.video_analytics_events' -c 'CHECKPOINT'
}
# Each call must record exactly one event (+clients slack: pgbench may not count the calls in
# flight when the time is up).
check_rows() {
  local name=$1 db=$2 clients=$3 txns rows
  txns=$(pgbench_txns "$BENCH_OUT/$name.txt")
  rows=$(PGDATABASE=$db q1 'SELECT count(*) FROM learning.video_analytics_events')
  if [ "$rows" -lt "$txns" ] || [ "$rows" -gt $((txns + clients)) ]; then
    die "$name: $txns transactions but $rows events recorded"
  fi
}
# measure NAME VARIANT CLIENTS SECONDS
measure() {
  local name=$1 stmt=${2%-*} db=${db_of[${2#*-}]}
  reset_events "$db"
  PGDATABASE=$db run_pgbench "$name" "${script[$stmt]}" "$3" "$4"
  check_rows "$name" "$db" "$3"
}

say "partitions: track_video_event and plain INSERT, partitioned vs unpartitioned (${BENCH_SECONDS} s per run, best of 2)"
echo "Statements: bench/learning/pgbench/{track_video_event,plain_insert}.sql (event 'video_progress',"
echo "a random triple of bench.triples). partitioned = $part_db (0.3.0: the event goes through"
echo "partition routing to the current month's partition); unpartitioned = $unpart_db (0.2.0,"
echo "plain table, plus the indexes 0.3.0 adds, so partitioning is the only difference)."
for db in "$part_db" "$unpart_db"; do events_autovacuum_off "$db"; done

for v in "${variants[@]}"; do
  measure "partitions-warmup-$v" "$v" 1 "$BENCH_WARMUP"
done
for c in "${client_counts[@]}"; do
  for rep in 1 2; do
    order=("${variants[@]}")
    [ "$rep" = 2 ] && order=(plain-unpart plain-part track-unpart track-part)
    for v in "${order[@]}"; do
      name=partitions-$v-c$c-run$rep
      measure "$name" "$v" "$c" "$BENCH_SECONDS"
      tps[$v,$c,$rep]=$(pgbench_tps "$BENCH_OUT/$name.txt")
      lat[$v,$c,$rep]=$(pgbench_latency "$BENCH_OUT/$name.txt")
      cpu[$v,$c,$rep]=$(pgbench_cpu_per_txn "$name")
      printf '  %-18s %-26s clients=%s run %s: %8.1f TPS %7.3f ms %6.1f us CPU/call\n' \
        "${label[${v%-*}]}" "${db_label[${v#*-}]}" "$c" "$rep" "${tps[$v,$c,$rep]}" \
        "${lat[$v,$c,$rep]}" "${cpu[$v,$c,$rep]}"
    done
  done
done
for db in "$part_db" "$unpart_db"; do PGDATABASE=$db q -c 'TRUNCATE learning.video_analytics_events'; done

declare -A best best_cpu
tsv=$BENCH_OUT/partitions-throughput.tsv
printf 'statement\ttable\tclients\ttps_run1\ttps_run2\ttps_best\tlatency_avg_ms_best\tcpu_us_per_call_min\n' >"$tsv"
echo
printf '%-18s %-26s %7s %9s %9s %9s %10s %12s\n' statement table clients "TPS run1" "TPS run2" \
  "TPS best" "lat. ms" "CPU us/call"
for c in "${client_counts[@]}"; do
  for v in "${variants[@]}"; do
    r=1
    if [ "$(calc "${tps[$v,$c,2]} > ${tps[$v,$c,1]}")" = 1 ]; then r=2; fi
    best[$v,$c]=${tps[$v,$c,$r]}
    best_cpu[$v,$c]=$(calc "${cpu[$v,$c,1]} < ${cpu[$v,$c,2]} ? ${cpu[$v,$c,1]} : ${cpu[$v,$c,2]}")
    printf '%-18s %-26s %7s %9.1f %9.1f %9.1f %10.3f %12.1f\n' "${label[${v%-*}]}" \
      "${db_label[${v#*-}]}" "$c" "${tps[$v,$c,1]}" "${tps[$v,$c,2]}" "${best[$v,$c]}" \
      "${lat[$v,$c,$r]}" "${best_cpu[$v,$c]}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${v%-*}" "${v#*-}" "$c" "${tps[$v,$c,1]}" \
      "${tps[$v,$c,2]}" "${best[$v,$c]}" "${lat[$v,$c,$r]}" "${best_cpu[$v,$c]}" >>"$tsv"
  done
done
echo "TPS best: the better of the 2 runs; lat.: average latency of that run; CPU us/call: user+system"
echo "CPU of the pgbench backends per call, the lower of the 2 runs."

echo
verdicts=()
for c in "${client_counts[@]}"; do
  tt=$(calc "${best[track-part,$c]} / ${best[track-unpart,$c]}")
  tp=$(calc "${best[plain-part,$c]} / ${best[plain-unpart,$c]}")
  ct=$(calc "${best_cpu[track-unpart,$c]} / ${best_cpu[track-part,$c]}")
  cp=$(calc "${best_cpu[plain-unpart,$c]} / ${best_cpu[plain-part,$c]}")
  printf 'clients=%s: partitioned/unpartitioned TPS: track_video_event %.3f, plain INSERT %.3f' "$c" "$tt" "$tp"
  printf '   (by CPU/call: %.3f, %.3f)\n' "$ct" "$cp"
  if [ "$(calc "$tt >= 0.9")" = 1 ]; then v=PASS; else v=FAIL; fi
  verdicts+=("$(printf '%s client%s %s (%.3f)' "$c" "$([ "$c" = 1 ] || echo s)" "$v" "$tt")")
done
echo "target: partitioned track_video_event >= 0.9 x unpartitioned (TPS): $(IFS=,; echo "${verdicts[*]}" | sed 's/,/, /g')"
echo "(TPS on this shared machine is noisy; 40_instructions.sh gives the steadier figure)"
echo "raw pgbench outputs: $BENCH_OUT/partitions-*-c?-run?.txt, table: $tsv"
