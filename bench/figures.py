"""The figures B1-B7: each one the engine's time (or memory) against a baseline
measured side by side, in the same run, alternating which goes first."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from functools import partial
from pathlib import Path
from typing import Any

import attrs

from bench.generate import (
    B2_BODY,
    DATA,
    LONG_SESSION,
    REFERENCE_BODY,
    SHORT_SESSIONS,
    write_import_file,
)
from bench.stores import BenchStore

BIN = Path(sys.executable).parent
REFERENCE_QUERIES = {
    "calendar --json": ["calendar", "--json", "--body", REFERENCE_BODY],
    "deadlines --json": [
        "deadlines",
        "--json",
        "--body",
        REFERENCE_BODY,
        "--today",
        "2020-03-01",
    ],
    "calendar --as-of": [
        "calendar",
        "--json",
        "--body",
        REFERENCE_BODY,
        "--as-of",
        "2019-06-30",
    ],
}


@attrs.frozen
class Figure:
    """One line of the table."""

    name: str
    store: str
    value: float
    target: str
    met: bool
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def at_least(value: float, target: float) -> tuple[str, bool]:
    return f">= {target:g}", value >= target


def at_most(value: float, target: float) -> tuple[str, bool]:
    return f"<= {target:g}", value <= target


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def run_cli(args: Sequence[str]) -> str:
    """Run one `secretariat` command in this process, as the command line
    runs it (store opened, command, views, log line), and return its output."""
    from adapters.cli import cli

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(
                args=list(args), prog_name="secretariat", standalone_mode=False
            )
        except Exception as error:
            raise RuntimeError(
                f"{' '.join(args)}: {error}\n{err.getvalue()}"
            ) from error
    if code not in (None, 0):
        raise RuntimeError(f"{' '.join(args)} exited {code}: {err.getvalue()}")
    return out.getvalue()


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def alternate(
    runs: int, ours: Callable[[int], float], baseline: Callable[[int], float]
) -> tuple[list[float], list[float]]:
    """Measure both `runs` times, side by side, each going first in turn."""
    mine: list[float] = []
    base: list[float] = []
    for run in range(runs):
        if run % 2:
            mine.append(ours(run))
            base.append(baseline(run))
        else:
            base.append(baseline(run))
            mine.append(ours(run))
    return mine, base


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# B1: import throughput against the bare library saving the same events.

BULK = 500
"""Events per transaction of B1's baseline: the library saving in bulk."""


def b1_import(
    kind: str, make_store: Callable[[str], BenchStore], runs: int, entries: int
) -> list[Figure]:
    """The import against the bare library saving the same events in bulk
    (`BULK` to a transaction); and, beside it, against the library saving one
    entry (its event and its mark) per transaction, the figure B1 was before
    the import saved many entries per transaction."""
    path = write_import_file(DATA / f"import-{entries}.yaml", entries)
    events: list[list[tuple[str, int, int]]] = []

    def ours(run: int) -> float:
        store = laid_out(make_store(f"b1_ours_{run}"))
        seconds = timed(lambda: run_cli(["import", str(path), "--store", store.url]))
        events.append(saved_events(store))
        return seconds

    def saved() -> list[tuple[str, int, int]]:
        if not events:
            ours_first = make_store("b1_sizes")
            run_cli(["import", str(path), "--store", ours_first.url])
            events.append(saved_events(ours_first))
        return events[0]

    def bulk(run: int) -> float:
        return bare_library(make_store(f"b1_bulk_{run}"), saved(), BULK)

    def per_entry(run: int) -> float:
        return bare_library(make_store(f"b1_entry_{run}"), saved(), 2)

    measured: dict[str, list[float]] = {"ours": [], "bulk": [], "entry": []}
    sides = [("ours", ours), ("bulk", bulk), ("entry", per_entry)]
    for run in range(runs):
        for name, side in sides[run % 3 :] + sides[: run % 3]:
            measured[name].append(side(run))
    count = len(events[0])
    mine = measured["ours"]

    def ratio(base: list[float]) -> float:
        return median([b / m for m, b in zip(mine, base, strict=True)])

    rate = f"{entries} entries, {count} events: {count / median(mine):,.0f} events/s"
    bulk_ratio, entry_ratio = ratio(measured["bulk"]), ratio(measured["entry"])
    return [
        Figure(
            "B1 import throughput",
            kind,
            bulk_ratio,
            *at_least(bulk_ratio, 0.5),
            f"{rate}; bare library, {BULK} events a transaction: "
            f"{count / median(measured['bulk']):,.0f} events/s",
        ),
        Figure(
            "B1 against one entry a transaction",
            kind,
            entry_ratio,
            *at_least(entry_ratio, 0.8),
            f"{rate}; bare library, one entry (2 events) a transaction: "
            f"{count / median(measured['entry']):,.0f} events/s",
        ),
    ]


