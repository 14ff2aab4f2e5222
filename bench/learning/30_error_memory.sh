#!/usr/bin/env bash
# Memory of one backend across 100,000 failing calls into Swift: do errors leak?
# One psql session reads a generated script (ON_ERROR_STOP off), equal thirds of:
#   a) an error raised by Swift: track_video_event with an unknown event type      (22023)
#   b) a missing reference: valid type, random non-existent video; the insert matches
#      nothing and the diagnostic query runs before the error is raised             (23503)
#   c) a Postgres error raised inside a Swift call: get_student_total_watch_time on
#      a pair whose watch-time sum overflows integer (the ::integer cast in SPI)     (22003)
# After 1,000 warm-up errors (one-time caches), the backend's VmRSS, RssAnon, Private_Dirty
# (/proc/<pid>/smaps_rollup) and sum(total_bytes) of pg_backend_memory_contexts are taken
# before and after the 100,000 calls, from the same session.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

calls=${BENCH_ERROR_CALLS:-100000}
warmup=${BENCH_ERROR_WARMUP:-1000}
limit_kb=$((5 * 1024))
script=$BENCH_OUT/learning-error-memory.sql
stdout=$BENCH_OUT/learning-error-memory.out
stderr=$BENCH_OUT/learning-error-memory.stderr

say "learning: backend memory across $calls failing calls in one session"
echo "One psql session (ON_ERROR_STOP off) runs $warmup warm-up calls, then $calls calls, in turn:"
echo "  a) track_video_event with an unknown event type (error raised by Swift, 22023)"
echo "  b) track_video_event, valid type, random non-existent video (insert matches nothing,"
echo "     diagnostic query runs, Swift raises 23503)"
echo "  c) get_student_total_watch_time on a pair whose sessions sum to 4,000,000,000 s"
echo "     (22003 raised by Postgres inside the Swift call's SPI query)"
read -r video creator student < <(q -At -F ' ' -c 'SELECT video_id, creator_id, student_id FROM bench.triples WHERE n = 2')
read -r ovideo ostudent < <(q -At -F ' ' -c 'SELECT video_id, student_id FROM bench.overflow')

# snapshot LABEL: one line per figure on psql's stdout, "LABEL name value".
snapshot() {
  cat <<SQL
SELECT pg_backend_pid() AS pid_$1, sum(total_bytes) AS ctx FROM pg_backend_memory_contexts \gset
\echo $1 pid :pid_$1
\echo $1 contexts_bytes :ctx
\! awk '/^(VmRSS|RssAnon):/ { print "$1", \$1, \$2 }' /proc/\$BENCH_PID/status
\! awk '/^Private_Dirty:/ { print "$1", \$1, \$2 }' /proc/\$BENCH_PID/smaps_rollup
SQL
}
# calls N FIRST: N failing statements, kinds a, b, c in turn (numbered from FIRST).
failing_calls() {
  awk -v n="$1" -v first="$2" -v video="$video" -v creator="$creator" -v student="$student" \
      -v ovideo="$ovideo" -v ostudent="$ostudent" 'BEGIN {
    for (i = first; i < first + n; i++) {
      k = i % 3
      if (k == 0)
        printf "SELECT learning.track_video_event(%s, %s, %s, %s);\n", "'\''bogus_" i "'\''",
          "'\''" video "'\''", "'\''" creator "'\''", "'\''" student "'\''"
      else if (k == 1)
        printf "SELECT learning.track_video_event(%s, gen_random_uuid(), %s, %s);\n",
          "'\''video_progress'\''", "'\''" creator "'\''", "'\''" student "'\''"
      else
        printf "SELECT learning.get_student_total_watch_time(%s, %s);\n",
          "'\''" ostudent "'\''", "'\''" ovideo "'\''"
    }
  }'
}
{
  echo '\set VERBOSITY sqlstate'
  echo 'SELECT pg_backend_pid() AS pid \gset'
  echo '\setenv BENCH_PID :pid'
  failing_calls "$warmup" 0
  # The snapshot's own query and shell-outs warm up too.
  snapshot warmup
  snapshot before
  echo '\echo start_epoch_ms `date +%s%3N`'
  failing_calls "$calls" "$warmup"
  echo '\echo end_epoch_ms `date +%s%3N`'
  snapshot after
} >"$script"

