#!/usr/bin/env bash
# Row-level security as a matrix generated from the catalog (TAP lines), against the running
# test cluster, in a database of its own: both products, the demo data and what the demo
# leaves empty (listings, purchases from three buyers, produced content, built IVF indexes,
# maintained partitions, rollups).
#   * Relations: every table, partitioned table, partition and view of schemas reelbase,
#     learning and market. Each is tenant-scoped (its rows' owners follow from the policies'
#     tenant columns, foreign keys and view columns, scripts/test-rls-matrix-owners.sql), public by
#     design (the allowlist below, with a reason each), or closed (end users hold no privilege
#     on it at all). Any other relation fails the run.
#   * Identities of reelbase_app: two creators, two students (both buyers), an inactive
#     student, a market buyer with no learning account, an unknown uuid, no identity.
#   * Each relation x identity: SELECT must show no row of another tenant (a public relation:
#     exactly its public rows); INSERT of a copy of each other tenant's row (new key), UPDATE
#     and DELETE of each must be refused (42501) or touch no row; UPDATE also tries to move
#     each of the identity's own rows to another tenant. Each attempt is rolled back.
#   * Derived data, per identity: every relation end users can read must read the same after
#     every row the identity may not read is deleted and everything derived (rollups, IVF
#     lists and centroids, tasks) is rebuilt; no uuid it reads may be the key of a row it may
#     not read.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$REELBASE_ROOT"
source "$(dirname "$0")/tap.sh"
db=rb_rls_matrix
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q1() { q -At -c "$1"; }
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db" || exit 1

check "both products and the demo data" \
  q -o /dev/null -c "CREATE EXTENSION reelbase_learning CASCADE" -c "CREATE EXTENSION reelbase_market" \
    -f demo/data.sql -f demo/market_data.sql
check "the matrix's machinery (scripts/test-rls-matrix-*.sql)" \
  q -o /dev/null -f scripts/test-rls-matrix-owners.sql -f scripts/test-rls-matrix-probes.sql
# Creators A and B are the first two, each student their creator's first active one.
check "the identities" q -o /dev/null <<'SQL'
WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM learning.creators),
     s AS (SELECT DISTINCT ON (s.creator_id) s.id, s.creator_id, c.n FROM learning.students s JOIN c ON c.id = s.creator_id
           WHERE s.is_active AND c.n <= 2 ORDER BY s.creator_id, s.id),
     lapsed AS (SELECT id FROM learning.students WHERE NOT is_active ORDER BY id LIMIT 1)
INSERT INTO rls_matrix.identities (ord, name, uid, read_keys, write_keys, person, is_student)
SELECT n, 'creator ' || chr(64 + n::int), id, ARRAY['c:' || id, 'b:' || id], ARRAY['c:' || id, 'b:' || id], NULL, false
FROM c WHERE n <= 2
UNION ALL
SELECT 2 + n, 'student ' || chr(64 + n::int) || '1', id, ARRAY['c:' || creator_id, 'b:' || id], ARRAY['b:' || id], id, true FROM s
UNION ALL
SELECT 5, 'inactive student', id, ARRAY['b:' || id], ARRAY['b:' || id], NULL, false FROM lapsed
UNION ALL
SELECT 6, 'market buyer', 'b0000000-0000-4000-8000-00000000b001', '{b:b0000000-0000-4000-8000-00000000b001}',
       '{b:b0000000-0000-4000-8000-00000000b001}', NULL, false
UNION ALL
SELECT 7, 'unknown uuid', '00000000-0000-4000-8000-0000000dead1', '{b:00000000-0000-4000-8000-0000000dead1}',
       '{b:00000000-0000-4000-8000-0000000dead1}', NULL, false
