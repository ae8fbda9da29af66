"""The views in the PostgreSQL database (and schema) that holds the events.

A page's transaction locks the view's tracking row (SELECT ... FOR UPDATE), so
commands catching up and the `projections run` worker take turns on a view.
Each view has its own tracking table, named after it as the library names a
projection's (`calendar_tracking`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventsourcing.postgres import (
    PostgresApplicationRecorder,
    PostgresDatastore,
    PostgresTrackingRecorder,
)
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from adapters.postgres import postgres_creation_lock
from adapters.views.base import View
from adapters.views.calendar import CalendarView
from adapters.views.deadlines import DeadlinesView
from adapters.views.source import PageQuery, StoredRow
from adapters.views.tables import Table


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


class PostgresView(View, PostgresTrackingRecorder):
    lock_clause = " FOR UPDATE"

    def __init__(
        self,
        datastore: PostgresDatastore,
        *,
        tracking_table_name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            datastore,
            tracking_table_name=tracking_table_name or f"{self.view_name}_tracking",
            **kwargs,
        )
        self.sql_create_statements += [
            SQL(statement)  # type: ignore[arg-type]
            for statement in self.view_statements()
        ]

    def create_table(self) -> None:
        # One process at a time: see `adapters.postgres`.
        with postgres_creation_lock(self.datastore):
            super().create_table()

    def qualified(self, table: str) -> str:
        return Identifier(self.datastore.schema, table).as_string()

    def sql(self, statement: str) -> str:
        return statement.replace("?", "%s")

    def rebuilt(self) -> None:
        """Gather the statistics of the tables just filled, so that the planner
        looks rows up by their indexes rather than waiting for autovacuum."""
        with self.datastore.get_connection() as connection:
            for table in self.tables:
                connection.execute(SQL(f"ANALYZE {self.qualified(table.name)}"))  # type: ignore[arg-type]

    def insert(self, cursor: Any, table: Table, rows: Iterable[Any]) -> None:
        """Many rows are copied in (COPY), which costs the server a fraction of
        an INSERT per row; a few are inserted."""
        values = table.values(rows)
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
    def page_transaction(self) -> Iterator[Any]:
        with (
            self.datastore.get_connection() as connection,
            connection.transaction(),
            connection.cursor(row_factory=tuple_row) as cursor,
        ):
            yield cursor

    @contextmanager
    def read_transaction(self) -> Iterator[Any]:
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
