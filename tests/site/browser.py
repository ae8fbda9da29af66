"""A real browser on the built site: the site served over HTTP from a thread,
read by headless Chromium (the DOM as rendered, and a screenshot)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import attrs
import pytest

BROWSER_VARIABLE = "SECRETARIAT_TEST_BROWSER"
BROWSERS = ("chromium", "chromium-browser")
TIMEOUT = 60
"""Seconds a browser run may take: one takes about two."""

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
)


def browser() -> str:
    """The Chromium to run: `$SECRETARIAT_TEST_BROWSER` when set (it must then
    exist: a silent skip would hide a broken CI), else the first on PATH; the
    test skips, saying why, when there is none."""
    configured = os.environ.get(BROWSER_VARIABLE)
    if configured:
        found = shutil.which(configured)
        if found is None:
            pytest.fail(f"{BROWSER_VARIABLE}={configured} is not an executable")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    pytest.skip(
        f"no browser: none of {', '.join(BROWSERS)} is on PATH and "
        f"{BROWSER_VARIABLE} is not set (Debian: apt-get install chromium)"
    )


@attrs.frozen
class Request:
    path: str
    code: int


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site's folder; notes each request instead of logging it."""

    def __init__(self, *args: Any, requests: list[Request], **kwargs: Any) -> None:
        self.requests = requests
        super().__init__(*args, **kwargs)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.requests.append(Request(self.path, int(code)))

    def log_message(self, format: str, *args: Any) -> None:
        """Nothing on standard error: the requests are kept instead."""


@contextmanager
def serving(folder: Path) -> Iterator[tuple[str, list[Request]]]:
    """Serve `folder` on a free local port: its root URL, and the requests
    answered so far."""
    requests: list[Request] = []
    handler = partial(QuietHandler, directory=str(folder), requests=requests)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def headless(executable: str, url: str, *options: str, profile: Path) -> str:
    """Run the browser on `url` with a profile of its own in `profile`; its
    standard output. Every process it started is ended, even on a timeout."""
    profile.mkdir(parents=True, exist_ok=True)
    command = [executable, *FLAGS, f"--user-data-dir={profile}", *options, url]
    environment = {
        **os.environ,
        "HOME": str(profile),
        "XDG_CONFIG_HOME": str(profile / "config"),
        "XDG_CACHE_HOME": str(profile / "cache"),
    }
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        start_new_session=True,
    ) as process:
        try:
            out, err = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            pytest.fail(f"{executable} did not finish within {TIMEOUT}s: {command}")
        finally:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
    if process.returncode != 0:
        tail = err.decode("utf-8", "replace")[-2000:]
        pytest.fail(f"{executable} exited with {process.returncode}: {tail}")
    return out.decode("utf-8")