UNION ALL
SELECT 8, 'no identity', NULL, '{}', '{}', NULL, false;
SQL
check "8 identities" test "$(q1 "SELECT count(*) FROM rls_matrix.identities")" = 8
# Buyers: student A1 buys concept 1, the market buyer and student B1 concept 2, each in a market of its own.
check "rows for what the demo leaves empty" q -o /dev/null <<'SQL'
SELECT setseed(0.21);
UPDATE learning.video_chunks SET embedding = (SELECT array_agg(random()::real - 0.5) FROM generate_series(1, 1536 + 0 * chunk_index));
-- Events this month (a premade partition) and in 2100 (they stay in the default partition).
INSERT INTO learning.video_analytics_events (event_type, video_id, creator_id, "timestamp")
SELECT 'video_imported', v.id, v.creator_id, t
FROM (SELECT DISTINCT ON (creator_id) id, creator_id FROM learning.videos ORDER BY creator_id, id) v,
     (VALUES (now()), ('2100-01-01'::timestamptz)) x(t);
INSERT INTO market.viewer_overlays (concept_id, overlay_type, language_code, content, timestamp_start, timestamp_end)
SELECT id, 'scene_marker', 'en', 'PAUSE', 1.0, 2.0 FROM market.concepts WHERE NOT archived ORDER BY id OFFSET 1 LIMIT 1;
SELECT * FROM reelbase.run_maintenance();
CREATE TEMP TABLE sale AS
SELECT b.uid AS buyer, market.list_concept(c.id, m.id, 10) AS listing
FROM (SELECT uid, row_number() OVER (ORDER BY ord) AS n FROM rls_matrix.identities
      WHERE name IN ('student A1', 'market buyer', 'student B1')) b
JOIN LATERAL (SELECT id FROM market.concepts WHERE NOT archived AND evergreen_eligible ORDER BY id OFFSET least(b.n - 1, 1) LIMIT 1) c ON true
JOIN LATERAL (SELECT id FROM market.market_contexts ORDER BY id OFFSET b.n - 1 LIMIT 1) m ON true;
GRANT SELECT ON sale TO reelbase_app;
DO $$
DECLARE s record;
BEGIN
  FOR s IN SELECT * FROM sale LOOP
    SET LOCAL ROLE reelbase_app;
    PERFORM reelbase.set_user_id(s.buyer);
    PERFORM market.purchase_listing(s.listing);
    INSERT INTO market.produced_content (transaction_id, submitted_url, platform)
    SELECT id, 'https://example.com/made/' || id, 'tiktok' FROM market.transactions;
    RESET ROLE;
  END LOOP;
END
$$;
SELECT * FROM learning.build_chunk_index(lists => 3);
SELECT * FROM market.build_video_index(lists => 2);
SELECT rls_matrix.rebuild_derived();
SQL

# Tenant-free by design. Nothing else may be readable or writable by end users without owners.
check "the allowlist" q -o /dev/null <<'SQL'
INSERT INTO rls_matrix.allowlist (name, visible, reason) VALUES
  ('market.market_contexts', 'true',
   'the price table: every market, its purchasing power index and currency, is public (53_rls.sql)'),
  ('market.listing_windows', 'true',
   'the shop window: listings of every status and their sold_count (scarcity is public, 53_rls.sql)'),
  ('market.concepts', 'NOT archived',
   'the shop window: live concepts without their template columns, which buyers pay for (54_grants.sql)');
SELECT rls_matrix.discover();
SQL
[ "$bad" = 0 ] || { echo "1..$n"; exit 1; }

