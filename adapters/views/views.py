"""The views of one store: the calendar and the deadlines, kept up to date
with the log, and the queries officers and scripts ask of them.

`Views` is built by the composition root (`adapters.bootstrap.open_views`) on
the same store as the Secretariat, and is what the application knows as its
`Views` port. Every query catches the views up first, so a query always shows
what was just recorded; recording commands (and the importer) call
`catch_up()` once they have recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

import attrs

from adapters.collector import no_garbage_collection
from adapters.views.base import View, catch_up_together
from adapters.views.calendar import CalendarView
from adapters.views.deadlines import DeadlinesView
from adapters.views.source import EventSource
from application.projections.rows import CalendarRow, CallRow
from application.queries import (
    calendar_answer,
    calls_as_of,
    deadlines_answer,
    postponements_answer,
)

REBUILD_PAGE_SIZE = 20_000
"""Events read and written per transaction when the views are rebuilt."""


class UnknownViewError(ValueError):
    """Raised when a view is named that does not exist."""


@attrs.frozen
class ViewStatus:
    view: str
    position: int
    head: int

    @property
    def behind(self) -> int:
        return max(self.head - self.position, 0)


class Views:
    """The calendar and deadline tracking views of one store."""

    def __init__(
        self,
        source: EventSource,
        calendar: CalendarView,
        deadlines: DeadlinesView,
        *,
        page_size: int | None = None,
    ) -> None:
        self.source = source
        self.calendar_view = calendar
        self.deadlines_view = deadlines
        self.page_size = page_size
        self._prepared = False

    def prepare(self) -> bool:
        """Create the views' tables, unless done, once the store exists (a
        store is created by its first event); return whether they exist."""
        if not self._prepared:
            if not self.source.exists():
                return False
            for view in self.all:
                view.prepare(self.source.application_name)
            self._prepared = True
        return True

    @property
    def all(self) -> tuple[View, ...]:
        return (self.calendar_view, self.deadlines_view)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(view.view_name for view in self.all)

    def named(self, names: Sequence[str] = ()) -> tuple[View, ...]:
        unknown = sorted(set(names) - set(self.names))
        if unknown:
            raise UnknownViewError(
                f"there is no view {', '.join(unknown)}; "
                f"the views are {', '.join(self.names)}"
            )
        return tuple(v for v in self.all if not names or v.view_name in names)

    def catch_up(self) -> int:
        """Bring every view up to the head of the log; return the events applied."""
        if not self.prepare():
            return 0  # no store yet: nothing to apply
        head = self.source.head()
        options = {} if self.page_size is None else {"page_size": self.page_size}
        applied = sum(
            view.catch_up(self.source, stop=head, **options) for view in self.all
        )
        if self.source.saved is not None:
            self.source.saved.clear()  # read: every view is at the head
        return applied

    def rebuild(self, names: Sequence[str] = ()) -> dict[str, int]:
        """Empty the named views (all by default) and build them again from the
        first event; return how many events each read. Pages are larger than
        a command's catch-up: nobody reads the views while they are rebuilt,
        and a page's transaction costs its commit."""
        options = {"page_size": self.page_size or REBUILD_PAGE_SIZE}
        views = self.named(names)
        if not self.prepare():
            return {view.view_name: 0 for view in views}
        with no_garbage_collection():
            for view in views:
                view.reset(self.source.application_name)
            applied = catch_up_together(views, self.source, **options)
            for view in views:
                view.rebuilt()
        return applied

    def status(self) -> list[ViewStatus]:
        """Each view's position in the log against the head, without catching up."""
        head = self.source.head()
        if not self.prepare():
            return [ViewStatus(view.view_name, 0, head) for view in self.all]
        return [
            ViewStatus(
                view.view_name, view.position(self.source.application_name), head
            )
            for view in self.all
        ]

    # Queries: each catches up first.

    def calendar(
        self,
        body: str | None = None,
        *,
        as_of: date | None = None,
        known_at: str | None = None,
        today: date | None = None,
    ) -> dict[str, Any]:
        return calendar_answer(
            self.calendar_rows(body, as_of=as_of, known_at=known_at),
            as_of=as_of,
            known_at=known_at,
            today=today,
        )

    def calendar_rows(
        self,
        body: str | None = None,
        *,
        as_of: date | None = None,
        known_at: str | None = None,
    ) -> list[CalendarRow]:
        self.catch_up()
        return self.calendar_view.sessions(body, as_of=as_of, known_at=known_at)

    def calls(
        self,
        body: str | None = None,
        *,
        as_of: date | None = None,
        known_at: str | None = None,
    ) -> list[CallRow]:
        """The calls for comments, with the deadlines in force then (or now)."""
        self.catch_up()
        _, calls, extensions, _ = self.deadlines_view.read(body)
        if as_of is None and known_at is None:
            return calls
        return calls_as_of(calls, extensions, as_of=as_of, known_at=known_at)

    def deadlines(self, body: str | None = None, *, today: date) -> dict[str, Any]:
        self.catch_up()
        workplans, calls, extensions, submissions = self.deadlines_view.read(body)
        return deadlines_answer(
            today=today,
            calls=calls,
            extensions=extensions,
            submissions=submissions,
            workplans=workplans,
            stocktaking_sessions=self.calendar_view.stocktaking_sessions(body),
        )

    def postponements(self, body: str | None = None) -> dict[str, Any]:
        self.catch_up()
        return postponements_answer(self.calendar_view.postponements(body))

    def events_of(self, record_id: UUID) -> list[Any]:
        """Every event of one record (a body, session or workplan), oldest
        first: what no view holds is read from them."""
        return self.source.record(record_id)

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every view, sorted (for comparing two builds)."""
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for view in self.all:
            rows.update(view.dump())
        return rows
