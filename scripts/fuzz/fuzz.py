"""Hostile-input fuzzer for every function of every reelbase extension (TAP output).

    python3 scripts/fuzz/fuzz.py [--calls N] [--seed S] [--jobs J] [--evil] [--only SIGNATURE]
                                 [--show CALL]

Connects with the libpq environment (PGHOST, PGPORT, PGDATABASE, as a superuser) to a database
with the extensions and sample data. Reads the functions from the catalog (catalog.py), draws
each call's arguments from the database's own values and hostile ones (values.py), runs each
call in its own rolled-back transaction as a superuser, reelbase_admin or reelbase_app with or
without an identity, and judges the outcome (runner.py). With --evil, half the calls run with a
schema of look-alike operators and functions first in search_path (evil.py).

Every call is reproducible from the seed, the function and its index: a failure prints
"--seed S --only SIGNATURE --show I", which prints that call's SQL and runs it once.
"""
import argparse
import os
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg

import catalog
import evil
from runner import Runner, plan, setup_sql
from values import Values


def describe(fn, calls, out):
    refused = ", ".join(f"{code}×{n}" for code, n in out.refused.most_common(6))
    return (f"{fn.signature}: {calls} calls, {out.returned} returned, refused {refused or 'none'};"
            f" slowest {out.slowest_ms:.0f} ms; backend memory {out.memory_growth / 1024:+.0f} kB")


def report_failures(fn, failures, args):
    """Two examples of each kind of failure, each with the command that reproduces it."""
    kinds = Counter(kind for _, kind, _, _ in failures)
    for kind, count in kinds.most_common():
        print(f"#   {kind}: {count} calls")
        for i, _, reason, call in [f for f in failures if f[1] == kind][:2]:
            print(f"#     call {i} as {call.context}{' (evil path)' if call.evil_path else ''}: {reason}")
            print(f"#       reproduce: --seed {args.seed} --only '{fn.signature}' --show {i}"
                  f"{' --evil' if args.evil else ''}")
            print(f"#       {call.sql[:300]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--calls", type=int, default=1000, help="calls per function")
    ap.add_argument("--seed", default=os.environ.get("REELBASE_FUZZ_SEED", "1"))
    ap.add_argument("--jobs", type=int, default=2, help="connections in parallel")
    ap.add_argument("--timeout-ms", type=int, default=5000, help="statement timeout per call")
    ap.add_argument("--memory-limit-kb", type=int, default=32768,
                    help="largest backend memory growth over one function's calls")
    ap.add_argument("--evil", action="store_true", help="install schema evil; half the calls use it")
    ap.add_argument("--only", help="fuzz only this function (its regprocedure signature)")
    ap.add_argument("--show", type=int, help="with --only: print and run this call")
    args = ap.parse_args()

    admin = psycopg.connect("", autocommit=False)
    fns = [f for f in catalog.functions(admin) if not args.only or f.signature == args.only]
    if not fns:
        sys.exit(f"no function {args.only!r} in the reelbase extensions")
    procs = [f.signature for f in catalog.functions(admin) if f.nargs == 0]
    values = Values(catalog.samples(admin), catalog.json_keys(admin), catalog.relations(admin), procs)
    identities = catalog.identities(admin)
    if args.evil:
        made = evil.install(admin)
        print(f"# schema evil: {made} look-alike operators and functions")
    admin.rollback()
    started_at = admin.execute("SELECT pg_catalog.pg_postmaster_start_time()").fetchone()[0]
    admin.rollback()

    def make(fn):
        return lambda i: plan(fn, values, identities, args.seed, i, args.evil)

    if args.show is not None:
        call = make(fns[0])(args.show)
        print(f"-- as {call.context}\nBEGIN;\n{setup_sql(call, args.timeout_ms)};\n{call.sql};\nROLLBACK;")
        out = Runner("", args.timeout_ms, args.evil).run(fns[0], 1, lambda _: call)
        print(f"-- {describe(fns[0], 1, out)}")
        report_failures(fns[0], out.failures, args)
        return

    print(f"# seed {args.seed}: {len(fns)} functions x {args.calls} calls, {args.jobs} connections,"
          f" statement timeout {args.timeout_ms} ms")
    began = time.monotonic()
    runners = [Runner("", args.timeout_ms, args.evil) for _ in range(args.jobs)]

    def fuzz(indexed):
        k, fn = indexed
        return fn, runners[k % args.jobs].run(fn, args.calls, make(fn))

    # Round-robin by index over the runners; each runner is used by one thread at a time.
    results = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        lanes = [[(k, f) for k, f in enumerate(fns) if k % args.jobs == j] for j in range(args.jobs)]
        for lane_results in pool.map(lambda lane: [fuzz(x) for x in lane], lanes):
            results.extend(lane_results)
    results.sort(key=lambda r: r[0].signature)

    bad = 0
    n = 0
    for fn, out in results:
        n += 1
        too_much = out.memory_growth > args.memory_limit_kb * 1024
        ok = not out.failures and not too_much
        print(f"{'ok' if ok else 'not ok'} {n} - {describe(fn, args.calls, out)}")
        if too_much:
            print(f"#   backend memory grew by more than {args.memory_limit_kb} kB")
        report_failures(fn, out.failures, args)
        bad += 0 if ok else 1
    n += 1
    now = psycopg.connect("").execute("SELECT pg_catalog.pg_postmaster_start_time()").fetchone()[0]
    restarted = now != started_at
    print(f"{'not ok' if restarted else 'ok'} {n} - the server did not restart during the run"
          f" (postmaster start {started_at} / {now})")
    bad += restarted
    total = len(fns) * args.calls
    print(f"# {total} calls in {time.monotonic() - began:.0f} s; {bad} failed checks")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