def laid_out(store: BenchStore) -> BenchStore:
    """`store` with its tables made (the record's and the views'), as the bare
    library's are before its clock starts: both sides time saving events, not
    creating tables."""
    from adapters.bootstrap import open_secretariat, open_views
    from adapters.store import parse_store_url

    parsed = parse_store_url(store.url)
    secretariat = open_secretariat(parsed, create=True)
    try:
        # A store is made by its first event: its tables are made here instead.
        snapshots = secretariat.snapshots
        for recorder in (
            secretariat.recorder,
            snapshots.recorder if snapshots is not None else None,
        ):
            getattr(recorder, "create_missing_table", lambda: None)()
        open_views(parsed, secretariat)
    finally:
        secretariat.close()
    return store


def saved_events(store: BenchStore) -> list[tuple[str, int, int]]:
    """Each stored event of `store`, in the order of the log: its record's id,
    its version, the size of its stored state."""
    from adapters.bootstrap import open_secretariat
    from adapters.store import parse_store_url

    secretariat = open_secretariat(parse_store_url(store.url), create=False)
    try:
        found: list[tuple[str, int, int]] = []
        position = 0
        while True:
            page = secretariat.recorder.select_notifications(
                position, 5000, inclusive_of_start=False
            )
            if not page:
                return found
            found += [
                (str(n.originator_id), n.originator_version, len(n.state)) for n in page
            ]
            position = page[-1].id
    finally:
        secretariat.close()


def bare_library(
    store: BenchStore, events: list[tuple[str, int, int]], per_transaction: int
) -> float:
    """The time the eventsourcing library takes to save `events` (as many and
    as big as the import saved), `per_transaction` to a transaction, with
    aggregates of its own held in memory."""
    from bench.bare import Bare, Thing

    app = Bare(env=store.settings)
    try:
        probe = {
            1: len(
                app.mapper.to_stored_event(Thing(payload="").collect_events()[0]).state
            ),
        }
        thing = Thing(payload="")
        thing.change(payload="")
        probe[2] = len(app.mapper.to_stored_event(thing.collect_events()[-1]).state)

        def payload(version: int, size: int) -> str:
            return "x" * max(0, size - probe[1 if version == 1 else 2])

        things: dict[str, Any] = {}
        started = time.perf_counter()
        for first in range(0, len(events), per_transaction):
            batch = {}
            for originator, version, size in events[first : first + per_transaction]:
                if version == 1:
                    things[originator] = Thing(payload=payload(version, size))
                else:
                    things[originator].change(payload=payload(version, size))
                batch[originator] = things[originator]
            app.save(*batch.values())
        return time.perf_counter() - started
    finally:
        app.close()


# B2: one command on a session with 10,000 prior events against one with 10.


