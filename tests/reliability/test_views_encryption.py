"""With a key, nothing of the record's text is readable in the store, views
included: a search of the whole database (the SQLite file and its write-ahead
log; every column of every table of the PostgreSQL schema) for the example
record's words finds none; and every read answers, byte for byte, as the same
record kept without a key does."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.store import CIPHER_KEY_VARIABLE, parse_store_url
from tests.cli.running import run as run_secretariat
from tests.importing import FIXTURE_OBSERVER
from tests.reliability.helpers import invoke, schema_of, server_url
from tests.sealed import encrypted_copy, load_into_postgres

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "expert-group-cybercrime.yaml"
FIXTURE_RECORD = ROOT / "tests" / "fixtures" / "fixture-record.yaml"
FIXTURE_STORE = ROOT / "tests" / "fixtures" / "store-0.1.0" / "store.sqlite"

ACTOR = "registrar.okonkwo"
"""The officer who imports the record: their login name is on every event."""

EXAMPLE_WORDS = (
    "cybercrime-egm",  # the body's code
    "Vienna, Austria",  # a venue
    "impact of the COVID-19 pandemic",  # a postponement's reason
    "caused by the outbreak of COVID-19",  # an extension's reason
    "Comprehensive Study on Cybercrime",  # a title
    "Russian Federation",  # a delegation
    "People's Republic of China",  # a delegation
    "Legislation and frameworks",  # a workplan's topic
    "Salvador Declaration",  # the body's mandate
    ACTOR,  # the actor's login name
)
"""Ten distinctive strings of the example record."""

MORE_WORDS = (
    "Council of Europe",  # a submitter
    "EST/2020/1",  # a submission's reference
    "NGA-20-07",  # a submission's reference
    "delegate.tallinn@example.org",  # a grant's principal
    "Republic of Estonia",  # a grant's delegation
)
"""Strings of the fixture record and of a grant: submitters, references, grants."""


def record(store: str) -> None:
    for path in (EXAMPLE, FIXTURE_RECORD):
        if path == FIXTURE_RECORD:
            admitted = invoke(*FIXTURE_OBSERVER, store=store, actor=ACTOR)
            assert admitted.code == 0, admitted.err
        ran = invoke("import", str(path), store=store, actor=ACTOR)
        assert ran.code == 0, ran.err
    granted = invoke(
        "grant", "delegate.tallinn@example.org", "--role=delegation",
        "--body=cybercrime-egm", "--delegation=Republic of Estonia",
        "--on=2020-01-01", store=store, actor=ACTOR,
    )  # fmt: skip
    assert granted.code == 0, granted.err
    # Every view is read, so that each holds its rows.
    for args in (["calendar"], ["deadlines"], ["postponements"]):
        assert invoke(*args, store=store).code == 0


def database_bytes(store: str) -> bytes:
    """Every byte of the store: the SQLite file and its write-ahead log, or
    every value of every column of every table of the PostgreSQL schema (a
    dump of its tables, each value as the server gives it: text as text,
    bytes as bytes)."""
    parsed = parse_store_url(store)
    if parsed.path is not None:
        return b"".join(
            candidate.read_bytes()
            for candidate in (parsed.path, Path(f"{parsed.path}-wal"))
            if candidate.exists()
        )
    import psycopg

    dumped: list[bytes] = []
    with psycopg.connect(server_url(store)) as connection:
        tables = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (schema_of(store),),
        ).fetchall()
        assert tables
        for (table,) in tables:
            rows = connection.execute(
                f'SELECT * FROM "{schema_of(store)}"."{table}"'
            ).fetchall()
            for row in rows:
                for value in row:
                    if isinstance(value, bytes | bytearray | memoryview):
                        dumped.append(bytes(value))
                    else:
                        dumped.append(str(value).encode())
    return b"\n".join(dumped)


def found_in(raw: bytes, words: tuple[str, ...]) -> list[str]:
    """The words found in `raw`, as UTF-8 or UTF-16 text."""
    return [
        word
        for word in words
        if word.encode() in raw
        or word.encode("utf-16-le") in raw
        or word.encode("utf-16-be") in raw
    ]


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> str:
    ran = invoke("keygen", store="sqlite:///unused.db")
    key = ran.out.strip()
    monkeypatch.setenv(CIPHER_KEY_VARIABLE, key)
    return key


def test_a_plain_store_holds_every_word_searched_for(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search finds the words where they are stored in clear: it would
    find them in an encrypted store if they were there."""
    monkeypatch.delenv(CIPHER_KEY_VARIABLE, raising=False)
    record(store)
    raw = database_bytes(store)
    assert found_in(raw, EXAMPLE_WORDS + MORE_WORDS) == [
        *EXAMPLE_WORDS,
        *MORE_WORDS,
    ]


def test_with_a_key_no_word_of_the_record_is_in_the_database(
    store: str, keyed: str
) -> None:
    record(store)
    assert invoke("projections", "rebuild", store=store).code == 0
    raw = database_bytes(store)
    assert len(raw) > 100_000
    assert found_in(raw, EXAMPLE_WORDS) == []
    assert found_in(raw, MORE_WORDS) == []
    calendar = invoke("calendar", "--json", store=store)
    assert "Vienna, Austria" in calendar.out


