#!/usr/bin/env bash
# reelbase_stories checks that pg_regress cannot make (TAP lines), against the running test
# cluster in a database of its own, created and dropped here:
#   (a) counters exact under concurrency: 32 pgbench clients append and delete segments, like
#       and unlike, and record views on two scenes at once; afterwards every counter of scenes,
#       ideas and topics equals a recount, and scene_contributors matches the segments;
#   (b) 32 clients insert a job with one idempotency key, in different months (so different
#       partitions): exactly one job holds it, every other attempt is 23505;
#   (c) a dump of a stories database with monthly partitions and an archived jobs partition,
#       restored both ways docs/stories.md names (a plain pg_restore, and one with
#       session_replication_role = replica), keeps every row and every counter, and each
#       restored database keeps counting and checking;
#   (d) a scene deleted while a job for it is written, and the reverse: the second waits for
#       the first and is refused (23503), as with a foreign key.
# STORIES_RACE_TRANSACTIONS (200) is each client's number of steps in (a).
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
db=rb_stories_race
restored=rb_stories_restored
replica=rb_stories_replica
clients=32
steps=${STORIES_RACE_TRANSACTIONS:-200}
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q1() { q -At -c "$1"; }
eq() { # eq ACTUAL EXPECTED: test with the figures in the log when they differ
  [ "$1" = "$2" ] || { echo "#   got: $1"; echo "#   expected: $2"; return 1; }
}
work=$(mktemp -d)
chmod 755 "$work"
drop_dbs() { for d in "$db" "$restored" "$replica"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done; }
trap 'rm -rf "$work"; drop_dbs' EXIT
drop_dbs
check "database $db with CREATE EXTENSION reelbase_stories CASCADE" \
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db"
q -c "SET client_min_messages = warning" -c "CREATE EXTENSION reelbase_stories CASCADE" || exit 1

# Eight users, one topic, one approved idea with two scenes, one job per scene; monthly
# partitions made by maintenance.
q <<'SQL' >/dev/null || exit 1
INSERT INTO stories.users (id, email, username)
SELECT ('9b000000-0000-4000-8000-00000000000' || n)::uuid, 'u' || n || '@example.com', 'user' || n
FROM generate_series(1, 8) n;
INSERT INTO stories.topics (id, name, slug) VALUES ('9b000000-0000-4000-8000-0000000000a1', 'Race', 'race');
INSERT INTO stories.ideas (id, user_id, topic_id, title, prompt, moderation_status)
VALUES ('9b000000-0000-4000-8000-0000000000b1', '9b000000-0000-4000-8000-000000000001',
        '9b000000-0000-4000-8000-0000000000a1', 'Race', 'p', 'approved');
INSERT INTO stories.scenes (id, idea_id, user_id, topic_id, title)
SELECT ('9b000000-0000-4000-8000-0000000000c' || n)::uuid, '9b000000-0000-4000-8000-0000000000b1',
       '9b000000-0000-4000-8000-000000000001', '9b000000-0000-4000-8000-0000000000a1', 'scene ' || n
FROM generate_series(1, 2) n;
INSERT INTO stories.jobs (id, scene_id, user_id, input_text, bible_version)
SELECT ('9b000000-0000-4000-8000-0000000000d' || n)::uuid, ('9b000000-0000-4000-8000-0000000000c' || n)::uuid,
       '9b000000-0000-4000-8000-000000000001', 'job', 1
FROM generate_series(1, 2) n;
SELECT count(*) FROM reelbase.run_maintenance();
-- One random step of a client: append (50%), delete one of the scene's segments (15%), like or
-- unlike (25%), view (10%). A unique conflict (a second like) is an expected outcome.
CREATE FUNCTION public.race_step(p_roll integer, p_user integer, p_scene integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  scene uuid := ('9b000000-0000-4000-8000-0000000000c' || p_scene)::uuid;
  person uuid := ('9b000000-0000-4000-8000-00000000000' || p_user)::uuid;
BEGIN
  IF p_roll <= 50 THEN
    INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url,
                                  duration, bible_version, created_at)
    VALUES (scene, person, ('9b000000-0000-4000-8000-0000000000d' || p_scene)::uuid, p_roll, 't', 's', 'u',
            p_roll, 1, now() - (p_roll % 3) * interval '31 days');
  ELSIF p_roll <= 65 THEN
    DELETE FROM stories.segments
    WHERE (id, created_at) = (SELECT id, created_at FROM stories.segments WHERE scene_id = scene
                              ORDER BY random() LIMIT 1);
  ELSIF p_roll <= 90 THEN
    IF p_roll % 2 = 0 THEN
      INSERT INTO stories.likes (user_id, target_type, target_id) VALUES (person, 'scene', scene)
      ON CONFLICT DO NOTHING;
    ELSE
      DELETE FROM stories.likes WHERE user_id = person AND target_id = scene;
    END IF;
  ELSE
    INSERT INTO stories.scene_views (scene_id, user_id) VALUES (scene, person);
  END IF;
