"""The library's PostgreSQL persistence, creating a store's tables one process
at a time, and giving up sooner when the server is gone.

Officers open the same store at the same moment, and each command opens it:
the library would run `CREATE TABLE IF NOT EXISTS` and `CREATE OR REPLACE
FUNCTION` at every opening, which PostgreSQL fails when two processes run them
at once ("tuple concurrently updated", or a duplicate type when the tables are
new). Here the tables are looked for, and created only when missing, with
the first event written (`adapters.recorders`), under an advisory lock.

The library tries a failed statement ten times, and each try may wait for a
connection as long as the connect timeout: an officer whose server stopped
would wait most of a minute to be told so. Here a statement is tried three
times, which still rides over the pool's connections dropped while idle (a
server restarted, a failover), and then the command fails with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import (
    PostgresAggregateRecorder,
    PostgresApplicationRecorder,
    PostgresDatastore,
    PostgresFactory,
)
from eventsourcing.utils import retry
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

from adapters.recorders import FirstWriteDecides, TablesOnFirstWrite, TablesWhenMissing

ATTEMPTS = 3
"""Tries of a statement whose connection failed."""


def _retried(method: Callable[..., Any]) -> Any:
    """`method` without the library's retries, retried as this module says."""
    bare = getattr(method, "__wrapped__", method)
    return retry((InterfaceError, OperationalError), max_attempts=ATTEMPTS, wait=0.2)(
        bare
    )


class _RetriedAggregateRecorder(PostgresAggregateRecorder):
    insert_events = _retried(PostgresAggregateRecorder.insert_events)
    select_events = _retried(PostgresAggregateRecorder.select_events)


class _RetriedApplicationRecorder(PostgresApplicationRecorder):
    insert_events = _retried(PostgresApplicationRecorder.insert_events)
    select_events = _retried(PostgresApplicationRecorder.select_events)
    select_notifications = _retried(PostgresApplicationRecorder.select_notifications)
    max_notification_id = _retried(PostgresApplicationRecorder.max_notification_id)


class AggregateRecorder(TablesOnFirstWrite, _RetriedAggregateRecorder):
    pass


class ApplicationRecorder(
    TablesOnFirstWrite, FirstWriteDecides, _RetriedApplicationRecorder
):
    def _insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        # Run in the insert's transaction before the events are: an error
        # raised here rolls the transaction back (one raised once the events
        # are sent would be held by the library until after the COMMIT).
        super()._insert_events(curs, stored_events, **kwargs)
        if self.check_first_state is None or not stored_events:
            return
        self._lock_table(curs)  # taken again by the insert: already held
        curs.execute(
            SQL("SELECT state FROM {} ORDER BY notification_id LIMIT 1").format(
                Identifier(self.datastore.schema, self.events_table_name)
            )
        )
        first = curs.fetchone()
        self.checked_first_state(bytes(first["state"]) if first else None)


class Factory(TablesWhenMissing, PostgresFactory):
    aggregate_recorder_class = AggregateRecorder
    application_recorder_class = ApplicationRecorder

    def has_table(self, recorder: Any) -> bool:
        with self.datastore.get_connection() as connection:
            table = Identifier(self.datastore.schema, recorder.events_table_name)
            found = connection.execute(
                "SELECT to_regclass(%s) IS NOT NULL AS found",
                (table.as_string(connection),),
            ).fetchone()
        return found is not None and bool(found["found"])

    def create_table(self, recorder: Any) -> None:
        with postgres_creation_lock(self.datastore):
            recorder.create_table()


def why_unreachable(settings: dict[str, str]) -> str | None:
    """Why a new connection to the server fails, in libpq's words (the pool
    says only that it got none in time), or None when one succeeds."""
    import psycopg

    try:
        psycopg.connect(
            dbname=settings["POSTGRES_DBNAME"],
            host=settings["POSTGRES_HOST"],
            port=settings["POSTGRES_PORT"],
            user=settings["POSTGRES_USER"],
            password=settings["POSTGRES_PASSWORD"],
            connect_timeout=settings.get("POSTGRES_CONNECT_TIMEOUT", "5"),
        ).close()
    except psycopg.Error as error:
        return str(error)
    return None


@contextmanager
def postgres_creation_lock(datastore: PostgresDatastore) -> Iterator[None]:
    """Hold the lock that lets one process at a time create tables in the
    datastore's schema (a PostgreSQL advisory lock, released on leaving)."""
    key = f"secretariat tables in {datastore.schema}"
    with datastore.get_connection() as connection:
        connection.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
        try:
            yield
        finally:
            connection.execute("SELECT pg_advisory_unlock(hashtext(%s))", (key,))
