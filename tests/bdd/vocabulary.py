"""The words of the feature files: how a step names a session, a workplan, a
date, a text; and how a recorded entry is shown back to the reader.

Conventions of every feature file (features/README.md): dates are written as
the secretariat writes them (`13 March 2020`, `27–29 July 2020`, `30 March–1
April 2020`, `dates to be determined`), a decision's effective date follows
`on`, free text (a venue, a reason, a delegation, a title) is in double quotes,
and body codes, numbers, formats and document kinds are written bare, as on the
command line. Each kind of value has one way to be written: a date written any
other way (`2020-03-13`, `06 April 2020`) matches no step.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import attrs
from parse import with_pattern  # type: ignore[import-untyped]
from pytest_bdd import parsers

from application.secretariat import Secretariat
from domain.body import BodyNotFoundError
from domain.languages import NAMES as LANGUAGE_NAMES
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
ORDINAL = r"\d+(?:st|nd|rd|th)"
MONTH = "(?:" + "|".join(calendar.month_name[1:]) + ")"
DAY = rf"\d{{1,2}} {MONTH} \d{{4}}"
DAYS = (
    rf"\d{{1,2}} {MONTH} \d{{4}}–\d{{1,2}} {MONTH} \d{{4}}"
    rf"|\d{{1,2}} {MONTH}–\d{{1,2}} {MONTH} \d{{4}}"
    rf"|\d{{1,2}}–\d{{1,2}} {MONTH} \d{{4}}"
    rf"|{DAY}"
)
TO_BE_DETERMINED = "dates to be determined"


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


@attrs.frozen
class WholeRecord:
    """Everything in the store, as an import touches it: what it holds is
    shown by the store's event count alone."""

    def history(self, secretariat: Secretariat) -> list[dict[str, Any]]:
        return []

    def __str__(self) -> str:
        return "the record"


Record = SessionRecord | WorkplanRecord | BodyRecord | WholeRecord


@attrs.frozen
class Days:
    """A first and a last day as written (`27–29 July 2020`); they become a
    `DateRange` only when the command is built, so that an end before the start
    (`8–7 April 2020`) is the Secretariat's to refuse."""

    start: date
    end: date

    def as_range(self) -> DateRange:
        return DateRange(self.start, self.end)

    def stored(self) -> dict[str, str]:
        """As the history shows a date range."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    def __str__(self) -> str:
        return written_days(self.start, self.end)


def written_date(day: date) -> str:
    """A date as the feature files write it: `6 April 2020`."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def written_days(start: date, end: date) -> str:
    """Dates as the secretariat writes them: `6–8 April 2020`, `30 March–1
    April 2020`, `28 December 2020–2 January 2021`, one day as `6 April 2020`."""
    if start == end:
        return written_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{written_date(end)}"
    if start.year == end.year:
        return f"{start.day} {calendar.month_name[start.month]}–{written_date(end)}"
    return f"{written_date(start)}–{written_date(end)}"


def stored_dates(days: Days | None) -> dict[str, str] | None:
    return None if days is None else days.stored()


Converter = TypeVar("Converter", bound=Callable[[str], Any])


def _typed(pattern: str) -> Callable[[Converter], Converter]:
    """Give a converter the pattern by which `parse` finds its text in a step."""
    typed: Callable[[Converter], Converter] = with_pattern(pattern)
    return typed


def _written_once(text: str, writing: str) -> None:
    if writing != text:
        raise ValueError(f"{text!r} is written {writing!r} in a feature file")


def _parse_date(text: str) -> date:
    day, month, year = text.split(" ")
    return date(int(year), list(calendar.month_name).index(month), int(day))


@_typed(DAY)
def _date(text: str) -> date:
    day = _parse_date(text)
    _written_once(text, written_date(day))
    return day


@_typed(DAYS)
def days(text: str) -> Days:
    first, _, last = text.partition("–")
    if not last:
        first = last = text
    end = _parse_date(last)
    parts = first.split(" ")
    start = date(
        int(parts[2]) if len(parts) == 3 else end.year,
        list(calendar.month_name).index(parts[1]) if len(parts) > 1 else end.month,
        int(parts[0]),
    )
    written = Days(start, end)
    _written_once(text, str(written))
    return written


