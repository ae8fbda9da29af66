"""The views in the SQLite file that holds the events.

SQLite has one writer at a time: a page's transaction begins IMMEDIATE, so it
holds the write lock from its first statement and reads the view's position
under it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from eventsourcing.sqlite import (
    SQLiteApplicationRecorder,
    SQLiteCursor,
    SQLiteDatastore,
)

from adapters.views.base import Cursor, View
from adapters.views.calendar import CalendarView
from adapters.views.deadlines import DeadlinesView
from adapters.views.source import PageQuery, StoredRow


def page_query(recorder: SQLiteApplicationRecorder) -> PageQuery:
    """A page of the log as plain rows: the library's query, without building
    a notification object (and a UUID) for each event. The library keeps a
    record's id as 32 hexadecimal digits; the views write it as a UUID is
    written, with its hyphens."""
    table = recorder.events_table_name
    uuid_text = "||'-'||".join(
        f"substr(originator_id, {start}, {length})"
        for start, length in ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))
    )

    def select(
        after: int, stop: int, topics: Sequence[str], limit: int
    ) -> Sequence[StoredRow]:
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.sqlite_cursor.row_factory = None  # plain tuples
            cursor.execute(
                f"SELECT rowid, {uuid_text}, originator_version, topic, state "
                f"FROM {table} WHERE rowid > ? AND rowid <= ? "
                f"AND topic IN ({','.join('?' * len(topics))}) "
                "ORDER BY rowid LIMIT ?",
                (after, stop, *topics, limit),
            )
            rows: Sequence[StoredRow] = cursor.fetchall()
            return rows

    return select


class SQLiteView(View):
    datastore: SQLiteDatastore
    tracking_columns = "application_name TEXT, notification_id INTEGER"
    tracking_options = " WITHOUT ROWID"

    def qualified(self, table: str) -> str:
        return table

    def before_dropping(self, cursor: Cursor) -> None:
        """With a key, overwrite what the dropped tables held: views laid out
        by an earlier version may hold the record's text in clear, which
        SQLite would otherwise leave in the file's free pages."""
        if self.cipher is not None:
            cursor.execute("PRAGMA secure_delete = ON")

    def create_tables(self) -> None:
        with self.datastore.transaction(commit=True) as cursor:
            for statement in self.create_statements():
                cursor.execute(statement)

    @contextmanager
    def page_transaction(self) -> Iterator[SQLiteCursor]:
        with self.datastore.get_connection(commit=True) as connection:
            cursor = connection.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                yield cursor
            except BaseException:
                connection.rollback()
                raise
            else:
                connection.commit()
            finally:
                cursor.sqlite_cursor.close()

    @contextmanager
    def read_transaction(self) -> Iterator[SQLiteCursor]:
        with self.datastore.transaction(commit=False) as cursor:
            yield cursor


class SQLiteCalendarView(CalendarView, SQLiteView):
    pass


class SQLiteDeadlinesView(DeadlinesView, SQLiteView):
    pass
