"""The views in the PostgreSQL database (and schema) that holds the events.

A page's transaction locks the view's tracking row (SELECT ... FOR UPDATE), so
commands catching up and the `projections run` worker take turns on a view.
The worker learns that events were recorded as the library's recorder tells
every listener (`NOTIFY` on the log's channel, at each insert): `wait_for_events`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from threading import Event
from typing import Any

from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from psycopg import Cursor as PsycopgCursor
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from adapters.postgres import postgres_creation_lock
from adapters.views.base import Cursor, View
from adapters.views.calendar import CalendarView
from adapters.views.deadlines import DeadlinesView
from adapters.views.source import PageQuery, StoredRow
from adapters.views.tables import R, Table


def page_query(recorder: PostgresApplicationRecorder) -> PageQuery:
    """A page of the log as plain rows: the library's query, without building
    a notification object for each event."""
    statement = SQL(
        "SELECT notification_id, originator_id::text, originator_version, topic, "
        "state FROM {} WHERE notification_id > %s AND notification_id <= %s "
        "AND topic = ANY(%s) ORDER BY notification_id LIMIT %s"
    ).format(Identifier(recorder.datastore.schema, recorder.events_table_name))

    def select(
        after: int, stop: int, topics: Sequence[str], limit: int
    ) -> Sequence[StoredRow]:
        with (
            recorder.datastore.get_connection() as connection,
            connection.cursor(row_factory=tuple_row) as cursor,
        ):
            cursor.execute(statement, (after, stop, list(topics), limit), prepare=True)
            rows: Sequence[StoredRow] = cursor.fetchall()
            return rows

    return select


COPY_FROM = 100
"""Rows of a table written in one page from which they are copied in."""


class PostgresView(View):
    datastore: PostgresDatastore
    lock_clause = " FOR UPDATE"

    def create_tables(self) -> None:
        # One process at a time: see `adapters.postgres`.
        with (
            postgres_creation_lock(self.datastore),
            self.datastore.transaction(commit=True) as cursor,
        ):
            for statement in self.create_statements():
                cursor.execute(SQL(statement))

    def qualified(self, table: str) -> str:
        return Identifier(self.datastore.schema, table).as_string()

    def sql(self, statement: str) -> str:
        return statement.replace("?", "%s")

    def rebuilt(self) -> None:
        """Gather the statistics of the tables just filled, so that the planner
        looks rows up by their indexes rather than waiting for autovacuum."""
        with self.datastore.get_connection() as connection:
            for table in self.tables:
                connection.execute(SQL(f"ANALYZE {self.qualified(table.name)}"))

    def insert(self, cursor: Cursor, table: Table[R], rows: Iterable[R]) -> None:
        """Many rows are copied in (COPY), which costs the server a fraction of
        an INSERT per row; a few are inserted."""
        assert isinstance(cursor, PsycopgCursor)  # as this view's transactions give
        values = self.codec(table).encode(rows)
        if len(values) < COPY_FROM:
            if values:
                cursor.executemany(
                    self.sql(table.insert_statement(self.qualified(table.name))),
                    values,
                )
            return
        statement = (
            f"COPY {self.qualified(table.name)} ({table.column_list()}) FROM STDIN"
        )
        with cursor.copy(statement) as copy:
            write_row = copy.write_row
            for row in values:
                write_row(row)

    @contextmanager
    def page_transaction(self) -> Iterator[PsycopgCursor[tuple[Any, ...]]]:
        with (
            self.datastore.get_connection() as connection,
            connection.transaction(),
            connection.cursor(row_factory=tuple_row) as cursor,
        ):
            yield cursor

    @contextmanager
    def read_transaction(self) -> Iterator[PsycopgCursor[tuple[Any, ...]]]:
        with (
            self.datastore.get_connection() as connection,
            connection.transaction(),
            connection.cursor(row_factory=tuple_row) as cursor,
        ):
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield cursor


class PostgresCalendarView(CalendarView, PostgresView):
    pass


class PostgresDeadlinesView(DeadlinesView, PostgresView):
    pass


TICK_SECONDS = 0.2
"""How often a listener looks whether it was asked to stop."""


def wait_for_events(
    recorder: PostgresApplicationRecorder, *, seconds: float, stop: Event
) -> Iterator[bool]:
    """Listen on the log's channel, where the library's recorder notifies
    every insert of events. Yield True once listening (whatever was recorded
    before is to be read), then True as soon as events are recorded, and
    False when `seconds` pass without any (a notification can be lost);
    until `stop` is set, which is looked at every `TICK_SECONDS`."""
    channel = Identifier(recorder.channel_name)
    with recorder.datastore.get_connection() as connection:
        connection.execute(SQL("LISTEN {0}").format(channel))
        try:
            yield True
            last = time.monotonic()
            while not stop.is_set():
                # Read to its end: until then, the notices hold the connection.
                notified = False
                for _ in connection.notifies(timeout=TICK_SECONDS, stop_after=1):
                    notified = True
                if notified:
                    yield True
                elif time.monotonic() - last >= seconds:
                    yield False
                else:
                    continue
                last = time.monotonic()
        finally:
            if not connection.closed:  # back to the pool, listening no more
                connection.execute(SQL("UNLISTEN {0}").format(channel))
