#!/usr/bin/env bash
# Loads the generated data (fixed seed) and the PL/pgSQL twin into $PGDATABASE.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"

say "learning: data"
q -f "$here/data.sql"
q -f "$here/plpgsql_twin.sql"
# learning.video_analytics_events is partitioned by month; run_maintenance() makes the current
# month's partition (and the premade ones), so events land where they would in production
# rather than in the default partition.
q -c 'SELECT count(*) FROM reelbase.run_maintenance()' >/dev/null
part=$(q1 "WITH i AS (
             INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id)
             SELECT 'video_imported', video_id, creator_id FROM bench.triples WHERE n = 1
             RETURNING tableoid)
           SELECT tableoid::regclass FROM i")
q -c 'TRUNCATE learning.video_analytics_events'
echo "events of now go to partition $part" \
  "($(q1 "SELECT count(*) FROM pg_partition_tree('learning.video_analytics_events') WHERE isleaf")" \
  "partitions of learning.video_analytics_events)"
q -At -F ' ' <<'SQL'
SELECT format('%s creators, %s students, %s videos (%s..%s per creator), %s triples, seed 0.42',
  (SELECT count(*) FROM learning.creators), (SELECT count(*) FROM learning.students),
  (SELECT count(*) FROM learning.videos),
  min(cnt), max(cnt), (SELECT count(*) FROM bench.triples))
FROM (SELECT count(*) AS cnt FROM learning.videos GROUP BY creator_id) per_creator;
SQL
# The triples must really belong together, or the functions would measure their error path.
bad=$(q1 "SELECT count(*) FROM bench.triples t JOIN learning.videos v ON v.id = t.video_id
          JOIN learning.students s ON s.id = t.student_id
          WHERE v.creator_id <> t.creator_id OR s.creator_id <> t.creator_id")
[ "$bad" = 0 ] || die "$bad triples do not belong together"
