#!/usr/bin/env bash
# The databases that 30_throughput.sh and 40_instructions.sh compare, loaded with the same
# generated data (bench/learning/data.sql, fixed seed):
#   $PGDATABASE (bench_partitions): reelbase 0.3.0, learning.video_analytics_events
#     range-partitioned by month; run_maintenance() has run (10_maintenance.sh), so events of
#     now go to the current month's partition.
#   ${PGDATABASE}_unpartitioned: CREATE EXTENSION reelbase VERSION '0.2.0' (same reelbase.so),
#     learning.video_analytics_events a plain table, plus every index 0.3.0 adds in schema
#     learning (see below), so that partitioning is the only difference between the two.
#   ${PGDATABASE}_v020: 0.2.0 as released, for the instruction counts of 40_instructions.sh
#     (the whole upgrade: partitioning and 0.3.0's new indexes).
# All are vacuumed, so the ownership checks are index-only scans wherever the indexes allow.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
source "$here/common.sh"

say "partitions: data for track_video_event, partitioned (0.3.0) and not (0.2.0)"
PGDATABASE=postgres q -c "CREATE DATABASE $unpart_db" -c "CREATE DATABASE $released_db"
PGDATABASE=$unpart_db q -c "CREATE EXTENSION reelbase VERSION '0.2.0'"
PGDATABASE=$released_db q -c "CREATE EXTENSION reelbase VERSION '0.2.0'"
for db in "$PGDATABASE" "$unpart_db" "$released_db"; do
  PGDATABASE=$db q -f "$BENCH_ROOT/learning/data.sql"
done

# Every index 0.3.0 has in schema learning that 0.2.0 lacks (on a table 0.2.0 has) is made in
# $unpart_db too, as 0.3.0 defines it: the covering indexes for track_video_event's checks
# (sql/reelbase_learning/12_indexes.sql) and any later 0.3.0 index, such as the rollups'
# indexes on learning.video_analytics_events. Only the primary key stays different: (id) in
# 0.2.0, (id, "timestamp") in 0.3.0, because a partitioned table's unique constraints must
# include the partition key.
PGDATABASE=$part_db q -At <<'SQL' >"$BENCH_OUT/partitions-mirror-indexes.sql"
SELECT format($f$DO $do$ BEGIN
  IF to_regclass(%L) IS NULL AND to_regclass(%L) IS NOT NULL THEN
    EXECUTE %L; RAISE NOTICE 'mirrored %s';
  END IF;
END $do$;$f$, ic.oid::regclass, t.oid::regclass,
  replace(pg_get_indexdef(ic.oid), ' ON ONLY ', ' ON '), ic.oid::regclass)
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relnamespace = 'learning'::regnamespace AND NOT t.relispartition
ORDER BY 1;
SQL
mirrored=$(PGDATABASE=$unpart_db q -f "$BENCH_OUT/partitions-mirror-indexes.sql" 2>&1 \
           | sed -n 's/.*NOTICE:  mirrored //p' | sed 's/^learning\.//' | paste -sd ' ')
echo "0.3.0 indexes made in $unpart_db: ${mirrored:-none}"

for db in "$PGDATABASE" "$unpart_db" "$released_db"; do
  PGDATABASE=$db q -c 'VACUUM (ANALYZE)'
done

# Where an event of now goes, and what the table is.
where_to='WITH i AS (
            INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id)
            SELECT $$video_imported$$, video_id, creator_id FROM bench.triples WHERE n = 1
            RETURNING tableoid)
          SELECT tableoid::regclass FROM i'
shape="SELECT format('reelbase %s, events table %s, %s indexes, %s CHECKs, %s triggers besides FKs',
                    e.extversion,
                    CASE WHEN c.relkind = 'p' THEN (SELECT count(*) FROM pg_partition_tree(c.oid)
                                                   WHERE isleaf) || ' partitions'
                         ELSE 'not partitioned' END,
                    (SELECT count(*) FROM pg_index WHERE indrelid = c.oid),
                    (SELECT count(*) FROM pg_constraint WHERE conrelid = c.oid AND contype = 'c'),
                    (SELECT count(*) FROM pg_trigger WHERE tgrelid = c.oid AND NOT tgisinternal))
       FROM pg_class c, pg_extension e
       WHERE c.oid = 'learning.video_analytics_events'::regclass AND e.extname = 'reelbase'"
for db in "$PGDATABASE" "$unpart_db" "$released_db"; do
  part=$(PGDATABASE=$db q1 "$where_to")
  PGDATABASE=$db q -c 'TRUNCATE learning.video_analytics_events'
  printf '%s: %s;\n    events of now go to %s\n' "$db" "$(PGDATABASE=$db q1 "$shape")" "$part"
done

# Same seed, same data: the triples (and so every pgbench call) are identical.
sums=$(for db in "$PGDATABASE" "$unpart_db" "$released_db"; do
  PGDATABASE=$db q1 "SELECT md5(string_agg(format('%s %s %s %s', n, video_id, creator_id, student_id), ',' ORDER BY n))
                     FROM bench.triples"
done | sort -u | wc -l)
[ "$sums" = 1 ] || die "the databases hold different bench.triples"
bad=$(q1 "SELECT count(*) FROM bench.triples t JOIN learning.videos v ON v.id = t.video_id
          JOIN learning.students s ON s.id = t.student_id
          WHERE v.creator_id <> t.creator_id OR s.creator_id <> t.creator_id")
[ "$bad" = 0 ] || die "$bad triples do not belong together"
echo "same bench.triples in all three ($(q1 'SELECT count(*) FROM bench.triples') triples, seed 0.42, bench/learning/data.sql)"
