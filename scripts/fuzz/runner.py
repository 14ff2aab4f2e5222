"""Runs the fuzzer's calls: one transaction per call, rolled back, as a role and identity an
application or administrator would use, and judges each outcome.

A call fails the run when the connection is lost (a backend crash restarts the server), when
it ends with an internal error (class XX) or a resource error (class 53), when it runs past the
statement timeout (57014: the input made it run too long, or it did not check for interrupts),
when it returns only after the watchdog had to cancel it, or, on the search_path pass, when
one of evil's look-alikes ran. Any other SQLSTATE is a refusal and is only counted.
"""
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import psycopg

import evil

# Deliberate diagnostics: outcomes their documentation promises (reelbase.bridge_fail's kind
# 'spin' runs until the statement is cancelled, to show the bridge checks for interrupts).
EXPECTED = {"reelbase.bridge_fail(text)": {"57014"}}

# Who calls, with weights: mostly a superuser, whom no privilege check stops early.
CONTEXTS = {"superuser": 8, "admin": 3, "creator": 3, "student": 3, "any_uuid": 1.5,
            "no_identity": 1.5}


@dataclass
class Call:
    context: str
    identity: str | None
    evil_path: bool
    sql: str


@dataclass
class Outcome:
    returned: int = 0
    refused: Counter = field(default_factory=Counter)
    failures: list = field(default_factory=list)  # (call index, kind, reason, Call)
    slowest_ms: float = 0.0
    evil_calls: int = 0
    memory_growth: int = 0


def plan(fn, values, identities, seed, index, with_evil):
    """The index-th call of fn: reproducible from (seed, signature, index) alone."""
    rng = random.Random(f"{seed}:{fn.signature}:{index}")
    context = rng.choices(list(CONTEXTS), weights=list(CONTEXTS.values()))[0]
    identity = None
    if context in ("creator", "student") and identities.get(context):
        identity = rng.choice(identities[context])
    elif context == "any_uuid":
        identity = values.sample("uuid", None, rng)
        identity = identity.strip("'") if identity else None
    nargs = fn.nargs
    if fn.ndefaults and rng.random() < 0.3:
        nargs = rng.randint(fn.nargs - fn.ndefaults, fn.nargs)
    args = ", ".join(values.draw(t, n, rng) for t, n in zip(fn.types[:nargs], fn.names[:nargs]))
    target = f'"{fn.schema}"."{fn.name}"({args})'
    # Results read as text: every output function runs, and the client parses nothing.
    sql = f"CALL {target}" if fn.kind == "p" else f"SELECT r::text FROM {target} r"
    return Call(context, identity, with_evil and rng.random() < 0.5, sql)


def setup_sql(call, timeout_ms):
    parts = [f"SET LOCAL statement_timeout = {timeout_ms}"]
    if call.context == "admin":
        parts.append("SET LOCAL ROLE reelbase_admin")
    elif call.context != "superuser":
        parts.append("SET LOCAL ROLE reelbase_app")
    if call.identity:
        parts.append(f"SELECT reelbase.set_user_id('{call.identity}')")
    if call.evil_path:
        parts.append("SET LOCAL search_path = evil, pg_catalog")
    return "; ".join(parts)


class Watchdog:
    """Cancels a call that outlives the statement timeout by far, so a hang is reported."""

    def __init__(self, conn, grace_s):
        self.conn, self.grace_s = conn, grace_s
        self.started = None
        self.cancelled = False
        self.lock = threading.Lock()
        threading.Thread(target=self.watch, daemon=True).start()

    def watch(self):
        while True:
            time.sleep(0.2)
            with self.lock:
                if self.started and time.monotonic() - self.started > self.grace_s:
                    self.cancelled = True
                    self.started = None
                    try:
                        self.conn.cancel()
                    except psycopg.Error:
                        pass

    def begin(self):
        with self.lock:
            self.started, self.cancelled = time.monotonic(), False

    def end(self):
        with self.lock:
            self.started = None
            return self.cancelled


def backend_memory(conn):
    value = conn.execute("SELECT pg_catalog.sum(total_bytes)::bigint"
                         " FROM pg_catalog.pg_backend_memory_contexts").fetchone()[0]
    conn.rollback()
    return value


class Runner:
    def __init__(self, dsn, timeout_ms, with_evil):
        self.dsn, self.timeout_ms, self.with_evil = dsn, timeout_ms, with_evil
        self.connect()

    def connect(self):
        deadline = time.monotonic() + 120
        while True:
            try:
                self.conn = psycopg.connect(self.dsn, application_name="reelbase_fuzz")
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        self.watchdog = Watchdog(self.conn, self.timeout_ms / 1000 + 10)

    def run(self, fn, calls, make_call):
        out = Outcome()
        before_memory, backend = backend_memory(self.conn), self.conn.info.backend_pid
        evil_before = evil.calls(self.conn) if self.with_evil else 0
        for i in range(calls):
            call = make_call(i)
            reason = self.one(fn, call, out)
            if reason is None and call.evil_path:
                now = evil.calls(self.conn)
                self.conn.rollback()
                if now != evil_before:
                    reason = ("search_path", f"ran {now - evil_before} of evil's look-alikes")
                    out.evil_calls += now - evil_before
                    evil_before = now
            if reason:
                out.failures.append((i, *reason, call))
        # (Only when one backend ran them all: after a lost connection the figure means nothing.)
        if not self.conn.broken and self.conn.info.backend_pid == backend:
            out.memory_growth = backend_memory(self.conn) - before_memory
        return out

    def one(self, fn, call, out):
        if self.conn.broken:
            self.connect()
        try:
            self.conn.execute(setup_sql(call, self.timeout_ms))
        except psycopg.Error as e:
            self.conn.rollback()
            return ("setup", f"the call's setup failed: {e.sqlstate} {e}")
        started = time.monotonic()
        self.watchdog.begin()
        code = None
        try:
            cur = self.conn.execute(call.sql)
            if cur.description is not None:
                cur.fetchall()
        except psycopg.Error as e:
            code = e.sqlstate or "connection"
            message = str(e).splitlines()[0] if str(e) else ""
        finally:
            hung = self.watchdog.end()
            elapsed_ms = (time.monotonic() - started) * 1000
            out.slowest_ms = max(out.slowest_ms, elapsed_ms)
            if not self.conn.broken:
                self.conn.rollback()
        if self.conn.broken:
            return ("lost connection", f"{code}: {message if code else ''}")
        if hung:
            return ("hang", f"did not end at the statement timeout; cancelled after {elapsed_ms:.0f} ms")
        if code is None:
            out.returned += 1
            return None
        if code in EXPECTED.get(fn.signature, ()):
            out.refused[code] += 1
            return None
        if code.startswith("XX") or code.startswith("53"):
            return ("internal or resource error", f"{code}: {message}")
        if code == "57014":
            return ("timeout", f"ran past the statement timeout ({self.timeout_ms} ms): {message}")
        out.refused[code] += 1
        return None
