"""Running `secretariat` as an officer does: its own process, output and exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from adapters.store import open_secretariat, parse_store_url

SECRETARIAT = str(Path(sys.executable).with_name("secretariat"))

Run = Callable[..., subprocess.CompletedProcess[str]]


def run_secretariat(
    *args: str, store: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run one command in its own process, as an officer would."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("SECRETARIAT_")
    }
    environment["SECRETARIAT_ACTOR"] = "officer"
    if store is not None:
        environment["SECRETARIAT_STORE"] = store
    environment.update(env or {})
    return subprocess.run(
        [SECRETARIAT, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def event_count(store: str) -> int:
    """How many events the store holds, read without the CLI."""
    secretariat = open_secretariat(parse_store_url(store), create=False)
    try:
        return secretariat.event_count()
    finally:
        secretariat.close()


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    """The command failed with `code` and said why in one line, with no traceback."""
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert result.stderr.rstrip("\n").endswith(errors[0])
    return errors[0].removeprefix("error: ")


@pytest.fixture
def run() -> Run:
    return run_secretariat
