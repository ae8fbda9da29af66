"""The library's SQLite persistence, creating a store's file and tables with
its first event, and letting the first write decide the store's encryption
(see `adapters.recorders`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import (
    SQLiteAggregateRecorder,
    SQLiteApplicationRecorder,
    SQLiteCursor,
    SQLiteFactory,
)

from adapters.recorders import FirstWriteDecides, TablesOnFirstWrite, TablesWhenMissing


class AggregateRecorder(TablesOnFirstWrite, SQLiteAggregateRecorder):
    pass


class ApplicationRecorder(
    TablesOnFirstWrite, FirstWriteDecides, SQLiteApplicationRecorder
):
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


class Factory(TablesWhenMissing, SQLiteFactory):
    aggregate_recorder_class = AggregateRecorder
    application_recorder_class = ApplicationRecorder

    def has_table(self, recorder: Any) -> bool:
        if not Path(self.datastore.pool.db_name).is_file():
            return False  # looked for without creating the file
        with self.datastore.transaction(commit=False) as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                (recorder.events_table_name,),
            )
            return cursor.fetchone() is not None
