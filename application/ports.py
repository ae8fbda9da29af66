"""What the application asks of the world outside it, as protocols the
adapters fulfil: the application names what it needs, never who provides it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol
from uuid import UUID

if TYPE_CHECKING:
    from application.projections.rows import CalendarRow, CallRow


class Views(Protocol):
    """The views of the record (the calendar, the deadlines), kept beside the
    log, and the log's records read whole. Every read shows what was recorded
    before it (the views catch up first)."""

    def catch_up(self) -> int:
        """Apply the events recorded since the views were last brought up to
        date; return how many were applied."""
        ...

    def calendar(
        self,
        body: str | None = None,
        *,
        as_of: date | None = None,
        known_at: str | None = None,
        today: date | None = None,
    ) -> dict[str, Any]:
        """The calendar's answer (`application.queries.calendar_answer`)."""
        ...

    def calendar_rows(
        self,
        body: str | None = None,
        *,
        as_of: date | None = None,
        known_at: str | None = None,
    ) -> list[CalendarRow]:
        """Each session's calendar row, as it stands or as it stood."""
        ...

    def calls(
        self,
        body: str | None = None,
        *,
        as_of: date | None = None,
        known_at: str | None = None,
    ) -> list[CallRow]:
        """The calls for comments, with the deadlines in force then (or now)."""
        ...

    def deadlines(self, body: str | None = None, *, today: date) -> dict[str, Any]:
        """The deadlines' answer (`application.queries.deadlines_answer`)."""
        ...

    def postponements(self, body: str | None = None) -> dict[str, Any]:
        """The postponements' answer (`application.queries.postponements_answer`)."""
        ...

    def events_of(self, record_id: UUID) -> Sequence[Any]:
        """Every event of one record (a body, session or workplan), oldest
        first, as the domain's events."""
        ...
