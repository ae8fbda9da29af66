"""The README's lines that start the server, grant a token and record a
postponement with `curl`, run as written (by bash, against a live server),
the port aside: a free one stands for 8000."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.cli.running import EXECUTABLE
from tests.http.conftest import secretariat
from tests.http.server import PATIENCE_SECONDS

README = Path(__file__).resolve().parents[2] / "README.md"
MARK = "<!-- served: tests/http/test_readme.py runs this block and the next one -->"


def readme_blocks() -> tuple[str, str]:
    """The block that starts the server, and the one that records."""
    text = README.read_text(encoding="utf-8")
    after = text[text.index(MARK) :]
    serve, record = re.findall(r"```sh\n(.*?)```", after, flags=re.DOTALL)[:2]
    return serve, record


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def answers(output: str) -> list[Any]:
    """The JSON documents printed one after the other."""
    decoder = json.JSONDecoder()
    found, at = [], 0
    while at < len(output):
        if output[at].isspace():
            at += 1
            continue
        value, at = decoder.raw_decode(output, at)
        found.append(value)
    return found


def test_the_readme_records_a_postponement_over_http(tmp_path: Path) -> None:
    if shutil.which("curl") is None:
        pytest.skip("no curl on PATH (Debian: apt-get install curl)")
    serve, record = readme_blocks()
    assert serve.strip() == "secretariat serve --port 8000"
    assert "curl" in record
    assert "postpone-session" in record
    port = str(free_port())
    store = f"sqlite:///{tmp_path / 'secretariat.db'}"
    secretariat(store, "establish-body", "cybercrime-egm", "--name", "Expert Group")
    env = {
        **os.environ,
        "PATH": f"{EXECUTABLE.parent}{os.pathsep}{os.environ['PATH']}",
        "SECRETARIAT_STORE": store,
        "SECRETARIAT_ACTOR": "registrar",
    }
    server = subprocess.Popen(
        ["bash", "-c", "exec " + serve.replace("8000", port).strip()],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + PATIENCE_SECONDS
        while True:
            try:
                socket.create_connection(("127.0.0.1", int(port)), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "the server did not listen"
                time.sleep(0.05)
        ran = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", record.replace("8000", port)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        server.send_signal(signal.SIGTERM)
        _, log = server.communicate(timeout=PATIENCE_SECONDS)

    assert ran.returncode == 0, ran.stderr
    scheduled, postponed, history = answers(ran.stdout)
    assert (scheduled["command"], scheduled["version"]) == ("schedule-session", 1)
    assert (postponed["command"], postponed["version"]) == ("postpone-session", 2)
    (event,) = postponed["events"]
    assert event["new"] == {"start": "2027-09-06", "end": "2027-09-08"}
    last = history["events"][-1]
    assert last["event"] == "Postponed"
    assert (last["actor"], last["recorded_via"]) == ("alice@example.org", "api")
    assert server.returncode == 0, log
    assert "stopped" in log
