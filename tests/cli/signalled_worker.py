"""Run `secretariat projections run` ROUNDS times in this one process, each
time stopped by a SIGTERM that arrives while the worker is writing log lines
as fast as it can: if the signal handler wrote a line itself, it would wait
for the log's lock held by the line it interrupted, forever.

Usage: python signalled_worker.py ROUNDS LOG_FILE. The worker follows no
store: `run_worker` is replaced by a loop that logs until it is asked to stop.
Standard error (the log) goes to LOG_FILE; the exit code is 0 once every round
has stopped.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import threading
from collections.abc import Callable

import structlog

import adapters.views.worker
from adapters.cli import cli
from adapters.store import Store

rounds = int(sys.argv[1])
sys.stderr = open(sys.argv[2], "w", encoding="utf-8")  # noqa: SIM115
log = structlog.get_logger("secretariat")


def busy_worker(
    store: Store,
    *,
    poll_seconds: float,
    stop: threading.Event,
    started: Callable[[], None] = lambda: None,
) -> None:
    started()
    delay = random.uniform(0.001, 0.02)
    threading.Timer(delay, os.kill, (os.getpid(), signal.SIGTERM)).start()
    written = 0
    while not stop.is_set():
        log.info("busy", written=written)
        written += 1


adapters.views.worker.run_worker = busy_worker
for _ in range(rounds):
    cli.main(
        args=["--store", "postgresql://nobody@127.0.0.1:1/none", "projections", "run"],
        prog_name="secretariat",
        standalone_mode=False,
    )