def b2_statement(store: BenchStore, number: int) -> list[str]:
    """B2's command: a statement on the session `number` of `store`."""
    return [
        "record-statement",
        B2_BODY,
        str(number),
        "--delegation",
        "Member State 001",
        "--item",
        "1",
        "--on",
        "2023-06-01",
        "--store",
        store.url,
    ]


def b2_command(kind: str, store: BenchStore, runs: int, reps: int, long: int) -> Figure:
    def recording(number: int) -> Callable[[], str]:
        return lambda: run_cli(b2_statement(store, number))

    shorts = iter(range(2, 2 + SHORT_SESSIONS))
    run_cli(b2_statement(store, next(shorts)))  # warm: modules imported once
    mine: list[float] = []
    base: list[float] = []
    for rep in range(min(runs * reps, SHORT_SESSIONS - 1)):
        number = next(shorts)
        if rep % 2:
            mine.append(timed(recording(LONG_SESSION)))
            base.append(timed(recording(number)))
        else:
            base.append(timed(recording(number)))
            mine.append(timed(recording(LONG_SESSION)))
    ratio = median(mine) / median(base)
    target, met = at_most(ratio, 1.5)
    return Figure(
        "B2 command latency",
        kind,
        ratio,
        target,
        met,
        f"{long:,} prior events: {ms(median(mine))}; "
        f"10 prior events: {ms(median(base))}",
    )


# B3: rebuilding the views against reading and decoding the same events.


def view_topics() -> list[str]:
    from adapters.views.calendar import CalendarView
    from adapters.views.deadlines import DeadlinesView

    return [*CalendarView.topics, *DeadlinesView.topics]


def raw_read(store: BenchStore) -> tuple[float, int]:
    """A raw SELECT of the events the views read, and `json.loads` of each."""
    topics = view_topics()
    count = 0
    if store.kind == "sqlite":
        connection = sqlite3.connect(store.url.removeprefix("sqlite:///"))
        started = time.perf_counter()
        cursor = connection.execute(
            "SELECT rowid, originator_id, originator_version, topic, state "
            f"FROM stored_events WHERE topic IN ({','.join('?' * len(topics))}) "
            "ORDER BY rowid",
            topics,
        )
        while rows := cursor.fetchmany(1000):
            for row in rows:
                json.loads(row[4])
            count += len(rows)
        seconds = time.perf_counter() - started
        connection.close()
        return seconds, count
    import psycopg

    schema = store.settings["POSTGRES_SCHEMA"]
    with psycopg.connect(store.url.split("?")[0]) as server:
        started = time.perf_counter()
        with server.cursor(name="raw") as server_cursor:
            server_cursor.execute(
                "SELECT notification_id, originator_id, originator_version, "
                "topic, state "
                f"FROM {schema}.secretariat_events WHERE topic = ANY(%s) "
                "ORDER BY notification_id",
                (topics,),
            )
            while server_rows := server_cursor.fetchmany(1000):
                for server_row in server_rows:
                    json.loads(server_row[4])
                count += len(server_rows)
        seconds = time.perf_counter() - started
    return seconds, count


def rebuild(store: BenchStore) -> tuple[float, int]:
    from adapters.bootstrap import open_secretariat, open_views
    from adapters.store import parse_store_url

    parsed = parse_store_url(store.url)
    secretariat = open_secretariat(parsed, create=False)
    try:
        views = open_views(parsed, secretariat)
        started = time.perf_counter()
        applied = views.rebuild()
        return time.perf_counter() - started, sum(applied.values())
    finally:
        secretariat.close()


def b3_rebuild(kind: str, store: BenchStore, runs: int) -> Figure:
    counts: dict[str, int] = {}

    def ours(_: int) -> float:
        seconds, counts["views"] = rebuild(store)
        return seconds

    def baseline(_: int) -> float:
        seconds, counts["raw"] = raw_read(store)
        return seconds

    mine, base = alternate(runs, ours, baseline)
    assert counts["views"] == counts["raw"], counts
    ratio = median([b / m for m, b in zip(mine, base, strict=True)])
    target, met = at_least(ratio, 0.5)
    events = counts["raw"]
    return Figure(
        "B3 rebuild throughput",
        kind,
        ratio,
        target,
        met,
        f"{events:,} events read by the views: {events / median(mine):,.0f} events/s; "
        f"raw SELECT + json.loads {events / median(base):,.0f} events/s",
    )


