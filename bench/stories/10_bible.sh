#!/usr/bin/env bash
# Scene bibles: an INSERT through the bible schema's check trigger (the draft-07 validator)
# against the same INSERT with that trigger disabled. Target: >= 0.7 of its rows/s.
set -euo pipefail
source "$(dirname "$0")/common.sh"
[ "$(q1 "SELECT reelbase.jsonb_matches_schema((SELECT schema FROM stories.bible_schema WHERE version = 1), bench.example_bible(2))")" = t ] \
  || die "the example bible does not match the bible schema"
bible_trigger() { # validated | plain
  local how=ENABLE; [ "$1" = plain ] && how=DISABLE
  q -c "ALTER TABLE stories.scene_bibles $how TRIGGER scene_bibles_check" -c 'CHECKPOINT' >/dev/null
}
say "stories: bible inserts, $clients clients, each on its own scene ($(q1 "SELECT length(bench.example_bible(2)::text)") bytes of jsonb text per bible)"
pair_runs stories-bible "$clients" 0.7 validated "$here/pgbench/bible.sql" plain "$here/pgbench/bible.sql" bible_trigger
bible_trigger validated
bad=$(q1 "SELECT count(*) FROM stories.scene_bibles b WHERE NOT reelbase.jsonb_matches_schema((SELECT schema FROM stories.bible_schema WHERE version = 1), b.data)")
echo "bible rows written: $(q1 'SELECT count(*) FROM stories.scene_bibles'), not matching the schema: $bad (the plain runs' rows match too: the same bible)"