@_typed(rf"{DAYS}|{TO_BE_DETERMINED}")
def _dates(text: str) -> Days | None:
    """Dates, or `dates to be determined` (none)."""
    return None if text == TO_BE_DETERMINED else days(text)


@_typed(r"once|twice|\d+ times")
def _times(text: str) -> int:
    words = {"once": 1, "twice": 2}
    count = words.get(text)
    if count is None:
        count = int(text.removesuffix(" times"))
        if count in words.values():
            raise ValueError(f"{text!r} is written 'once' or 'twice'")
    return count


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


@_typed("|".join(member.value for member in Format))
def _format(text: str) -> Format:
    return Format(text)


@_typed(r"(?:an? )?(?:" + "|".join(kind.value for kind in DocumentKind) + ")")
def _kind(text: str) -> DocumentKind:
    return DocumentKind(text.removeprefix("an ").removeprefix("a "))


LANGUAGE_CODES = {name: code for code, name in LANGUAGE_NAMES.items()}
"""The six languages by their English names, as the feature files write them."""


@_typed(r"[A-Z][a-z]+")
def _language(text: str) -> str:
    """A language by its name (`French`), as its code (`fr`); a language not
    among the six by its name in lower case, for the secretariat to refuse."""
    return LANGUAGE_CODES.get(text, text.lower())


SUBMITTER_KINDS = {
    "Member State": SubmitterKind.MEMBER_STATE,
    "Observer": SubmitterKind.OBSERVER,
}


@_typed("|".join(SUBMITTER_KINDS))
def _submitter_kind(text: str) -> SubmitterKind:
    return SUBMITTER_KINDS[text]


@attrs.frozen
class Statements:
    """`general statements`, or `statements on item 2` (one: `statement`)."""

    item: int | None


@_typed(r"general statements?|statements? on item \d+")
def _statements(text: str) -> Statements:
    if text.startswith("general"):
        return Statements(None)
    return Statements(int(text.rpartition(" ")[2]))


@_typed(r"panelists?")
def _panelists(text: str) -> str:
    return text


TYPES: dict[str, Callable[[str], Any]] = {
    "Date": _date,
    "Days": days,
    "Dates": _dates,
    "Times": _times,
    "Ordinal": _ordinal,
    "Body": _body,
    "Session": _session,
    "Workplan": _workplan,
    "Record": _record,
    "Text": _text,
    "Format": _format,
    "Kind": _kind,
    "SubmitterKind": _submitter_kind,
    "Statements": _statements,
    "Panelists": _panelists,
    "Language": _language,
}


def phrase(text: str) -> parsers.parse:
    """A step's words, with the types above: `the {session:Session} is closed
    on {on:Date}`."""
    return parsers.parse(text, extra_types=TYPES)


ENTRIES = {
    "Scheduled": "scheduled",
    "Postponed": "postponed",
    "Rescheduled": "rescheduled",
    "VenueChanged": "venue changed",
    "Cancelled": "cancelled",
    "AgendaIssued": "agenda issued",
    "DocumentIssued": "document issued",
    "DocumentCirculated": "document circulated",
    "StatementRecorded": "statement recorded",
    "PanelistConfirmed": "panelist confirmed",
    "Opened": "opened",
    "Closed": "closed",
    "ReportAdopted": "report adopted",
    "Corrected": "corrected",
    "Struck": "struck",
    "Adopted": "workplan adopted",
    "CommentsRequested": "comments requested",
    "DeadlineExtended": "deadline extended",
    "SubmissionReceived": "submission received",
    "Translated": "title translated",
    "TranslationPublished": "language version published",
}
"""Each kind of entry of a history, in the words of the decision that records it."""


def entry_words(event: str) -> str:
    return ENTRIES.get(event, event)


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


YES_NO = {"yes": True, "no": False}
