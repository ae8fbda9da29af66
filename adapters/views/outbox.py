"""The outbox: the messages owed to subscribers, kept beside the log like the
other views, caught up a page per transaction with its own position in the log
(`outbox_tracking`), so that a crash never loses a message or makes one twice;
and what became of each, as the deliveries recorded say.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from adapters.views.base import Cursor, View
from adapters.views.sealing import ViewCipher
from adapters.views.source import EventSource
from adapters.views.tables import Layout, Table
from application.projections import Logged, record_key
from application.projections.outbox import (
    HELD,
    PENDING,
    ListRow,
    MessageRow,
    OutboxPage,
    OutboxProjector,
    SubscriberRow,
    WorkplanKeyRow,
)
from application.projections.rows import CalendarRow
from domain.distribution import distribution_list_id

DEFAULT_DELAY = 600.0
"""Seconds a message waits after a change for more changes to merge."""

OUTBOX_LISTS = Table("outbox_lists", ListRow, key=("list_id",))
OUTBOX_SUBSCRIBERS = Table("outbox_subscribers", SubscriberRow, key=("body", "address"))
OUTBOX_SESSIONS = Table(
    "outbox_sessions", CalendarRow, key=("session_id",), indexes=(("body",),)
)
OUTBOX_WORKPLANS = Table("outbox_workplans", WorkplanKeyRow, key=("workplan_id",))
OUTBOX_MESSAGES = Table(
    "outbox_messages",
    MessageRow,
    key=("message",),
    indexes=(("status", "due_at"), ("about", "status"), ("address", "status")),
)
OUTBOX = Layout(
    "outbox",
    (
        OUTBOX_LISTS,
        OUTBOX_SUBSCRIBERS,
        OUTBOX_SESSIONS,
        OUTBOX_WORKPLANS,
        OUTBOX_MESSAGES,
    ),
)


class OutboxView(View):
    layout: ClassVar[Layout] = OUTBOX
    projector: ClassVar[OutboxProjector] = OutboxProjector(DEFAULT_DELAY)

    def __init__(
        self,
        datastore: object,
        cipher: ViewCipher | None = None,
        *,
        delay: float = DEFAULT_DELAY,
    ) -> None:
        super().__init__(datastore, cipher)
        self.outbox = OutboxProjector(delay)

    def apply_page(self, cursor: Cursor, events: Sequence[Logged]) -> None:
        projector = self.outbox
        wanted = projector.wanted(events)
        page = OutboxPage(
            sessions={
                row.session_id: row
                for row in self.select_in(
                    cursor, OUTBOX_SESSIONS, "session_id", wanted.sessions
                )
            },
            workplans={
                row.workplan_id: row
                for row in self.select_in(
                    cursor, OUTBOX_WORKPLANS, "workplan_id", wanted.workplans
                )
            },
            lists={
                row.list_id: row.body
                for row in self.select_in(cursor, OUTBOX_LISTS, "list_id", wanted.lists)
            },
        )
        bodies = projector.bodies(events, page)
        for row in self.select_in(cursor, OUTBOX_SUBSCRIBERS, "body", bodies):
            page.subscribers.setdefault(row.body, {})[row.address] = row
        for body in bodies:
            page.lists.setdefault(record_key(distribution_list_id(body)), body)
        held = (
            self.select(cursor, OUTBOX_MESSAGES, 'WHERE "status" = ?', (HELD,))
            if wanted.held
            else []
        )
        abouts = wanted.abouts | {row.about for row in held}
        waiting = self._waiting(cursor, "about", abouts)
        waiting += self._waiting(cursor, "address", wanted.addresses)
        delivered = self.select_in(cursor, OUTBOX_MESSAGES, "message", wanted.messages)
        page.messages = {row.message: row for row in [*waiting, *delivered, *held]}
        projector.apply(events, page)
        self._write(cursor, page)

    def _waiting(self, cursor: Cursor, column: str, keys: set[str]) -> list[MessageRow]:
        """The messages still waiting to be sent whose `column` is one of `keys`."""
        rows: list[MessageRow] = []
        ordered = sorted(self.lookup(column, key) for key in keys)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows += self.select(
                cursor,
                OUTBOX_MESSAGES,
                f'WHERE "status" = ? AND "{column}" IN ({marks})',
                (PENDING, *chunk),
            )
        return rows

    def _write(self, cursor: Cursor, page: OutboxPage) -> None:
        self.upsert(
            cursor,
            OUTBOX_LISTS,
            [ListRow(k, page.lists[k]) for k in page.changed_lists],
        )
        self.upsert(
            cursor, OUTBOX_SESSIONS, [page.sessions[k] for k in page.changed_sessions]
        )
        self.upsert(
            cursor,
            OUTBOX_WORKPLANS,
            [page.workplans[k] for k in page.changed_workplans],
        )
        kept, gone = [], []
        for body, address in page.changed_subscribers:
            row = page.subscribers.get(body, {}).get(address)
            if row is None:
                gone.append(
                    (self.lookup("body", body), self.lookup("address", address))
                )
            else:
                kept.append(row)
        self.upsert(cursor, OUTBOX_SUBSCRIBERS, kept)
        if gone:
            cursor.executemany(
                self.sql(
                    f"DELETE FROM {self.qualified(OUTBOX_SUBSCRIBERS.name)} "
                    'WHERE "body" = ? AND "address" = ?'
                ),
                gone,
            )
        written = [
            page.messages[k] for k in page.changed_messages if k in page.messages
        ]
        removed = [(k,) for k in page.changed_messages if k not in page.messages]
        self.upsert(cursor, OUTBOX_MESSAGES, written)
        if removed:
            cursor.executemany(
                self.sql(
                    f"DELETE FROM {self.qualified(OUTBOX_MESSAGES.name)} "
                    'WHERE "message" = ?'
                ),
                removed,
            )

    # Reading.

    def messages(
        self, body: str | None = None, *, status: str | None = None
    ) -> list[MessageRow]:
        """The messages (of `body`, in `status`), by when their first change
        was recorded, then by address."""
        conditions, params = [], []
        if body is not None:
            conditions.append('"body" = ?')
            params.append(self.lookup("body", body))
        if status is not None:
            conditions.append('"status" = ?')
            params.append(status)
        where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
        with self.read_transaction() as cursor:
            rows = self.select(cursor, OUTBOX_MESSAGES, where, params)
        # Sorted here: an encrypted address does not sort as the address does.
        return sorted(rows, key=lambda row: (row.first_position, row.address))

    def due(self, now: str, limit: int) -> list[MessageRow]:
        """The messages waiting whose time has come, the longest due first."""
        with self.read_transaction() as cursor:
            return self.select(
                cursor,
                OUTBOX_MESSAGES,
                'WHERE "status" = ? AND "due_at" <= ? '
                'ORDER BY "due_at", "message" LIMIT ?',
                (PENDING, now, limit),
            )

    def next_due(self) -> str | None:
        """When the next waiting message is due (None: none waits)."""
        with self.read_transaction() as cursor:
            cursor.execute(
                self.sql(
                    f'SELECT MIN("due_at") FROM {self.qualified(OUTBOX_MESSAGES.name)} '
                    'WHERE "status" = ?'
                ),
                (PENDING,),
            )
            row = cursor.fetchone()
        return None if row is None else row[0]

    def session(self, session_id: str) -> CalendarRow | None:
        with self.read_transaction() as cursor:
            rows = self.select(
                cursor, OUTBOX_SESSIONS, 'WHERE "session_id" = ?', (session_id,)
            )
        return rows[0] if rows else None

    def subscribers(self, body: str) -> list[SubscriberRow]:
        with self.read_transaction() as cursor:
            found = self.select(
                cursor,
                OUTBOX_SUBSCRIBERS,
                'WHERE "body" = ?',
                (self.lookup("body", body),),
            )
        return sorted(found, key=lambda row: row.address)


class Outbox:
    """The outbox of one store: its view, caught up from the log on demand
    (before every read, and by the sender before it sends)."""

    def __init__(self, source: EventSource, view: OutboxView) -> None:
        self.source = source
        self.view = view

    def catch_up(self) -> int:
        return self.view.catch_up(self.source)

    def messages(
        self, body: str | None = None, *, status: str | None = None
    ) -> list[MessageRow]:
        self.catch_up()
        return self.view.messages(body, status=status)

    def rebuild(self) -> int:
        self.view.reset(self.source.application_name)
        return self.catch_up()


def outbox_view(
    kind: str, datastore: object, *, delay: float, cipher: ViewCipher | None = None
) -> OutboxView:
    """The outbox view of a store of that `kind` (`sqlite`, `postgresql`),
    its text encrypted with `cipher` when the store has a key."""
    if kind == "postgresql":
        from adapters.views.postgres import PostgresView

        class PostgresOutboxView(OutboxView, PostgresView):
            pass

        return PostgresOutboxView(datastore, cipher, delay=delay)
    from adapters.views.sqlite import SQLiteView

    class SQLiteOutboxView(OutboxView, SQLiteView):
        pass

    return SQLiteOutboxView(datastore, cipher, delay=delay)
