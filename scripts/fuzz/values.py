"""Argument values for the fuzzer: SQL expressions, each already cast to its type.

A value is plausible (sampled from the database's own rows, so a call gets past its first
checks), hostile (bounds, NaN and infinities, empty, huge, multi-dimensional or oddly bounded
arrays, 1 MB text, deep jsonb, infinite times) or NULL. Every expression is built only from
literals, casts and pg_catalog-qualified functions, so it means the same under any search_path
(the search_path pass puts a schema of look-alike operators and functions first).
"""
import uuid

HUGE_TEXT = "pg_catalog.repeat('x', 1048576)"

HOSTILE = {
    "integer": ["0", "-1", "1", "2", "3", "7", "100", "100000", "2147483647", "-2147483648"],
    "numeric": ["0", "-0.01", "0.000000000000000000000000000001", "1e300", "'NaN'", "'Infinity'",
                "'-Infinity'", "99999999999999999999.99", "-5", "12.5"],
    "double precision": ["'NaN'", "'Infinity'", "'-Infinity'", "0", "'-0'", "1e-320",
                         "1.7976931348623157e308", "-1", "0.5", "2", "-2"],
    "text": ["''", "'x'", HUGE_TEXT, "'learning.videos'", "'pg_catalog.pg_class'",
             "'no_such_schema.no_such_table'", "'x''); DROP TABLE y; --'", "'é中😀'", "'NaN'",
             "'infinity'", "'-1'", "' leading'", "'UPPER'", "'%'", "'\\'", "'a.b.c.d'"],
    "date": ["'infinity'", "'-infinity'", "'4713-01-01 BC'", "'5874897-12-31'", "'2000-02-29'",
             "'1970-01-01'", "'2026-12-31'"],
    "timestamp with time zone": [
        "'infinity'", "'-infinity'", "'4713-01-01 00:00:00+00 BC'", "'294276-12-31 23:59:59+00'",
        "'epoch'", "'2026-01-31 23:59:59.999999+00'", "'2024-02-29 12:00:00+14'"],
    "interval": ["'0'", "'-1 day'", "'1 microsecond'", "'178000000 years'", "'-178000000 years'",
                 "'1 mon'", "'72 hours'", "'1000000 days'", "'-1 microsecond'"],
    "boolean": ["true", "false"],
    "bigint": ["0", "-1", "1", "9223372036854775807", "-9223372036854775808"],
    "bytea": ["''", "'\\x00'", "'\\x' OPERATOR(pg_catalog.||) pg_catalog.repeat('00', 32)", "'\\xff'", "pg_catalog.decode(pg_catalog.repeat('ab', 100000), 'hex')"],
}


def _real_array(rng, n, spread=1.0):
    return "'{" + ",".join(f"{rng.uniform(-spread, spread):.5g}" for _ in range(n)) + "}'"


def _hostile_real_array(rng):
    choice = rng.randrange(14)
    if choice == 0:
        return "'{}'"
    if choice == 1:
        return _real_array(rng, 1536)
    if choice == 2:
        return _real_array(rng, rng.choice([1, 2, 3, 1535, 1537]))
    if choice == 3:
        return "'{NaN,1,2}'"
    if choice == 4:
        return "'{Infinity,-Infinity,1}'"
    if choice == 5:
        return "pg_catalog.array_fill(3e38::real, ARRAY[1536])"
    if choice == 6:
        return "pg_catalog.array_fill(1e-40::real, ARRAY[1536])"
    if choice == 7:
        return "'{1,NULL,2}'"
    if choice == 8:
        return "'{{1,2},{3,4}}'"
    if choice == 9:
        return "'[0:2]={1,2,3}'"
    if choice == 10:
        return "pg_catalog.array_fill(0.5::real, ARRAY[100000])"
    if choice == 11:
        return "pg_catalog.array_fill(0::real, ARRAY[1536])"
    if choice == 12:
        return "pg_catalog.array_fill(0.25::real, ARRAY[1536], ARRAY[-5])"
    return "pg_catalog.array_fill(0.1::real, ARRAY[2, 768])"


def _deep_jsonb(rng):
    depth = rng.choice([100, 1000, 5000])
    if rng.random() < 0.5:
        return "'" + "[" * depth + "]" * depth + "'"
    return "'" + '{"a":' * depth + "1" + "}" * depth + "'"


