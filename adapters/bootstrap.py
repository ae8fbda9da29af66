"""The composition root: from a store, the Secretariat that records in it and
the views that read it. Every command, the worker and the tests build them
here, and nowhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from adapters.store import (
    Store,
    StoreUnavailableError,
    application_settings,
    check_key,
    describe_store_error,
)

if TYPE_CHECKING:
    from adapters.views.views import Views
    from application.secretariat import Secretariat

AGGREGATE_CACHE_SIZE = 1000
"""Records kept in memory by a command that records many decisions (an
import): each is then brought up to date with one read of its newer events,
rather than loaded again from its snapshot."""


def open_secretariat(store: Store, *, create: bool, many: bool = False) -> Secretariat:
    """Build the Secretariat on `store`.

    A command that only reads (`create=False`) never creates a store, so a
    mistyped path is reported rather than shown as an empty record. A command
    that records `many` decisions keeps the records it has loaded in memory.
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
        check_key(secretariat, store)
    except BaseException:
        secretariat.close()
        raise
    return secretariat


def open_views(store: Store, secretariat: Secretariat, **options: Any) -> Views:
    """Build the views of `store` beside its Secretariat (same database, same
    connections), creating their tables the first time (`options`: the
    views' page size)."""
    from eventsourcing.persistence import PersistenceError

    try:
        return build_views(store.kind, secretariat, **options)
    except (PersistenceError, OSError) as error:
        raise StoreUnavailableError(describe_store_error(store, error)) from error


def build_views(kind: str, secretariat: Secretariat, **options: Any) -> Views:
    """The views of `secretariat`'s store, of that `kind` of store."""
    from adapters.views.calendar import CalendarView
    from adapters.views.deadlines import DeadlinesView
    from adapters.views.source import EventSource
    from adapters.views.views import Views

    recorder: Any = secretariat.recorder
    datastore = recorder.datastore
    if kind == "postgresql":
        from adapters.views import postgres

        calendar: CalendarView = postgres.PostgresCalendarView(datastore)
        deadlines: DeadlinesView = postgres.PostgresDeadlinesView(datastore)
        select = postgres.page_query(recorder)
    else:
        from adapters.views import sqlite

        calendar = sqlite.SQLiteCalendarView(datastore)
        deadlines = sqlite.SQLiteDeadlinesView(datastore)
        select = sqlite.page_query(recorder)
    for view in (calendar, deadlines):
        view.prepare(secretariat.name)
    source = EventSource(recorder, secretariat.mapper, secretariat.name, select)
    return Views(source, calendar, deadlines, **options)
