"""The library's PostgreSQL persistence, giving up sooner when the server is
gone, and creating a store's tables one process at a time.

The library tries a failed statement ten times, and each try may wait for a
connection as long as the connect timeout: an officer whose server stopped
would wait most of a minute to be told so. Here a statement is tried three
times, which still rides over the pool's connections dropped while idle (a
server restarted, a failover), and then the command fails with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from eventsourcing.persistence import InterfaceError, OperationalError
from eventsourcing.postgres import (
    PostgresAggregateRecorder,
    PostgresApplicationRecorder,
    PostgresFactory,
)
from eventsourcing.utils import retry
from psycopg.sql import Identifier

ATTEMPTS = 3
"""Tries of a statement whose connection failed."""


def _retried(method: Callable[..., Any]) -> Any:
    """`method` without the library's retries, retried as this module says."""
    bare = getattr(method, "__wrapped__", method)
    return retry((InterfaceError, OperationalError), max_attempts=ATTEMPTS, wait=0.2)(
        bare
    )


class AggregateRecorder(PostgresAggregateRecorder):
    insert_events = _retried(PostgresAggregateRecorder.insert_events)
    select_events = _retried(PostgresAggregateRecorder.select_events)


class ApplicationRecorder(PostgresApplicationRecorder):
    insert_events = _retried(PostgresApplicationRecorder.insert_events)
    select_events = _retried(PostgresApplicationRecorder.select_events)
    select_notifications = _retried(PostgresApplicationRecorder.select_notifications)
    max_notification_id = _retried(PostgresApplicationRecorder.max_notification_id)


class Factory(PostgresFactory):
    aggregate_recorder_class = AggregateRecorder
    application_recorder_class = ApplicationRecorder


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


def create_postgres_tables(secretariat: Any) -> None:
    """Create the Secretariat's tables in its PostgreSQL schema unless they exist."""
    recorders: list[Any] = [secretariat.recorder]
    if secretariat.snapshots is not None:
        recorders.append(secretariat.snapshots.recorder)
    datastore = secretariat.recorder.datastore
    with datastore.get_connection() as connection:
        tables = [
            Identifier(datastore.schema, r.events_table_name).as_string(connection)
            for r in recorders
        ]
        found = connection.execute(
            "SELECT bool_and(to_regclass(name) IS NOT NULL) AS found "
            "FROM unnest(%s::text[]) AS name",
            (tables,),
        ).fetchone()
    if found is not None and found["found"]:
        return
    with postgres_creation_lock(datastore):
        for recorder in recorders:
            recorder.create_table()


@contextmanager
def postgres_creation_lock(datastore: Any) -> Iterator[None]:
    """Hold the lock that lets one process at a time create tables in the
    datastore's schema (a PostgreSQL advisory lock, released on leaving)."""
    key = f"secretariat tables in {datastore.schema}"
    with datastore.get_connection() as connection:
        connection.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
        try:
            yield
        finally:
            connection.execute("SELECT pg_advisory_unlock(hashtext(%s))", (key,))
