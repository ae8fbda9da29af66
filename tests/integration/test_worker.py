"""`secretariat projections run` on PostgreSQL: events recorded by one process
show in the views through the worker running in another, which stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from tests.builders import establish, schedule_sixth
from tests.seed_history import postpone_sixth

pytestmark = pytest.mark.postgres

SECRETARIAT = str(Path(sys.executable).with_name("secretariat"))
PATIENCE_SECONDS = 30


class Worker:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)

    @property
    def log(self) -> str:
        return "".join(self.lines)


def eventually(check: Any, what: str) -> None:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    pytest.fail(f"waited {PATIENCE_SECONDS}s for {what}")


@contextmanager
def worker(store: str, *, poll: float) -> Iterator[Worker]:
    process = subprocess.Popen(
        [SECRETARIAT, "--store", store, "projections", "run", "--poll", str(poll)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "SECRETARIAT_LOG_LEVEL": "info"},
    )
    running = Worker(process)
    try:
        eventually(lambda: "following the log" in running.log, "the worker to start")
        yield running
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def calendar_starts(store: str) -> list[str]:
    """What the calendar view holds, read straight from its table (a query
    through `Views` would catch the view up itself)."""
    import psycopg

    schema = parse_qs(urlsplit(store).query)["schema"][0]
    url = store.split("?", maxsplit=1)[0]
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            f'SELECT "start" FROM "{schema}"."calendar_sessions"'
        ).fetchall()
    return [row[0] for row in rows]


def test_the_worker_projects_what_another_process_records_and_stops_on_sigterm(
    postgres_store: str,
) -> None:
    with worker(postgres_store, poll=3600) as running:
        app = open_secretariat(parse_store_url(postgres_store), create=False)
        try:
            establish(app)
            schedule_sixth(app)
            eventually(
                lambda: calendar_starts(postgres_store) == ["2020-04-06"],
                "the worker to project the scheduling",
            )
            postpone_sixth(app)
            eventually(
                lambda: calendar_starts(postgres_store) == ["2020-07-27"],
                "the worker to project the postponement",
            )
        finally:
            app.close()
        running.process.send_signal(signal.SIGTERM)
        assert running.process.wait(timeout=PATIENCE_SECONDS) == 0
        running.reader.join(timeout=PATIENCE_SECONDS)

    assert "signal=SIGTERM" in running.log
    assert "command='projections run'" in running.log
    assert "outcome=done" in running.log
    assert "Traceback" not in running.log


def test_the_worker_polls_for_events_whose_notification_was_lost(
    postgres_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with worker(postgres_store, poll=0.5) as running:
        app = open_secretariat(parse_store_url(postgres_store), create=False)
        try:
            monkeypatch.setattr(app.recorder, "_notify_channel", lambda _: None)
            establish(app)
            schedule_sixth(app)
            eventually(
                lambda: calendar_starts(postgres_store) == ["2020-04-06"],
                "the worker's poll to project an event nobody was notified of",
            )
        finally:
            app.close()
        running.process.send_signal(signal.SIGINT)
        assert running.process.wait(timeout=PATIENCE_SECONDS) == 0
        running.reader.join(timeout=PATIENCE_SECONDS)

    assert "Traceback" not in running.log


def test_listening_wakes_at_each_recording_and_stops_at_once_when_asked(
    postgres_store: str,
) -> None:
    from adapters.views.postgres import wait_for_events

    stop = threading.Event()
    app = open_secretariat(parse_store_url(postgres_store), create=True)
    try:
        listening = wait_for_events(app.recorder, seconds=3600, stop=stop)  # type: ignore[arg-type]
        assert next(listening) is True  # listening: what was recorded is to be read
        establish(app)
        assert next(listening) is True  # woken by the recording
        stop.set()
        left: list[bool] = []
        leaving = threading.Thread(target=lambda: left.extend(listening), daemon=True)
        leaving.start()
        leaving.join(timeout=5)
        assert not leaving.is_alive(), "still listening 5 s after being asked to stop"
        assert left == []
    finally:
        app.close()
