#!/usr/bin/env bash
# Writes the extension's SQL scripts from sql/<version>/*.sql into the current directory:
#   reelbase--V.sql      for every release V: the parts of every release up to V, in order
#   reelbase--A--B.sql   for consecutive releases A, B: the parts of B
# A release's parts are applied to the previous release, so a fresh install of V and an
# upgrade through every release run the same statements (scripts/test-upgrade.sh checks it).
set -euo pipefail
sql_dir=$1
versions=$(ls -1 "$sql_dir" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+$' | sort -V)
header() {
  printf '%s\n' "-- Generated from sql/ by extension/build-sql.sh; edit those files." \
    "\\echo Use \"$1\" to load this file. \\quit"
}
parts() { for f in "$sql_dir/$1"/*.sql; do printf '\n-- %s/%s\n' "$1" "$(basename "$f")"; cat "$f"; done; }
previous=""
cumulative=()
for v in $versions; do
  cumulative+=("$v")
  { header "CREATE EXTENSION reelbase"; for c in "${cumulative[@]}"; do parts "$c"; done; } >"reelbase--$v.sql"
  if [ -n "$previous" ]; then
    { header "ALTER EXTENSION reelbase UPDATE TO '$v'"; parts "$v"; } >"reelbase--$previous--$v.sql"
  fi
  previous=$v
done
