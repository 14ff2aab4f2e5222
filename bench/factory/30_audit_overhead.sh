#!/usr/bin/env bash
# The audit trigger's overhead on dossier updates: the same UPDATE with audit_dossiers enabled
# and disabled (ALTER TABLE ... DISABLE TRIGGER; every other trigger fires in both), 2 workers.
# No target: the ratio is reported. After each run, the audit log grew by exactly one row per
# transaction with the trigger and by none without.
set -euo pipefail
source "$(dirname "$0")/common.sh"

reset_audit() { # audited | unaudited
  local state=ENABLE; [ "$1" = unaudited ] && state=DISABLE
  q -c "ALTER TABLE factory.cf_product_dossiers $state TRIGGER audit_dossiers" \
    -c 'VACUUM factory.cf_product_dossiers' -c 'VACUUM factory.cf_audit_log' -c 'CHECKPOINT' >/dev/null
  audits_before=$(q1 'SELECT count(*) FROM factory.cf_audit_log')
}
check_audit() { # RUN_NAME
  local v=${1#factory-audit-} txns audits want
  v=${v%-c*}
  txns=$(pgbench_txns "$BENCH_OUT/$1.txt")
  audits=$(( $(q1 'SELECT count(*) FROM factory.cf_audit_log') - audits_before ))
  want=$txns; [ "$v" = unaudited ] && want=0
  [ "$audits" = "$want" ] || die "$1: $txns transactions appended $audits audit rows (expected $want)"
}

say "factory: dossier updates with and without the audit trigger, $clients workers over 400 dossiers"
pair_runs factory-audit "$clients" - audited "$here/pgbench/update_dossier.sql" \
  unaudited "$here/pgbench/update_dossier.sql" reset_audit check_audit
q -c 'ALTER TABLE factory.cf_product_dossiers ENABLE TRIGGER audit_dossiers' >/dev/null
