#!/usr/bin/env bash
# build-sql.sh SQL_DIR: writes every extension's scripts into the current directory.
#   <ext>--V.sql      the current install script of each sql/<ext>/ (V from <ext>.control): its
#                     files joined in name order. Each object is defined in one of them.
#   <ext>--A--B.sql   the reviewed delta scripts of sql/<ext>/upgrades/, as written.
#   reelbase--*.sql   the frozen scripts of releases before the per-product layout
#                     (sql/reelbase/history/), shipped so old databases can still update.
#   <ext>--0.4.0.sql  for each product: adopts the objects that reelbase 0.4.0 held and its
#                     update to 0.5.0 handed over (from sql/adopt.sql.in).
set -euo pipefail
shopt -s nullglob
sql_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
for dir in "$sql_dir"/reelbase*/; do
  ext=$(basename "$dir")
  version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$here/$ext.control")
  {
    printf '%s\n' "-- Generated from sql/$ext/ by extension/build-sql.sh; edit those files." \
      "\\echo Use \"CREATE EXTENSION $ext\" to load this file. \\quit"
    for f in "$dir"*.sql; do printf '\n-- sql/%s/%s\n' "$ext" "$(basename "$f")"; cat "$f"; done
  } >"$ext--$version.sql"
  for f in "$dir"upgrades/*.sql "$dir"history/*.sql; do cp "$f" .; done
done
# The products that reelbase 0.4.0 contained, and the schema each took over.
for pair in reelbase_learning:learning reelbase_market:market; do
  ext=${pair%%:*} schema=${pair#*:}
  sed -e "s/@extension@/$ext/g" -e "s/@schema@/$schema/g" "$sql_dir/adopt.sql.in" >"$ext--0.4.0.sql"
done
