"""A store's encryption is decided once, by its first write: two officers
recording the first decision of a new store at the same moment, one with a key
and one without (or with two different keys), never leave it half encrypted.
The first to write decides; the other is refused (exit 4, one line) and
nothing of theirs is written."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.store import CIPHER_KEY_VARIABLE, new_cipher_key, parse_store_url
from tests.reliability.first_writers import first_decisions
from tests.reliability.helpers import invoke, one_line_error, schema_of, server_url

RUNS = 20
"""New stores per pair of keys, each written first by two officers at once."""

REFUSED = (
    "are encrypted: set $SECRETARIAT_CIPHER_KEY",
    "are not encrypted, but $SECRETARIAT_CIPHER_KEY is set",
    "cannot be decrypted with the key in $SECRETARIAT_CIPHER_KEY",
)
"""What the officer who wrote second is told: the store's first event decided."""


@contextlib.contextmanager
def new_stores(kind: str, folder: Path, count: int) -> Iterator[list[str]]:
    """`count` stores that do not exist yet (PostgreSQL: empty schemas)."""
    if kind == "sqlite":
        yield [f"sqlite:///{folder / f'record-{n}.db'}" for n in range(count)]
        return
    import psycopg

    from tests.conftest import requires_postgres

    server = requires_postgres()
    schemas = [f"test_{uuid.uuid4().hex[:12]}" for _ in range(count)]
    with psycopg.connect(server, autocommit=True) as connection:
        for schema in schemas:
            connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield [f"{server}?schema={schema}" for schema in schemas]
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            for schema in schemas:
                connection.execute(f"DROP SCHEMA {schema} CASCADE")


def event_states(store: str) -> list[bytes]:
    parsed = parse_store_url(store)
    if parsed.path is not None:
        if not parsed.path.exists():
            return []
        with contextlib.closing(
            sqlite3.connect(f"file:{parsed.path}?mode=ro", uri=True)
        ) as connection:
            rows = connection.execute("SELECT state FROM stored_events").fetchall()
    else:
        import psycopg

        with psycopg.connect(server_url(store)) as connection:
            rows = connection.execute(
                f"SELECT state FROM {schema_of(store)}.secretariat_events"
            ).fetchall()
    return [bytes(row[0]) for row in rows]


def is_json(state: bytes) -> bool:
    try:
        json.loads(state)
    except ValueError:
        return False
    return True


def written_with(state: bytes, keys: list[str | None]) -> str | None:
    """The key among `keys` that `state` was written with (None: in clear)."""
    from eventsourcing.cryptography import AESCipher
    from eventsourcing.utils import Environment

    if is_json(state):
        return None
    for key in keys:
        if key is None:
            continue
        with contextlib.suppress(ValueError):
            AESCipher(Environment(env={"CIPHER_KEY": key})).decrypt(state)
            return key
    raise AssertionError("a state written with none of the keys")


def readable_with(store: str, key: str | None) -> bool:
    """Whether `calendar` reads `store` with `key` (or without one), its views
    caught up from the first event."""
    with pytest.MonkeyPatch.context() as patch:
        if key is None:
            patch.delenv(CIPHER_KEY_VARIABLE, raising=False)
        else:
            patch.setenv(CIPHER_KEY_VARIABLE, key)
        ran = invoke("calendar", "--json", store=store)
    return ran.code == 0


@pytest.mark.reliability
@pytest.mark.parametrize(
    "kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
@pytest.mark.parametrize("keys", ["key and none", "two keys"])
def test_two_first_writers_never_leave_a_store_half_encrypted(
    kind: str, keys: str, tmp_path: Path
) -> None:
    given = [new_cipher_key(), None if keys == "key and none" else new_cipher_key()]
    context = multiprocessing.get_context("spawn")
    with new_stores(kind, tmp_path, RUNS) as stores:
        opened = context.Barrier(2, timeout=120)
        results = context.Queue()
        workers = [
            context.Process(
                target=first_decisions,
                args=(w, given[w], stores, opened, results),
                daemon=True,
            )
            for w in range(2)
        ]
        for worker in workers:
            worker.start()
        outcomes = dict(results.get(timeout=600) for _ in workers)
        for worker in workers:
            worker.join(timeout=60)

        # A mixed store holds events in clear and encrypted, or encrypted
        # with two keys: unreadable whole with any one key, or without.
        mixed = sum(
            len({written_with(state, given) for state in event_states(store)}) > 1
            for store in stores
        )
        print(f"{RUNS} runs of two first commands at once ({keys}): {mixed} mixed")
        for run, store in enumerate(stores):
            codes = sorted(outcomes[w][run][0] for w in range(2))
            states = event_states(store)
            # One officer recorded, the other was refused and wrote nothing.
            assert codes == [0, 4], (run, outcomes[0][run], outcomes[1][run])
            assert len(states) == 1, run
            winner = next(w for w in range(2) if outcomes[w][run][0] == 0)
            message = one_line_error(outcomes[1 - winner][run][1])
            # Never "database is locked": a new SQLite store is put in WAL
            # mode waiting for the other officer (`adapters.sqlite`).
            assert any(reason in message for reason in REFUSED), message
            assert written_with(states[0], given) == given[winner], run
            assert readable_with(store, given[winner])
            assert not readable_with(store, given[1 - winner])
        assert mixed == 0
