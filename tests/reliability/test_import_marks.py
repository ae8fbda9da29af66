"""The marks that record an import file's entries as applied: an entry is
known by its file, so the same statement in two files is applied from each;
with a key, a mark tells nothing to whoever does not hold the key."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from uuid import UUID

import pytest

from adapters.cli.import_files import parse_import
from adapters.store import CIPHER_KEY_VARIABLE, parse_store_url
from application.imported import UNKEYED
from tests.reliability.helpers import invoke, schema_of, server_url, store_state

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "expert-group-cybercrime.yaml"

SESSION = (
    "- {command: establish-body, code: egm, name: Expert group, on: 2020-01-01}\n"
    "- {command: schedule-session, body: egm, number: 1, title: First session,"
    " start: 2020-04-06, end: 2020-04-08, venue: Vienna, on: 2020-01-02}\n"
    "- {command: open-session, body: egm, number: 1, on: 2020-04-06}\n"
)
"""A body and its first session, opened: statements are recorded once it opens."""


def statement(delegation: str) -> str:
    return (
        "- {command: record-statement, body: egm, number: 1,"
        f" delegation: {delegation}, on: 2020-04-06}}\n"
    )


def imported(store: str, path: Path, *options: str) -> str:
    ran = invoke("import", str(path), *options, store=store)
    assert ran.code == 0, ran.err
    return ran.out.rpartition(": ")[2].strip()


def statements(store: str) -> list[str]:
    ran = invoke("history", "egm", "1", "--json", store=store)
    assert ran.code == 0, ran.err
    return [event["delegation"] for event in _events(ran.out) if "delegation" in event]


def _events(out: str) -> list[dict[str, str]]:
    import json

    events: list[dict[str, str]] = json.loads(out)["events"]
    return events


def test_the_same_entry_in_two_files_is_applied_from_each(
    store: str, tmp_path: Path
) -> None:
    """Before, the afternoon's import said "1 applied, 1 already in the record"
    and Chile's second statement was lost."""
    setup, morning, afternoon = (
        tmp_path / "session.yaml",
        tmp_path / "morning.yaml",
        tmp_path / "afternoon.yaml",
    )
    setup.write_text(SESSION, encoding="utf-8")
    morning.write_text(statement("Chile"), encoding="utf-8")
    afternoon.write_text(statement("Peru") + statement("Chile"), encoding="utf-8")
    imported(store, setup)

    assert imported(store, morning) == "1 applied, 0 already in the record"
    assert imported(store, afternoon) == "2 applied, 0 already in the record"
    assert statements(store) == ["Chile", "Peru", "Chile"]
    before = store_state(store)
    assert imported(store, morning) == "0 applied, 1 already in the record"
    assert imported(store, afternoon) == "0 applied, 2 already in the record"
    assert store_state(store) == before


def test_a_file_is_known_by_its_name_or_the_name_given(
    store: str, tmp_path: Path
) -> None:
    """The same file from another folder is the same file; a renamed one is
    known by its first name with `--as`; a corrected file under its name
    applies only what changed."""
    first = tmp_path / "record.yaml"
    first.write_text(SESSION + statement("Chile"), encoding="utf-8")
    assert imported(store, first) == "4 applied, 0 already in the record"
    elsewhere = tmp_path / "copy" / "record.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(SESSION + statement("Chile") + statement("Peru"))
    renamed = tmp_path / "record-v2.yaml"
    renamed.write_text(SESSION + statement("Chile") + statement("Peru"))

    assert imported(store, renamed, "--as=record.yaml") == (
        "1 applied, 4 already in the record"
    )
    assert imported(store, elsewhere) == "0 applied, 5 already in the record"
    assert statements(store) == ["Chile", "Peru"]
    empty = invoke("import", str(renamed), "--as= ", store=store)
    assert empty.code == 2, empty.err


def stored_ids(store: str) -> set[UUID]:
    """The ids of every record in the store, read with plain SQL, as whoever
    holds the database files without the key reads them."""
    parsed = parse_store_url(store)
    if parsed.path is not None:
        with contextlib.closing(
            sqlite3.connect(f"file:{parsed.path}?mode=ro", uri=True)
        ) as connection:
            rows = connection.execute(
                "SELECT DISTINCT originator_id FROM stored_events"
            ).fetchall()
        return {UUID(str(row[0])) for row in rows}
    import psycopg

    with psycopg.connect(server_url(store)) as connection:
        rows = connection.execute(
            f"SELECT DISTINCT originator_id FROM {schema_of(store)}.secretariat_events"
        ).fetchall()
    return {UUID(str(row[0])) for row in rows}


def guessed_marks() -> set[UUID]:
    """Every mark an attacker who knows the program, guessed every entry of
    the example exactly and its file's name, could compute without the key:
    the marks of this version and those of earlier ones."""
    text = EXAMPLE.read_bytes()
    marks = set()
    for name in (EXAMPLE.name, str(EXAMPLE), "record.yaml"):
        for entry in parse_import(text, source=str(EXAMPLE), name=name, marks=UNKEYED):
            assert entry.legacy is not None
            marks |= {entry.marking, entry.legacy}
    return marks


@pytest.mark.parametrize("keyed", [False, True], ids=["no key", "a key"])
def test_without_the_key_no_mark_can_be_confirmed_by_guessing(
    store: str, monkeypatch: pytest.MonkeyPatch, keyed: bool
) -> None:
    """Before, 87 of the example's 87 marks were confirmed with a key set, as
    without one: a mark was a hash of the entry, so guessing a statement
    (delegation, day, item) and hashing it told whether it was recorded."""
    if keyed:
        key = invoke("keygen", store="sqlite:///unused.db").out.strip()
        monkeypatch.setenv(CIPHER_KEY_VARIABLE, key)
    ran = invoke("import", str(EXAMPLE), store=store)
    assert ran.code == 0, ran.err

    confirmed = guessed_marks() & stored_ids(store)

    assert len(confirmed) == (0 if keyed else 87)
    again = invoke("import", str(EXAMPLE), store=store)
    assert again.out.endswith(": 0 applied, 87 already in the record\n"), again.err
