"""What the store's persistence factories share: the record's tables are
looked for at each opening and created only when missing.

Every command opens the store, often while other officers' commands use it:
the library would run its DDL (`CREATE TABLE IF NOT EXISTS`, and on PostgreSQL
`CREATE OR REPLACE FUNCTION`) at every opening, which costs a write on a
store in use and which PostgreSQL fails when two processes run it at once.
"""

from __future__ import annotations

from typing import Any


class TablesWhenMissing:
    """Mixin for a library persistence factory: its recorders create their
    tables only when `has_table` finds none (and `CREATE_TABLE` allows it)."""

    def env_create_table(self) -> bool:
        # The library's recorders create nothing themselves: see `_with_tables`.
        return False

    def aggregate_recorder(self, purpose: str = "events") -> Any:
        return self._with_tables(super().aggregate_recorder(purpose))  # type: ignore[misc]

    def application_recorder(self) -> Any:
        return self._with_tables(super().application_recorder())  # type: ignore[misc]

    def _with_tables(self, recorder: Any) -> Any:
        if super().env_create_table() and not self.has_table(recorder):  # type: ignore[misc]
            self.create_table(recorder)
        return recorder

    def has_table(self, recorder: Any) -> bool:
        """Whether the recorder's table exists, found with one read."""
        raise NotImplementedError

    def create_table(self, recorder: Any) -> None:
        recorder.create_table()