def _json_scalar(rng, pool):
    choice = rng.randrange(9)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice([0, -1, 1, 2 ** 63, 1e308, 0.5])
    if choice == 2:
        return rng.choice([True, False])
    if choice == 3:
        return rng.choice(["", "NaN", "Infinity", "x" * 300, "2026-01-01"])
    if choice == 4 and pool:
        return rng.choice(pool)
    if choice == 5:
        return [rng.choice(pool) if pool else "x"] * rng.choice([0, 1, 3])
    if choice == 6:
        return {"nested": {"deeper": [1, 2]}}
    if choice == 7:
        return str(uuid.UUID(int=rng.getrandbits(128)))
    return rng.uniform(-1e6, 1e6)


def _quote(text):
    return "'" + text.replace("'", "''") + "'"


class Values:
    """Draws argument expressions from the samples and the hostile lists."""

    def __init__(self, samples, json_keys, relations, procedures):
        self.samples = samples  # {(type, column name): [text]}, also {(type, None): [text]}
        self.json_keys = json_keys  # [text]: keys seen in the database's jsonb columns
        self.relations = relations  # [text]: qualified names of relations to name
        self.procedures = procedures  # [text]: signatures for regprocedure arguments

    def sample(self, typ, column, rng):
        pool = self.samples.get((typ, column)) or self.samples.get((typ, None))
        return _quote(rng.choice(pool)) if pool else None

    def draw(self, typ, argname, rng):
        if typ == "anyelement":
            typ = rng.choice(["integer", "text", "double precision", "numeric", "uuid", "date",
                              "timestamp with time zone", "interval", "jsonb", "real[]",
                              "text[]", "boolean"])
        roll = rng.random()
        if roll < 0.08:
            return f"NULL::{typ}"
        column = argname[2:] if argname and argname.startswith("p_") else argname
        expr = self.sample(typ, column, rng) if roll < 0.5 else None
        if expr is None:
            expr = self.hostile(typ, rng)
        return f"({expr})::{typ}"

    def hostile(self, typ, rng):
        if typ in HOSTILE:
            return rng.choice(HOSTILE[typ])
        if typ == "uuid":
            return rng.choice(["'00000000-0000-0000-0000-000000000000'",
                               "'ffffffff-ffff-ffff-ffff-ffffffffffff'",
                               _quote(str(uuid.UUID(int=rng.getrandbits(128))))])
        if typ == "real[]":
            return _hostile_real_array(rng)
        if typ == "text[]":
            return self.hostile_text_array(rng)
        if typ == "jsonb":
            return self.hostile_jsonb(rng)
        if typ == "regclass":
            return _quote(rng.choice(self.relations + ["pg_catalog.pg_class"]))
        if typ == "regprocedure":
            return _quote(rng.choice(self.procedures + ["pg_catalog.now()",
                                                        "pg_catalog.pg_sleep(double precision)"]))
        return "NULL"

    def hostile_text_array(self, rng):
        choice = rng.randrange(7)
        texts = self.samples.get(("text", None)) or ["x"]
        if choice == 0:
            return "'{}'"
        if choice == 1:
            return "'{NULL}'"
        if choice == 2:
            return "'{{a,b},{c,d}}'"
        if choice == 3:
            return "'[0:1]={a,b}'"
        if choice == 4:
            return "pg_catalog.array_fill('x'::text, ARRAY[10000])"
        picked = [rng.choice(texts) for _ in range(rng.choice([1, 2, 5]))]
        return "ARRAY[" + ",".join(_quote(t) for t in picked) + "]::text[]"

    def hostile_jsonb(self, rng):
        choice = rng.randrange(8)
        if choice == 0:
            return rng.choice(["'{}'", "'[]'", "'null'", "'\"s\"'", "'0'", "'1e400'", "'true'"])
        if choice == 1:
            return _deep_jsonb(rng)
        if choice == 2:
            return ("(SELECT pg_catalog.jsonb_object_agg('k' OPERATOR(pg_catalog.||) i, i)"
                    " FROM pg_catalog.generate_series(1, 10000) i)")
        import json
        keys = self.json_keys or ["k"]
        texts = self.samples.get(("text", None)) or []
        obj = {rng.choice(keys): _json_scalar(rng, texts) for _ in range(rng.randrange(1, 6))}
        if choice == 3:
            obj = [obj]
        return _quote(json.dumps(obj))
