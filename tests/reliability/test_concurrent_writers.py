"""Officers recording on one store at the same moment.

Statements on one session commute: whoever saves second decides again on the
fresh record, so every one of them is recorded. Postponements of one session do
not: when several officers decide on the same record, exactly one is recorded
and the others exit 3, told that nothing was written. Afterwards the record
holds exactly what succeeded, nothing twice, the views equal a rebuild from the
first event, and no officer was ever told that the database is locked.

The stress variants run WRITERS processes (multiprocessing, spawn) of COMMANDS
commands each, all started together: statements through the CLI's `main`,
postponements through the Secretariat the CLI builds, each round saved only
once all have loaded the session (see `writers.py`). The executable variants
run the `secretariat` executable, one process per command, fewer times.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from tests.reliability.helpers import (
    invoke,
    one_line_error,
    store_state,
    views_match_a_rebuild,
)
from tests.reliability.processes import EXECUTABLE, cli_environment
from tests.reliability.writers import BODY, postpone_in_rounds, record_statements

WRITERS = 4
COMMANDS = 200
"""Each of the WRITERS processes runs this many commands (the stress variant)."""
CLI_STATEMENTS = 3
"""The executable variant: fewer, since each command starts a Python process
(a postponement meeting a concurrent one through the executable is in
tests/cli/test_commands.py)."""

CONFLICT = "was changed by someone else at the same moment; nothing was written"


def record_sixth(store: str) -> None:
    for args in (
        ["establish-body", BODY, "--name", "Expert Group", "--on", "2010-12-21"],
        [
            "schedule-session", BODY, "6", "--title", "Sixth meeting",
            "--start", "2020-04-06", "--end", "2020-04-08",
            "--venue", "Vienna, Austria", "--on", "2019-12-02",
        ],
    ):  # fmt: skip
        ran = invoke(*args, store=store)
        assert ran.code == 0, ran.err


def record_sixth_opened(store: str) -> None:
    """The sixth session, opened on its first day: statements are recorded
    once it has opened."""
    record_sixth(store)
    ran = invoke("open-session", BODY, "6", "--on", "2020-04-06", store=store)
    assert ran.code == 0, ran.err


def history(store: str) -> list[dict[str, Any]]:
    ran = invoke("history", BODY, "6", "--json", store=store)
    assert ran.code == 0, ran.err
    events: list[dict[str, Any]] = json.loads(ran.out)["events"]
    return events


def run_workers(
    target: Callable[..., None], store: str, count: int, sync: Any
) -> dict[int, list[tuple[int, str, str]]]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [
        context.Process(
            target=target, args=(store, w, count, sync, results), daemon=True
        )
        for w in range(WRITERS)
    ]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get(timeout=600) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    return outcomes


def assert_never_locked(errors: list[str]) -> None:
    locked = [error for error in errors if "locked" in error.lower()]
    assert not locked, locked[:3]


@pytest.mark.reliability
def test_concurrent_statements_are_all_recorded_once(store: str) -> None:
    record_sixth_opened(store)
    before, _ = store_state(store)
    context = multiprocessing.get_context("spawn")
    met = context.Value("i", 0)

    outcomes = run_workers(
        record_statements, store, COMMANDS, (context.Barrier(WRITERS, timeout=120), met)
    )

    runs = [run for runs in outcomes.values() for run in runs]
    assert_never_locked([err for _, _, err in runs])
    failed = [(code, err) for code, _, err in runs if code != 0]
    assert not failed, failed[:3]
    after, _ = store_state(store)
    assert after - before == WRITERS * COMMANDS
    spoken = Counter(e["delegation"] for e in history(store) if "delegation" in e)
    assert spoken == Counter(
        f"Delegation {w}-{i}" for w in range(WRITERS) for i in range(COMMANDS)
    )
    views_match_a_rebuild(store)
    # The officers did meet: saves were refused and decided again.
    print(f"{met.value} saves met another officer's and were tried again")
    assert met.value > 0


@pytest.mark.reliability
def test_competing_postponements_record_exactly_one_per_round(store: str) -> None:
    record_sixth(store)
    before, _ = store_state(store)
    loaded = multiprocessing.get_context("spawn").Barrier(WRITERS, timeout=120)

    outcomes = run_workers(postpone_in_rounds, store, COMMANDS, loaded)

    assert_never_locked([err for runs in outcomes.values() for _, _, err in runs])
    winners = []
    for round_ in range(COMMANDS):
        codes = {w: runs[round_][0] for w, runs in outcomes.items()}
        assert sorted(codes.values()) == [0, 3, 3, 3], [
            (round_, w, runs[round_]) for w, runs in outcomes.items()
        ]
        for worker, (code, _, err) in ((w, r[round_]) for w, r in outcomes.items()):
            if code == 3:
                assert CONFLICT in one_line_error(err)
            else:
                winners.append(f"round {round_}: officer {worker}")
    after, _ = store_state(store)
    assert after - before == COMMANDS
    reasons = [e["reason"] for e in history(store) if e["event"] == "Postponed"]
    assert reasons == winners
    views_match_a_rebuild(store)


# The same through the `secretariat` executable, one process per command.


@pytest.mark.reliability
def test_officers_running_the_executable_at_once_record_every_statement(
    store: str,
) -> None:
    record_sixth_opened(store)
    before, _ = store_state(store)
    # One shell loop per officer, all started together.
    loop = (
        'for i in $(seq 1 "$COUNT"); do '
        '"$SECRETARIAT" record-statement cybercrime-egm 6 '
        '--delegation "Delegation $WORKER-$i" --on 2020-04-07; '
        'echo "exit $?" >&2; done'
    )
    shells = [
        subprocess.Popen(
            ["bash", "-c", loop],
            env={
                **cli_environment(store, f"officer {w}"),
                "SECRETARIAT": str(EXECUTABLE),
                "COUNT": str(CLI_STATEMENTS),
                "WORKER": str(w),
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(WRITERS)
    ]
    errors = [shell.communicate(timeout=300)[1] for shell in shells]

    assert_never_locked(errors)
    codes = Counter(line for err in errors for line in err.splitlines())
    assert codes == {"exit 0": WRITERS * CLI_STATEMENTS}, errors
    after, _ = store_state(store)
    assert after - before == WRITERS * CLI_STATEMENTS
    spoken = Counter(e["delegation"] for e in history(store) if "delegation" in e)
    assert set(spoken.values()) == {1}
    assert len(spoken) == WRITERS * CLI_STATEMENTS
    views_match_a_rebuild(store)


def test_officers_opening_a_new_store_at_once_all_record(store: str) -> None:
    """The first commands on a store create its tables and views: officers
    starting on the same new store at the same moment all succeed."""
    officers = [
        subprocess.Popen(
            [
                str(EXECUTABLE), "establish-body", f"body-{w}",
                "--name", f"Body {w}", "--on", "2010-12-21",
            ],
            env=cli_environment(store, f"officer {w}"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for w in range(WRITERS)
    ]  # fmt: skip
    results = [officer.communicate(timeout=120) for officer in officers]

    assert [o.returncode for o in officers] == [0] * WRITERS, results
    assert store_state(store)[0] == WRITERS
    views_match_a_rebuild(store)
