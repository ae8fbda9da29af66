"""What every view does, whatever its store: catch up with the log a page at a
time, each page's rows written in one transaction with the view's position in
the log, so an interrupted catch-up never applies an event twice or skips one.

The catch-up is the views' own, from end to end: a view's position is a row
of its tracking table (`calendar_tracking`), locked by each page's
transaction, checked, and moved on with the rows the page writes. (The
library's projection runner applies one event per transaction, each decoded
by its mapper: a rebuild would cost many times what it does.) The
store-specific subclasses (`adapters.views.sqlite`, `adapters.views.postgres`)
say how a transaction is opened and the row locked.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, ClassVar, Protocol

from eventsourcing.persistence import PersistenceError

from adapters.views.sealing import TableCodec, ViewCipher, lookup_value
from adapters.views.source import EventSource, topics_of
from adapters.views.tables import LAYOUTS_TABLE, Layout, R, Table
from application.projections import Logged

PAGE_SIZE = 500
"""Events read and written per transaction."""

IN_CHUNK = 500
"""Keys per `IN (...)` list when a page's current rows are read."""


class Cursor(Protocol):
    """A cursor of the store's driver, as the views use one: the statements
    are written with the store's placeholders (`View.sql`), and rows come back
    as plain tuples."""

    def execute(self, statement: str, params: Sequence[Any] = ..., /) -> object: ...

    def executemany(
        self, statement: str, params: Iterable[Sequence[Any]], /
    ) -> object: ...

    def fetchone(self) -> Sequence[Any] | None: ...

    def fetchall(self) -> Sequence[Sequence[Any]]: ...


class Projector(Protocol):
    """What a view's projector tells the catch-up: the kinds of event it reads
    (each view applies them with its own projector's methods)."""

    @property
    def events(self) -> tuple[type[Any], ...]: ...


