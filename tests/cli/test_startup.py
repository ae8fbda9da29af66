"""What a command imports: a query reads the views without loading what
recording needs, and never PostgreSQL's driver on an SQLite store."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from adapters.cli import QUICK_COMMANDS, all_commands, cli
from tests.cli.running import listed_commands

PROBE = """
import json, sys
from adapters.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_each_quick_command_is_the_command_of_that_name() -> None:
    every = {command.name: command for command in all_commands()}
    for name, target in QUICK_COMMANDS.items():
        module, attribute = target.split(":")
        assert getattr(importlib.import_module(module), attribute) is every[name]


def test_help_lists_every_command() -> None:
    shown = CliRunner().invoke(cli, ["--help"])

    assert sorted(listed_commands(shown.output)) == sorted(
        str(c.name) for c in all_commands()
    )


def test_a_query_on_sqlite_imports_neither_psycopg_nor_the_recording_commands(
    tmp_path: Path,
) -> None:
    store = f"sqlite:///{tmp_path / 'record.db'}"
    recorded = subprocess.run(
        [
            sys.executable,
            "-m",
            "adapters.cli",
            "establish-body",
            "egm",
            "--name",
            "Expert group",
            "--on",
            "2020-01-02",
            "--store",
            store,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert recorded.returncode == 0, recorded.stderr
    ran = subprocess.run(
        [sys.executable, "-c", PROBE, "calendar", "--json", "--store", store],
        capture_output=True,
        text=True,
        check=False,
    )
    answer = json.loads(ran.stdout)
    modules = set(json.loads(ran.stderr.splitlines()[-1]))

    assert answer["sessions"] == []
    assert not {m for m in modules if m.split(".")[0] == "psycopg"}
    assert "adapters.cli.recording" not in modules
    assert "application.commands" not in modules
    # The views are up to date: their table is read without the library, the
    # domain's records and values, or the projectors (only the rows they make).
    assert not {m for m in modules if m.split(".")[0] in ("eventsourcing", "attrs")}
    assert not modules & {
        "domain.session",
        "domain.workplan",
        "domain.values",
        "application.projections.calendar",
        "application.projections.deadlines",
    }
