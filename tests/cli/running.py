"""Running `secretariat` as a user does: a separate process, its exit code,
its standard output and standard error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import attrs

EXECUTABLE = Path(sys.executable).with_name("secretariat")


@attrs.frozen
class Ran:
    code: int
    out: str
    err: str


def run(*args: str, store: str, cwd: Path | None = None, **env: str) -> Ran:
    """Run `secretariat ARGS` on `store`; its log lines are left out, so that
    standard error holds only what the command itself says."""
    environment = {
        **os.environ,
        "SECRETARIAT_STORE": store,
        "SECRETARIAT_ACTOR": "test officer",
        "SECRETARIAT_LOG_LEVEL": "error",
        **env,
    }
    completed = subprocess.run(
        [str(EXECUTABLE), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Ran(completed.returncode, completed.stdout, completed.stderr)
