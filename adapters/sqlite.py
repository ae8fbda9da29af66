"""The library's SQLite persistence, creating a store's tables only when
they are missing (see `adapters.recorders`)."""

from __future__ import annotations

from typing import Any

from eventsourcing.sqlite import SQLiteFactory

from adapters.recorders import TablesWhenMissing


class Factory(TablesWhenMissing, SQLiteFactory):
    def has_table(self, recorder: Any) -> bool:
        with self.datastore.transaction(commit=False) as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                (recorder.events_table_name,),
            )
            return cursor.fetchone() is not None