# B4: queries on the big store against the same queries on a small one.


def b4_queries(
    kind: str,
    small: BenchStore,
    big: BenchStore,
    reps: int,
    events: int,
    *,
    key: str | None = None,
) -> list[Figure]:
    """The reference queries on `big` against the same on `small`; with
    `key`, on stores encrypted with it (their views' text too)."""
    if key is None:
        return _b4_queries(kind, small, big, reps, events, "")
    with cipher_key(key):
        run_cli(["projections", "rebuild", "--store", small.url])
        run_cli(["projections", "rebuild", "--store", big.url])
        return _b4_queries(kind, small, big, reps, events, ", with a key")


@contextmanager
def cipher_key(key: str) -> Iterator[None]:
    """`$SECRETARIAT_CIPHER_KEY` set to `key` while in the block."""
    from adapters.store import CIPHER_KEY_VARIABLE

    before = os.environ.get(CIPHER_KEY_VARIABLE)
    os.environ[CIPHER_KEY_VARIABLE] = key
    try:
        yield
    finally:
        if before is None:
            del os.environ[CIPHER_KEY_VARIABLE]
        else:
            os.environ[CIPHER_KEY_VARIABLE] = before


def _b4_queries(
    kind: str, small: BenchStore, big: BenchStore, reps: int, events: int, said: str
) -> list[Figure]:
    figures = []
    for name, args in REFERENCE_QUERIES.items():
        on_small = [*args, "--store", small.url]
        on_big = [*args, "--store", big.url]
        assert run_cli(on_small) == run_cli(on_big), f"{name}: different answers"
        mine: list[float] = []
        base: list[float] = []
        for rep in range(reps):
            if rep % 2:
                mine.append(timed(partial(run_cli, on_big)))
                base.append(timed(partial(run_cli, on_small)))
            else:
                base.append(timed(partial(run_cli, on_small)))
                mine.append(timed(partial(run_cli, on_big)))
        ratio = median(mine) / median(base)
        target, met = at_most(ratio, 2 if "as-of" in name else 1.2)
        figures.append(
            Figure(
                f"B4 {name}{said}",
                kind,
                ratio,
                target,
                met,
                f"{events:,} events: {ms(median(mine))}; "
                f"1,000 events: {ms(median(base))}",
            )
        )
    return figures


# B5: cold start of the command against importing what it cannot do without.


