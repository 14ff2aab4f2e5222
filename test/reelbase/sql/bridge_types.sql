-- Every type the bridge converts, taken into Swift and back (bridge_echo) and rendered by Swift
-- (bridge_describe). Each echo is compared with the input using IS NOT DISTINCT FROM, so a
-- conversion that changes a value shows up as 'f'.
SET extra_float_digits = 0;

SELECT v, reelbase.bridge_echo(v) IS NOT DISTINCT FROM v AS same, reelbase.bridge_describe(v)
FROM (VALUES (true), (false)) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES (0::int2), ((-32768)::int2), (32767::int2)) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES (0), (-2147483648), (2147483647)) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES (0::int8), ((-9223372036854775808)::int8), (9223372036854775807::int8)) t(v);

-- NaN = NaN is true in Postgres' float ordering, so NaN round trips are checked too.
SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES (1.5::real), ('-0'::real), ('NaN'::real), ('Infinity'::real), ('-Infinity'::real),
             ('1e-45'::real)) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES (2.5::float8), ('NaN'::float8), ('-Infinity'::float8), (1e308::float8),
             (4.9e-324::float8)) t(v);

-- Text: empty, multi-byte, an embedded quote and newline, and a value large enough to be
-- toasted (compressed) so the detoast path runs.
SELECT reelbase.bridge_echo(''::text) = '' AS empty,
       reelbase.bridge_describe(''::text),
       reelbase.bridge_echo('Grüße, 世界 🎬'::text) = 'Grüße, 世界 🎬' AS multibyte,
       reelbase.bridge_describe('Grüße, 世界 🎬'::text),
       reelbase.bridge_echo(E'it''s\nfine'::text) = E'it''s\nfine' AS quoted;
CREATE TEMP TABLE big_text AS SELECT repeat('reel ', 200000) AS t;
SELECT pg_column_size(t) < octet_length(t) AS stored_compressed,
       reelbase.bridge_echo(t) = t AS same, length(reelbase.bridge_echo(t)) AS length
FROM big_text;

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid),
             ('00000000-0000-0000-0000-000000000000'::uuid),
             ('ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid),
             ('01890a5d-ac96-774b-bcce-b302099a8057'::uuid)) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES ('2000-01-01'::date), ('2024-02-29'::date), ('1999-12-31'::date),
             ('0001-01-01'::date), ('9999-12-31'::date), ('infinity'::date),
             ('-infinity'::date)) t(v);

SET timezone = 'UTC';
SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES ('1970-01-01 00:00:00+00'::timestamptz), ('2000-01-01 00:00:00.000001+00'::timestamptz),
             ('1969-12-31 23:59:59.999+00'::timestamptz), ('infinity'::timestamptz),
             ('-infinity'::timestamptz)) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES ('1 mon 2 days 03:04:05.000006'::interval), ('-1 year -2 days'::interval),
             ('0'::interval), ('72 hours'::interval)) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES (0::numeric), (-12.50::numeric), ('12345678901234567890.123456789012345'::numeric),
             ('NaN'::numeric), ('Infinity'::numeric), (0.12::numeric(4,2))) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES ('{}'::jsonb), ('{"a": {"b": [1, 2.5, null, true]}}'::jsonb), ('[1, "x"]'::jsonb),
             ('"scalar"'::jsonb), ('null'::jsonb), ('42'::jsonb)) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES ('{}'::text[]), ('{a,NULL,"c d",""}'::text[]), ('{Grüße}'::text[])) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES ('{}'::uuid[]), ('{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,NULL}'::uuid[])) t(v);

SELECT v, reelbase.bridge_echo(v) = v AS same, reelbase.bridge_describe(v)
FROM (VALUES ('{}'::real[]), ('{1.5,-2,0.25}'::real[]), ('{1,NULL,3}'::real[]),
             ('{NaN,Infinity}'::real[])) t(v);
-- A real[] with a lower bound other than 1 is still read as one run of floats.
SELECT reelbase.bridge_describe('[0:2]={1,2,3}'::real[]);
-- A 1,536-dimension embedding, stored toasted in a table, read in place.
CREATE TEMP TABLE emb AS SELECT array_agg((i / 1536.0)::real) AS e FROM generate_series(1, 1536) i;
SELECT reelbase.bridge_echo(e) = e AS same, cardinality(reelbase.bridge_echo(e)) FROM emb;

-- Multi-dimensional arrays are refused by the element converters; the real[] view reports the
-- dimensions so callers (vector search) can refuse them.
SELECT reelbase.bridge_echo('{{a,b},{c,d}}'::text[]);
\echo :LAST_ERROR_SQLSTATE
SELECT reelbase.bridge_describe('{{1,2},{3,4}}'::real[]);
-- Types the bridge does not convert are refused with 0A000.
SELECT reelbase.bridge_echo(1::oid);
\echo :LAST_ERROR_SQLSTATE
-- NULL in, NULL out (the functions are STRICT).
SELECT reelbase.bridge_echo(NULL::uuid) IS NULL AS null_echo;
