"""The calendar view: each session's current row, every version of it (for
"as of" and "known at"), and every postponement."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from adapters.views.base import Cursor, View, body_filter
from adapters.views.tables import (
    CALENDAR,
    CALENDAR_SESSIONS,
    CALENDAR_VERSIONS,
    POSTPONEMENTS,
    Layout,
)
from application.projections import Logged
from application.projections.calendar import CalendarProjector, corrected
from application.projections.rows import CalendarRow, PostponementRow
from application.queries import StocktakingSession


class CalendarView(View):
    layout: ClassVar[Layout] = CALENDAR
    projector: ClassVar[CalendarProjector] = CalendarProjector()

    def apply_page(self, cursor: Cursor, events: Sequence[Logged]) -> None:
        wanted = self.projector.wanted(events)
        current = {
            row.session_id: row
            for row in self.select_in(cursor, CALENDAR_SESSIONS, "session_id", wanted)
        }
        changes = self.projector.apply(events, current)
        self.insert(cursor, CALENDAR_VERSIONS, changes.versions)
        self.upsert(cursor, CALENDAR_SESSIONS, changes.current.values())
        self.insert(cursor, POSTPONEMENTS, changes.postponements)
        self.delete(cursor, POSTPONEMENTS, changes.struck_postponements)
        if changes.struck_versions:
            # The versions a decision struck made, or kept, read as never made.
            cursor.executemany(
                self.sql(
                    f"UPDATE {self.qualified(CALENDAR_VERSIONS.name)} "
                    'SET "struck_at" = ? WHERE "session_id" = ? '
                    'AND "version" >= ? AND "version" < ? AND "struck_at" IS NULL'
                ),
                changes.struck_versions,
            )

    def sessions(
        self,
        body: str | None = None,
        *,
        as_of: date | None = None,
        known_at: str | None = None,
    ) -> list[CalendarRow]:
        """Each session's row as it stands, or as it stood at the end of `as_of`
        (decisions by effective date) and as recorded by `known_at`: for each
        session, one indexed look-up of its latest version within those bounds."""
        with self.read_transaction() as cursor:
            if as_of is None and known_at is None:
                return self.select(
                    cursor, CALENDAR_SESSIONS, body_filter(body), self.body_params(body)
                )
            rows = self._versions(cursor, body, as_of=as_of, known_at=known_at)
            if as_of is None:
                return rows
            # A correction holds from the beginning: each row as of the date
            # reads as the record knows it (now, or at `known_at`).
            if known_at is None:
                knowing = self.select(
                    cursor, CALENDAR_SESSIONS, body_filter(body), self.body_params(body)
                )
            else:
                knowing = self._versions(cursor, body, as_of=None, known_at=known_at)
            known = {row.session_id: row for row in knowing}
            return [corrected(row, known[row.session_id]) for row in rows]

    def _versions(
        self,
        cursor: Cursor,
        body: str | None,
        *,
        as_of: date | None,
        known_at: str | None,
    ) -> list[CalendarRow]:
        """Each session's latest version of its row with its effective date
        not after `as_of` and recorded by `known_at`."""
        conditions, params, order = [], [], []
        # A version struck (by the moment asked about) reads as never made.
        if known_at is None:
            conditions.append('w."struck_at" IS NULL')
        else:
            conditions.append('(w."struck_at" IS NULL OR w."struck_at" > ?)')
            params.append(known_at)
        if as_of is not None:
            conditions.append('w."effective_on" <= ?')
            params.append(as_of.isoformat())
            order.append('w."effective_on" DESC')
        if known_at is not None:
            conditions.append('w."recorded_at" <= ?')
            params.append(known_at)
            order.append('w."recorded_at" DESC')
        versions = self.qualified(CALENDAR_VERSIONS.name)
        statement = (
            f"SELECT {CALENDAR_VERSIONS.column_list('v')} "
            f"FROM {self.qualified(CALENDAR_SESSIONS.name)} s "
            f"JOIN {versions} v ON v.session_id = s.session_id "
            f"AND v.version = (SELECT w.version FROM {versions} w "
            f"WHERE w.session_id = s.session_id AND {' AND '.join(conditions)} "
            f"ORDER BY {', '.join(order)}, w.version DESC LIMIT 1) "
            f"{body_filter(body, alias='s')}"
        )
        cursor.execute(self.sql(statement), (*params, *self.body_params(body)))
        return self.codec(CALENDAR_VERSIONS).decode(cursor.fetchall())

    def postponements(self, body: str | None = None) -> list[PostponementRow]:
        with self.read_transaction() as cursor:
            return self.select(
                cursor, POSTPONEMENTS, body_filter(body), self.body_params(body)
            )

    def stocktaking_sessions(self, body: str | None = None) -> list[StocktakingSession]:
        where = 'WHERE "stocktaking" = ?' + (' AND "body" = ?' if body else "")
        with self.read_transaction() as cursor:
            cursor.execute(
                self.sql(
                    'SELECT "body", "number", "start", "status" '
                    f"FROM {self.qualified(CALENDAR_SESSIONS.name)} {where}"
                ),
                (True, *self.body_params(body)),
            )
            return [
                StocktakingSession(self.opened_body(body), number, start, status)
                for body, number, start, status in cursor.fetchall()
            ]
