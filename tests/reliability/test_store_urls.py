"""Store URLs that name no store a record can be kept in, or that carry a
secret: each refused with exit 2 and one line before anything is created, and a
password never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importing import EXAMPLE
from tests.reliability.helpers import invoke, one_line_error

IN_MEMORY = [
    "sqlite:///:memory:",
    "sqlite:///file::memory:?cache=shared",
    "sqlite:///file::memory:",
    "sqlite:///file:record?mode=memory&cache=shared",
    "sqlite:///record.db?mode=memory",
    "sqlite:///folder/:memory:",
]
"""SQLite databases that live in the memory of one process, and are gone
with it: an import would say what it applied, and keep nothing."""

SQLITE_URIS = ["sqlite:///file:record.db", "sqlite:///file:record.db?mode=ro"]
"""SQLite URIs: the library opens them as URIs, not as the file they name."""


def commands(folder: Path) -> list[list[str]]:
    return [
        ["import", str(EXAMPLE)],
        ["establish-body", "egm", "--name", "E", "--on", "2020-01-01"],
        ["calendar", "--json"],
        ["projections", "rebuild"],
        ["site", "build", "--out", str(folder / "site")],
    ]


@pytest.mark.parametrize("url", IN_MEMORY + SQLITE_URIS)
def test_an_sqlite_store_that_is_not_a_file_is_refused(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    for args in commands(tmp_path):
        ran = invoke(*args, store=url)
        assert ran.code == 2, (args, ran.err)
        message = one_line_error(ran.err)
        assert url in message, message
        reason = "in memory" if url in IN_MEMORY else "an SQLite URI"
        assert reason in message, message
        assert ran.out == ""
    # Nothing written: no file, no folder.
    assert [p.name for p in tmp_path.rglob("*")] == ["folder"]
