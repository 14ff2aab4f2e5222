#!/usr/bin/env bash
# plpgsql_check (Debian's postgresql-15-plpgsql-check) over every PL/pgSQL function of every
# reelbase extension, against the running test cluster (TAP lines). One check per function,
# and per relation for a trigger function (plpgsql_check reads NEW and OLD from the table the
# trigger is on, found in pg_trigger; a partition's clone of its parent's trigger is checked
# with the parent); an event trigger function is checked without one.
# Every class of finding is on (other, extra, performance, security and compatibility
# warnings), and every finding fails: none is accepted today (docs/packaging.md).
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
db=rb_plpgsql_check
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db" || exit 1
check "every extension and plpgsql_check created in a fresh database" \
  q -c "SET client_min_messages = warning" -c "CREATE EXTENSION reelbase_learning CASCADE" -c "CREATE EXTENSION reelbase_market" \
    -c "CREATE EXTENSION reelbase_stories" -c "CREATE EXTENSION reelbase_publishing" -c "CREATE EXTENSION reelbase_factory" -c "CREATE EXTENSION plpgsql_check"

# One row a finding: function, relation ('-' for none), level, sqlstate, line, message
# (tab-separated, no field empty: bash's read would merge empty ones), and a row of level
# 'clean' for a function and relation without findings, so each is counted.
# The rollup functions read temporary tables that learning.rollup_prepare() makes at run time;
# it makes them here too, in the transaction that checks (they are ON COMMIT DROP), so their
# queries are checked against the real tables.
results=$(q -At -F $'\t' <<'SQL'
BEGIN;
SELECT learning.rollup_prepare() \g /dev/null
WITH f AS (
  SELECT p.oid, p.prorettype = 'pg_catalog.trigger'::regtype AS is_trigger
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname LIKE 'reelbase%'
  JOIN pg_catalog.pg_language l ON l.oid = p.prolang AND l.lanname = 'plpgsql'
), targets AS (
  SELECT f.oid, coalesce(t.tgrelid, 0) AS relid, f.is_trigger
  FROM f LEFT JOIN LATERAL (SELECT DISTINCT tgrelid FROM pg_catalog.pg_trigger
                            WHERE tgfoid = f.oid AND NOT tgisinternal AND tgparentid = 0) t ON f.is_trigger
)
SELECT x.oid::regprocedure, CASE WHEN x.relid = 0 THEN '-' ELSE x.relid::regclass::text END,
       coalesce(r.level, CASE WHEN x.is_trigger AND x.relid = 0 THEN 'no trigger' ELSE 'clean' END),
       coalesce(r.sqlstate, '-'), coalesce(r.lineno::text, '-'),
       coalesce(r.message, '-') || coalesce(' (' || r.detail || ')', '')
FROM targets x
LEFT JOIN LATERAL plpgsql_check_function_tb(x.oid, x.relid, fatal_errors => false,
    other_warnings => true, extra_warnings => true, performance_warnings => true,
    security_warnings => true, compatibility_warnings => true) r
  ON NOT (x.is_trigger AND x.relid = 0)
ORDER BY 1, 2, 5, 6;
ROLLBACK;
SQL
)
check "plpgsql_check ran over the extensions' functions" test -n "$results"

errors=0 warnings=0
while IFS=$'\t' read -r fn rel; do
  rows=$(awk -F'\t' -v f="$fn" -v r="$rel" '$1 == f && $2 == r' <<<"$results")
  bad_rows=""
  while IFS=$'\t' read -r _ _ level sqlstate line message; do
    case $level in
      clean) ;;
      error | "no trigger")
        errors=$((errors + 1)); bad_rows+="# $level $sqlstate line $line: $message"$'\n' ;;
      *)
        warnings=$((warnings + 1)); bad_rows+="# $level $sqlstate line $line: $message"$'\n' ;;
    esac
  done <<<"$rows"
  label=$fn; [ "$rel" = - ] || label="$fn on $rel"
  check "plpgsql_check: $label" test -z "$bad_rows"
  [ -n "$bad_rows" ] && printf '%s' "$bad_rows"
done < <(cut -f1,2 <<<"$results" | sort -u)
echo "# plpgsql_check: $(cut -f1 <<<"$results" | sort -u | wc -l) functions, $(cut -f1,2 <<<"$results" | sort -u | wc -l) function/relation pairs; errors $errors, warnings $warnings"

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
echo "1..$n"
[ "$bad" -eq 0 ]
