"""A query answered from the views' tables alone, when the views are already
up to date with the log: on an SQLite store, one read transaction compares the
view's position with the head of the log and, if nothing is left to apply,
reads the view's table with the standard library's `sqlite3`.

Nothing here imports the event-sourcing library or the domain's records:
reading a view's rows needs neither (the rows were written by the projectors
when the events were applied), only the tables' declarations, which say too
how this version lays the view out. Whenever the answer cannot be given this
way (another kind of store, a store that does not exist, views not created,
laid out by another version or behind the log, anything unexpected in the
file, a store whose events are enciphered or compressed, found by its settings
or by its first event), `None` is returned and the caller takes the full path,
which opens the application, catches the views up (decoding the events through
the library's mapper, upcasting included) and reports any failure as usual.
"""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING, Any

from adapters.store import SQLITE_LOCK_TIMEOUT_SECONDS, is_plain_json
from adapters.views.tables import CALENDAR, CALENDAR_SESSIONS, LAYOUTS_TABLE
from application.queries import calendar_answer

if TYPE_CHECKING:
    from adapters.store import Store

APPLICATION_NAME = "secretariat"
"""The Secretariat's name in the views' tracking tables."""

EVENTS_TABLE = "stored_events"
"""The library's table of the Secretariat's events in an SQLite store."""

ENCODING_SETTINGS = ("CIPHER_TOPIC", "CIPHER_KEY", "COMPRESSOR_TOPIC")
"""Settings under which the events are not stored as plain JSON."""

ENCODING_VARIABLES = ("SECRETARIAT_CIPHER_KEY",)
"""Environment variables under which the events are not stored as plain JSON."""


def plain_sqlite(store: Store) -> bool:
    """Whether `store` is an SQLite file of plain JSON events that exists."""
    return (
        store.kind == "sqlite"
        and store.path is not None
        and not any(store.settings.get(name) for name in ENCODING_SETTINGS)
        and not any(os.environ.get(name) for name in ENCODING_VARIABLES)
        and store.path.is_file()
    )


def current_calendar(store: Store, body: str | None = None) -> dict[str, Any] | None:
    """The calendar as it stands (of `body`, or of every body), if the calendar
    view is up to date with the log; None when the full path must answer."""
    if not plain_sqlite(store):
        return None
    assert store.path is not None
    try:
        connection = sqlite3.connect(
            store.path, timeout=SQLITE_LOCK_TIMEOUT_SECONDS, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        # One read transaction: the position, the head and the rows are read
        # from the same snapshot of the file.
        connection.execute("BEGIN")
        if not _plain_events(connection):
            return None
        if not _laid_out(connection):
            return None
        if not _caught_up(connection):
            return None
        where = 'WHERE "body" = ?' if body else ""
        records = connection.execute(
            f"SELECT {CALENDAR_SESSIONS.column_list()} "
            f"FROM {CALENDAR_SESSIONS.name} {where}",
            (body,) if body else (),
        ).fetchall()
        if body and not records:
            # A body with no session, or no body at all: the full path tells.
            return None
        return calendar_answer(CALENDAR_SESSIONS.rows(records))
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _plain_events(connection: sqlite3.Connection) -> bool:
    """Whether the log's first event is stored as plain JSON: a store is
    encrypted from its first event or not at all, and an encrypted store must
    be refused without its key (the full path says so), even though its views
    could be read."""
    first = connection.execute(
        f"SELECT state FROM {EVENTS_TABLE} ORDER BY rowid LIMIT 1"
    ).fetchone()
    return first is None or is_plain_json(first[0])


def _laid_out(connection: sqlite3.Connection) -> bool:
    """Whether the calendar's tables are laid out as this version lays them
    out (a table of another version is left to the full path, which rebuilds
    it)."""
    row = connection.execute(
        f"SELECT layout FROM {LAYOUTS_TABLE} WHERE view_name = ?",
        (CALENDAR.view_name,),
    ).fetchone()
    return row is not None and row[0] == CALENDAR.fingerprint


def _caught_up(connection: sqlite3.Connection) -> bool:
    (position,) = connection.execute(
        f"SELECT coalesce(max(notification_id), -1) FROM {CALENDAR.tracking_table} "
        "WHERE application_name = ?",
        (APPLICATION_NAME,),
    ).fetchone()
    (head,) = connection.execute(
        f"SELECT coalesce(max(rowid), 0) FROM {EVENTS_TABLE}"
    ).fetchone()
    return bool(position >= head)
