"""The `secretariat` executable run as an officer runs it, in a process of its
own, and killed with SIGKILL when a test says so."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs

EXECUTABLE = Path(sys.executable).with_name("secretariat")
SIGNALLED = Path(__file__).with_name("signalled.py")
_runs = itertools.count(1)


def cli_environment(
    store: str, actor: str = "test officer", log_level: str = "error"
) -> dict[str, str]:
    """The environment of an officer using `store`, and nothing else of ours
    (`log_level=critical`: standard error holds only what the command says)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("SECRETARIAT_")
    }
    environment.update(
        SECRETARIAT_STORE=store,
        SECRETARIAT_ACTOR=actor,
        SECRETARIAT_LOG_LEVEL=log_level,
    )
    return environment


@attrs.frozen
class Run:
    killed: bool
    """Whether SIGKILL found the process still running."""
    code: int
    err: str
    work_seconds: float | None
    """From the start of the work to its end, when it ended."""


def run_signalled(
    args: list[str],
    store: str,
    folder: Path,
    *,
    kill_after: float | None,
    kill_when: Callable[[], bool] | None = None,
) -> Run:
    """Run `secretariat ARGS`; when `kill_after` is given, kill it with SIGKILL
    that many seconds after its work began (see `signalled.py`), or after
    `kill_when()` first says so."""
    started = folder / f"started-{os.getpid()}-{next(_runs)}"
    process = subprocess.Popen(
        [sys.executable, str(SIGNALLED), str(started), *args],
        env=cli_environment(store),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not started.exists() and process.poll() is None:
            assert time.monotonic() < deadline, f"{args} never began its work"
            time.sleep(0.003)
        while kill_when is not None and process.poll() is None and not kill_when():
            time.sleep(0.003)
        if kill_after is not None and process.poll() is None:
            time.sleep(kill_after)
            process.send_signal(signal.SIGKILL)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    done = started.with_suffix(".done")
    work = None
    if started.exists() and done.exists():
        work = (done.stat().st_mtime_ns - started.stat().st_mtime_ns) / 1e9
    return Run(
        killed=process.returncode == -signal.SIGKILL,
        code=process.returncode,
        err=err,
        work_seconds=work,
    )
