"""`python -m bench`: measure the engine against its limits and print one table.

    python -m bench                      # 100,000 events, SQLite and PostgreSQL
    python -m bench --events 1000000     # the full run (bench/RESULTS.md)
    python -m bench --quick              # a few seconds: every figure, tiny sizes

PostgreSQL is found as the tests find it (`$SECRETARIAT_TEST_POSTGRES`, else
127.0.0.1:5432); each run works in schemas of its own, dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from bench.delivery import b2_with_the_outbox, b10_delivery
from bench.figures import (
    Figure,
    b1_import,
    b2_command,
    b3_rebuild,
    b4_queries,
    b5_cold_start,
    b6_writers,
    b7_memory,
    run_cli,
)
from bench.generate import DATA, b2_long, cached_store
from bench.service import b8_calendar, b9_statements
from bench.stores import Stores, postgres_url, stores

SMALL = 1_000
"""The size of the store B4 compares with."""

EXPECTED = (
    "B1 import throughput",
    "B2 command latency",
    "B2 with the outbox",
    "B2 with the outbox, its catch-up included",
    "B3 rebuild throughput",
    "B4 calendar --json",
    "B4 deadlines --json",
    "B4 calendar --as-of",
    "B4 calendar --json, with a key",
    "B4 deadlines --json, with a key",
    "B4 calendar --as-of, with a key",
    "B5 cold start",
    "B7 rebuild peak memory (MB)",
    "B8 GET /api/calendar",
    "B8 server memory (MB)",
    "B10 messages delivered per second",
)
POSTGRES_ONLY = (
    "B6 two writers",
    "B9 statements over HTTP",
    "B9 server memory (MB)",
)


@attrs.frozen
class Plan:
    events: int
    runs: int
    reps: int
    cold_starts: int
    import_entries: int
    writer_commands: int
    http_requests: int
    """The most requests of one run of B8 or B9 (each also bounded in time)."""
    b8_seconds: float
    b9_seconds: float
    subscribers: int = 100
    sessions: int = 100
    """B10: a message to each subscriber about each session."""


def plan(arguments: argparse.Namespace) -> Plan:
    if arguments.quick:
        return Plan(
            events=3_000,
            runs=1,
            reps=4,
            cold_starts=2,
            import_entries=60,
            writer_commands=10,
            http_requests=64,
            b8_seconds=2,
            b9_seconds=2,
            subscribers=10,
            sessions=10,
        )
    return Plan(
        events=arguments.events,
        runs=arguments.runs,
        reps=20,
        cold_starts=15,
        import_entries=arguments.import_entries,
        writer_commands=150,
        http_requests=1_000_000,
        b8_seconds=15,
        b9_seconds=30,
    )


def machine(postgres: str | None) -> dict[str, str]:
    memory = ""
    try:
        with open("/proc/meminfo") as meminfo:
            kb = int(meminfo.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    found = {
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }
    if postgres:
        import psycopg

        with psycopg.connect(postgres) as connection:
            row = connection.execute("SHOW server_version").fetchone()
            found["postgresql"] = str(row[0]) if row else "?"
    return found


def measure(
    kinds: list[str],
    p: Plan,
    postgres: str | None,
    say: Callable[[str], None],
    only: set[str],
) -> tuple[list[Figure], list[str]]:
    records = (cached_store(p.events, say=say), cached_store(SMALL, say=say))
    figures: list[Figure] = []
    failures: list[str] = []

    def attempt(name: str, action: Callable[[], Any]) -> None:
        if only and name not in only:
            return
        say(f"  {name}")
        started = time.perf_counter()
        try:
            made = action()
        except Exception:
            failures.append(f"{name}: {traceback.format_exc()}")
            say(f"    failed: {traceback.format_exc().splitlines()[-1]}")
            return
        for figure in made if isinstance(made, list) else [made]:
            figures.append(figure)
            seconds = time.perf_counter() - started
            say(f"    {figure.value:.2f} ({figure.detail}) [{seconds:.1f} s]")

    for kind in kinds:
        say(f"{kind}:")
        with stores(postgres) as made:
            measure_store(kind, made, records, p, attempt, say)
    return figures, failures


def measure_store(
    kind: str,
    made: Stores,
    records: tuple[Path, Path],
    p: Plan,
    attempt: Callable[[str, Callable[[], Any]], None],
    say: Callable[[str], None],
) -> None:
    """Every figure on one kind of store."""
    say("  loading the stores")
    big = made.record(kind, "big", records[0])
    small = made.record(kind, "small", records[1])
    run_cli(["projections", "rebuild", "--store", small.url])
    attempt("B3", lambda: b3_rebuild(kind, big, p.runs))
    attempt("B7", lambda: b7_memory(kind, big, p.events))
    attempt("B4", lambda: b4_queries(kind, small, big, p.reps, p.events))
    attempt("B4", lambda: b4_with_a_key(kind, made, records, p))
    attempt("B5", lambda: b5_cold_start(kind, big, p.cold_starts))
    attempt("B2", lambda: b2_command(kind, big, p.runs, p.reps, b2_long(p.events)))
    attempt(
        "B2O",
        lambda: b2_with_the_outbox(
            kind,
            lambda name: made.record(kind, name, records[1]),
            p.runs,
            p.reps,
            p.subscribers,
        ),
    )
    attempt(
        "B1",
        lambda: b1_import(
            kind, lambda name: made.empty(kind, name), p.runs, p.import_entries
        ),
    )
    attempt(
        "B8",
        lambda: b8_calendar(kind, big, p.events, p.runs, p.http_requests, p.b8_seconds),
    )
    attempt(
        "B10",
        lambda: b10_delivery(
            kind, lambda name: made.empty(kind, name), p.subscribers, p.sessions
        ),
    )
    if kind == "postgres":
        attempt("B6", lambda: b6_writers(big, p.runs, p.writer_commands))
        attempt("B9", lambda: b9_statements(big, p.http_requests, p.b9_seconds))


def b4_with_a_key(
    kind: str, made: Stores, records: tuple[Path, Path], p: Plan
) -> list[Figure]:
    """B4 on the same records, encrypted with a new key."""
    from adapters.store import new_cipher_key

    key = new_cipher_key()
    big = made.sealed(kind, "big", records[0], key)
    small = made.sealed(kind, "small", records[1], key)
    return b4_queries(kind, small, big, p.reps, p.events, key=key)


NOT_JUDGED = "not judged at this size"


def table(figures: list[Figure], *, judged: bool = True) -> str:
    """The figures as a Markdown table; at the quick run's tiny sizes, whether
    a target is met is not judged."""
    lines = [
        "| figure | store | ratio | target | met | measured side by side (medians) |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        lines.append(
            f"| {f.name} | {f.store} | {f.value:.2f} | {f.target} | "
            f"{('yes' if f.met else 'NO') if judged else NOT_JUDGED} | {f.detail} |"
        )
    return "\n".join(lines)


def missing(figures: list[Figure], kinds: list[str]) -> list[str]:
    produced = {(f.name, f.store) for f in figures}
    wanted = [(name, kind) for kind in kinds for name in EXPECTED]
    if "postgres" in kinds:
        wanted += [(name, "postgres") for name in POSTGRES_ONLY]
    return [
        f"{name} on {kind}" for name, kind in wanted if (name, kind) not in produced
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--events", type=int, default=100_000, help="size of the record"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--import-entries", type=int, default=2_000)
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes, one run: for CI"
    )
    parser.add_argument(
        "--stores", default="sqlite,postgres", help="sqlite, postgres or both (default)"
    )
    parser.add_argument(
        "--only", default="", help="some figures only (B1,B3): for profiling"
    )
    arguments = parser.parse_args(argv)
    p = plan(arguments)
    kinds = [k.strip() for k in arguments.stores.split(",") if k.strip()]
    postgres = postgres_url() if "postgres" in kinds else None
    if "postgres" in kinds and postgres is None:
        print("no PostgreSQL answers: measuring SQLite only", file=sys.stderr)
        kinds.remove("postgres")

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    started = time.perf_counter()
    command = " ".join(
        ["python -m bench", *(argv if argv is not None else sys.argv[1:])]
    )
    say(f"{command}: {p}")
    only = {f.strip() for f in arguments.only.split(",") if f.strip()}
    figures, failures = measure(kinds, p, postgres, say, only)
    absent = [] if only else missing(figures, kinds)
    print(table(figures, judged=not arguments.quick))
    print(
        f"\n{command}; {time.perf_counter() - started:.0f} s; "
        f"{json.dumps(machine(postgres))}"
    )
    DATA.mkdir(exist_ok=True)
    (DATA / f"results-{p.events}.json").write_text(
        json.dumps(
            {
                "command": command,
                "plan": attrs.asdict(p),
                "machine": machine(postgres),
                "figures": [f.as_dict() for f in figures],
                "failures": failures,
            },
            indent=2,
        )
    )
    for failure in failures:
        print(failure, file=sys.stderr)
    if absent:
        print(f"figures not produced: {', '.join(absent)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