set +e
psql -X -q -v ON_ERROR_STOP=0 -f "$script" >"$stdout" 2>"$stderr"
rc=$?
set -e
[ "$rc" = 0 ] || die "psql exited with $rc (connection lost?); see $stdout and $stderr"

fig() { awk -v l="$1" -v k="$2" '$1 == l && $2 == k { print $3 }' "$stdout"; }
pid_before=$(fig before pid); pid_after=$(fig after pid)
[ -n "$pid_before" ] && [ -n "$pid_after" ] || die "no snapshot in $stdout"

# Every call must have failed, each kind with its SQLSTATE.
total=$((warmup + calls))
expect() { awk -v t="$total" -v k="$1" 'BEGIN { n = 0; for (i = 0; i < t; i++) if (i % 3 == k) n++; print n }'; }
declare -A want=([22023]=$(expect 0) [23503]=$(expect 1) [22003]=$(expect 2))
echo "errors by SQLSTATE (incl. $warmup warm-up), expected: 22023 ${want[22023]}, 23503 ${want[23503]}, 22003 ${want[22003]}"
counts=$(awk '{ print $NF }' "$stderr" | sort | uniq -c)
echo "$counts" | sed 's/^/  /'
for s in 22023 23503 22003; do
  got=$(echo "$counts" | awk -v s="$s" '$2 == s { print $1 }')
  [ "${got:-0}" = "${want[$s]}" ] || die "expected ${want[$s]} errors $s, got ${got:-0} (see $stderr)"
done
others=$(echo "$counts" | awk '$2 != "22023" && $2 != "23503" && $2 != "22003"' | wc -l)
[ "$others" = 0 ] || die "unexpected errors in $stderr"

start=$(awk '$1 == "start_epoch_ms" { print $2 }' "$stdout"); end=$(awk '$1 == "end_epoch_ms" { print $2 }' "$stdout")
elapsed_ms=$((end - start))
printf '%s failing calls in %.1f s (%.0f calls/s)\n' "$calls" "$(calc "$elapsed_ms / 1000")" \
  "$(calc "$calls * 1000 / $elapsed_ms")"
echo "backend pid before: $pid_before, after: $pid_after ($([ "$pid_before" = "$pid_after" ] && echo same || echo DIFFERENT))"
[ "$pid_before" = "$pid_after" ] || die "the backend changed: it crashed or the session reconnected"

echo
printf '%-32s %12s %12s %12s  %s\n' figure before after growth "target growth < 5 MB"
pass=1
row() { # name before after unit(kB|B) judged(yes|no)
  local kb_b kb_a g verdict=-
  if [ "$4" = B ]; then kb_b=$(calc "$2 / 1024"); kb_a=$(calc "$3 / 1024"); else kb_b=$2; kb_a=$3; fi
  g=$(calc "$kb_a - $kb_b")
  if [ "$5" = yes ]; then
    if [ "$(calc "$g < $limit_kb")" = 1 ]; then verdict=PASS; else verdict=FAIL; pass=0; fi
  fi
  printf '%-32s %9.0f kB %9.0f kB %9.0f kB  %s\n' "$1" "$kb_b" "$kb_a" "$g" "$verdict"
}
row "VmRSS" "$(fig before VmRSS:)" "$(fig after VmRSS:)" kB yes
row "RssAnon" "$(fig before RssAnon:)" "$(fig after RssAnon:)" kB no
row "Private_Dirty (smaps_rollup)" "$(fig before Private_Dirty:)" "$(fig after Private_Dirty:)" kB yes
row "pg_backend_memory_contexts" "$(fig before contexts_bytes)" "$(fig after contexts_bytes)" B yes
echo "target: growth < 5 MB over $calls failing calls: $([ $pass = 1 ] && echo PASS || echo FAIL)"
echo "raw: $stdout, errors: $stderr, script: $script"
