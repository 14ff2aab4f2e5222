#!/usr/bin/env bash
# The stories functions under concurrent writers (TAP lines), against the running test cluster in a database
# of its own:
#   (a) 32 pgbench clients appending segments to one scene (each a final_ready job of its own,
#       then stories.append_segment): the scene's sequences are exactly 1..N, and
#       segment_count, total_duration, contributor_count and last_segment_at equal what the
#       segments say;
#   (b) 16 clients calling stories.update_scene_bible with the same expected_version at once:
#       exactly one writes version 2, the other 15 get 40001, and scenes.bible_version is 2.
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
echo "1..$n"
[ "$bad" -eq 0 ]
