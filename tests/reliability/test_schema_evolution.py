"""A store written by an earlier version loads, and answers as it did then.

`tests/fixtures/store-VERSION/` holds a store built by that version
(`tests/fixtures/make_fixture_store.py`) and the answers it gave. Every later
version must give the same answers from it (keys may be added, never renamed,
dropped or changed): on the SQLite file itself, with the views it holds and
rebuilt, and on PostgreSQL holding the same stored events.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from adapters.bootstrap import open_secretariat
from adapters.cli.import_files import read_import_file
from adapters.store import parse_store_url
from tests.reliability.helpers import assert_contract, invoke

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STORES = sorted(FIXTURES.glob("store-*/store.sqlite"))
EXAMPLE = FIXTURES / "example-record-0.1.0.yaml"
"""The example record as the fixture store imported it (the example has since
named its sources and marked its assumed dates: another file, whose entries
that store does not hold)."""
FIXTURE_RECORD = FIXTURES / "fixture-record-0.1.0.yaml"
"""The fixture record as the fixture store imported it (`fixture-record.yaml`
has since opened the 7th session before its statements)."""


def answers(folder: Path) -> dict[str, tuple[list[str], Any]]:
    queries = json.loads((folder / "queries.json").read_text(encoding="utf-8"))
    return {
        name: (args, json.loads((folder / name).read_text(encoding="utf-8")))
        for name, args in queries.items()
    }


def stored_events(path: Path) -> list[StoredEvent]:
    """The stored events of an SQLite store, in the order they were recorded
    (opened immutable: reading a checked-in store must not touch its folder)."""
    with closing(sqlite3.connect(f"file:{path}?immutable=1", uri=True)) as connection:
        rows = connection.execute(
            "SELECT originator_id, originator_version, topic, state "
            "FROM stored_events ORDER BY rowid"
        ).fetchall()
    return [StoredEvent(UUID(row[0]), row[1], row[2], row[3]) for row in rows]


def copy_of(fixture: Path, folder: Path) -> str:
    copy = folder / "store.sqlite"
    shutil.copyfile(fixture, copy)
    return f"sqlite:///{copy}"


def transplanted(fixture: Path, store: str) -> str:
    """`store` holding the fixture's stored events, as recorded by that version."""
    secretariat = open_secretariat(parse_store_url(store), create=True)
    try:
        secretariat.recorder.insert_events(stored_events(fixture))
    finally:
        secretariat.close()
    return store


@pytest.fixture(params=STORES, ids=[path.parent.name for path in STORES])
def fixture_store(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


def test_there_is_a_fixture_store_of_an_earlier_version() -> None:
    assert STORES, "tests/fixtures/store-*/store.sqlite is missing"


def test_a_store_written_by_an_earlier_version_answers_as_it_did(
    fixture_store: Path, tmp_path: Path
) -> None:
    store = copy_of(fixture_store, tmp_path)
    for name, (args, expected) in answers(fixture_store.parent).items():
        ran = invoke(*args, store=store)
        assert ran.code == 0, (name, ran.err)
        assert_contract(expected, json.loads(ran.out), name)


def test_its_views_rebuilt_by_this_version_answer_the_same(
    fixture_store: Path, tmp_path: Path
) -> None:
    store = copy_of(fixture_store, tmp_path)
    rebuilt = invoke("projections", "rebuild", store=store)
    assert rebuilt.code == 0, rebuilt.err
    for name, (args, expected) in answers(fixture_store.parent).items():
        ran = invoke(*args, store=store)
        assert ran.code == 0, (name, ran.err)
        assert_contract(expected, json.loads(ran.out), name)


@pytest.mark.postgres
def test_its_events_on_postgresql_answer_the_same(
    fixture_store: Path, postgres_store: str
) -> None:
    store = transplanted(fixture_store, postgres_store)
    for name, (args, expected) in answers(fixture_store.parent).items():
        ran = invoke(*args, store=store)
        assert ran.code == 0, (name, ran.err)
        assert_contract(expected, json.loads(ran.out), name)


def test_its_record_takes_new_decisions(fixture_store: Path, tmp_path: Path) -> None:
    store = copy_of(fixture_store, tmp_path)
    # Its 7th session never opened: a statement is recorded once it opens.
    opening = invoke("open-session", "cybercrime-egm", "7", "--on", "2021-04-06",
                     store=store)  # fmt: skip
    assert opening.code == 0, opening.err
    ran = invoke(
        "record-statement", "cybercrime-egm", "7", "--delegation", "Chile",
        "--item", "2", "--on", "2021-04-06", store=store,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    history = json.loads(invoke("history", "cybercrime-egm", "7", "--json",
                                store=store).out)  # fmt: skip
    assert history["events"][-1]["delegation"] == "Chile"


@pytest.mark.parametrize("where", ["sqlite", "postgres"])
def test_its_imported_files_imported_again_apply_nothing(
    fixture_store: Path, tmp_path: Path, request: pytest.FixtureRequest, where: str
) -> None:
    """Its entries were marked by their content alone (before entries were
    known by their file): importing its files again applies nothing twice,
    and a dry run says so."""
    if where == "postgres":
        store = transplanted(fixture_store, request.getfixturevalue("postgres_store"))
    else:
        store = copy_of(fixture_store, tmp_path)
    for path in (EXAMPLE, FIXTURE_RECORD):
        count = len(read_import_file(path))
        dry = invoke("import", str(path), "--dry-run", store=store)
        assert dry.out.endswith(
            f"0 would be applied, {count} already in the record; "
            "nothing was written (dry run)\n"
        ), dry.err
        ran = invoke("import", str(path), store=store)
        assert ran.out == f"{path}: 0 applied, {count} already in the record\n", ran.err
