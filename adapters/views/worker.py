"""`secretariat projections run`: a worker that keeps the views of a PostgreSQL
store up to date as events are recorded, by any process on any machine.

It listens on the log's channel (`adapters.views.postgres.wait_for_events`):
a notification is a wake-up call, after which the views catch up a page per
transaction from their own positions, exactly as a command does, so the worker
and commands may catch up the same view at the same time. Since a notification
can be lost (a dropped connection, a restart), the worker also catches up
every `poll_seconds` without one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import structlog

from adapters.bootstrap import create_store, open_secretariat, open_views
from adapters.store import Store

log = structlog.get_logger("secretariat")


def run_worker(
    store: Store,
    *,
    poll_seconds: float,
    stop: threading.Event,
    started: Callable[[], None] = lambda: None,
) -> None:
    """Follow the log until `stop` is set."""
    from eventsourcing.postgres import PostgresApplicationRecorder

    from adapters.views.postgres import wait_for_events

    secretariat = open_secretariat(store, create=True)
    try:
        create_store(secretariat)  # the commands it follows read it
        views = open_views(store, secretariat)
        recorder = secretariat.recorder
        assert isinstance(recorder, PostgresApplicationRecorder)  # a PostgreSQL store
        following = False
        for notified in wait_for_events(recorder, seconds=poll_seconds, stop=stop):
            applied = views.catch_up()
            if not following:
                following = True
                started()
            elif applied and not notified:
                log.info("views polled", applied=applied)
    finally:
        secretariat.close()
