"""The words of the feature files: how a step names a session, a workplan, a
date, a text; and how a recorded entry is shown back to the reader.

Conventions of every feature file: dates are ISO (`2020-03-13`), a decision's
effective date follows `on`, free text (a venue, a reason, a delegation, a
title) is in double quotes, and body codes, numbers, formats and document kinds
are written bare, as on the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import attrs
from parse import with_pattern  # type: ignore[import-untyped]
from pytest_bdd import parsers

from application.secretariat import Secretariat
from domain.body import BodyNotFoundError
from domain.session import SessionNotFoundError
from domain.values import (
    DateRange,
    DocumentKind,
    Format,
    Period,
    SubmitterKind,
    ordinal,
)
from domain.workplan import WorkplanNotFoundError

CODE = r"[a-z0-9][a-z0-9-]*"
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
ORDINAL = r"\d+(?:st|nd|rd|th)"


@attrs.frozen
class SessionRecord:
    """The N-th session of a body, as a step names it."""

    body: str
    number: int

    def history(self, secretariat: Secretariat) -> list[dict[str, Any]]:
        """The session's entries, oldest first; none when it was never scheduled."""
        try:
            events: list[dict[str, Any]] = secretariat.history(self.body, self.number)[
                "events"
            ]
        except (BodyNotFoundError, SessionNotFoundError):
            return []
        return events

    def __str__(self) -> str:
        return f"the {ordinal(self.number)} session of {self.body}"


@attrs.frozen
class WorkplanRecord:
    """A body's workplan for a period, as a step names it (`2018-2021`).

    The period is kept as written and read when a command is built, so that a
    period the secretariat would refuse is refused as the command's, not the
    step's, doing.
    """

    body: str
    written_period: str

    @property
    def period(self) -> Period:
        return Period.parse(self.written_period)

    def history(self, secretariat: Secretariat) -> list[dict[str, Any]]:
        """The workplan's entries, oldest first; none when it was never adopted."""
        try:
            events: list[dict[str, Any]] = secretariat.workplan_history(
                self.body, self.period
            )["events"]
        except (BodyNotFoundError, WorkplanNotFoundError):
            return []
        return events

    def __str__(self) -> str:
        return f"the {self.written_period} workplan of {self.body}"


@attrs.frozen
class BodyRecord:
    """A body, as a step names it by its code."""

    code: str

    def history(self, secretariat: Secretariat) -> list[dict[str, Any]]:
        # The Secretariat reads back no body's history; the store's event count
        # is what shows whether establishing one recorded anything.
        return []

    def __str__(self) -> str:
        return f"the body {self.code}"


Record = SessionRecord | WorkplanRecord | BodyRecord


@attrs.frozen
class Days:
    """A first and a last day as written (`2020-07-27 to 2020-07-29`); they
    become a `DateRange` only when the command is built, so that an end before
    the start is the Secretariat's to refuse."""

    start: date
    end: date

    def as_range(self) -> DateRange:
        return DateRange(self.start, self.end)


Converter = TypeVar("Converter", bound=Callable[[str], Any])


def _typed(pattern: str) -> Callable[[Converter], Converter]:
    """Give a converter the pattern by which `parse` finds its text in a step."""
    typed: Callable[[Converter], Converter] = with_pattern(pattern)
    return typed


@_typed(ISO_DATE)
def _date(text: str) -> date:
    return date.fromisoformat(text)


@_typed(rf"{ISO_DATE} to {ISO_DATE}")
def days(text: str) -> Days:
    start, _, end = text.partition(" to ")
    return Days(date.fromisoformat(start), date.fromisoformat(end))


@_typed(ORDINAL)
def _ordinal(text: str) -> int:
    number = int(text[:-2])
    if ordinal(number) != text:
        raise ValueError(f"{text} is not written as an ordinal is")
    return number


@_typed(CODE)
def _body(text: str) -> BodyRecord:
    return BodyRecord(text)


@_typed(rf"{ORDINAL} session of {CODE}")
def _session(text: str) -> SessionRecord:
    number, _, body = text.partition(" session of ")
    return SessionRecord(body=body, number=_ordinal(number))


@_typed(rf"\d{{4}}-\d{{4}} workplan of {CODE}")
def _workplan(text: str) -> WorkplanRecord:
    period, _, body = text.partition(" workplan of ")
    return WorkplanRecord(body=body, written_period=period)


@_typed(rf"{ORDINAL} session of {CODE}|\d{{4}}-\d{{4}} workplan of {CODE}")
def _record(text: str) -> SessionRecord | WorkplanRecord:
    if " session of " in text:
        return _session(text)
    return _workplan(text)


@_typed(r'[^"]+')
def _text(text: str) -> str:
    return text


@_typed(r"[A-Z][A-Za-z]+")
def _event(text: str) -> str:
    return text


@_typed("|".join(member.value for member in Format))
def _format(text: str) -> Format:
    return Format(text)


@_typed(r"(?:an? )?(?:" + "|".join(kind.value for kind in DocumentKind) + ")")
def _kind(text: str) -> DocumentKind:
    return DocumentKind(text.removeprefix("an ").removeprefix("a "))


SUBMITTER_KINDS = {
    "Member State": SubmitterKind.MEMBER_STATE,
    "Observer": SubmitterKind.OBSERVER,
}


@_typed("|".join(SUBMITTER_KINDS))
def _submitter_kind(text: str) -> SubmitterKind:
    return SUBMITTER_KINDS[text]


TYPES: dict[str, Callable[[str], Any]] = {
    "Date": _date,
    "Days": days,
    "Ordinal": _ordinal,
    "Body": _body,
    "Session": _session,
    "Workplan": _workplan,
    "Record": _record,
    "Text": _text,
    "Event": _event,
    "Format": _format,
    "Kind": _kind,
    "SubmitterKind": _submitter_kind,
}


def phrase(text: str) -> parsers.parse:
    """A step's words, with the types above: `the {session:Session} is closed
    on {on:Date}`."""
    return parsers.parse(text, extra_types=TYPES)


def shown(value: Any) -> str:
    """A field of a recorded entry as a feature file writes it: dates ISO, a
    date range `start to end`, a missing value `none`, a flag `yes` or `no`."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict) and value.keys() == {"start", "end"}:
        return f"{value['start']} to {value['end']}"
    return str(value)


def vertical(datatable: list[list[str]]) -> dict[str, str]:
    """A two-column table without a header, `| field | value |`, as a mapping."""
    for row in datatable:
        if len(row) != 2:
            raise ValueError(f"a row of field and value has two cells, not {row}")
    return dict(datatable)


def rows(datatable: list[list[str]], *header: str) -> list[list[str]]:
    """The rows of a table under the header `header`, which it must have."""
    if not datatable or tuple(datatable[0]) != header:
        raise ValueError(f"the table's header must be {' | '.join(header)}")
    return datatable[1:]
