"""The same record kept with and without a key: an encrypted copy of a plain
SQLite store (each event's and snapshot's state encrypted as the library's
cipher writes it, recording times and order unchanged), and a copy of an
SQLite store in a PostgreSQL schema. The tests compare what the two answer;
the benchmark measures the queries of an encrypted store."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from pathlib import Path

LIBRARY_TABLES = ("stored_events", "stored_snapshots")


def encrypted_copy(
    source: Path, target: Path, key: str, *, keep_views: bool = False
) -> None:
    """Copy the plain SQLite store `source` to `target`, its events and
    snapshots encrypted with `key`. The views are left out, to be built anew
    with the key, unless `keep_views` (in clear, as a version that did not
    encrypt them kept them)."""
    from eventsourcing.cryptography import AESCipher
    from eventsourcing.utils import Environment

    cipher = AESCipher(Environment(env={"CIPHER_KEY": key}))
    with (
        contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        contextlib.closing(sqlite3.connect(target)) as copy,
    ):
        src.backup(copy)
    with contextlib.closing(sqlite3.connect(target)) as copy:
        with copy:
            for table in LIBRARY_TABLES:
                rows = copy.execute(
                    f"SELECT originator_id, originator_version, state FROM {table}"
                ).fetchall()
                copy.executemany(
                    f"UPDATE {table} SET state = ? "
                    "WHERE originator_id = ? AND originator_version = ?",
                    [
                        (cipher.encrypt(bytes(state)), record, version)
                        for record, version, state in rows
                    ],
                )
            if not keep_views:
                names = copy.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                ).fetchall()
                for (name,) in names:
                    if name not in LIBRARY_TABLES:
                        copy.execute(f'DROP TABLE "{name}"')
        copy.execute("VACUUM")  # no page keeps a state in clear
        copy.execute("PRAGMA journal_mode = WAL")


def load_into_postgres(source: Path, store: str) -> None:
    """Copy the events and snapshots of the SQLite store `source` into the
    empty PostgreSQL schema of `store`, keeping the order of the log (the
    views are built anew by the first query)."""
    import psycopg
    from eventsourcing.postgres import (
        PostgresAggregateRecorder,
        PostgresApplicationRecorder,
    )

    from adapters.bootstrap import create_store
    from adapters.store import parse_store_url
    from application.secretariat import Secretariat

    settings = parse_store_url(store).settings
    app = Secretariat(env=settings)
    create_store(app)
    assert isinstance(app.recorder, PostgresApplicationRecorder)
    events = app.recorder.events_table_name
    assert app.snapshots is not None
    assert isinstance(app.snapshots.recorder, PostgresAggregateRecorder)
    snapshots = app.snapshots.recorder.events_table_name
    schema = settings["POSTGRES_SCHEMA"]
    app.close()
    with (
        contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        psycopg.connect(store.split("?", maxsplit=1)[0]) as connection,
    ):
        for table, target in (
            ("stored_events", events),
            ("stored_snapshots", snapshots),
        ):
            order = "ORDER BY rowid" if table == "stored_events" else ""
            rows = src.execute(
                "SELECT originator_id, originator_version, topic, state "
                f"FROM {table} {order}"
            )
            with connection.cursor().copy(
                f"COPY {schema}.{target} "
                "(originator_id, originator_version, topic, state) FROM STDIN"
            ) as copy:
                for originator_id, version, topic, state in rows:
                    copy.write_row((uuid.UUID(originator_id), version, topic, state))
        connection.commit()
        connection.execute(f"ANALYZE {schema}.{events}")
        connection.commit()