def b5_cold_start(kind: str, store: BenchStore, reps: int) -> Figure:
    imports = "eventsourcing.application, eventsourcing.sqlite, click"
    if kind == "postgres":
        imports += ", psycopg"
    baseline_command = [str(BIN / "python"), "-c", f"import {imports}"]
    command = [
        str(BIN / "secretariat"),
        *REFERENCE_QUERIES["calendar --json"],
        "--store",
        store.url,
    ]
    env = dict(os.environ)

    def run(argv: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(
            argv,
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return time.perf_counter() - started

    # On SQLite, what an up-to-date query cannot do without: the command line,
    # the log line's library, the database driver and JSON.
    floor_imports = "click, structlog, sqlite3, json"
    floor_command = [str(BIN / "python"), "-c", f"import {floor_imports}"]
    run(command)
    run(baseline_command)
    mine: list[float] = []
    base: list[float] = []
    floor: list[float] = []
    for rep in range(reps):
        if rep % 2:
            mine.append(run(command))
            base.append(run(baseline_command))
        else:
            base.append(run(baseline_command))
            mine.append(run(command))
        if kind == "sqlite":
            floor.append(run(floor_command))
    ratio = median(mine) / median(base)
    target, met = at_most(ratio, 1.3)
    floor_detail = f"; `import {floor_imports}`: {ms(median(floor))}" if floor else ""
    return Figure(
        "B5 cold start",
        kind,
        ratio,
        target,
        met,
        f"`secretariat calendar --json`: {ms(median(mine))}; "
        f"`import {imports}`: {ms(median(base))}{floor_detail}",
    )


# B6: two writers on different sessions against one (PostgreSQL).


def b6_writers(store: BenchStore, runs: int, count: int) -> Figure:
    prepare_b6(store, 3 * runs)
    sessions = iter(range(1, 1 + 3 * runs))

    def writers(numbers: list[int]) -> float:
        children = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "bench.child",
                    "write",
                    store.url,
                    "b6-bench",
                    str(number),
                    str(count),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                cwd=Path(__file__).parent.parent,
            )
            for number in numbers
        ]
        for child in children:
            assert child.stdout is not None
            if child.stdout.readline().strip() != "ready":
                raise RuntimeError("a writer did not start")
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results: list[dict[str, float]] = []
        for child in children:
            out, _ = child.communicate()
            if child.returncode:
                raise RuntimeError("a writer failed")
            results.append(json.loads(out.splitlines()[-1]))
        elapsed = max(r["ended"] for r in results) - min(r["started"] for r in results)
        return sum(r["count"] for r in results) / elapsed

    mine: list[float] = []
    base: list[float] = []
    for run in range(runs):
        if run % 2:
            mine.append(writers([next(sessions), next(sessions)]))
            base.append(writers([next(sessions)]))
        else:
            base.append(writers([next(sessions)]))
            mine.append(writers([next(sessions), next(sessions)]))
    ratio = median([m / b for m, b in zip(mine, base, strict=True)])
    target, met = at_least(ratio, 1.5)
    return Figure(
        "B6 two writers",
        "postgres",
        ratio,
        target,
        met,
        f"two writers {median(mine):,.0f} commands/s; "
        f"one writer {median(base):,.0f} commands/s",
    )


def prepare_b6(store: BenchStore, sessions: int) -> None:
    run_cli(
        [
            "establish-body",
            "b6-bench",
            "--name",
            "Writers",
            "--on",
            "2023-01-02",
            "--store",
            store.url,
        ]
    )
    for number in range(1, sessions + 1):
        run_cli(
            [
                "schedule-session",
                "b6-bench",
                str(number),
                "--title",
                f"Session {number}",
                "--start",
                "2023-06-01",
                "--end",
                "2023-06-05",
                "--venue",
                "Vienna, Austria",
                "--on",
                "2023-01-02",
                "--store",
                store.url,
            ]
        )
        # The writers record statements, recorded once the session has opened.
        run_cli(
            [
                "open-session",
                "b6-bench",
                str(number),
                "--on",
                "2023-06-01",
                "--store",
                store.url,
            ]
        )


# B7: the peak memory of a rebuild.


def b7_memory(kind: str, store: BenchStore, events: int) -> Figure:
    def child(action: str) -> dict[str, float]:
        out = subprocess.run(
            [sys.executable, "-m", "bench.child", action, store.url],
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent.parent,
        ).stdout
        result: dict[str, float] = json.loads(out.splitlines()[-1])
        return result

    idle = child("idle")
    rebuilt = child("rebuild")
    target, met = at_most(rebuilt["rss_mb"], 300)
    return Figure(
        "B7 rebuild peak memory (MB)",
        kind,
        rebuilt["rss_mb"],
        target,
        met,
        f"rebuild of {events:,} events ({rebuilt['events']:,.0f} read by the views): "
        f"peak RSS {rebuilt['rss_mb']:.0f} MB; the same process before rebuilding "
        f"{idle['rss_mb']:.0f} MB",
    )
