"""The views in the PostgreSQL database (and schema) that holds the events.

A page's transaction locks the view's tracking row (SELECT ... FOR UPDATE), so
commands catching up and the `projections run` worker take turns on a view.
Each view has its own tracking table, named after it as the library names a
projection's (`calendar_tracking`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from adapters.postgres import postgres_creation_lock
from adapters.views.base import View
from adapters.views.calendar import CalendarView
from adapters.views.deadlines import DeadlinesView


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
