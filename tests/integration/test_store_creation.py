"""A store is created by the first event recorded in it: a command that a rule
refuses, or that only reads, leaves no store behind (no SQLite file, no table
in the PostgreSQL schema); and reading a store that does not exist says so
(exit 4) rather than showing an empty calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.store import parse_store_url
from tests.reliability.helpers import invoke, one_line_error, schema_of, server_url


def tables_of(store: str) -> list[str]:
    """The tables the store holds: none when it does not exist."""
    parsed = parse_store_url(store)
    if parsed.path is not None:
        import sqlite3
        from contextlib import closing

        if not parsed.path.exists():
            return []
        with closing(
            sqlite3.connect(f"file:{parsed.path}?mode=ro", uri=True)
        ) as connection:
            rows = connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            ).fetchall()
        return sorted(str(row[0]) for row in rows)
    import psycopg

    with psycopg.connect(server_url(store)) as connection:
        rows = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (schema_of(store),),
        ).fetchall()
    return sorted(str(row[0]) for row in rows)


def sqlite_files(store: str) -> list[Path]:
    path = parse_store_url(store).path
    if path is None:
        return []
    return sorted(path.parent.glob(f"{path.name}*"))


REFUSED = [
    ["postpone-session", "egm", "1", "--reason=x", "--on=2020-01-01"],
    ["schedule-session", "egm", "1", "--title=T", "--start=2020-03-01",
     "--end=2020-03-02", "--venue=Vienna", "--on=2020-01-01"],
    ["adopt-report", "egm", "1", "--on=2020-01-01"],
]  # fmt: skip


@pytest.mark.parametrize("args", REFUSED, ids=lambda args: args[0])
def test_a_refused_command_leaves_no_store_behind(store: str, args: list[str]) -> None:
    ran = invoke(*args, store=store)
    assert ran.code == 1, ran.err
    assert "there is no body 'egm'" in one_line_error(ran.err)
    assert tables_of(store) == []
    assert sqlite_files(store) == []


def test_an_import_refused_at_its_first_entry_leaves_no_store_behind(
    store: str, tmp_path: Path
) -> None:
    entries = tmp_path / "refused.yaml"
    entries.write_text(
        "- {command: postpone-session, body: egm, number: 1, reason: x, "
        "on: 2020-01-01}\n",
        encoding="utf-8",
    )
    ran = invoke("import", str(entries), store=store)
    assert ran.code == 1, ran.err
    assert tables_of(store) == []
    assert sqlite_files(store) == []


READS = [
    ["calendar"],
    ["calendar", "--json"],
    ["deadlines", "--json"],
    ["postponements"],
    ["history", "egm", "1"],
    ["grants"],
    ["projections", "status"],
    ["projections", "rebuild"],
]


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_reading_a_store_that_does_not_exist_says_so(
    store: str, args: list[str]
) -> None:
    refused = invoke(*args, store=store)
    assert refused.code == 4, refused.err
    assert one_line_error(refused.err) == (
        f"no store at {parse_store_url(store).label}"
    )
    assert refused.out == ""
    assert tables_of(store) == []
    assert sqlite_files(store) == []


def test_reading_after_a_refused_command_still_says_there_is_no_store(
    store: str,
) -> None:
    assert invoke(*REFUSED[0], store=store).code == 1
    ran = invoke("calendar", "--json", store=store)
    assert ran.code == 4, ran.err
    assert "no store at" in one_line_error(ran.err)


def test_the_first_event_recorded_creates_the_store(store: str) -> None:
    ran = invoke("establish-body", "egm", "--name=E", "--on=2020-01-01", store=store)
    assert ran.code == 0, ran.err
    assert tables_of(store) != []
    refused = invoke(*REFUSED[0], store=store)
    assert "no 1st session of egm" in one_line_error(refused.err)
    calendar = invoke("calendar", "--json", store=store)
    assert calendar.code == 0, calendar.err
