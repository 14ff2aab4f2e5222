#!/usr/bin/env bash
# reelbase_factory under concurrent workers (TAP lines), against the running test cluster in a
# database of its own: 8 pgbench workers drain 10,000 pending images through
# factory.claim_generation_jobs (5 at a time) and complete each in a transaction of its own,
# as a worker would: every image is claimed exactly once and completed by the worker that
# claimed it, none is lost, and the pending index is empty afterwards. Then 8 clients record
# overlapping days of the same contents at once through factory.record_daily_metrics: no error,
# exactly one row per (content, date), holding one of the values written.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
db=rb_factory_workers
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q1() { q -At -c "$1"; }
eq() { [ "$1" = "$2" ] || { echo "#   got: $1"; echo "#   expected: $2"; return 1; }; }
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1' EXIT
pgbench=$(pg_bindir)/pgbench

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
check "database $db with CREATE EXTENSION reelbase_factory CASCADE" \
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db"
q -c "SET client_min_messages = warning" -c "CREATE EXTENSION reelbase_factory CASCADE" -f - <<'SQL' >/dev/null || exit 1
INSERT INTO factory.cf_product_dossiers (id, name, owner_id)
VALUES ('7f000000-0000-4000-8000-0000000000d1', 'Drain', '7f000000-0000-4000-8000-0000000000aa');
INSERT INTO factory.cf_generated_images (dossier_id, type, prompt, created_at)
SELECT '7f000000-0000-4000-8000-0000000000d1', 'product', 'image ' || g, now() - interval '1 hour' + g * interval '1 ms'
FROM generate_series(1, 10000) g;
CREATE UNLOGGED TABLE public.claim_log (image_id uuid NOT NULL, worker text NOT NULL);
-- Claim up to 5, then complete each in its own transaction.
CREATE PROCEDURE public.work(p_worker text) LANGUAGE plpgsql AS $$
DECLARE
  i uuid;
BEGIN
  INSERT INTO public.claim_log SELECT c.id, p_worker FROM factory.claim_generation_jobs('image', p_worker, 5) c;
  COMMIT;
  FOR i IN SELECT l.image_id FROM public.claim_log l JOIN factory.cf_generated_images g ON g.id = l.image_id
           WHERE l.worker = p_worker AND g.status = 'generating' LOOP
    PERFORM factory.complete_generation('image', i, p_worker, 'https://cdn.example.com/' || i || '.png');
    COMMIT;
  END LOOP;
END $$;
SQL
echo "CALL public.work('w' || :client_id);" >"$work/work.sql"
"$pgbench" -n -d "$db" -c 8 -j 4 -t 300 -f "$work/work.sql" >"$work/work.log" 2>&1
check "8 workers x 300 rounds ran without an error" grep -q "number of failed transactions: 0" "$work/work.log"
check "10,000 images claimed, each exactly once" eq \
  "$(q1 "SELECT count(*) || ' ' || count(DISTINCT image_id) FROM public.claim_log")" "10000 10000"
check "every image completed, by the worker that claimed it, none pending or left generating" eq "$(q1 "
  SELECT count(*) FILTER (WHERE g.status = 'completed' AND g.metadata ->> 'claimed_by' = l.worker
                                AND g.image_url = 'https://cdn.example.com/' || g.id || '.png') || ' ' ||
         (SELECT count(*) FROM factory.cf_generated_images WHERE status <> 'completed')
  FROM factory.cf_generated_images g JOIN public.claim_log l ON l.image_id = g.id")" "10000 0"
check "the work was shared (every worker claimed some)" eq \
  "$(q1 "SELECT count(DISTINCT worker) FROM public.claim_log")" "8"

q -f - <<'SQL' >/dev/null || exit 1
INSERT INTO factory.cf_assembled_content (id, dossier_id, platform)
SELECT ('7f000000-0000-4000-8000-0000000001' || lpad(g::text, 2, '0'))::uuid, '7f000000-0000-4000-8000-0000000000d1', 'tiktok'
FROM generate_series(1, 5) g;
INSERT INTO factory.cf_published_content (id, assembled_content_id, platform)
SELECT ('7f000000-0000-4000-8000-0000000002' || lpad(g::text, 2, '0'))::uuid,
       ('7f000000-0000-4000-8000-0000000001' || lpad(g::text, 2, '0'))::uuid, 'tiktok'
FROM generate_series(1, 5) g;
SQL
cat >"$work/metrics.sql" <<'SQL'
\set c random(1, 5)
\set d random(1, 20)
SELECT 1 FROM factory.record_daily_metrics(jsonb_build_array(
  jsonb_build_object('published_content_id', ('7f000000-0000-4000-8000-0000000002' || lpad(:c::text, 2, '0'))::uuid,
                     'date', (date '2026-01-01' + :d)::text, 'views', :client_id * 1000 + :d),
  jsonb_build_object('published_content_id', ('7f000000-0000-4000-8000-0000000002' || lpad((:c % 5 + 1)::text, 2, '0'))::uuid,
                     'date', (date '2026-01-01' + :d)::text, 'clicks', :client_id)));
SQL
"$pgbench" -n -d "$db" -c 8 -j 4 -t 50 -f "$work/metrics.sql" >"$work/metrics.log" 2>&1
check "8 clients x 50 overlapping metrics calls ran without an error (no duplicate key, no deadlock)" \
  grep -q "number of failed transactions: 0" "$work/metrics.log"
check "one row per (content, date), every one written by some caller" eq "$(q1 "
  SELECT count(*) = count(DISTINCT (published_content_id, date)) AND bool_and(views % 1000 = extract(day FROM date)::int - 1 OR views = 0)
  FROM factory.cf_performance_metrics")" "t"

# The same through the partition path: a month with its own partition and rows that name the
# same keys, so each call is INSERT ... ON CONFLICT into the partition.
q -c "SELECT reelbase.create_monthly_partition('factory.cf_performance_metrics', 2031, 5)" >/dev/null
sed -e "s/date '2026-01-01'/date '2031-04-30'/" -e "s/'views', :client_id \* 1000 + :d)/'views', :client_id * 1000 + :d, 'clicks', :client_id)/" \
    -e "s/'clicks', :client_id)))/'views', :client_id * 1000 + :d, 'clicks', :client_id)))/" "$work/metrics.sql" >"$work/metrics-partition.sql"
"$pgbench" -n -d "$db" -c 8 -j 4 -t 50 -f "$work/metrics-partition.sql" >"$work/metrics-partition.log" 2>&1
check "8 clients x 50 overlapping calls into a month's own partition ran without an error" \
  grep -q "number of failed transactions: 0" "$work/metrics-partition.log"
check "there too one row per (content, date), all in the partition, each as one caller wrote it" eq "$(q1 "
  SELECT count(*) > 0 AND count(*) = count(DISTINCT (published_content_id, date))
         AND bool_and(tableoid = 'factory.cf_performance_metrics_2031_05'::regclass)
         AND bool_and(views % 1000 = extract(day FROM date)::int AND views / 1000 = clicks)
  FROM factory.cf_performance_metrics WHERE date >= '2031-05-01'")" "t"
exit $((bad > 0))
