"""Reading values written as text: dates, whole numbers, periods, body codes,
choices and `N=TEXT` pairs.

One parser per kind of value, shared by the command line, import files and
whatever else hands the secretariat text: each returns the value or raises an
`UnreadableValueError` saying, in an officer's words, what is wrong. Only the
standard library is imported here (and the domain's values where they are
needed), so that a query that reads a date starts without the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from domain.errors import InvalidValueError
from domain.limits import BODY_CODE

if TYPE_CHECKING:
    from domain.values import Period

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""A date's digits are ASCII ones (`\\d` would also match ٢ or ²)."""
ASCII_DIGITS = re.compile(r"[0-9]+")
MAX_DIGITS = 9
"""The longest whole number read: more digits are a typing mistake, and would
only be refused later as out of range."""


class UnreadableValueError(InvalidValueError):
    """Raised when a text is not written as the kind of value it stands for."""


def parse_date(text: str) -> date:
    """A calendar date written YYYY-MM-DD, and nothing else."""
    written = text.strip()
    if not ISO_DATE.fullmatch(written):
        raise UnreadableValueError(f"{text!r} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(written)
    except ValueError:
        raise UnreadableValueError(f"{written} is not a date that exists") from None


def parse_day_or_moment(text: str) -> date | datetime:
    """A date written YYYY-MM-DD, or a moment written in ISO 8601 with its
    UTC offset (`2020-03-12T23:30-05:00`): a moment without an offset would
    be read in some zone the writer did not say."""
    written = text.strip()
    if ISO_DATE.fullmatch(written):
        return parse_date(written)
    try:
        if not written.isascii() or not written.isprintable() or "T" not in written:
            raise ValueError(written)
        if not ISO_DATE.fullmatch(written[:10]):
            raise ValueError(written)
        moment = datetime.fromisoformat(written)
    except ValueError:
        raise UnreadableValueError(
            f"{text!r} is neither a date written YYYY-MM-DD nor a moment written "
            "YYYY-MM-DDTHH:MM[:SS]+HH:MM (with its UTC offset)"
        ) from None
    if moment.tzinfo is None:
        raise UnreadableValueError(
            f"{text!r} has no UTC offset: write the moment with the offset of "
            "the clock it was read on (2020-03-12T23:30-05:00, or Z for UTC)"
        )
    return moment


def parse_count(text: str) -> int:
    """A whole number written in decimal digits (a session number, an item, a year)."""
    written = text.strip()
    if not ASCII_DIGITS.fullmatch(written) or len(written) > MAX_DIGITS:
        raise UnreadableValueError(f"{text!r} is not a whole number")
    return int(written)


def parse_number(text: str) -> int:
    """A session's number: a whole number from 1 (`parse_count`, then checked)."""
    from domain.values import check_number

    return check_number(parse_count(text), what="a session number")


def parse_moment(text: str, *, local: bool = False) -> str:
    """A moment written in ISO 8601 (`2020-03-13T10:00:00+01:00`), as the views
    write recording times (in UTC, with microseconds); without a UTC offset it
    is read as UTC, or, `local`, in this machine's zone (`$TZ`, daylight saving
    time included), and a date alone is its first moment."""
    from datetime import UTC, datetime

    from application.projections import utc_text

    written = text.strip()
    try:
        if not written.isascii() or not written.isprintable():
            raise ValueError(written)
        moment = datetime.fromisoformat(written)
    except ValueError:
        raise UnreadableValueError(
            f"{text!r} is not a moment written YYYY-MM-DDTHH:MM[:SS][+HH:MM]"
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone() if local else moment.replace(tzinfo=UTC)
    return utc_text(moment)


def parse_local_moment(text: str) -> str:
    """A moment as an officer types it: without a UTC offset, in the zone of
    the machine they type it on (`parse_moment`)."""
    return parse_moment(text, local=True)


def parse_timezone(text: str) -> str:
    """A time zone's IANA name (`Europe/Vienna`), written as the database
    writes it."""
    from domain.values import check_timezone

    return check_timezone(text.strip())


def parse_period(text: str) -> Period:
    """The years of a workplan, written YYYY-YYYY."""
    from domain.values import Period

    return Period.parse(text)


def parse_body_code(text: str) -> str:
    """A body's short code (`cybercrime-egm`)."""
    if not BODY_CODE.fullmatch(text):
        raise UnreadableValueError(
            "a body code is lower-case letters, digits and hyphens "
            f"(like cybercrime-egm), at most 64 characters, not {text!r}"
        )
    return text


def parse_choice(text: str, choices: Sequence[str]) -> str:
    """One of `choices`, written exactly."""
    if text in choices:
        return text
    listed = ", ".join(map(repr, choices))
    if len(choices) == 1:
        raise UnreadableValueError(f"{text!r} is not {listed}.")
    raise UnreadableValueError(f"{text!r} is not one of {listed}.")


def parse_assignment(text: str) -> tuple[int, str]:
    """`KEY=TEXT`, where KEY is a whole number (an agenda item, a year)."""
    key, equals, value = text.partition("=")
    if not equals or not ASCII_DIGITS.fullmatch(key.strip()):
        raise UnreadableValueError(f"{text!r} is not written N=TEXT")
    # Spaces only: any other character is checked as part of the text.
    return int(key), value.strip(" ")
