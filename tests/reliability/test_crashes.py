"""The `secretariat` executable killed with SIGKILL at random moments.

An import is killed while it applies its entries (or catches the views up at
its end), again and again on the same store, each run taking up where the last
one was cut: after every kill the store holds whole commands only, in the order
of the file (a command's events and the mark of its entry are written in one
transaction), the views equal a rebuild once caught up, and importing the file
again finishes it with each entry applied exactly once.

The views are killed while they are rebuilt (`projections rebuild`) and while a
recording command catches them up with what other officers recorded: the log is
untouched and the views, caught up, equal a rebuild.

The moments are drawn from a seeded generator: `$SECRETARIAT_TEST_SEED`, or a
seed drawn afresh and printed; every failure message names it. The seed fixes
the delays after the work began; where the process is at that delay still
depends on the machine's load.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from adapters.bootstrap import open_secretariat, open_views
from adapters.store import parse_store_url
from tests.conftest import requires_postgres
from tests.importing import EXAMPLE
from tests.postgres import fresh_schema
from tests.reliability.helpers import (
    invoke,
    schema_of,
    server_url,
    store_state,
    views_match_a_rebuild,
)
from tests.reliability.histories import append, long_history
from tests.reliability.processes import Run, run_signalled

KILLS = 20
"""Kills that found the process at work, per test and store."""
HISTORY_SESSIONS = 200
"""The long history the views are killed on: 3 events a session."""
CHUNK = 30
"""Events recorded by other officers before each catch-up that is killed."""

SEED = random.SystemRandom().randrange(10**6)


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    seed = int(os.environ.get("SECRETARIAT_TEST_SEED") or SEED)
    print(f"SECRETARIAT_TEST_SEED={seed}")
    return random.Random(f"{seed}:{request.node.name}")


NOTE = "to draw the same moments, rerun with the SECRETARIAT_TEST_SEED printed above"


@pytest.fixture(params=["sqlite", "postgres"])
def new_store(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[], str]]:
    """Makes stores of one kind, each empty and new."""
    server = requires_postgres() if request.param == "postgres" else None
    counter = iter(range(10**6))
    with contextlib.ExitStack() as schemas:

        def new() -> str:
            if server is None:
                return f"sqlite:///{tmp_path / f'record-{next(counter)}.db'}"
            return schemas.enter_context(fresh_schema(server))

        yield new


Recorded = tuple[UUID, int, str]
"""(record, version, topic) of a stored event."""


def stored_sequence(store: str) -> list[Recorded]:
    """The store's events in the order they were recorded, read with plain SQL
    (nothing when the store or its table was never created)."""
    parsed = parse_store_url(store)
    if parsed.path is not None:
        if not parsed.path.exists():
            return []
        with closing(sqlite3.connect(parsed.path)) as connection:
            try:
                rows = connection.execute(
                    "SELECT originator_id, originator_version, topic "
                    "FROM stored_events ORDER BY rowid"
                ).fetchall()
            except sqlite3.OperationalError as error:
                if "no such table" in str(error):
                    return []
                raise
        return [(UUID(row[0]), row[1], row[2]) for row in rows]
    import psycopg

    with psycopg.connect(server_url(store)) as connection:
        try:
            rows = connection.execute(
                "SELECT originator_id, originator_version, topic "
                f"FROM {schema_of(store)}.secretariat_events "
                "ORDER BY notification_id"
            ).fetchall()
        except psycopg.errors.UndefinedTable:
            return []
    return [(UUID(str(row[0])), row[1], row[2]) for row in rows]


class EventCount:
    """How many events a store holds (0 before it has its table), asked over
    and over on one connection while a process writes."""

    def __init__(self, store: str) -> None:
        self.store = parse_store_url(store)
        self.url = store
        self.connection: Any = None

    def __call__(self) -> int:
        import psycopg

        try:
            if self.connection is None:
                self.connection = self._connect()
            if self.connection is None:
                return 0
            return int(self.connection.execute(self.count).fetchone()[0])
        except (sqlite3.Error, psycopg.Error):
            self.close()
            return 0

    def _connect(self) -> Any:
        if self.store.path is not None:
            if not self.store.path.exists():
                return None
            self.count = "SELECT COUNT(*) FROM stored_events"
            return sqlite3.connect(f"file:{self.store.path}?mode=ro", uri=True)
        import psycopg

        self.count = f"SELECT COUNT(*) FROM {schema_of(self.url)}.secretariat_events"
        return psycopg.connect(server_url(self.url), autocommit=True)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def is_mark(recorded: Recorded) -> bool:
    return recorded[2].startswith("application.imported:")


# Imports.


ENTRIES = 50
"""The import killed is the example record's first so many entries."""


