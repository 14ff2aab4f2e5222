#!/usr/bin/env bash
# Segments: stories.append_segment (scene lock, next sequence, job and scene checks) against a
# plain INSERT of the same row into stories.segments with its sequence given. Target: >= 0.7.
set -euo pipefail
source "$(dirname "$0")/common.sh"
reset_segments() { queue_jobs 150000 final_ready completed; }
say "stories: segment appends, $clients clients over 200 scenes"
pair_runs stories-append "$clients" 0.7 append "$here/pgbench/append.sql" \
  plain_insert "$here/pgbench/append_plain.sql" reset_segments
gaps=$(q1 "SELECT count(*) FROM (SELECT scene_id FROM stories.segments GROUP BY 1 HAVING max(sequence) <> count(*)) x")
echo "last run: $(q1 'SELECT count(*) FROM stories.segments') segments; scenes whose sequences are not 1..N: $gaps (plain rows carry the given sequence)"
