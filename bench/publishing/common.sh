# Shared by the publishing steps; sourced. Loads data.sql once per bench database (run.sh's
# create_bench_db installs only learning and market; data.sql adds reelbase_publishing).
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
# Two workers: the machine has two cores, and two clients already contend on the audit
# trail's sequence and the WAL.
clients=2
if [ "$(q1 "SELECT to_regclass('bench.videos_plain') IS NULL")" = t ]; then
  say "publishing: data"
  q -f "$here/data.sql"
fi
