"""The library's SQLite persistence, creating a store's tables only when
they are missing, and letting the first write decide the store's encryption
(see `adapters.recorders`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteFactory

from adapters.recorders import AMONG_CHUNK, FirstWriteDecides, TablesWhenMissing


class ApplicationRecorder(FirstWriteDecides, SQLiteApplicationRecorder):
    def recorded_among(self, originator_ids: Sequence[UUID]) -> set[UUID]:
        """Which of `originator_ids` have events: one read a few hundred ids."""
        found: set[UUID] = set()
        ids = list(originator_ids)
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
    application_recorder_class = ApplicationRecorder

    def has_table(self, recorder: Any) -> bool:
        with self.datastore.transaction(commit=False) as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                (recorder.events_table_name,),
            )
            return cursor.fetchone() is not None
