"""The real server, as an operator starts it: `secretariat serve` in its own
process on a free port of 127.0.0.1, ready once its log says it serves, and
stopped with SIGTERM, which must end it cleanly."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from tests.cli.running import EXECUTABLE, environment

PATIENCE_SECONDS = 30


class Server:
    """A running `secretariat serve`: its address, and its log as it goes."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        self.url = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)

    @property
    def log(self) -> list[dict[str, Any]]:
        """The JSON lines of its log so far."""
        found = []
        for line in list(self.lines):
            try:
                found.append(json.loads(line))
            except ValueError:
                continue
        return found

    def wait_for(self, event: str) -> dict[str, Any]:
        """The first log line of `event`, waiting for it if need be."""
        deadline = time.monotonic() + PATIENCE_SECONDS
        while time.monotonic() < deadline:
            for line in self.log:
                if line.get("event") == event:
                    return line
            if self.process.poll() is not None:
                self._reader.join(timeout=5)
                raise AssertionError(
                    f"the server ended ({self.process.returncode}) before "
                    f"{event!r}:\n" + "".join(self.lines)
                )
            time.sleep(0.02)
        raise AssertionError(
            f"no {event!r} after {PATIENCE_SECONDS}s:\n" + "".join(self.lines)
        )

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(
            base_url=self.url, headers=headers, timeout=PATIENCE_SECONDS
        )

    def stop(self) -> int:
        """Stop it as a service manager does (SIGTERM); its exit code."""
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=PATIENCE_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            self._reader.join(timeout=PATIENCE_SECONDS)
            raise AssertionError(
                f"the server did not stop within {PATIENCE_SECONDS}s of SIGTERM:\n"
                + "".join(self.lines)
            ) from None
        self._reader.join(timeout=PATIENCE_SECONDS)
        return code

    def said(self, check: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
        """The log lines that pass `check`, once there is one (a request's
        line is written once its answer is sent)."""
        deadline = time.monotonic() + PATIENCE_SECONDS
        while True:
            found = [line for line in self.log if check(line)]
            if found or time.monotonic() > deadline:
                return found
            time.sleep(0.02)


@contextmanager
def serving(store: str, *args: str, **env: str) -> Iterator[Server]:
    """`secretariat serve` on `store`, ready; stopped with SIGTERM on leaving,
    which must end it with exit code 0 and its last words in the log."""
    process = subprocess.Popen(
        [
            str(EXECUTABLE),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--log-json",
            *args,
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(store=store, SECRETARIAT_LOG_LEVEL="info", **env),
    )
    server = Server(process)
    try:
        server.url = server.wait_for("serving")["url"]
        yield server
    except BaseException:
        if process.poll() is None:
            process.kill()
            process.wait()
        raise
    code = server.stop()
    said = server.log
    assert code == 0, "".join(server.lines)
    assert [line["event"] for line in said if "stop" in line["event"]] == [
        "stopping",
        "stopped",
    ]
    assert (said[-1]["event"], said[-1]["outcome"]) == ("command", "done")
    assert "Traceback" not in "".join(server.lines)
