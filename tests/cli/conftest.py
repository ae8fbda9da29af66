"""Running `secretariat` as an officer does: its own process, output and exit code."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.cli.running import Ran
from tests.cli.running import run as run_secretariat

Run = Callable[..., Ran]


@pytest.fixture
def run() -> Run:
    return run_secretariat