END
$$;
-- The recount: one row per counter that differs from what it counts.
CREATE FUNCTION public.wrong_counters() RETURNS SETOF text LANGUAGE sql AS $$
  SELECT format('%s %s: kept %s, actual %s', s.title, x.what, x.kept, x.actual)
  FROM stories.scenes s,
  LATERAL (VALUES
    ('segment_count', s.segment_count::bigint, (SELECT count(*) FROM stories.segments g WHERE g.scene_id = s.id)),
    ('total_duration', s.total_duration, (SELECT coalesce(sum(g.duration), 0) FROM stories.segments g WHERE g.scene_id = s.id)),
    ('contributor_count', s.contributor_count, (SELECT count(DISTINCT g.user_id) FROM stories.segments g WHERE g.scene_id = s.id)),
    ('like_count', s.like_count, (SELECT count(*) FROM stories.likes l WHERE l.target_id = s.id)),
    ('view_count', s.view_count, (SELECT count(*) FROM stories.scene_views v WHERE v.scene_id = s.id)),
    ('last_segment_at', (s.last_segment_at IS NOT DISTINCT FROM (SELECT max(g.created_at) FROM stories.segments g
                                                                WHERE g.scene_id = s.id))::int, 1)
  ) AS x(what, kept, actual)
  WHERE x.kept <> x.actual
  UNION ALL
  SELECT format('idea %s: scenes %s, views %s', i.title, i.scene_count, i.view_count) FROM stories.ideas i
  WHERE i.scene_count <> (SELECT count(*) FROM stories.scenes s WHERE s.idea_id = i.id)
     OR i.view_count <> (SELECT count(*) FROM stories.scene_views v JOIN stories.scenes s ON s.id = v.scene_id
                         WHERE s.idea_id = i.id)
  UNION ALL
  SELECT format('contributor %s of %s: %s segments kept', c.user_id, c.scene_id, c.segments)
  FROM stories.scene_contributors c
  WHERE c.segments <> (SELECT count(*) FROM stories.segments g WHERE g.scene_id = c.scene_id AND g.user_id = c.user_id)
     OR c.segments = 0
$$;
SQL

# --- (a) counters under concurrency ------------------------------------------------------------
cat >"$work/step.sql" <<'EOF2'
\set roll random(1, 100)
\set person random(1, 8)
\set scene random(1, 2)
SELECT public.race_step(:roll, :person, :scene);
EOF2
pgbench -n -d "$db" -c "$clients" -j 8 -t "$steps" -f "$work/step.sql" >"$work/pgbench_a.log" 2>&1
check "(a) $clients clients x $steps steps on two scenes, no client aborted" \
  grep -q "number of failed transactions: 0" "$work/pgbench_a.log"
segments=$(q1 "SELECT count(*) FROM stories.segments")
check "(a) every counter equals its recount ($segments segments left, $(q1 "SELECT count(*) FROM stories.likes") likes, $(q1 "SELECT count(*) FROM stories.scene_views") views)" \
  eq "$(q1 "SELECT string_agg(w, '; ') FROM public.wrong_counters() w")" ""
check "(a) scene_contributors holds exactly the (scene, user) pairs that have segments" \
  eq "$(q1 "SELECT count(*) FROM stories.scene_contributors")" \
     "$(q1 "SELECT count(*) FROM (SELECT DISTINCT scene_id, user_id FROM stories.segments) x")"