def import_file(folder: Path) -> Path:
    """The first ENTRIES entries of the example record, as written there."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
    path = folder / "record.yaml"
    path.write_text("".join(lines[: starts[ENTRIES]]), encoding="utf-8")
    return path


def finish_import(file: Path, store: str, reference: list[Recorded], note: str) -> None:
    """Import the file again: it finishes, each entry applied exactly once."""
    ran = invoke("import", str(file), store=store)
    assert ran.code == 0, (ran.err, note)
    found = re.search(r"(\d+) applied, (\d+) already in the record", ran.out)
    assert found is not None, ran.out
    assert int(found[1]) + int(found[2]) == ENTRIES, (ran.out, note)
    assert stored_sequence(store) == reference, note
    views_match_a_rebuild(store)


def assert_whole_commands(store: str, reference: list[Recorded], note: str) -> int:
    """The store holds the first entries of the file, each whole (its command's
    event and its mark), nothing else; return how many events."""
    recorded = stored_sequence(store)
    assert recorded == reference[: len(recorded)], note
    assert not recorded or is_mark(recorded[-1]), (recorded[-2:], note)
    return len(recorded)


@pytest.mark.reliability
def test_an_import_killed_at_random_moments_is_finished_once_imported_again(
    new_store: Callable[[], str], rng: random.Random, tmp_path: Path
) -> None:
    note = NOTE
    # Uncut, once: what the import records, and how long its work takes.
    reference_store = new_store()
    file = import_file(tmp_path)
    whole = run_signalled(["import", str(file)], reference_store, tmp_path,
                          kill_after=None)  # fmt: skip
    assert whole.code == 0, whole.err
    reference = stored_sequence(reference_store)
    assert len(reference) == 2 * ENTRIES
    assert [is_mark(r) for r in reference] == [False, True] * ENTRIES
    assert whole.work_seconds is not None

    store, runs, stores, landed, held = new_store(), 0, 1, 0, 0
    cut_at: list[int] = []
    while landed < KILLS:
        runs += 1
        assert runs <= 3 * KILLS, f"only {landed} kills landed in {runs} runs"
        # Once the store holds a number of events drawn past what it holds,
        # the next entry is under way: kill during it (or, past the last
        # entry, during the views' catch-up).
        target = rng.randrange(held + 1, len(reference) + 1)
        moment = rng.uniform(0, 2 * whole.work_seconds / ENTRIES)
        count = EventCount(store)
        try:
            run = run_signalled(
                ["import", str(file)], store, tmp_path, kill_after=moment,
                kill_when=lambda: count() >= target,  # noqa: B023
            )  # fmt: skip
        finally:
            count.close()
        if run.killed:
            landed += 1
        else:
            assert run.code == 0, (run.err, note)
        held = assert_whole_commands(store, reference, note)
        cut_at.append(held)
        if parse_store_url(store).exists:
            views_match_a_rebuild(store)
        if held == len(reference):
            finish_import(file, store, reference, note)
            store, stores, held = new_store(), stores + 1, 0
    finish_import(file, store, reference, note)
    print(
        f"{landed} kills in {runs} runs on {stores} stores; events held after "
        f"each run, of {len(reference)}: {cut_at}"
    )
    # The kills fell all along the import, not only at its start or end.
    assert len({n for n in cut_at if 0 < n < len(reference)}) >= 3, cut_at


# The views.


@cache
def history() -> list[StoredEvent]:
    return long_history(HISTORY_SESSIONS)


def views_behind(store: str) -> bool:
    parsed = parse_store_url(store)
    secretariat = open_secretariat(parsed, create=False)
    try:
        return any(s.behind for s in open_views(parsed, secretariat).status())
    finally:
        secretariat.close()


def kill_views(
    args: list[str],
    store: str,
    folder: Path,
    rng: random.Random,
    *,
    before_each: Callable[[], int],
    note: str,
) -> tuple[int, int]:
    """Run ARGS uncut once to time it, then kill it KILLS // 2 times at random
    moments of its work; return (runs, kills that left the views behind)."""
    recorded = before_each()
    whole = run_signalled(args, store, folder, kill_after=None)
    assert whole.code == 0, whole.err
    assert whole.work_seconds is not None
    assert store_state(store)[0] == recorded
    assert not views_behind(store)
    runs = landed = behind = 0
    while landed < KILLS // 2:
        runs += 1
        assert runs <= 3 * KILLS, f"only {landed} kills landed in {runs} runs"
        recorded = before_each()
        run: Run = run_signalled(
            args, store, folder, kill_after=rng.uniform(0, whole.work_seconds)
        )
        if run.killed:
            landed += 1
        else:
            assert run.code == 0, (run.err, note)
        assert store_state(store)[0] == recorded, note
        behind += views_behind(store)
        views_match_a_rebuild(store)
    return runs, behind


@pytest.mark.reliability
def test_views_killed_while_rebuilt_or_caught_up_equal_a_rebuild(
    new_store: Callable[[], str], rng: random.Random, tmp_path: Path
) -> None:
    note = NOTE
    events = history()
    store = new_store()
    half = len(events) // 2
    append(store, events[:half])
    held = half

    def nothing_new() -> int:
        return held

    rebuilt = kill_views(["projections", "rebuild"], store, tmp_path, rng,
                         before_each=nothing_new, note=note)  # fmt: skip

    # Other officers record while nobody catches the views up; then an officer
    # confirms a panelist (the session has not opened, so no statement yet),
    # and the command catches the views up.
    rest = iter(events[half:])
    delegations = iter(range(10**6))

    def others_record() -> int:
        nonlocal held
        chunk = [event for _, event in zip(range(CHUNK), rest, strict=False)]
        if chunk:
            append(store, chunk)
        held += len(chunk) + 1  # and the panelist the command records
        return held

    panelist = [
        "confirm-panelist", "cybercrime-egm", "1", "--name", "Ms. A. Panelist",
        "--delegation", f"Delegation {next(delegations)}", "--item", "1",
        "--title", "Prevention", "--on", "2020-01-07",
    ]  # fmt: skip
    caught_up = kill_views(panelist, store, tmp_path, rng,
                           before_each=others_record, note=note)  # fmt: skip
    print(
        f"rebuild: {KILLS // 2} kills in {rebuilt[0]} runs, {rebuilt[1]} left "
        f"the views behind; catch-up after commands: {KILLS // 2} kills in "
        f"{caught_up[0]} runs, {caught_up[1]} left the views behind"
    )
    # Kills fell inside the views' work, not only after it.
    assert rebuilt[1] + caught_up[1] >= 3, (rebuilt, caught_up)
