"""What the store's persistence factories share: the record's tables are
looked for at each opening and created only when the first event is written;
and the first write to an empty store checks, under the store's write lock,
that no one else wrote first with another key (or without one).

Every command opens the store, often while other officers' commands use it:
the library would run its DDL (`CREATE TABLE IF NOT EXISTS`, and on PostgreSQL
`CREATE OR REPLACE FUNCTION`) at every opening, which costs a write on a
store in use and which PostgreSQL fails when two processes run it at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


class TablesWhenMissing:
    """Mixin for a library persistence factory: when `has_table` finds none of
    a recorder's table (and `CREATE_TABLE` allows creating it), the recorder
    creates it with its first write (`TablesOnFirstWrite`), so that a command
    refused on a store that does not exist leaves no store behind."""

    def env_create_table(self) -> bool:
        # The library's recorders create nothing themselves: see `_with_tables`.
        return False

    # The `misc` ignores below: a mixin's `super()` is the library factory it
    # is mixed into (`adapters.sqlite.Factory`, `adapters.postgres.Factory`),
    # which mypy cannot know here.

    def aggregate_recorder(self, purpose: str = "events") -> Any:
        return self._with_tables(super().aggregate_recorder(purpose))  # type: ignore[misc]

    def application_recorder(self) -> Any:
        return self._with_tables(super().application_recorder())  # type: ignore[misc]

    def _with_tables(self, recorder: Any) -> Any:
        if super().env_create_table() and not self.has_table(recorder):  # type: ignore[misc]
            if isinstance(recorder, TablesOnFirstWrite):
                recorder.missing = MissingTable(
                    found=lambda: self.has_table(recorder),
                    create=lambda: self.create_table(recorder),
                )
            else:
                self.create_table(recorder)
        return recorder

    def has_table(self, recorder: Any) -> bool:
        """Whether the recorder's table exists, found with one read."""
        raise NotImplementedError

    def create_table(self, recorder: Any) -> None:
        recorder.create_table()


class FirstWriteDecides:
    """Mixin for an application recorder: while `check_first_state` is set (the
    store held no event when it was opened), each insert checks, in its own
    transaction and under the lock that orders the store's writes, the state of
    the store's first event with it, and rolls back when it raises.

    Whoever writes first decides whether the store is encrypted, and with
    which key: two officers recording the first decisions of a new store at
    the same moment, one with a key and one without, both find it empty when
    they open it; the second to write then finds the first's event and is
    refused, rather than leaving a store half encrypted."""

    check_first_state: Callable[[bytes], None] | None = None

    def checked_first_state(self, first_state: bytes | None) -> None:
        """Check the store's first event's state, read under the write lock
        (None: the store is empty, and this write decides)."""
        check = self.check_first_state
        if check is not None and first_state is not None:
            check(first_state)
            self.check_first_state = None  # decided: later writes need no check


class MissingTable:
    """A recorder's table not found when the store was opened: how to look
    for it again, and how to create it."""

    def __init__(self, found: Callable[[], bool], create: Callable[[], None]) -> None:
        self.found = found
        self.create = create


class TablesOnFirstWrite:
    """Mixin for a library recorder: while its table is `missing` (none when
    the store was opened), a read finds nothing, unless another command has
    created the table since; the first write creates it.

    A store that does not exist is created by the first event recorded in it,
    never by a command that reads, nor by one that a rule refuses."""

    missing: MissingTable | None = None

    # The `misc` ignores below: a mixin's `super()` is the library recorder it
    # is mixed into, which mypy cannot know here.

    def table_exists(self) -> bool:
        """Whether the recorder's table exists (looked for again while missing)."""
        missing = self.missing
        if missing is None:
            return True
        if missing.found():
            self.missing = None
            return True
        return False

    def create_missing_table(self) -> None:
        """Create the recorder's table, if it was missing."""
        missing = self.missing
        if missing is not None:
            missing.create()
            self.missing = None

    def insert_events(self, stored_events: Sequence[Any], **kwargs: Any) -> Any:
        if stored_events:
            self.create_missing_table()
        return super().insert_events(stored_events, **kwargs)  # type: ignore[misc]

    def select_events(self, originator_id: Any, **kwargs: Any) -> Any:
        if not self.table_exists():
            return []
        return super().select_events(originator_id, **kwargs)  # type: ignore[misc]

    def select_notifications(self, *args: Any, **kwargs: Any) -> Any:
        if not self.table_exists():
            return []
        return super().select_notifications(*args, **kwargs)  # type: ignore[misc]

    def max_notification_id(self) -> Any:
        if not self.table_exists():
            return None
        return super().max_notification_id()  # type: ignore[misc]
