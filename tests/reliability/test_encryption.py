"""Encryption at rest: with `$SECRETARIAT_CIPHER_KEY` set, every event and
snapshot is stored encrypted (AES-GCM); the views, derived from them, still
answer as they do from a plain store; a wrong or missing key is refused with
exit 4 and one line, before anything is read or written."""

from __future__ import annotations

import base64
import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from adapters.store import CIPHER_KEY_VARIABLE, parse_store_url
from tests.reliability.helpers import (
    invoke,
    one_line_error,
    schema_of,
    server_url,
    store_state,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "expert-group-cybercrime.yaml"
FIXTURES = ROOT / "tests" / "fixtures"
QUERIES = FIXTURES / "store-0.1.0" / "queries.json"
"""The queries the fixture store answers (`tests/fixtures/make_fixture_store.py`):
asked here of a plain store and an encrypted one holding the same record."""

DELEGATION = "Kiribati"
"""A delegation that speaks only in the statements recorded here: no view
holds statements, so the name is in the store only inside events."""

PANELIST = "Mr. Terlumun George-Maria Tyendezwa"
"""A panelist of the example record: panelists too are only in events."""

SECRETS = (DELEGATION, PANELIST)


def new_key() -> str:
    ran = invoke("keygen", store="sqlite:///unused.db")
    assert ran.code == 0, ran.err
    return ran.out.strip()


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> str:
    """A new key, set in the environment as an officer sets it."""
    value = new_key()
    monkeypatch.setenv(CIPHER_KEY_VARIABLE, value)
    return value


def statements(count: int) -> str:
    """An import file of `count` general statements by DELEGATION at the sixth
    session: enough to make the session's history pass a snapshot."""
    entry = (
        "- {command: record-statement, body: cybercrime-egm, number: 6, "
        f"delegation: {DELEGATION}, on: 2020-07-29}}\n"
    )
    return entry * count


def record(store: str, folder: Path, *, statement_count: int = 0) -> None:
    """The example record and the fixture record, as the fixture store holds
    them; then `statement_count` statements."""
    files = [EXAMPLE, FIXTURES / "fixture-record.yaml"]
    if statement_count:
        extra = folder / "statements.yaml"
        extra.write_text(statements(statement_count), encoding="utf-8")
        files.append(extra)
    for path in files:
        ran = invoke("import", str(path), store=store, actor="fixture officer")
        assert ran.code == 0, ran.err


def without_recording_times(data: Any) -> Any:
    """`data` without its recording times, which differ from one store to another."""
    if isinstance(data, dict):
        return {
            key: without_recording_times(value)
            for key, value in data.items()
            if key != "recorded_at"
        }
    if isinstance(data, list):
        return [without_recording_times(item) for item in data]
    return data


def answers(store: str) -> dict[str, Any]:
    """The answer of `store` to each query of the fixture store, without its
    recording times (which differ from one store to another)."""
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))
    found = {}
    for name, args in queries.items():
        if "--known-at" in args:  # a moment of the fixture store's own recording
            continue
        ran = invoke(*args, store=store)
        assert ran.code == 0, (name, ran.err)
        found[name] = without_recording_times(json.loads(ran.out))
    return found


def stored_states(store: str) -> list[bytes]:
    """The state column of every stored event and snapshot, as the store holds it."""
    parsed = parse_store_url(store)
    if parsed.path is not None:
        with contextlib.closing(
            sqlite3.connect(f"file:{parsed.path}?mode=ro", uri=True)
        ) as connection:
            rows = connection.execute(
                "SELECT state FROM stored_events "
                "UNION ALL SELECT state FROM stored_snapshots"
            ).fetchall()
    else:
        import psycopg

        schema = schema_of(store)
        with psycopg.connect(server_url(store)) as connection:
            rows = connection.execute(
                f"SELECT state FROM {schema}.secretariat_events "
                f"UNION ALL SELECT state FROM {schema}.secretariat_snapshots"
            ).fetchall()
    return [bytes(row[0]) for row in rows]