class View:
    """A materialised view of the Secretariat's log, in the store that holds
    the log (see the store-specific subclasses)."""

    layout: ClassVar[Layout]
    projector: ClassVar[Projector]
    view_name: ClassVar[str]
    tables: ClassVar[tuple[Table[Any], ...]]
    events: ClassVar[tuple[type[Any], ...]]
    """The kinds of event the view reads (its projector's)."""
    topics: ClassVar[tuple[str, ...]]
    """The topics they are stored under."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "layout" in vars(cls):
            cls.view_name, cls.tables = cls.layout.view_name, cls.layout.tables
        if "projector" in vars(cls):
            cls.events = cls.projector.events
            cls.topics = topics_of(cls.events)

    def __init__(self, datastore: object, cipher: ViewCipher | None = None) -> None:
        self.datastore = datastore
        self.cipher = cipher
        """Encrypts the text of the view's rows, when the store has a key."""
        self.codecs: dict[str, TableCodec[Any]] = {
            table.name: TableCodec(table, cipher) for table in self.tables
        }

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the view's tables as this version lays them out,
        their text encrypted or not: a view whose text was stored otherwise
        is rebuilt."""
        if self.cipher is None:
            return self.layout.fingerprint
        return self.layout.sealed_fingerprint

    def codec(self, table: Table[R]) -> TableCodec[R]:
        codec: TableCodec[R] = self.codecs[table.name]
        return codec

    def lookup(self, column: str, value: str) -> str:
        """`value` as the view's tables keep it in `column`, to look rows up by."""
        return lookup_value(self.cipher, column, value)

    def opened_body(self, stored: str) -> str:
        """A body code as read from a view's `body` column."""
        if self.cipher is None:
            return stored
        return self.cipher.open_code(stored, b"body")

    def body_params(self, body: str | None) -> tuple[str, ...]:
        """The parameters of `body_filter(body)`."""
        return (self.lookup("body", body),) if body else ()

    # What each store provides.

    def qualified(self, table: str) -> str:
        raise NotImplementedError

    def sql(self, statement: str) -> str:
        """`statement`, written with `?` placeholders, in the store's dialect."""
        return statement

    def create_tables(self) -> None:
        """Create the view's tables, each unless it exists."""
        raise NotImplementedError

    def page_transaction(self) -> AbstractContextManager[Cursor]:
        """A write transaction; yields a cursor."""
        raise NotImplementedError

    def read_transaction(self) -> AbstractContextManager[Cursor]:
        """A read transaction seeing one snapshot; yields a cursor."""
        raise NotImplementedError

    lock_clause = ""
    """What locks the view's tracking row until its transaction ends."""

    tracking_columns = "application_name TEXT, notification_id BIGINT"
    tracking_options = ""

    # The tables.

    def create_statements(self) -> list[str]:
        """The view's tracking table, the table of the views' layouts, and the
        view's own tables."""
        return [
            f"CREATE TABLE IF NOT EXISTS {self.qualified(self.layout.tracking_table)} "
            f"({self.tracking_columns}, PRIMARY KEY (application_name))"
            f"{self.tracking_options}",
            f"CREATE TABLE IF NOT EXISTS {self.qualified(LAYOUTS_TABLE)} "
            "(view_name TEXT PRIMARY KEY, layout TEXT NOT NULL)",
            *self.table_statements(),
        ]

    def table_statements(self) -> list[str]:
        statements = []
        for table in self.tables:
            statements += table.create_statements(self.qualified(table.name), "")
        return statements

    def position(self, application_name: str) -> int:
        with self.read_transaction() as cursor:
            return self._position(cursor, application_name)

    def _position(
        self, cursor: Cursor, application_name: str, *, lock: bool = False
    ) -> int:
        tracking = self.qualified(self.layout.tracking_table)
        lock_clause = self.lock_clause if lock else ""
        cursor.execute(
            self.sql(
                f"SELECT notification_id FROM {tracking} "
                f"WHERE application_name = ?{lock_clause}"
            ),
            (application_name,),
        )
        row = cursor.fetchone()
        return 0 if row is None or row[0] is None else int(row[0])

    def _move(self, cursor: Cursor, application_name: str, position: int) -> None:
        """Set the view's position in the log (its row locked already)."""
        cursor.execute(
            self.sql(
                f"UPDATE {self.qualified(self.layout.tracking_table)} "
                "SET notification_id = ? WHERE application_name = ?"
            ),
            (position, application_name),
        )

    def is_ready(self, application_name: str) -> bool:
        """Whether the view's tables exist in this version's layout and it has
        a position in the log, found with one read, so that a command creates
        nothing it need not."""
        try:
            with self.read_transaction() as cursor:
                cursor.execute(
                    self.sql(
                        "SELECT t.notification_id FROM "
                        f"{self.qualified(self.layout.tracking_table)} t "
                        f"JOIN {self.qualified(LAYOUTS_TABLE)} l "
                        "ON l.view_name = ? AND l.layout = ? "
                        "WHERE t.application_name = ?"
                    ),
                    (self.view_name, self.fingerprint, application_name),
                )
                return cursor.fetchone() is not None
        except (PersistenceError, sqlite3.Error):  # no such table
            return False

    def prepare(self, application_name: str) -> None:
        """Create the view's tables and start it at position 0, unless done;
        rebuild a view whose tables an earlier version laid out otherwise."""
        if not self.is_ready(application_name):
            self.create_tables()
            self.ensure_tracking_row(application_name)
            self.lay_out(application_name)

    def lay_out(self, application_name: str) -> None:
        """Unless the view's tables are in this version's layout, drop them,
        create them anew and start the view again from the first event (the
        next catch-up rebuilds it: a view is derived, and nothing is lost)."""
        layouts = self.qualified(LAYOUTS_TABLE)
        fingerprint = self.fingerprint
        with self.page_transaction() as cursor:
            self._position(cursor, application_name, lock=True)
            cursor.execute(
                self.sql(f"SELECT layout FROM {layouts} WHERE view_name = ?"),
                (self.view_name,),
            )
            row = cursor.fetchone()
            if row is not None and row[0] == fingerprint:
                return  # laid out meanwhile, by another command
            self.before_dropping(cursor)
            for table in self.tables:
                cursor.execute(f"DROP TABLE IF EXISTS {self.qualified(table.name)}")
            for statement in self.table_statements():
                cursor.execute(statement)
            cursor.execute(
                self.sql(f"DELETE FROM {layouts} WHERE view_name = ?"),
                (self.view_name,),
            )
            cursor.execute(
                self.sql(f"INSERT INTO {layouts} (view_name, layout) VALUES (?, ?)"),
                (self.view_name, fingerprint),
            )
            self._move(cursor, application_name, 0)

    def before_dropping(self, cursor: Cursor) -> None:
        """Called before the view's tables are dropped to be laid out anew."""

    def ensure_tracking_row(self, application_name: str) -> None:
        """Start the view at position 0, so every page can lock its row."""
        with self.page_transaction() as cursor:
            cursor.execute(
                self.sql(
                    f"INSERT INTO {self.qualified(self.layout.tracking_table)} "
                    "(application_name, notification_id) VALUES (?, 0) "
                    "ON CONFLICT (application_name) DO NOTHING"
                ),
                (application_name,),
            )

    # Catching up.

    def catch_up(
        self,
        source: EventSource,
        *,
        page_size: int = PAGE_SIZE,
        stop: int | None = None,
    ) -> int:
        """Apply every event of the view's kinds recorded since its position,
        up to the head of the log (or `stop`); return how many were applied.

        Each page is read, then applied in a transaction that first locks the
        view's tracking row and checks that nobody moved it meanwhile (another
        command, or the worker, catching up the same view): if somebody did,
        the page is dropped and reading starts again from where they left it.
        """
        name = source.application_name
        head = source.head() if stop is None else stop
        position = self.position(name)
        if position < head:
            source.check_known(position, head)
        topics = self.topics
        applied = 0
        while position < head:
            events = source.page(position, head, topics, page_size)
            reached = events[-1].position if len(events) == page_size else head
            current = self.apply_from(name, position, events, reached)
            if current != position:
                position = current
                continue
            applied += len(events)
            position = reached
        return applied

    def apply_from(
        self,
        application_name: str,
        position: int,
        events: Sequence[Logged],
        reached: int,
    ) -> int:
        """In one transaction that first locks the view's tracking row: unless
        somebody moved the view from `position` meanwhile, apply `events` and
        move it to `reached`. Return the position the view was found at."""
        with self.page_transaction() as cursor:
            current = self._position(cursor, application_name, lock=True)
            if current == position:
                if events:
                    self.apply_page(cursor, events)
                self._move(cursor, application_name, reached)
        return current

    def reset(self, application_name: str) -> None:
        """Empty the view and take it back to the start of the log."""
        with self.page_transaction() as cursor:
            self._position(cursor, application_name, lock=True)
            for table in self.tables:
                cursor.execute(f"DELETE FROM {self.qualified(table.name)}")
            self._move(cursor, application_name, 0)

    def apply_page(self, cursor: Cursor, events: Sequence[Logged]) -> None:
        raise NotImplementedError

    def rebuilt(self) -> None:
        """Called once the view has been rebuilt (its tables filled at once)."""

    # Reading and writing rows.

    def insert(self, cursor: Cursor, table: Table[R], rows: Iterable[R]) -> None:
        values = list(rows)
        if values:
            cursor.executemany(
                self.sql(table.insert_statement(self.qualified(table.name))),
                self.codec(table).encode(values),
            )

    def upsert(self, cursor: Cursor, table: Table[R], rows: Iterable[R]) -> None:
        values = list(rows)
        if values:
            cursor.executemany(
                self.sql(table.upsert_statement(self.qualified(table.name))),
                self.codec(table).encode(values),
            )

    def delete(
        self, cursor: Cursor, table: Table[R], keys: Iterable[tuple[object, ...]]
    ) -> None:
        """Delete the rows of `table` with these keys (values of its key
        columns, in order)."""
        values = list(keys)
        if values:
            matches = " AND ".join(f'"{column}" = ?' for column in table.key)
            cursor.executemany(
                self.sql(f"DELETE FROM {self.qualified(table.name)} WHERE {matches}"),
                values,
            )

    def select_in(
        self, cursor: Cursor, table: Table[R], column: str, keys: Iterable[str]
    ) -> list[R]:
        """The rows of `table` whose `column` is one of `keys`."""
        ordered = sorted({self.lookup(column, key) for key in keys})
        codec = self.codec(table)
        rows: list[R] = []
        for start in range(0, len(ordered), IN_CHUNK):
            chunk = ordered[start : start + IN_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            cursor.execute(
                self.sql(
                    f"SELECT {table.column_list()} FROM {self.qualified(table.name)} "
                    f'WHERE "{column}" IN ({marks})'
                ),
                chunk,
            )
            rows += codec.decode(cursor.fetchall())
        return rows

    def select(
        self,
        cursor: Cursor,
        table: Table[R],
        where: str = "",
        params: Sequence[object] = (),
    ) -> list[R]:
        cursor.execute(
            self.sql(
                f"SELECT {table.column_list()} FROM {self.qualified(table.name)} "
                f"{where}"
            ),
            tuple(params),
        )
        return self.codec(table).decode(cursor.fetchall())

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table of the view, sorted: what two views built
        from the same log must agree on."""
        with self.read_transaction() as cursor:
            return {
                table.name: sorted(
                    (tuple(row) for row in self.select(cursor, table)),
                    key=_sortable,
                )
                for table in self.tables
            }


def catch_up_together(
    views: Sequence[View], source: EventSource, *, page_size: int = PAGE_SIZE
) -> dict[str, int]:
    """Catch up `views` (of different kinds of event) with one read of the
    log: each page holds the events of all their kinds, and each view applies
    its share in a transaction of its own with its position, as `catch_up`
    does. Views that are not at the same position, or one that somebody else
    moves meanwhile, are caught up on their own.
    Return how many events each view applied."""
    name = source.application_name
    head = source.head()
    positions = {view.view_name: view.position(name) for view in views}
    if len(set(positions.values())) > 1:
        return {
            view.view_name: view.catch_up(source, page_size=page_size, stop=head)
            for view in views
        }
    position = min(positions.values(), default=head)
    if position < head:
        source.check_known(position, head)
    by_kind = {kind: view for view in views for kind in view.events}
    topics = topics_of(tuple(by_kind))
    together = list(views)
    applied = dict.fromkeys(positions, 0)
    while position < head and together:
        events = source.page(position, head, topics, page_size)
        reached = events[-1].position if len(events) == page_size else head
        shares: dict[str, list[Logged]] = {view.view_name: [] for view in views}
        for logged in events:
            shares[by_kind[type(logged.event)].view_name].append(logged)
        for view in list(together):
            share = shares[view.view_name]
            if view.apply_from(name, position, share, reached) != position:
                together.remove(view)  # moved by somebody else
                continue
            applied[view.view_name] += len(share)
        position = reached
    for view in views:
        if view not in together:
            applied[view.view_name] += view.catch_up(
                source, page_size=page_size, stop=head
            )
    return applied


def _sortable(values: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple("" if v is None else repr(v) for v in values)


def body_filter(body: str | None, column: str = "body", alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return f'WHERE {prefix}"{column}" = ?' if body else ""