# --- (b) one idempotency key, 32 racing inserts in different months ---------------------------
q -c "CREATE UNLOGGED TABLE public.key_log (outcome text)" -c "
CREATE FUNCTION public.race_key(p_client integer) RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version, idempotency_key, created_at)
  VALUES ('9b000000-0000-4000-8000-0000000000c1', '9b000000-0000-4000-8000-000000000002', 'race', 1, 'one-key',
          now() + (p_client % 4) * interval '1 month');
  INSERT INTO public.key_log VALUES ('inserted');
EXCEPTION WHEN OTHERS THEN
  INSERT INTO public.key_log VALUES (SQLSTATE);
END
\$\$" >/dev/null
echo 'SELECT public.race_key(:client_id);' >"$work/key.sql"
pgbench -n -d "$db" -c "$clients" -j 8 -t 1 -f "$work/key.sql" >"$work/pgbench_b.log" 2>&1
check "(b) $clients racing inserts of one key: one inserted, the rest 23505" \
  eq "$(q1 "SELECT string_agg(outcome || ' ' || n, ', ' ORDER BY outcome) FROM (SELECT outcome, count(*) n FROM public.key_log GROUP BY 1) x")" \
     "23505 $((clients - 1)), inserted 1"
check "(b) exactly one job and one key row hold it" \
  eq "$(q1 "SELECT (SELECT count(*) FROM stories.jobs WHERE idempotency_key = 'one-key') || '/' || (SELECT count(*) FROM stories.job_idempotency_keys WHERE idempotency_key = 'one-key')")" "1/1"

# --- (c) dump and restore ----------------------------------------------------------------------
q >/dev/null <<'SQL' || exit 1
INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version, idempotency_key, created_at)
VALUES ('9b000000-0000-4000-8000-0000000000c1', '9b000000-0000-4000-8000-000000000001', 'old', 1, 'old-key',
        now() - interval '9 months');
SELECT reelbase.create_monthly_partition('stories.jobs', extract(year FROM (now() - interval '9 months') AT TIME ZONE 'UTC')::int,
                                         extract(month FROM (now() - interval '9 months') AT TIME ZONE 'UTC')::int);
SELECT count(*) FROM reelbase.run_maintenance();
DROP FUNCTION public.race_step(integer, integer, integer), public.race_key(integer);
DROP TABLE public.key_log;
SQL
check "(c) maintenance archived the old jobs partition into stories_archive" \
  eq "$(q1 "SELECT count(*) FROM pg_tables WHERE schemaname = 'stories_archive'")" 1
# One md5 per table of the stories schemas (partitions on their own, parents skipped), but
# bible_schema, whose one row is the extension script's and made again by CREATE EXTENSION.
fingerprint() {
  psql -X -q -At -d "$1" -c "
    SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) FROM ONLY %s t;',
                  c.oid::regclass, c.oid::regclass)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('stories', 'stories_archive') AND c.relkind = 'r'
      AND c.oid <> 'stories.bible_schema'::regclass ORDER BY 1" \
  | psql -X -q -At -F' ' -d "$1" -f - >"$2" && [ -s "$2" ]
}
fingerprint "$db" "$work/before"
rows=$(awk '{s+=$2} END {print s}' "$work/before")
pg_dump -Fc -d "$db" -f "$work/stories.dump"
# restored_checks DB HOW: the restore of the dump into DB (HOW: its command's leading words).
restored_checks() {
  local into=$1 how=$2; shift 2
  psql -X -q -d postgres -c "CREATE DATABASE $into"
  check "(c, $how) pg_restore succeeds" "$@" pg_restore --exit-on-error -d "$into" "$work/stories.dump"
  fingerprint "$into" "$work/after-$how"
  check "(c, $how) every row kept, counters included ($rows rows in $(wc -l <"$work/before") tables, md5 per table)" \
    diff -q "$work/before" "$work/after-$how"
  diff "$work/before" "$work/after-$how" | head -n 20 | sed 's/^/# /'
  check "(c, $how) the restored database keeps counting (a new contributor's segment)" \
    eq "$(psql -X -q -At -d "$into" -v ON_ERROR_STOP=1 -c "
      INSERT INTO stories.users (id, email, username) VALUES ('9b000000-0000-4000-8000-000000000009', 'u9@example.com', 'user9');
      INSERT INTO stories.segments (scene_id, user_id, job_id, sequence, input_text, expanded_script, video_url, duration, bible_version)
      VALUES ('9b000000-0000-4000-8000-0000000000c1', '9b000000-0000-4000-8000-000000000009', '9b000000-0000-4000-8000-0000000000d1', 1, 't', 's', 'u', 1, 1);
      SELECT count(*) FROM public.wrong_counters();" 2>&1 | tail -1)" 0
  check "(c, $how) the restored idempotency keys still refuse a reused key (23505)" \
    eq "$(psql -X -q -At -d "$into" -c "
      INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version, idempotency_key)
      VALUES ('9b000000-0000-4000-8000-0000000000c1', '9b000000-0000-4000-8000-000000000001', 'again', 1, 'old-key')" 2>&1 \
      | grep -c 'already used')" 1
  check "(c, $how) a job of a missing scene is still refused (23503)" \
    eq "$(psql -X -q -At -d "$into" -c "\\set VERBOSITY sqlstate" -c "
      INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version)
      VALUES ('9b000000-0000-4000-8000-0000000000ff', '9b000000-0000-4000-8000-000000000001', 'lost', 1)" 2>&1)" "ERROR:  23503"
  check "(c, $how) maintenance runs on the restored database" \
    psql -X -q -v ON_ERROR_STOP=1 -d "$into" -o /dev/null -c "SELECT * FROM reelbase.run_maintenance()"
}
restored_checks "$restored" plain env
restored_checks "$replica" replica env PGOPTIONS='-c session_replication_role=replica'

