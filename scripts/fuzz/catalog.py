"""What the fuzzer reads from the catalog: every function of every reelbase extension, and
samples of the database's own values to draw plausible arguments from.

Functions come from pg_depend (members of extensions named reelbase or reelbase_*), so a new
function, or a new product's extension, is fuzzed without editing the fuzzer. Trigger and
event-trigger functions are left out: they cannot be called directly.
"""
from dataclasses import dataclass

EXTENSIONS = "(e.extname = 'reelbase' OR e.extname LIKE 'reelbase\\_%')"

FUNCTIONS = f"""
SELECT p.oid::regprocedure::text, n.nspname, p.proname, p.prokind, p.pronargs,
       p.pronargdefaults,
       ARRAY(SELECT pg_catalog.format_type(t, NULL)
             FROM pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, i) ORDER BY i),
       ARRAY(SELECT a.name FROM ROWS FROM (pg_catalog.unnest(p.proargnames), pg_catalog.unnest(p.proargmodes)) a(name, mode)
             WHERE a.mode IS NULL OR a.mode IN ('i', 'b', 'v'))
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
  AND d.deptype = 'e'
JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
WHERE {EXTENSIONS}
  AND p.prorettype NOT IN ('pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype)
ORDER BY 1
"""

# Columns of the extensions' tables (partitioned parents, not their partitions).
COLUMNS = f"""
SELECT c.oid::regclass::text, a.attname, pg_catalog.format_type(a.atttypid, NULL)
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
  AND d.deptype = 'e'
JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE {EXTENSIONS} AND c.relkind IN ('r', 'p', 'v', 'm')
ORDER BY 1, a.attnum
"""

RELATIONS = f"""
SELECT c.oid::regclass::text
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN (SELECT e.extnamespace::regnamespace::text FROM pg_catalog.pg_extension e
                    WHERE {EXTENSIONS})
  AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i')
ORDER BY 1
"""

# Quoted literals of CHECK constraints: the allowed values of text columns (event types, ...).
CHECK_LITERALS = f"""
SELECT DISTINCT m[1]
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = k.conrelid
  AND d.deptype = 'e'
JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid,
LATERAL pg_catalog.regexp_matches(pg_catalog.pg_get_constraintdef(k.oid), '''([^'']*)''', 'g') m
WHERE {EXTENSIONS} AND k.contype = 'c'
ORDER BY 1
"""

SAMPLED_TYPES = {"uuid", "text", "integer", "numeric", "date", "timestamp with time zone",
                 "double precision", "interval", "regclass", "text[]", "real[]"}


@dataclass
class Function:
    signature: str
    schema: str
    name: str
    kind: str
    nargs: int
    ndefaults: int
    types: list
    names: list


def functions(conn):
    rows = conn.execute(FUNCTIONS).fetchall()
    found = []
    for sig, schema, name, kind, nargs, ndefaults, types, names in rows:
        names = list(names) + [None] * (nargs - len(names))
        found.append(Function(sig, schema, name, kind, nargs, ndefaults, list(types), names[:nargs]))
    return found


def samples(conn, per_column=12):
    """Values of the extensions' columns, keyed by (type, column) and (type, None)."""
    pool = {}
    for rel, col, typ in conn.execute(COLUMNS).fetchall():
        sampled = "text" if typ == "regclass" else typ
        if sampled not in SAMPLED_TYPES:
            continue
        rows = conn.execute(
            f'SELECT DISTINCT "{col}"::text FROM {rel} WHERE "{col}" IS NOT NULL'
            f' AND pg_catalog.length("{col}"::text) < 20000 ORDER BY 1 LIMIT {per_column}').fetchall()
        values = [r[0] for r in rows]
        for key in ((sampled, col), (sampled, None)):
            pool.setdefault(key, [])
            pool[key].extend(v for v in values if v not in pool[key])
    for (lit,) in conn.execute(CHECK_LITERALS).fetchall():
        pool.setdefault(("text", None), []).append(lit)
    return pool


def json_keys(conn):
    keys = set()
    for rel, col, typ in conn.execute(COLUMNS).fetchall():
        if typ != "jsonb":
            continue
        rows = conn.execute(
            f'SELECT DISTINCT k FROM {rel}, LATERAL pg_catalog.jsonb_object_keys('
            f'CASE WHEN pg_catalog.jsonb_typeof("{col}") = \'object\' THEN "{col}" END) k'
            f' ORDER BY 1 LIMIT 50').fetchall()
        keys.update(r[0] for r in rows)
    return sorted(keys)


def relations(conn):
    return [r[0] for r in conn.execute(RELATIONS).fetchall()]


def identities(conn):
    """Identity values an application would set: creators and students of learning, if any."""
    found = {"creator": [], "student": []}
    for kind, table in (("creator", "learning.creators"), ("student", "learning.students")):
        if conn.execute("SELECT pg_catalog.to_regclass(%s)", (table,)).fetchone()[0]:
            found[kind] = [r[0] for r in conn.execute(
                f"SELECT id::text FROM {table} ORDER BY id LIMIT 10").fetchall()]
    return found
