"""The composition root: from a store, the Secretariat that records in it and
the views that read it. Every command, the worker and the tests build them
here, and nowhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.store import (
    Store,
    StoreUnavailableError,
    application_settings,
    check_key,
    describe_store_error,
)

if TYPE_CHECKING:
    from adapters.views.outbox import Outbox
    from adapters.views.source import EventSource
    from adapters.views.views import Views
    from application.secretariat import Secretariat

AGGREGATE_CACHE_SIZE = 1000
"""Records kept in memory by a command that records many decisions (an
import): each is then brought up to date with one read of its newer events,
rather than loaded again from its snapshot."""


def open_secretariat(store: Store, *, create: bool, many: bool = False) -> Secretariat:
    """Build the Secretariat on `store`.

    A command that only reads (`create=False`) is refused a store that does
    not exist (no SQLite file, no tables in the PostgreSQL schema), so a
    mistyped path is reported rather than shown as an empty record. A command
    that records (`create=True`) creates the store with its first event only:
    one that a rule refuses leaves no store behind. A command that records
    `many` decisions keeps the records it has loaded in memory.
    """
    from eventsourcing.persistence import PersistenceError

    from application.secretariat import Secretariat

    if not create and not store.exists:
        raise StoreUnavailableError(f"no store at {store.label}")
    if store.path is not None and not store.path.parent.is_dir():
        raise StoreUnavailableError(
            f"cannot create a store at {store.label}: "
            f"the folder {store.path.parent} does not exist"
        )
    try:
        settings = application_settings(store)
        if many:
            settings["AGGREGATE_CACHE_MAXSIZE"] = str(AGGREGATE_CACHE_SIZE)
        secretariat = Secretariat(env=settings)
    except (PersistenceError, OSError) as error:
        raise StoreUnavailableError(describe_store_error(store, error)) from error
    try:
        if not create and not record_exists(secretariat):
            raise StoreUnavailableError(f"no store at {store.label}")
        check_key(secretariat, store)
    except BaseException:
        secretariat.close()
        raise
    return secretariat


def record_exists(secretariat: Secretariat) -> bool:
    """Whether the store's table of events exists: a store that does not
    exist is created by its first event (`adapters.recorders`)."""
    table_exists = getattr(secretariat.recorder, "table_exists", None)
    return table_exists is None or bool(table_exists())


def create_store(secretariat: Secretariat) -> None:
    """Create the store's tables now, if they are missing, rather than with
    its first event: for a process that follows the store (`projections
    run`), started before anything is recorded."""
    recorders: list[object] = [secretariat.recorder]
    if secretariat.snapshots is not None:
        recorders.append(secretariat.snapshots.recorder)
    for recorder in recorders:
        create = getattr(recorder, "create_missing_table", None)
        if create is not None:
            create()


def open_views(
    store: Store, secretariat: Secretariat, *, page_size: int | None = None
) -> Views:
    """Build the views of `store` beside its Secretariat (same database, same
    connections), creating their tables the first time, once the store exists
    (`page_size`: the events each transaction of a catch-up applies, when not
    the default)."""
    from eventsourcing.persistence import PersistenceError

    try:
        return build_views(store.kind, secretariat, page_size=page_size)
    except (PersistenceError, OSError) as error:
        raise StoreUnavailableError(describe_store_error(store, error)) from error


def build_views(
    kind: str, secretariat: Secretariat, *, page_size: int | None = None
) -> Views:
    """The views of `secretariat`'s store, of that `kind` of store."""
    from adapters.views.calendar import CalendarView
    from adapters.views.deadlines import DeadlinesView
    from adapters.views.sealing import view_cipher
    from adapters.views.views import Views

    recorder = secretariat.recorder
    cipher = view_cipher()  # the events' key: see `adapters.store.check_key`
    if kind == "postgresql":
        from eventsourcing.postgres import PostgresApplicationRecorder

        from adapters.views import postgres

        assert isinstance(recorder, PostgresApplicationRecorder)
        calendar: CalendarView = postgres.PostgresCalendarView(
            recorder.datastore, cipher
        )
        deadlines: DeadlinesView = postgres.PostgresDeadlinesView(
            recorder.datastore, cipher
        )
    else:
        from eventsourcing.sqlite import SQLiteApplicationRecorder

        from adapters.views import sqlite

        assert isinstance(recorder, SQLiteApplicationRecorder)
        calendar = sqlite.SQLiteCalendarView(recorder.datastore, cipher)
        deadlines = sqlite.SQLiteDeadlinesView(recorder.datastore, cipher)
    views = Views(
        event_source(kind, secretariat), calendar, deadlines, page_size=page_size
    )
    views.prepare()
    return views


NOTIFY_DELAY_VARIABLE = "SECRETARIAT_NOTIFY_DELAY"


def notify_delay() -> float:
    """Seconds a message waits after a change, for more changes to the same
    session to merge into it: `$SECRETARIAT_NOTIFY_DELAY`, else 600."""
    import os

    from adapters.views.outbox import DEFAULT_DELAY

    written = os.environ.get(NOTIFY_DELAY_VARIABLE, "").strip()
    if not written:
        return DEFAULT_DELAY
    try:
        delay = float(written)
    except ValueError:
        delay = -1.0
    if not 0 <= delay < 10**7:
        raise StoreUnavailableError(
            f"${NOTIFY_DELAY_VARIABLE} is a number of seconds, not {written!r}"
        )
    return delay


def open_outbox(store: Store, secretariat: Secretariat) -> Outbox:
    """The outbox of `store`, beside its Secretariat: the messages owed to the
    bodies' subscribers, with its own position in the log."""
    from eventsourcing.persistence import PersistenceError

    from adapters.views.outbox import Outbox, outbox_view
    from adapters.views.sealing import view_cipher

    recorder = secretariat.recorder
    try:
        source = event_source(store.kind, secretariat)
        view = outbox_view(
            store.kind,
            recorder.datastore,  # type: ignore[attr-defined]
            delay=notify_delay(),
            cipher=view_cipher(),
        )
        view.prepare(secretariat.name)
    except (PersistenceError, OSError) as error:
        raise StoreUnavailableError(describe_store_error(store, error)) from error
    return Outbox(source, view)


def event_source(kind: str, secretariat: Secretariat) -> EventSource:
    """The log of `secretariat`'s store, of that `kind` of store, as a
    catch-up reads it: with the store's own query for a page of events, and
    the events the Secretariat has just saved (`application.saved`)."""
    from adapters.views.source import EventSource

    recorder = secretariat.recorder
    if kind == "postgresql":
        from adapters.views.postgres import page_query
    else:
        from adapters.views.sqlite import page_query  # type: ignore[assignment]
    return EventSource(
        recorder,
        secretariat.mapper,
        secretariat.name,
        page_query(recorder),  # type: ignore[arg-type]
        saved=secretariat.recently_saved,
    )
