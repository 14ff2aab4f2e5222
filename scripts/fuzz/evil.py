"""The schema "evil" for the search_path pass: look-alikes of common pg_catalog operators and
functions, each counting its calls on the sequence evil.calls (not rolled back, so calls in
failed or rolled-back statements count too) and then doing what the original does. A call made
with search_path = evil, pg_catalog must not move the counter: every statement reelbase runs
internally has to mean the same whatever the caller's path.
"""

OPERATORS = ("=", "<>", "<", ">", "<=", ">=", "+", "-", "*", "/", "||", "~", "~*", "@>", "<@",
             "&&", "->", "->>", "?")
TYPES = ("uuid", "text", "integer", "bigint", "smallint", "numeric", "double precision", "real",
         "boolean", "date", "timestamp with time zone", "interval", "jsonb", "oid", "name",
         "text[]", "uuid[]", "real[]", "anyarray", "anyelement", "anynonarray", "regclass")
FUNCTIONS = ("now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "lower",
             "upper", "length", "btrim", "trim", "array_length", "cardinality", "jsonb_typeof",
             "random", "gen_random_uuid", "format", "quote_ident", "quote_literal", "abs",
             "greatest", "least", "date_trunc", "to_char", "nextval", "setval", "pg_sleep",
             "jsonb_build_object", "jsonb_array_elements", "unnest", "generate_series", "sqrt",
             "to_regclass", "make_date", "age", "array_position", "substring", "left", "right")

# Non-variadic plain functions and binary operators over the types above, from pg_catalog.
CANDIDATES = """
SELECT 'op', o.oprname, pg_catalog.format_type(o.oprleft, NULL),
       pg_catalog.format_type(o.oprright, NULL), pg_catalog.format_type(o.oprresult, NULL),
       NULL::text
FROM pg_catalog.pg_operator o
WHERE o.oprnamespace = 'pg_catalog'::regnamespace AND o.oprname = ANY (%(ops)s)
  AND o.oprleft <> 0 AND o.oprright <> 0
  AND pg_catalog.format_type(o.oprleft, NULL) = ANY (%(types)s)
  AND pg_catalog.format_type(o.oprright, NULL) = ANY (%(types)s)
UNION ALL
SELECT 'fn', p.proname, NULL, NULL, pg_catalog.format_type(p.prorettype, NULL),
       pg_catalog.pg_get_function_identity_arguments(p.oid)
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.proname = ANY (%(fns)s)
  AND p.prokind = 'f' AND NOT p.proretset AND p.provariadic = 0
  AND pg_catalog.format_type(p.prorettype, NULL) NOT IN ('internal', 'trigger', 'record')
  AND NOT EXISTS (SELECT FROM pg_catalog.unnest(p.proargtypes::oid[]) t
                  WHERE pg_catalog.format_type(t, NULL) NOT IN (SELECT pg_catalog.unnest(%(types)s::text[])))
ORDER BY 1, 2, 3, 4, 6
"""


def install(conn):
    """Creates schema evil with its look-alikes; returns how many it made."""
    cur = conn.execute(CANDIDATES, {"ops": list(OPERATORS), "types": list(TYPES),
                                    "fns": list(FUNCTIONS)})
    rows = cur.fetchall()
    conn.execute("DROP SCHEMA IF EXISTS evil CASCADE")
    conn.execute("CREATE SCHEMA evil")
    conn.execute("CREATE SEQUENCE evil.calls")
    conn.execute("GRANT USAGE ON SCHEMA evil TO PUBLIC")
    conn.execute("GRANT USAGE, SELECT, UPDATE ON SEQUENCE evil.calls TO PUBLIC")
    made = 0
    for i, (kind, name, left, right, result, args) in enumerate(rows):
        if result.startswith("any") and kind == "op":
            continue
        if kind == "op":
            fn = f"evil.op_{i}"
            body = f"RETURN $1 OPERATOR(pg_catalog.{name}) $2;"
            conn.execute(f"CREATE FUNCTION {fn}({left}, {right}) RETURNS {result} LANGUAGE plpgsql AS "
                         f"$$ BEGIN PERFORM pg_catalog.nextval('evil.calls'); {body} END $$")
            conn.execute(f"CREATE OPERATOR evil.{name} (LEFTARG = {left}, RIGHTARG = {right}, "
                         f"FUNCTION = {fn})")
        else:
            n = len([a for a in args.split(",") if a.strip()])
            passed = ", ".join(f"${k + 1}" for k in range(n))
            body = (f"PERFORM pg_catalog.{name}({passed}); RETURN;" if result == "void"
                    else f"RETURN pg_catalog.{name}({passed});")
            conn.execute(f"CREATE FUNCTION evil.{name}({args}) RETURNS {result} LANGUAGE plpgsql AS "
                         f"$$ BEGIN PERFORM pg_catalog.nextval('evil.calls'); {body} END $$")
        made += 1
    conn.commit()
    return made


def calls(conn):
    is_called, value = conn.execute("SELECT is_called, last_value FROM evil.calls").fetchone()
    return value if is_called else 0