# --- (d) a scene deleted while a job for it is written, both orders ------------------------------
# One session holds its write open (pg_sleep inside the transaction, seen in pg_stat_activity
# before the other starts); the other must wait for it and then be refused (23503): the job's
# trigger locks the scene FOR KEY SHARE, and the scene's delete trigger looks for its jobs.
held() { # held SQL: runs BEGIN; SQL; pg_sleep(2); COMMIT in the background, returns once it sleeps
  psql -X -q -d "$db" -o /dev/null -c "BEGIN" -c "$1" -c "SELECT pg_sleep(2)" -c "COMMIT" 2>"$work/held.err" &
  local tries=0
  until [ "$(q1 "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db' AND query = 'SELECT pg_sleep(2)'")" = 1 ]; do
    tries=$((tries + 1)); [ $tries -lt 200 ] || return 1; sleep 0.05
  done
}
scene_sql() { echo "INSERT INTO stories.scenes (id, idea_id, user_id, topic_id, title) VALUES ('$1',
  '9b000000-0000-4000-8000-0000000000b1', '9b000000-0000-4000-8000-000000000001', '9b000000-0000-4000-8000-0000000000a1', 'doomed')"; }
job_sql() { echo "INSERT INTO stories.jobs (scene_id, user_id, input_text, bible_version) VALUES ('$1', '9b000000-0000-4000-8000-000000000001', 'x', 1)"; }
sqlstate() { psql -X -q -At -d "$db" -c '\set VERBOSITY sqlstate' -c "$1" 2>&1 | tail -1; }
s1=9b000000-0000-4000-8000-0000000000e1
s2=9b000000-0000-4000-8000-0000000000e2
q -c "$(scene_sql $s1)" -c "$(scene_sql $s2)" >/dev/null || exit 1
held "$(job_sql $s1)"
check "(d) a delete of a scene whose job is being written waits, then is refused (23503)" \
  eq "$(sqlstate "DELETE FROM stories.scenes WHERE id = '$s1'")" "ERROR:  23503"
wait
held "DELETE FROM stories.scenes WHERE id = '$s2'"
check "(d) a job written while its scene is being deleted waits, then is refused (23503)" \
  eq "$(sqlstate "$(job_sql $s2)")" "ERROR:  23503"
wait
check "(d) afterwards: the first scene and its job remain, the second scene is gone" \
  eq "$(q1 "SELECT (SELECT count(*) FROM stories.jobs WHERE scene_id = '$s1') || '/' || (SELECT count(*) FROM stories.scenes WHERE id IN ('$s1', '$s2'))")" "1/1"
echo "1..$n"
[ "$bad" -eq 0 ]
