"""The calendar's answer: each session's JSON entry, shaped from any row that has the
calendar's columns as attributes: a view row of the application's projector,
or a row read straight from the view's table. It imports nothing, so that a
query reading the view's table directly answers with the same contract without
loading the domain."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

ENTRY_COLUMNS = (
    "body",
    "number",
    "title",
    "start",
    "end",
    "venue",
    "format",
    "status",
    "original_start",
    "original_end",
    "postponements",
    "report_adopted_on",
    "stocktaking",
    "effective_on",
    "recorded_at",
)
"""The columns of the calendar view that a session's entry is made of."""


def session_order(row: Any) -> tuple[bool, str, str, int]:
    """By start date, sessions whose dates are to be determined last."""
    return (row.start is None, row.start or "", row.body, row.number)


def session_entry(row: Any) -> dict[str, Any]:
    return {
        "body": row.body,
        "number": row.number,
        "title": row.title,
        "start": row.start,
        "end": row.end,
        "venue": row.venue,
        "format": row.format,
        "status": row.status,
        "original_start": row.original_start,
        "original_end": row.original_end,
        "postponements": row.postponements,
        "report_adopted_on": row.report_adopted_on,
        "stocktaking": bool(row.stocktaking),
        "last_changed_on": row.effective_on,
        "recorded_at": row.recorded_at,
    }


def calendar_answer(
    rows: Iterable[Any],
    *,
    as_of: date | None = None,
    known_at: str | None = None,
) -> dict[str, Any]:
    """`{"as_of", "sessions": [...]}`, sessions sorted by start, undated last."""
    return {
        "as_of": as_of.isoformat() if as_of else None,
        "known_at": known_at,
        "sessions": [session_entry(row) for row in sorted(rows, key=session_order)],
    }


def describe_stored_dates(start: str | None, end: str | None) -> str | None:
    """Dates stored as ISO text, written as the secretariat writes them
    (`27–29 July 2020`; one day when `start` is `end`); None when either is
    not known."""
    if start is None or end is None:
        return None
    from domain.values import DateRange, describe_dates

    return describe_dates(DateRange(date.fromisoformat(start), date.fromisoformat(end)))