# The same record with and without a key: the encrypted copy holds the same
# events (same recording times), their states encrypted, and builds its
# views anew, with their text encrypted.


READS = [
    ["calendar"],
    ["calendar", "--json"],
    ["calendar", "--body", "cybercrime-egm", "--json"],
    ["calendar", "--as-of", "2020-04-01", "--json"],
    ["calendar", "--known-at", "2026-11-28T15:05:00.779477+00:00", "--json"],
    ["deadlines", "--today", "2020-06-15"],
    ["deadlines", "--today", "2020-06-15", "--json"],
    ["deadlines", "--body", "cybercrime-egm", "--today", "2022-01-25", "--json"],
    ["postponements"],
    ["postponements", "--json"],
    ["postponements", "--body", "cybercrime-egm", "--json"],
    ["history", "cybercrime-egm", "6"],
    ["history", "cybercrime-egm", "6", "--json"],
    ["history", "cybercrime-egm", "7", "--json"],
    ["history", "cybercrime-egm", "8", "--json"],
    ["projections", "status", "--json"],
]

CALENDAR_FILES = [
    ["calendar", "--ics"],
    ["calendar", "--as-of", "2020-04-01", "--ics"],
    ["calendar", "--body", "cybercrime-egm", "--ics"],
]


@pytest.fixture
def twin_stores(
    request: pytest.FixtureRequest, tmp_path: Path, keyed: str
) -> Iterator[tuple[str, str]]:
    """The fixture store (the example record and the fixture record) as it
    is, and an encrypted copy of it, on the store under test."""
    plain = tmp_path / "plain.sqlite"
    shutil.copy(FIXTURE_STORE, plain)
    sealed = tmp_path / "sealed.sqlite"
    encrypted_copy(FIXTURE_STORE, sealed, keyed)
    if request.param == "sqlite":
        yield f"sqlite:///{plain}", f"sqlite:///{sealed}"
        return
    postgres_plain = request.getfixturevalue("postgres_store")
    from tests.conftest import requires_postgres
    from tests.postgres import fresh_schema

    with fresh_schema(requires_postgres()) as postgres_sealed:
        load_into_postgres(plain, postgres_plain)
        load_into_postgres(sealed, postgres_sealed)
        yield postgres_plain, postgres_sealed


def answers(store: str, folder: Path, *, key: str | None) -> dict[str, str]:
    with pytest.MonkeyPatch.context() as patch:
        if key is None:
            patch.delenv(CIPHER_KEY_VARIABLE, raising=False)
        else:
            patch.setenv(CIPHER_KEY_VARIABLE, key)
        said = {}
        for args in READS:
            ran = invoke(*args, store=store)
            assert ran.code == 0, (args, ran.err)
            said[" ".join(args)] = ran.out
        for args in CALENDAR_FILES:  # bytes: written by a process of its own
            if key is None:
                written = run_secretariat(*args, store=store)
            else:
                written = run_secretariat(
                    *args, store=store, SECRETARIAT_CIPHER_KEY=key
                )
            assert written.code == 0, (args, written.err)
            said[" ".join(args)] = written.out
        site = folder / "site"
        built = invoke("site", "build", "--out", str(site), "--today",
                       "2020-06-15", store=store)  # fmt: skip
        assert built.code == 0, built.err
        for page in sorted(site.rglob("*")):
            if page.is_file():
                said[f"site {page.relative_to(site)}"] = page.read_text("utf-8")
        return said


@pytest.mark.parametrize("twin_stores", ["sqlite", "postgres"], indirect=True)
def test_every_read_answers_the_same_with_and_without_a_key(
    twin_stores: tuple[str, str], keyed: str, tmp_path: Path
) -> None:
    plain, sealed = twin_stores
    without = answers(plain, tmp_path / "plain", key=None)
    with_key = answers(sealed, tmp_path / "sealed", key=keyed)
    assert len(without) > len(READS) + 5  # the site's pages too
    assert with_key == without
    assert "Vienna, Austria" in with_key["calendar --json"]
    if parse_store_url(sealed).path is not None:
        assert found_in(database_bytes(sealed), ("Vienna, Austria",)) == []


def test_views_of_an_encrypted_store_kept_in_clear_are_rebuilt_encrypted(
    tmp_path: Path, keyed: str
) -> None:
    """An encrypted store whose views an earlier version kept in clear: its
    views are built anew, their text encrypted, and the old rows' words are
    overwritten in the file."""
    sealed = tmp_path / "sealed.sqlite"
    encrypted_copy(FIXTURE_STORE, sealed, keyed, keep_views=True)
    with contextlib.closing(sqlite3.connect(sealed)) as connection:
        (venues,) = connection.execute(
            "SELECT count(*) FROM calendar_sessions WHERE venue = 'Vienna, Austria'"
        ).fetchone()
    assert venues > 0  # in clear, as an earlier version kept them
    store = f"sqlite:///{sealed}"
    ran = invoke("calendar", "--json", store=store)
    assert ran.code == 0, ran.err
    assert "Vienna, Austria" in ran.out
    assert found_in(database_bytes(store), EXAMPLE_WORDS) == []
