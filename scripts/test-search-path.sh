#!/usr/bin/env bash
# Internal SQL means the same whatever the caller's search_path (TAP lines). A schema "evil"
# first in the path defines = for uuid and for text, and now(), each counting its calls on a
# sequence (not rolled back, so calls in failed statements count too). Every function of the
# extensions that runs SQL of its own is called with search_path = evil, pg_catalog, as a
# privileged caller would; none may reach evil's objects. Against the running test cluster.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
db=rb_search_path
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q1() { q -At -c "$1"; }
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db" || exit 1

check "both products, demo data, embedded chunks" \
  q -o /dev/null -c "CREATE EXTENSION reelbase_learning CASCADE" -c "CREATE EXTENSION reelbase_market" \
    -f demo/data.sql -f demo/market_data.sql \
    -c "SELECT setseed(0.7)" \
    -c "UPDATE learning.video_chunks SET embedding = (SELECT array_agg(random()::real - 0.5) FROM generate_series(1, 1536 + 0 * chunk_index))" \
    -c "CREATE TABLE public.sp_ticks (at timestamptz NOT NULL) PARTITION BY RANGE (at)"
check "the evil schema" q -o /dev/null <<'SQL'
CREATE SCHEMA evil;
CREATE SEQUENCE evil.calls;
CREATE FUNCTION evil.uuid_eq(uuid, uuid) RETURNS boolean LANGUAGE plpgsql AS
  $$ BEGIN PERFORM pg_catalog.nextval('evil.calls'); RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
CREATE FUNCTION evil.text_eq(text, text) RETURNS boolean LANGUAGE plpgsql AS
  $$ BEGIN PERFORM pg_catalog.nextval('evil.calls'); RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
CREATE OPERATOR evil.= (LEFTARG = uuid, RIGHTARG = uuid, FUNCTION = evil.uuid_eq);
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_eq);
CREATE FUNCTION evil.now() RETURNS timestamptz LANGUAGE plpgsql AS
  $$ BEGIN PERFORM pg_catalog.nextval('evil.calls'); RETURN pg_catalog.now(); END $$;
SQL
# The arguments, found with the ordinary path; the calls below use only literals.
q -At -F' ' -c "
  SELECT (SELECT id FROM learning.students WHERE is_active ORDER BY id LIMIT 1),
         (SELECT v.id FROM learning.videos v JOIN learning.students s ON s.creator_id = v.creator_id
          WHERE s.is_active ORDER BY s.id, v.id LIMIT 1),
         (SELECT creator_id FROM learning.videos ORDER BY creator_id, id LIMIT 1),
         (SELECT id FROM learning.videos ORDER BY creator_id, id LIMIT 1),
         (SELECT id FROM market.concepts WHERE NOT archived ORDER BY id LIMIT 1),
         (SELECT id FROM market.market_contexts ORDER BY id LIMIT 1),
         (SELECT id FROM market.analyzed_videos ORDER BY id LIMIT 1)" >"${TMPDIR:-/tmp}/rb_sp_args" || exit 1
read -r student video creator cvideo concept market analyzed <"${TMPDIR:-/tmp}/rb_sp_args"
rm -f "${TMPDIR:-/tmp}/rb_sp_args"
chunk="(SELECT embedding FROM learning.video_chunks WHERE embedding IS NOT NULL ORDER BY id LIMIT 1)"
video_emb="(SELECT content_embedding FROM market.analyzed_videos WHERE content_embedding IS NOT NULL ORDER BY id LIMIT 1)"

# evil CALL...: runs the statements with the evil path first; prints how often evil ran, or
# "failed" when a statement failed.
evil() {
  local out
  out=$(q -At -c "SELECT pg_catalog.setval('evil.calls', 1, false)" -c "SET search_path = evil, pg_catalog" \
          "${@/#/-c}" -c "RESET search_path" -c "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM evil.calls" 2>&1) \
    || { echo "failed: $(grep -m1 ERROR <<<"$out")"; return; }
  tail -n 1 <<<"$out"
}
calls() { # calls NAME STATEMENT...
  local name=$1 got
  shift
  got=$(evil "$@")
  check "$name runs none of evil's operators or functions (evil calls: $got)" test "$got" = 0
}

calls "reelbase.manage_partitions" "SELECT reelbase.manage_partitions('public.sp_ticks', premake => 1)"
calls "reelbase.create_monthly_partition" "SELECT reelbase.create_monthly_partition('public.sp_ticks', 2025, 3)"
calls "reelbase.run_maintenance" "SELECT count(*) FROM reelbase.run_maintenance()"
calls "learning.build_chunk_index" "SELECT count(*) FROM learning.build_chunk_index(lists => 3)"
calls "reelbase.vector_list_for" "SELECT reelbase.vector_list_for('learning.video_chunks', $chunk)"
calls "learning.search_video_chunks" "SELECT count(*) FROM learning.search_video_chunks($chunk, 5, -1)"
calls "learning.track_video_event" \
  "SELECT learning.track_video_event('video_imported', '$cvideo', '$creator') IS NOT NULL"
calls "learning.get_student_total_watch_time" "SELECT learning.get_student_total_watch_time('$student', '$video')"
calls "learning.get_student_highest_completion" "SELECT learning.get_student_highest_completion('$student', '$video')"
calls "learning.has_student_completed_video" "SELECT learning.has_student_completed_video('$student', '$video')"
calls "learning.refresh_analytics" "SELECT learning.refresh_analytics('2025-10-01', '2025-12-31')"
calls "learning.rollup_analytics" "SELECT learning.rollup_analytics()"
calls "market.score_video" "SELECT count(*) FROM market.score_video('$analyzed')"
calls "market.score_concept" "SELECT market.score_concept('$concept')"
calls "market.virality_score" "SELECT market.virality_score('{\"a\": 1}', '{\"a\": 0.5}')"
calls "market.build_video_index" "SELECT count(*) FROM market.build_video_index(lists => 2)"
calls "market.search_videos" "SELECT count(*) FROM market.search_videos($video_emb, 3)"
calls "market.similar_videos" "SELECT count(*) FROM market.similar_videos('$analyzed', 3)"
calls "market.list_concept + market.purchase_listing" "BEGIN" \
  "SELECT reelbase.set_user_id('$student')" \
  "SELECT market.purchase_listing(market.list_concept('$concept', '$market', 10)) IS NOT NULL" "COMMIT"
calls "market.expire_listings" "SELECT market.expire_listings()"
calls "market.archive_listings" "SELECT market.archive_listings()"
calls "market.expire_cashback" "SELECT market.expire_cashback()"
calls "market.run_sweeps" "SELECT count(*) FROM market.run_sweeps()"
# The check itself can fail: a statement of the caller's own does reach evil.
got=$(evil "SELECT count(*) FROM learning.videos WHERE id = '$cvideo'")
check "the check sees a caller's own unqualified = (evil calls: $got)" test "$got" -gt 0

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
[ "$bad" = 0 ]