# Every relation is classified.
unknown=$(q1 "SELECT string_agg(rel::text, ', ' ORDER BY rel::text) FROM rls_matrix.relations WHERE class = 'unknown'")
check "every relation is tenant-scoped, allowlisted or closed to end users (unknown: ${unknown:-none})" test -z "$unknown"
stale=$(q1 "SELECT string_agg(a.name || CASE WHEN r.rel IS NULL THEN ' (missing)' ELSE ' (tenant-scoped)' END, ', ')
            FROM rls_matrix.allowlist a LEFT JOIN rls_matrix.relations r ON r.rel = to_regclass(a.name)
            WHERE r.rel IS NULL OR r.class <> 'public'")
check "every allowlisted relation exists and has no owners (${stale:-ok})" test -z "$stale"
q -At -F' ' -c "SELECT class, count(*), string_agg(rel::text, ' ' ORDER BY rel::text) FROM rls_matrix.relations GROUP BY 1 ORDER BY 1" \
  | sed 's/^/# /'
thin=$(q1 "SELECT string_agg(r.rel::text, ', ' ORDER BY r.rel::text) FROM rls_matrix.relations r
           WHERE r.class = 'tenant' AND r.relkind <> 'v'
             AND (EXISTS (SELECT FROM rls_matrix.owner o WHERE o.rel = r.rel)
                  OR NOT (SELECT c.relispartition FROM pg_class c WHERE c.oid = r.rel))
             AND (SELECT count(DISTINCT x) FROM rls_matrix.owner o, unnest(o.tenants) x WHERE o.rel = r.rel) < 2")
check "every tenant-scoped table has rows of at least two tenants (empty partitions aside) (${thin:-ok})" test -z "$thin"
check "no relation grants anything to PUBLIC" \
  test "$(q1 "SELECT count(*) FROM rls_matrix.relations r JOIN pg_class c ON c.oid = r.rel, aclexplode(c.relacl) a WHERE a.grantee = 0")" = 0
check "reelbase_app may not call reelbase.vector_list_for (it reads the centroids)" \
  test "$(q1 "SELECT has_function_privilege('reelbase_app', 'reelbase.vector_list_for(text, real[])', 'EXECUTE')")" = f

# The matrix: one line per relation x identity for its four operations.
q -At -F'|' -c "
  SELECT r.rel, r.class, i.name,
         string_agg(p.op || ' ' || p.attempts, ', ' ORDER BY p.op), sum(p.attempts), sum(p.leaks),
         coalesce(string_agg(p.op || ': ' || p.detail, ' | ') FILTER (WHERE p.leaks > 0), '')
  FROM rls_matrix.relations r CROSS JOIN rls_matrix.identities i, rls_matrix.probe(r.rel, i.name) p
  WHERE r.class <> 'unknown'
  GROUP BY r.rel, r.class, i.ord, i.name ORDER BY r.rel::text, i.ord" >"${TMPDIR:-/tmp}/rb_rls_matrix.$$" || exit 1
cells=0
attempts=0
while IFS='|' read -r rel class who ops total leaks detail; do
  check "$rel ($class) as $who: no other tenant's row read or written ($ops)" test "$leaks" = 0
  [ "$leaks" = 0 ] || printf '#   %s\n' "${detail:0:600}"
  cells=$((cells + 4)); attempts=$((attempts + total))
done <"${TMPDIR:-/tmp}/rb_rls_matrix.$$"
relations=$(cut -d'|' -f1 "${TMPDIR:-/tmp}/rb_rls_matrix.$$" | sort -u | wc -l)
rm -f "${TMPDIR:-/tmp}/rb_rls_matrix.$$"

# Derived data, per identity.
while IFS='|' read -r who changed named; do
  check "$who reads nothing derived from other tenants (${changed:-every readable relation reads the same without them})" \
    test -z "$changed"
  check "$who reads no id of a row it may not read (${named:-none})" test -z "$named"
done < <(q -At -F'|' -c "
  SELECT i.name,
         string_agg(d.rel::text || ' (' || d.rows_before || ' -> ' || d.rows_after || ' rows)', ', ' ORDER BY d.rel::text)
           FILTER (WHERE d.changed AND d.class <> 'public'),
         string_agg(d.rel::text || ': ' || array_to_string(d.foreign_ids, ' '), '; ' ORDER BY d.rel::text)
           FILTER (WHERE cardinality(d.foreign_ids) > 0)
  FROM rls_matrix.identities i CROSS JOIN LATERAL rls_matrix.derived(i.name) d
  GROUP BY i.ord, i.name ORDER BY i.ord")

identities=$(q1 "SELECT count(*) FROM rls_matrix.identities")
echo "# matrix: $relations relations x $identities identities x 4 operations = $cells cells, $attempts attempts"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
echo "1..$n"
[ "$bad" = 0 ]
