#!/usr/bin/env bash
# Instructions per read-modify-write, counted by valgrind: figures other load on the machine
# cannot disturb, unlike the TPS of 10_update_video.sh. Three variants, each one statement
# (the state_version read as a subquery) so single-user mode can run it: the plain OCC UPDATE
# of bench.videos_plain (the baseline), the same UPDATE of publishing.videos (its rules and
# audit triggers fire, no update_video), and update_video. Their differences split the cost
# between the triggers and the function. The cluster is stopped and one single-user backend
# (postgres --single) runs PREPARE p(int, int) AS <variant> and EXECUTE p(video, take) N times;
# per call = (I(N2) - I(N1)) / (N2 - N1). Skipped when BENCH_INSTRUCTIONS=0 or without valgrind.
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$here/../valgrind.sh"

say "publishing: instructions per read-modify-write (valgrind, single-user backend)"
valgrind_available || exit 0
n1=${BENCH_INSTRUCTIONS_N1:-100}
n2=${BENCH_INSTRUCTIONS_N2:-500}
make_valgrind_tree publishing

variants=(plain_update trigger_update update_video)
read_version() { echo "(SELECT state_version FROM $1 WHERE id = bench.video(\$1))"; }
declare -A statement=(
  [plain_update]="UPDATE bench.videos_plain SET title = 'take ' || \$2, state_version = state_version + 1
    WHERE id = bench.video(\$1) AND state_version = $(read_version bench.videos_plain)"
  [trigger_update]="UPDATE publishing.videos SET title = 'take ' || \$2, state_version = state_version + 1
    WHERE id = bench.video(\$1) AND state_version = $(read_version publishing.videos)"
  [update_video]="SELECT state_version FROM publishing.update_video(bench.video(\$1), $(read_version publishing.videos),
    jsonb_build_object('title', 'take ' || \$2), 'worker-0')")
declare -A label=([plain_update]="plain UPDATE, no triggers" [trigger_update]="plain UPDATE of publishing.videos"
                  [update_video]="update_video")

# instructions VARIANT N: total instructions of a single-user backend running N calls, each on
# another video (7919 is prime to 1,000) with a title no earlier call wrote.
instructions() {
  local sql=$BENCH_OUT/publishing-instructions-$1-$2.sql
  {
    echo "PREPARE p(int, int) AS $(tr '\n' ' ' <<<"${statement[$1]}")"
    awk -v n="$2" 'BEGIN { for (i = 1; i <= n; i++) printf "EXECUTE p(%d, %d)\n", (i * 7919) % 1000 + 1, n + i }'
  } >"$sql"
  single_user_instructions "$PGDATABASE" "$sql" "$BENCH_OUT/publishing-instructions-$1-$2.log"
}

q -c 'VACUUM publishing.videos' -c 'VACUUM bench.videos_plain' -c 'VACUUM publishing.task_audit' >/dev/null
declare -A per
instructions_per_call "$n1" "$n2" "${variants[@]}"
echo "$((n2 - n1)) calls per variant (difference of $n2 and $n1 calls)"
print_instructions 34 plain_update "${variants[@]}"
echo "update_video minus the plain UPDATE: $(( per[trigger_update] - per[plain_update] )) in the rules and audit triggers," \
  "$(( per[update_video] - per[trigger_update] )) in update_video itself"