def is_json(state: bytes) -> bool:
    try:
        json.loads(state)
    except ValueError:
        return False
    return True


def snapshot_count(store: str) -> int:
    parsed = parse_store_url(store)
    if parsed.path is not None:
        with contextlib.closing(
            sqlite3.connect(f"file:{parsed.path}?mode=ro", uri=True)
        ) as connection:
            return int(
                connection.execute("SELECT COUNT(*) FROM stored_snapshots").fetchone()[
                    0
                ]
            )
    import psycopg

    with psycopg.connect(server_url(store)) as connection:
        row = connection.execute(
            f"SELECT COUNT(*) FROM {schema_of(store)}.secretariat_snapshots"
        ).fetchone()
        assert row is not None
        return int(row[0])


def file_bytes(store: str) -> bytes:
    """Every byte of an SQLite store: the file and its write-ahead log."""
    path = parse_store_url(store).path
    assert path is not None
    return b"".join(
        candidate.read_bytes()
        for candidate in (path, Path(f"{path}-wal"))
        if candidate.exists()
    )


def test_keygen_prints_a_new_256_bit_key_each_time() -> None:
    first, second = new_key(), new_key()
    assert first != second
    assert len(base64.b64decode(first, validate=True)) == 32


def test_an_encrypted_store_answers_as_a_plain_one(
    store: str, key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fixture store's own answers are of a record imported under rules
    # since tightened (its 7th session's statements before it opened): the
    # plain store is built here, from the same files, without the key.
    monkeypatch.delenv(CIPHER_KEY_VARIABLE)
    plain = f"sqlite:///{tmp_path / 'plain.db'}"
    record(plain, tmp_path)
    expected = answers(plain)
    assert len(expected) == 8
    monkeypatch.setenv(CIPHER_KEY_VARIABLE, key)

    record(store, tmp_path)
    assert answers(store) == expected
    rebuilt = invoke("projections", "rebuild", store=store)
    assert rebuilt.code == 0, rebuilt.err
    assert answers(store) == expected


def test_no_event_or_snapshot_holds_a_recorded_text_in_clear(
    store: str, key: str, tmp_path: Path
) -> None:
    record(store, tmp_path, statement_count=120)
    assert snapshot_count(store) >= 1
    states = stored_states(store)
    assert len(states) == store_state(store)[0] + snapshot_count(store)
    for state in states:
        assert not is_json(state)
        for secret in (*SECRETS, "cybercrime-egm", "fixture officer"):
            assert secret.encode() not in state
    history = json.loads(invoke("history", "cybercrime-egm", "6", "--json",
                                store=store).out)  # fmt: skip
    assert [e.get("delegation") for e in history["events"]].count(DELEGATION) == 120


def test_the_sqlite_file_holds_no_delegation_name_in_clear(
    sqlite_store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = f"sqlite:///{tmp_path / 'plain.db'}"
    record(plain, tmp_path, statement_count=3)
    # The search finds the names in a plain store: it would find them if they
    # were stored in clear.
    assert all(secret.encode() in file_bytes(plain) for secret in SECRETS)

    monkeypatch.setenv(CIPHER_KEY_VARIABLE, new_key())
    record(sqlite_store, tmp_path, statement_count=3)
    raw = file_bytes(sqlite_store)
    for secret in SECRETS:
        assert secret.encode() not in raw
        assert secret.encode("utf-16-le") not in raw


def read_and_write(store: str, folder: Path) -> list[list[str]]:
    entry = folder / "one.yaml"
    entry.write_text(statements(1), encoding="utf-8")
    return [
        ["calendar", "--json"],
        ["deadlines", "--json"],
        ["history", "cybercrime-egm", "6", "--json"],
        ["projections", "rebuild"],
        ["record-statement", "cybercrime-egm", "6", "--delegation=Chile",
         "--on=2020-07-29"],
        ["import", str(entry)],
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        (None, "are encrypted: set $SECRETARIAT_CIPHER_KEY"),
        ("another", "cannot be decrypted with the key in $SECRETARIAT_CIPHER_KEY"),
    ],
    ids=["missing key", "wrong key"],
)
def test_a_wrong_or_missing_key_is_refused_and_nothing_is_read_or_written(
    store: str,
    key: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    given: str | None,
    reason: str,
) -> None:
    record(store, tmp_path)
    before = store_state(store)
    if given is None:
        monkeypatch.delenv(CIPHER_KEY_VARIABLE)
    else:
        monkeypatch.setenv(CIPHER_KEY_VARIABLE, new_key())
    for args in read_and_write(store, tmp_path):
        ran = invoke(*args, store=store)
        assert ran.code == 4, (args, ran.err)
        assert reason in one_line_error(ran.err), args
        assert ran.out == ""
    assert store_state(store) == before


def test_a_key_given_for_a_plain_store_is_refused(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store is encrypted from its first event or not at all: a key set for a
    plain store would make it half encrypted, unreadable with or without it."""
    record(store, tmp_path)
    before = store_state(store)
    monkeypatch.setenv(CIPHER_KEY_VARIABLE, new_key())
    for args in read_and_write(store, tmp_path):
        ran = invoke(*args, store=store)
        assert ran.code == 4, (args, ran.err)
        assert "are not encrypted, but $SECRETARIAT_CIPHER_KEY is set" in (
            one_line_error(ran.err)
        )
    assert store_state(store) == before


@pytest.mark.parametrize("value", ["not a key", "c2hvcnQ=", "x" * 44])
def test_a_malformed_key_is_bad_usage(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(CIPHER_KEY_VARIABLE, value)
    ran = invoke("establish-body", "egm", "--name=E", "--on=2020-01-01",
                 store=sqlite_store)  # fmt: skip
    assert ran.code == 2
    assert "is not a key" in one_line_error(ran.err)
    assert not Path(sqlite_store.removeprefix("sqlite:///")).exists()


def test_a_damaged_encrypted_event_is_reported_not_read(
    sqlite_store: str, key: str, tmp_path: Path
) -> None:
    record(sqlite_store, tmp_path)
    path = parse_store_url(sqlite_store).path
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        rowid, state = connection.execute(
            "SELECT rowid, state FROM stored_events "
            "WHERE topic LIKE '%Session.Scheduled' ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
        damaged = bytes(state[:-1]) + bytes([state[-1] ^ 1])  # one bit flipped
        connection.execute(
            "UPDATE stored_events SET state = ? WHERE rowid = ?", (damaged, rowid)
        )
    ran = invoke("projections", "rebuild", store=sqlite_store)
    assert ran.code == 4, ran.err
    assert "cannot be read (encrypted with another key, or damaged)" in (
        one_line_error(ran.err)
    )


@pytest.mark.postgres
def test_the_worker_follows_an_encrypted_store(postgres_store: str, key: str) -> None:
    from tests.integration.test_worker import calendar_starts, eventually, worker

    ran = invoke("establish-body", "egm", "--name=E", "--on=2020-01-01",
                 store=postgres_store)  # fmt: skip
    assert ran.code == 0, ran.err
    with worker(postgres_store, poll=3600) as running:
        from adapters.bootstrap import open_secretariat
        from application.commands import ScheduleSession
        from domain.values import DateRange, Format

        app = open_secretariat(parse_store_url(postgres_store), create=False)
        try:
            from datetime import date

            app.execute(
                ScheduleSession(
                    body="egm", number=1, title="First", venue="Vienna",
                    dates=DateRange(date(2030, 4, 6), date(2030, 4, 8)),
                    format=Format.IN_PERSON, stocktaking=False,
                    on=date(2020, 1, 1), actor="officer",
                )
            )  # fmt: skip
            eventually(
                lambda: calendar_starts(postgres_store) == ["2030-04-06"],
                "the worker to project an encrypted event",
            )
        finally:
            app.close()
    assert "Traceback" not in running.log
