"""Officers recording at the same moment, each in a process of its own: every
command is run by the CLI's `main`, in the worker's process, exactly as the
`secretariat` executable runs it (store opened, command recorded, views caught
up), without paying a process start-up per command.

Run by `multiprocessing` (spawn), so each worker is a fresh interpreter.
"""

from __future__ import annotations

import threading
from typing import Any

from application.secretariat import Secretariat
from tests.reliability.helpers import invoke

BODY = "cybercrime-egm"

Outcome = tuple[int, str, str]
"""(exit code, standard output, standard error) of one command."""


def record_statements(
    store: str, worker: int, count: int, start: Any, results: Any
) -> None:
    """Record `count` statements on the sixth session, as fast as possible."""
    outcomes: list[Outcome] = []
    start.wait()
    for index in range(count):
        ran = invoke(
            "record-statement", BODY, "6",
            "--delegation", f"Delegation {worker}-{index}",
            "--on", "2020-07-27", store=store, actor=f"officer {worker}",
        )  # fmt: skip
        outcomes.append((ran.code, ran.out, ran.err))
    results.put((worker, outcomes))


def postpone_in_rounds(
    store: str, worker: int, rounds: int, loaded: Any, results: Any
) -> None:
    """In each round, postpone the sixth session to dates of this worker's own,
    saving only once every worker has loaded the session: all decide on the
    same record, so exactly one save can win."""
    save = Secretariat._save

    def save_together(self: Secretariat, *args: Any, **kwargs: Any) -> Any:
        loaded.wait()
        return save(self, *args, **kwargs)

    Secretariat._save = save_together  # type: ignore[method-assign]
    outcomes: list[Outcome] = []
    try:
        for round_ in range(rounds):
            start = 100 + round_ * 10 + worker
            ran = invoke(
                "postpone-session", BODY, "6",
                "--reason", f"round {round_}: officer {worker}",
                "--start", _day(start), "--end", _day(start + 2),
                "--on", "2020-03-13", store=store, actor=f"officer {worker}",
            )  # fmt: skip
            outcomes.append((ran.code, ran.out, ran.err))
            if ran.code not in (0, 3):
                loaded.abort()  # let the others fail rather than wait forever
                break
    except threading.BrokenBarrierError:
        pass
    finally:
        Secretariat._save = save  # type: ignore[method-assign]
        results.put((worker, outcomes))


def _day(offset: int) -> str:
    from datetime import date, timedelta

    return (date(2020, 4, 6) + timedelta(days=offset)).isoformat()
