"""The library's SQLite persistence, creating a store's file and tables with
its first event, and letting the first write decide the store's encryption
(see `adapters.recorders`)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import (
    SQLITE3_DEFAULT_LOCK_TIMEOUT,
    SQLiteAggregateRecorder,
    SQLiteApplicationRecorder,
    SQLiteConnection,
    SQLiteConnectionPool,
    SQLiteCursor,
    SQLiteFactory,
)
from eventsourcing.utils import Environment, EnvType

from adapters.recorders import (
    AMONG_CHUNK,
    FirstWriteDecides,
    TablesOnFirstWrite,
    TablesWhenMissing,
)


class AggregateRecorder(TablesOnFirstWrite, SQLiteAggregateRecorder):
    pass


class ApplicationRecorder(
    TablesOnFirstWrite, FirstWriteDecides, SQLiteApplicationRecorder
):
    def recorded_among(self, originator_ids: Sequence[UUID]) -> set[UUID]:
        """Which of `originator_ids` have events: one read a few hundred ids."""
        found: set[UUID] = set()
        ids = list(originator_ids)
        if not ids or not self.table_exists():
            return found
        with self.datastore.transaction(commit=False) as c:
            for start in range(0, len(ids), AMONG_CHUNK):
                chunk = ids[start : start + AMONG_CHUNK]
                marks = ", ".join("?" for _ in chunk)
                c.execute(
                    f"SELECT originator_id FROM {self.events_table_name} "
                    f"WHERE originator_id IN ({marks}) AND originator_version = 1",
                    [originator_id.hex for originator_id in chunk],
                )
                found.update(UUID(row["originator_id"]) for row in c.fetchall())
        return found

    def insert_events_with(
        self,
        stored_events: Sequence[StoredEvent],
        snapshots: Any,
        stored_snapshots: Sequence[StoredEvent],
    ) -> Sequence[int] | None:
        """Insert `stored_events` and, in the same transaction, the snapshots
        `stored_snapshots` into the recorder `snapshots`: one commit, not two;
        return the events' positions in the log. None, and nothing written,
        when `snapshots` is not a recorder of this store (the caller saves
        them apart)."""
        if (
            not isinstance(snapshots, AggregateRecorder)
            or snapshots.datastore is not self.datastore
        ):
            return None
        if stored_events:
            self.create_missing_table()
        if stored_snapshots:
            snapshots.create_missing_table()
        positions: Sequence[int] | None = []
        with self.datastore.transaction(commit=True) as c:
            if stored_events:
                positions = self._insert_events(c, stored_events)
            if stored_snapshots:
                snapshots._insert_events(c, stored_snapshots)
        return positions

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids = super()._insert_events(c, stored_events, **kwargs)
        if self.check_first_state is not None and ids:
            # The INSERT holds the file's write lock until the transaction ends
            # (read before it, the first event could be stale by the time of
            # the INSERT); an event before this write's first is another's.
            c.execute(
                f"SELECT rowid, state FROM {self.events_table_name} "
                "ORDER BY rowid LIMIT 1"
            )
            first = c.fetchone()
            another = first["rowid"] < ids[0]
            self.checked_first_state(first["state"] if another else None)
        return ids


WAL_SWITCH_PAUSE = 0.01
"""Seconds between two attempts at putting a new store in WAL mode while
another process holds it."""


class ConnectionPool(SQLiteConnectionPool):
    """The library's pool, whose connections put a new store in WAL mode
    waiting for another process as long as a write would.

    The library switches a file that is not in WAL mode yet (a new store) with
    `PRAGMA journal_mode=WAL` as it makes the connection, which needs the file
    to itself and, unlike a write, does not wait for another connection: two
    commands writing the first event of a new store at once each open it, and
    the second to switch was refused at once ("database is locked") rather
    than told that the first had written. Tried again, it finds the file in
    WAL mode, or switches it."""

    def _create_connection(self) -> SQLiteConnection:
        timeout = self.lock_timeout or SQLITE3_DEFAULT_LOCK_TIMEOUT
        deadline = time.monotonic() + timeout
        while True:
            try:
                return super()._create_connection()
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
            time.sleep(WAL_SWITCH_PAUSE)


class Factory(TablesWhenMissing, SQLiteFactory):
    aggregate_recorder_class = AggregateRecorder
    application_recorder_class = ApplicationRecorder

    def __init__(self, env: Environment | EnvType | None) -> None:
        super().__init__(env)
        # The pool the library's factory made, its connections made as above.
        self.datastore.pool.__class__ = ConnectionPool

    def create_table(self, recorder: Any) -> None:
        """Create the recorder's table holding the file's write lock from the
        start (BEGIN IMMEDIATE, which waits for another writer): two commands
        creating a new store at once would otherwise each read the schema,
        and the second to write be refused at once ("database is locked")."""
        with self.datastore.get_connection(commit=True) as connection:
            cursor = connection.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                recorder._create_table(cursor)
            except BaseException:
                connection.rollback()
                raise
            connection.commit()

    def has_table(self, recorder: Any) -> bool:
        if not Path(self.datastore.pool.db_name).is_file():
            return False  # looked for without creating the file
        with self.datastore.transaction(commit=False) as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                (recorder.events_table_name,),
            )
            return cursor.fetchone() is not None
