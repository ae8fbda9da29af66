"""Running `secretariat` as an officer does: a separate process, its exit code,
its standard output and standard error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import attrs

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url

EXECUTABLE = Path(sys.executable).with_name("secretariat")


@attrs.frozen
class Ran:
    code: int
    out: str
    err: str


def environment(*, store: str | None = None, **env: str) -> dict[str, str]:
    """This process's environment without any `SECRETARIAT_` setting of its
    own, then an officer's name, the store and `env`. The log is left out
    unless `env` asks for it, so that standard error holds only what the
    command itself says."""
    settings = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("SECRETARIAT_")
    }
    settings["SECRETARIAT_ACTOR"] = "officer"
    settings["SECRETARIAT_LOG_LEVEL"] = "critical"
    if store is not None:
        settings["SECRETARIAT_STORE"] = store
    return {**settings, **env}


def run(
    *args: str, store: str | None = None, cwd: Path | None = None, **env: str
) -> Ran:
    """Run `secretariat ARGS` on `store` in its own process. Its output is
    decoded as written (a calendar file keeps its CRLF line ends)."""
    completed = subprocess.run(
        [str(EXECUTABLE), *args],
        capture_output=True,
        env=environment(store=store, **env),
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Ran(
        completed.returncode, completed.stdout.decode(), completed.stderr.decode()
    )


def event_count(store: str) -> int:
    """How many events the store holds, read without the CLI."""
    secretariat = open_secretariat(parse_store_url(store), create=False)
    try:
        return secretariat.event_count()
    finally:
        secretariat.close()


def one_line_error(ran: Ran, code: int, *fragments: str) -> str:
    """The command exited with `code`, printed nothing, and said why in one
    line holding each of `fragments`, with no traceback. Returns the message."""
    assert ran.code == code, ran
    assert "Traceback" not in ran.err
    lines = ran.err.splitlines()
    assert len(lines) == 1, ran.err
    assert lines[0].startswith("error: "), ran.err
    for fragment in fragments:
        assert fragment in lines[0]
    assert ran.out == ""
    return lines[0].removeprefix("error: ")


def listed_commands(help_text: str) -> list[str]:
    """The commands `secretariat --help` lists under its headings (`Recording
    commands:`, `Reading commands:` ...): each first word of a line indented
    by two spaces after a heading; wrapped descriptions are indented further."""
    listed: list[str] = []
    listing = False
    for line in help_text.splitlines():
        if line.endswith("commands:") and not line.startswith(" "):
            listing = True
        elif listing and line.startswith("  ") and not line.startswith("   "):
            listed.append(line.split()[0])
    return listed
