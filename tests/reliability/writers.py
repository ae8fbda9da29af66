"""Officers recording at the same moment, each in a process of its own.

Statements are run by the CLI's `main`, in the worker's process, exactly as the
`secretariat` executable runs each (store opened, command recorded, views
caught up), without paying a process start-up per command.

Run by `multiprocessing` (spawn), so each worker is a fresh interpreter.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

from eventsourcing.persistence import IntegrityError

from adapters.cli.running import Settings, as_failure
from application.commands import PostponeSession
from application.secretariat import Secretariat
from domain.values import DateRange
from tests.reliability.helpers import invoke

BODY = "cybercrime-egm"

Outcome = tuple[int, str, str]
"""(exit code, standard output, standard error) of one command."""


def record_statements(
    store: str, worker: int, count: int, sync: Any, results: Any
) -> None:
    """Record `count` statements on the sixth session (opened on 6 April 2020)
    on its second day, as fast as possible, once every worker is ready (`sync`:
    a barrier, and a shared count of the saves that met another officer's and
    were tried again)."""
    start, met = sync
    save = Secretariat._save
    meetings = 0

    def counted_save(self: Secretariat, *args: Any, **kwargs: Any) -> Any:
        nonlocal meetings
        try:
            return save(self, *args, **kwargs)
        except IntegrityError:
            meetings += 1
            raise

    Secretariat._save = counted_save  # type: ignore[method-assign]
    outcomes: list[Outcome] = []
    try:
        start.wait()
        for index in range(count):
            ran = invoke(
                "record-statement", BODY, "6",
                "--delegation", f"Delegation {worker}-{index}",
                "--on", "2020-04-07", store=store, actor=f"officer {worker}",
            )  # fmt: skip
            outcomes.append((ran.code, ran.out, ran.err))
    finally:
        Secretariat._save = save  # type: ignore[method-assign]
        with met.get_lock():
            met.value += meetings
        results.put((worker, outcomes))


def postpone_in_rounds(
    store: str, worker: int, rounds: int, loaded: Any, results: Any
) -> None:
    """In each round, postpone the sixth session to dates of this worker's own,
    saving only once every worker has loaded the session: all decide on the
    same record, so exactly one save can win.

    The commands are carried out by one Secretariat on the store, as the CLI
    builds it, and a failure is given the exit code and message the CLI gives
    (`as_failure`): a round then costs a load and a save, not a process's
    worth of opening the store and catching the views up.
    """
    save = Secretariat._save

    def save_together(self: Secretariat, *args: Any, **kwargs: Any) -> Any:
        loaded.wait()
        return save(self, *args, **kwargs)

    Secretariat._save = save_together  # type: ignore[method-assign]
    settings = Settings(store=store)
    outcomes: list[Outcome] = []
    try:
        secretariat = settings.secretariat(create=False)
        for round_ in range(rounds):
            start = date(2020, 4, 6) + timedelta(days=100 + round_ * 10 + worker)
            command = PostponeSession(
                body=BODY, number=6, reason=f"round {round_}: officer {worker}",
                dates=DateRange(start, start + timedelta(days=2)),
                on=date(2020, 3, 13), actor=f"officer {worker}",
            )  # fmt: skip
            try:
                recorded = secretariat.execute(command)
            except Exception as error:
                failure = as_failure(error, settings)
                message = f"error: {failure.format_message()}\n"
                outcomes.append((failure.exit_code, "", message))
                if failure.exit_code != 3:
                    loaded.abort()  # let the others fail rather than wait forever
                    break
            else:
                outcomes.append((0, f"{recorded.event} {recorded.version}", ""))
    except threading.BrokenBarrierError:
        pass
    finally:
        settings.close()
        Secretariat._save = save  # type: ignore[method-assign]
        results.put((worker, outcomes))
