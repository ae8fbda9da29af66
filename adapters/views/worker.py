"""`secretariat projections run`: a worker that keeps the views of a PostgreSQL
store up to date as events are recorded, by any process on any machine.

Each view is followed by the library's `ProjectionRunner`, which LISTENs for
the store's notifications. A notification is only a wake-up call: the view then
catches up a page per transaction from its own position, exactly as a command
does, so the worker and commands may catch up the same view at the same time.
Since a notification can be lost (a dropped connection, a restart), the worker
also catches up every `poll_seconds`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

import structlog

from adapters.store import (
    Store,
    application_settings,
    open_secretariat,
    open_views,
)
from adapters.views.base import View
from adapters.views.source import EventSource

log = structlog.get_logger("secretariat")

TICK_SECONDS = 0.2
"""How often the worker looks whether it was asked to stop or a runner failed."""


class WorkerFailedError(Exception):
    """Raised when a view's runner stops following the log on its own."""


def follower(view: View, source: EventSource) -> type[Any]:
    """A projection class for `ProjectionRunner` that catches `view` up."""
    from eventsourcing.projection import Projection

    class Follower(Projection[Any]):
        name = view.view_name
        topics = view.topics

        def process_event(self, domain_event: Any, tracking: Any) -> None:
            # Events already applied (by this catch-up, by a command, by the
            # poll) are passed over: the view's position says how far it is.
            if tracking.notification_id > view.position(tracking.application_name):
                view.catch_up(source)

    return Follower


def run_worker(
    store: Store,
    *,
    poll_seconds: float,
    stop: threading.Event,
    started: Callable[[], None] = lambda: None,
) -> None:
    """Follow the log until `stop` is set."""
    from eventsourcing.projection import ProjectionRunner

    from adapters.views.postgres import PostgresView
    from application.secretariat import Secretariat

    secretariat = open_secretariat(store, create=True)
    try:
        views = open_views(store, secretariat)
        views.catch_up()
        with ExitStack() as runners:
            followed = []
            for view in views.all:
                assert isinstance(view, PostgresView)
                runner = ProjectionRunner(
                    application_class=Secretariat,
                    projection_class=follower(view, views.source),
                    view_class=type(view),
                    env=application_settings(store),
                )
                followed.append(runners.enter_context(runner))
            started()
            polled = time.monotonic()
            while not stop.wait(TICK_SECONDS):
                for runner in followed:
                    if runner.is_interrupted.is_set():
                        runner.run_forever(timeout=0)  # raises the runner's error
                        raise WorkerFailedError("a view stopped following the log")
                if time.monotonic() - polled >= poll_seconds:
                    applied = views.catch_up()
                    if applied:
                        log.info("views polled", applied=applied)
                    polled = time.monotonic()
    finally:
        secretariat.close()
