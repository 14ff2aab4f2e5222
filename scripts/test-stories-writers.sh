#!/usr/bin/env bash
# The stories functions under concurrent writers (TAP lines), against the running test cluster in a database
# of its own:
#   (a) 32 pgbench clients appending segments to one scene (each a final_ready job of its own,
#       then stories.append_segment): the scene's sequences are exactly 1..N, and
#       segment_count, total_duration, contributor_count and last_segment_at equal what the
#       segments say;
#   (b) 16 clients calling stories.update_scene_bible with the same expected_version at once:
#       exactly one writes version 2, the other 15 get 40001, and scenes.bible_version is 2;
#   (c) 32 clients calling stories.enqueue_job with one idempotency key at once: one job, and
#       every caller gets its id; then 32 x 20 calls over 10 keys: one job per key;
#   (d) 8 workers draining 10,000 queued jobs over 20 scenes (claim_jobs, then complete_job in
#       a transaction of its own, as a worker would): every job claimed exactly once, none
#       lost, and each scene's segments are 1..N.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
db=rb_stories_writers
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q1() { q -At -c "$1"; }
eq() { [ "$1" = "$2" ] || { echo "#   got: $1"; echo "#   expected: $2"; return 1; }; }
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
pgbench=$(pg_bindir)/pgbench

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
check "database $db with CREATE EXTENSION reelbase_stories CASCADE" \
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db"
q -c "SET client_min_messages = warning" -c "CREATE EXTENSION reelbase_stories CASCADE" -f - <<'SQL' >/dev/null || exit 1
INSERT INTO stories.users (id, email, username)
SELECT ('5a000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'u' || g || '@example.com', 'user' || g
FROM generate_series(1, 8) g;
INSERT INTO stories.topics (id, name, slug) VALUES ('5a000000-0000-4000-8000-0000000000a1', 'Sea', 'sea');
INSERT INTO stories.ideas (id, user_id, topic_id, title, prompt, moderation_status)
VALUES ('5a000000-0000-4000-8000-0000000000b1', '5a000000-0000-4000-8000-000000000001',
        '5a000000-0000-4000-8000-0000000000a1', 'Lighthouse', 'A keeper finds a map', 'approved');
INSERT INTO stories.scenes (id, idea_id, user_id, topic_id, title)
VALUES ('5a000000-0000-4000-8000-0000000000c1', '5a000000-0000-4000-8000-0000000000b1',
        '5a000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-0000000000a1', 'Dawn');
INSERT INTO stories.scene_bibles (scene_id, version, data)
VALUES ('5a000000-0000-4000-8000-0000000000c1', 1,
        '{"version": 1, "characters": [], "setting": {}, "timeline": {}}');
CREATE UNLOGGED TABLE public.race_log (outcome text NOT NULL);
-- One appender's transaction: a finished job of a random user, then its segment.
CREATE FUNCTION public.append_one(p_user integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  job uuid;
BEGIN
  INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version, status, stage)
  VALUES ('5a000000-0000-4000-8000-0000000000c1',
          ('5a000000-0000-4000-8000-' || lpad(p_user::text, 12, '0'))::uuid, 'and then', 1,
          'final_ready', 'completed')
  RETURNING id INTO job;
  RETURN (SELECT sequence FROM stories.append_segment(job, 'https://cdn.example.com/s.mp4', 7, 'script'));
END $$;
CREATE FUNCTION public.update_bible() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stories.update_scene_bible('5a000000-0000-4000-8000-0000000000c1', 1,
    '{"version": 2, "characters": [], "setting": {}, "timeline": {"currentPoint": "noon"}}');
  INSERT INTO public.race_log VALUES ('won');
  RETURN 'won';
EXCEPTION WHEN OTHERS THEN
  INSERT INTO public.race_log VALUES (SQLSTATE);
  RETURN SQLSTATE;
END $$;
SQL

printf '%s\n' '\set u random(1, 8)' 'SELECT public.append_one(:u);' >"$work/append.sql"
"$pgbench" -n -d "$db" -c 32 -j 4 -t 25 -f "$work/append.sql" >"$work/append.log" 2>&1
check "32 clients x 25 appends ran without an error" grep -q "number of failed transactions: 0" "$work/append.log"
scene="'5a000000-0000-4000-8000-0000000000c1'"
check "sequences are exactly 1..800, no gap and no duplicate" eq "$(q1 "
  SELECT count(*) || ' ' || count(DISTINCT sequence) || ' ' || min(sequence) || ' ' || max(sequence)
  FROM stories.segments WHERE scene_id = $scene")" "800 800 1 800"
check "the scene's counters equal what its segments say" eq "$(q1 "
  SELECT (s.segment_count, s.total_duration, s.contributor_count, s.last_segment_at)
         = (SELECT count(*)::int, sum(duration)::int, count(DISTINCT user_id)::int, max(created_at) FROM stories.segments g WHERE g.scene_id = s.id)
  FROM stories.scenes s WHERE s.id = $scene")" "t"

echo 'SELECT public.update_bible();' >"$work/bible.sql"
"$pgbench" -n -d "$db" -c 16 -j 4 -t 1 -f "$work/bible.sql" >"$work/bible.log" 2>&1
check "16 bible updaters on version 1: one wins, 15 get 40001" eq \
  "$(q1 "SELECT string_agg(outcome || '=' || n, ' ' ORDER BY outcome) FROM (SELECT outcome, count(*) n FROM public.race_log GROUP BY 1) x")" \
  "40001=15 won=1"
check "the scene's bible is at version 2, with one row per version" eq \
  "$(q1 "SELECT s.bible_version || ' ' || (SELECT string_agg(version::text, ',' ORDER BY version) FROM stories.scene_bibles b WHERE b.scene_id = s.id) FROM stories.scenes s WHERE s.id = $scene")" \
  "2 1,2"

q -f - <<'SQL' >/dev/null || exit 1
CREATE UNLOGGED TABLE public.enqueue_log (job_id uuid NOT NULL, enqueued boolean NOT NULL, key text NOT NULL);
CREATE FUNCTION public.enqueue_one(p_key text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM reelbase.set_user_id('5a000000-0000-4000-8000-000000000002');
  INSERT INTO public.enqueue_log
  SELECT e.job_id, e.enqueued, p_key FROM stories.enqueue_job('5a000000-0000-4000-8000-0000000000c1', 'race', p_key) e;
END $$;
SQL
echo "SELECT public.enqueue_one('one-key');" >"$work/enqueue1.sql"
"$pgbench" -n -d "$db" -c 32 -j 4 -t 1 -f "$work/enqueue1.sql" >"$work/enqueue1.log" 2>&1
check "32 callers of enqueue_job with one key ran without an error" grep -q "number of failed transactions: 0" "$work/enqueue1.log"
check "one job holds the key; all 32 callers got its id, one of them as enqueued" eq "$(q1 "
  SELECT (SELECT count(*) FROM stories.jobs WHERE idempotency_key = 'one-key') || ' ' ||
         count(*) || ' ' || count(DISTINCT l.job_id) || ' ' || count(*) FILTER (WHERE l.enqueued) || ' ' ||
         bool_and(l.job_id = (SELECT id FROM stories.jobs WHERE idempotency_key = 'one-key'))
  FROM public.enqueue_log l WHERE l.key = 'one-key'")" "1 32 1 1 true"
printf '%s\n' '\set k random(1, 10)' "SELECT public.enqueue_one('key-' || :k);" >"$work/enqueue10.sql"
"$pgbench" -n -d "$db" -c 32 -j 4 -t 20 -f "$work/enqueue10.sql" >"$work/enqueue10.log" 2>&1
check "32 x 20 calls over 10 keys: one job per key, every caller got that job" eq "$(q1 "
  SELECT count(*) || ' ' || sum(jobs) || ' ' || sum(ids) || ' ' || sum(fresh) || ' ' || sum(calls) FROM (
    SELECT l.key, count(DISTINCT l.job_id) ids, count(*) FILTER (WHERE l.enqueued) fresh, count(*) calls,
           (SELECT count(*) FROM stories.jobs j WHERE j.idempotency_key = l.key AND j.id = min(l.job_id::text)::uuid) jobs
    FROM public.enqueue_log l WHERE l.key LIKE 'key-%' GROUP BY l.key) x")" "10 10 10 10 640"

q -f - <<'SQL' >/dev/null || exit 1
DELETE FROM stories.jobs WHERE status = 'queued';
INSERT INTO stories.scenes (id, idea_id, user_id, topic_id, title)
SELECT ('5a000000-0000-4000-8000-0000000001' || lpad(g::text, 2, '0'))::uuid, '5a000000-0000-4000-8000-0000000000b1',
       '5a000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-0000000000a1', 'Drain ' || g
FROM generate_series(1, 20) g;
INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version, created_at)
SELECT ('5a000000-0000-4000-8000-0000000001' || lpad((g % 20 + 1)::text, 2, '0'))::uuid,
       ('5a000000-0000-4000-8000-' || lpad((g % 8 + 1)::text, 12, '0'))::uuid, 'job ' || g, 1,
       now() - interval '1 hour' + g * interval '1 ms'
FROM generate_series(1, 10000) g;
CREATE UNLOGGED TABLE public.claim_log (job_id uuid NOT NULL, worker text NOT NULL);
CREATE FUNCTION public.claim_some(p_worker text) RETURNS integer LANGUAGE sql AS $$
  WITH c AS (SELECT job_id FROM stories.claim_jobs(p_worker, 5))
  INSERT INTO public.claim_log SELECT job_id, p_worker FROM c RETURNING 1
$$;
-- One transaction per completed job, as a worker finishing jobs one by one: a transaction
-- holding several scenes' locks at once would make the workers queue behind each other.
CREATE PROCEDURE public.complete_held(p_worker text) LANGUAGE plpgsql AS $$
DECLARE
  j uuid;
BEGIN
  FOR j IN SELECT id FROM stories.jobs WHERE claimed_by = p_worker AND status = 'processing' LOOP
    PERFORM stories.complete_job(j, p_worker, '{"ok": true}', 'https://cdn.example.com/d.mp4', 5, 'script');
    COMMIT;
  END LOOP;
END $$;
SQL
printf '%s\n' "SELECT public.claim_some('worker-' || :client_id);" "CALL public.complete_held('worker-' || :client_id);" >"$work/drain.sql"
"$pgbench" -n -d "$db" -c 8 -j 2 -t 500 -f "$work/drain.sql" >"$work/drain.log" 2>&1
check "8 workers x 500 rounds of claim + complete ran without an error" grep -q "number of failed transactions: 0" "$work/drain.log"
check "10,000 claims of 10,000 distinct jobs: each claimed exactly once" eq \
  "$(q1 "SELECT count(*) || ' ' || count(DISTINCT job_id) || ' ' || count(DISTINCT worker) FROM public.claim_log")" "10000 10000 8"
check "none lost: all 10,000 jobs completed, none left queued or processing" eq \
  "$(q1 "SELECT string_agg(status || '=' || n, ' ' ORDER BY status) FROM (SELECT status, count(*) n FROM stories.jobs WHERE input_text LIKE 'job %' GROUP BY 1) x")" \
  "final_ready=10000"
check "each drained scene's segments are 1..N, 10,000 in all, one per job" eq "$(q1 "
  SELECT count(*) || ' ' || sum(n) || ' ' || bool_and(n = mx AND n = d) FROM (
    SELECT scene_id, count(*) n, max(sequence) mx, count(DISTINCT sequence) d FROM stories.segments
    WHERE scene_id::text LIKE '5a000000-0000-4000-8000-0000000001%' GROUP BY 1) x")" "20 10000 true"
echo "1..$n"
[ "$bad" -eq 0 ]
