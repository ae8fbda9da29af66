"""Value objects: what the secretariat's decisions are made of.

They never change once made, and each checks on construction what can never be
valid (a date range that ends before it starts, a period that runs backwards).
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
import unicodedata
import zoneinfo
from datetime import date, time
from typing import Any

import attrs

from domain.errors import InvalidValueError
from domain.limits import NAME_LIMIT
from domain.phrases import UNDATED, describe_days

# Also imported from here, where they were first defined.
from domain.phrases import describe_session as describe_session  # noqa: PLC0414
from domain.phrases import ordinal as ordinal  # noqa: PLC0414

FIRST_YEAR = 1945
LAST_YEAR = 2200
"""The years the record may speak of: a date outside them is a typing mistake."""

PERIOD = re.compile(r"([0-9]{4})-([0-9]{4})")
"""A period as written: two years of four ASCII digits (`\\d` would also
match ٢ or ²)."""
MAX_NUMBER = 100_000
"""The highest session number, agenda item or count the record accepts."""


class EndBeforeStartError(InvalidValueError):
    """Raised when a date range or a period ends before it starts."""


class InvalidTextError(InvalidValueError):
    """Raised when a text is empty, too long or holds control characters."""


class DateOutOfRangeError(InvalidValueError):
    """Raised when a date or year lies outside the years the record speaks of."""


class InvalidNumberError(InvalidValueError):
    """Raised when a session number, agenda item or cycle is not a sensible count."""


BLANK_LOOKING = frozenset("\u115f\u1160\u180e\u2800\u3164\uffa0")
"""Letters and symbols that show nothing (the Hangul fillers, the blank
Braille pattern, the Mongolian vowel separator)."""


def is_blank(value: str) -> bool:
    """Whether a text shows nothing: only spaces, line breaks, format
    characters (zero-width spaces and joiners, direction marks, U+FEFF) and
    characters that show nothing."""
    first = value[:1]
    if first.isascii() and first.isalnum():  # most texts: a letter or digit
        return False
    for character in value:  # a loop: most texts end at their first character
        if not (
            character.isspace()
            or character in BLANK_LOOKING
            or unicodedata.category(character) in ("Cf", "Zs", "Zl", "Zp")
        ):
            return False
    return True


def check_text(value: str, *, what: str, limit: int = NAME_LIMIT) -> str:
    """Return `value` if it is a text the record can hold, else raise.

    Line breaks and tabs are allowed (a reason may have paragraphs); other
    control characters, including NUL, are not: they are never typed on purpose,
    and PostgreSQL cannot hold a NUL in a text. Nor are lone surrogates (half of
    a character, as a command-line argument that is not UTF-8 arrives): no store
    can hold them.
    """
    if not isinstance(value, str):
        raise InvalidTextError(f"{what} must be text")
    if is_blank(value):
        raise InvalidTextError(f"{what} must not be empty")
    if len(value) > limit:
        raise InvalidTextError(
            f"{what} is {len(value):,} characters long; the limit is {limit:,}"
        )
    refused = _REFUSED_CHARACTER.search(value)
    if refused is not None:
        character = refused.group()
        if unicodedata.category(character) == "Cs":
            raise InvalidTextError(
                f"{what} holds U+{ord(character):04X}, half of a character "
                "(text that is not valid UTF-8)"
            )
        raise InvalidTextError(
            f"{what} holds the control character U+{ord(character):04X}"
        )
    return value


_REFUSED_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""The characters `check_text` refuses: Unicode's control characters (its
category Cc) but line breaks and tabs, and surrogates (Cs): one search of the
text finds the first, where a look at each character's category took longer
than the rest of the command's checks together."""


def check_number(value: int, *, what: str) -> int:
    """Return `value` if it is a count from 1 to MAX_NUMBER, else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidNumberError(f"{what} must be a whole number")
    if not 1 <= value <= MAX_NUMBER:
        raise InvalidNumberError(
            f"{what} must be from 1 to {MAX_NUMBER:,}, not {value}"
        )
    return value


def check_year(value: int, *, what: str) -> int:
    """Return `value` if it is a year the record may speak of, else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidNumberError(f"{what} must be a year")
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise DateOutOfRangeError(
            f"{what} {value} is outside the years {FIRST_YEAR}-{LAST_YEAR}"
        )
    return value


def check_date(value: date, *, what: str) -> date:
    """Return `value` if it falls in the years the record may speak of, else raise."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise DateOutOfRangeError(
            f"{what} {value.isoformat()} is outside the years {FIRST_YEAR}-{LAST_YEAR}"
        )
    return value


class UnknownTimezoneError(InvalidValueError):
    """Raised when a time zone is not named as the IANA database names one."""


UTC_ZONE = "UTC"
"""The zone of a body established without one, and of every body established
before bodies had zones."""

NOT_PLACES = frozenset({"localtime", "Factory", "posixrules"})
"""Names the zone database holds that name no place: the machine's own zone,
a placeholder, a template of rules."""


@functools.cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones()) - NOT_PLACES


def check_timezone(value: str, *, what: str = "the time zone") -> str:
    """Return `value` if it names a zone of the IANA database
    (`Europe/Vienna`, `America/New_York`, `UTC`), written as the database
    writes it, else raise."""
    if not isinstance(value, str) or value not in _zone_names():
        shown = value if isinstance(value, str) else repr(value)
        raise UnknownTimezoneError(
            f"{what} {shown[:80]!r} is not an IANA time zone name "
            "(like Europe/Vienna, America/New_York or UTC)"
        )
    return value


def zone_of(name: str) -> zoneinfo.ZoneInfo:
    """The zone named `name` (checked: `check_timezone`)."""
    return zoneinfo.ZoneInfo(check_timezone(name))


def _check_range_date(_: Any, attribute: attrs.Attribute[date], value: date) -> None:
    check_date(value, what=f"the {attribute.name} date")


@attrs.frozen
class DateRange:
    """The first and last day of a session, both included."""

    start: date = attrs.field(validator=_check_range_date)
    end: date = attrs.field(validator=_check_range_date)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise EndBeforeStartError(
                f"the end date {self.end.isoformat()} is before "
                f"the start date {self.start.isoformat()}"
            )

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return describe_dates(self)


class InvalidHoursError(InvalidValueError):
    """Raised when meeting hours are not written HH:MM-HH:MM, end before they
    start, overlap, or do not fit the session's days."""


_RANGE = re.compile(r"([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})")
HOURS_FORM = "HH:MM-HH:MM"
HOURS_LIMIT = 4_000
"""The longest hours written: a year of days, each its own hours."""


def _moment_of_day(text: str, hour: str, minute: str) -> time:
    if int(hour) > 23 or int(minute) > 59:
        raise InvalidHoursError(f"{text!r} holds a time of day that does not exist")
    return time(int(hour), int(minute))


@attrs.frozen
class Hours:
    """The hours a session meets, in its venue's zone: the same for every day
    (one day's hours given), or day by day (one day's hours for each of its
    days, in order). A day's hours are one range (`10:00-13:00`) or several,
    in order and apart (`10:00-13:00+15:00-18:00`)."""

    days: tuple[tuple[tuple[time, time], ...], ...]

    def __attrs_post_init__(self) -> None:
        if not self.days:
            raise InvalidHoursError("give the hours of at least one day")
        for ranges in self.days:
            if not ranges:
                raise InvalidHoursError("a day's hours are empty")
            for start, end in ranges:
                if end <= start:
                    raise InvalidHoursError(
                        f"the meeting hours {_written(start, end)} end before "
                        "they start (a meeting ends on the day it starts)"
                    )
            for (_, end), (start, later_end) in itertools.pairwise(ranges):
                if start < end:
                    raise InvalidHoursError(
                        f"the meeting hours {_written(start, later_end)} overlap "
                        "or come before the hours before them on the same day"
                    )

    @classmethod
    def parse(cls, text: str) -> Hours:
        """Read hours written `HH:MM-HH:MM`, a day's ranges joined by `+`,
        the days separated by commas."""
        if len(text) > HOURS_LIMIT:
            raise InvalidHoursError(
                f"meeting hours are {len(text):,} characters long; "
                f"the limit is {HOURS_LIMIT:,}"
            )
        days = []
        for day in text.strip().split(","):
            ranges = []
            for written in day.strip().split("+"):
                found = _RANGE.fullmatch(written.strip())
                if found is None:
                    raise InvalidHoursError(
                        f"meeting hours are written {HOURS_FORM}, a day's ranges "
                        "joined by + and the days separated by commas "
                        f"(10:00-13:00+15:00-18:00,10:00-13:00), not {text[:80]!r}"
                    )
                ranges.append(
                    (
                        _moment_of_day(written, found[1], found[2]),
                        _moment_of_day(written, found[3], found[4]),
                    )
                )
            days.append(tuple(ranges))
        return cls(tuple(days))

    @property
    def daily(self) -> bool:
        """Whether every day has the same hours (given once)."""
        return len(self.days) == 1

    def fit(self, dates: DateRange) -> bool:
        """Whether these hours can be a session's on `dates`: daily hours fit
        any days; hours given day by day, as many days."""
        return self.daily or len(self.days) == (dates.end - dates.start).days + 1

    def __str__(self) -> str:
        return ",".join(
            "+".join(_written(start, end) for start, end in ranges)
            for ranges in self.days
        )


def _written(start: time, end: time) -> str:
    return f"{start:%H:%M}-{end:%H:%M}"


def describe_dates(dates: DateRange | None) -> str:
    """Write dates as the secretariat does: 6-8 April 2020, 30 June-2 July 2020."""
    return UNDATED if dates is None else describe_days(dates.start, dates.end)


@attrs.frozen
class Period:
    """The years a workplan covers, both included: 2018-2021."""

    first: int
    last: int

    def __attrs_post_init__(self) -> None:
        check_year(self.first, what="the first year of the period")
        check_year(self.last, what="the last year of the period")
        if self.last < self.first:
            raise EndBeforeStartError(
                f"the period {self.first}-{self.last} ends before it starts"
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read a period written YYYY-YYYY."""
        written = PERIOD.fullmatch(text.strip())
        if written is None:
            raise InvalidValueError(f"a period is written YYYY-YYYY, not {text!r}")
        return cls(int(written[1]), int(written[2]))

    def __contains__(self, year: int) -> bool:
        return self.first <= year <= self.last

    def __str__(self) -> str:
        return f"{self.first}-{self.last}"


def _check_item_number(_: Any, __: Any, value: int) -> None:
    check_number(value, what="an agenda item number")


def _check_title(_: Any, attribute: attrs.Attribute[str], value: str) -> None:
    check_text(value, what=f"the {attribute.name.replace('_', ' ')}")


@attrs.frozen
class AgendaItem:
    """One numbered item of a session's agenda."""

    number: int = attrs.field(validator=_check_item_number)
    title: str = attrs.field(validator=_check_title)


def _as_tuple(value: Any) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class CycleTopics:
    """The topics a workplan sets for one year's session."""

    year: int
    topics: tuple[str, ...] = attrs.field(converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        check_year(self.year, what="the topic year")
        if not self.topics:
            raise InvalidValueError(f"the year {self.year} has no topics")
        for topic in self.topics:
            check_text(topic, what=f"a topic for {self.year}")


class Format(enum.Enum):
    """How participants attend a session."""

    IN_PERSON = "in-person"
    HYBRID = "hybrid"
    ONLINE = "online"


class DocumentKind(enum.Enum):
    """The kinds of document a session publishes."""

    ANNOTATED_AGENDA = "annotated-agenda"
    ORGANIZATION_OF_WORK = "organization-of-work"
    PARTICIPANTS_LIST = "participants-list"
    REPORT = "report"
    COMMENTS = "comments"
    BACKGROUND_PAPER = "background-paper"
    GUIDE = "guide"
    CODE_OF_CONDUCT = "code-of-conduct"
    STATEMENT = "statement"
    PRESENTATION = "presentation"
    OTHER = "other"


class SubmitterKind(enum.Enum):
    """Who may answer a call for comments."""

    MEMBER_STATE = "member-state"
    OBSERVER = "observer"


class ObserverKind(enum.Enum):
    """What an observer admitted to a body is: a State that is not a Member
    of the United Nations, an intergovernmental organization, or another
    entity."""

    STATE = "state"
    INTERGOVERNMENTAL = "intergovernmental"
    OTHER = "other"


class SessionStatus(enum.Enum):
    """Where a session stands.

    `postponed` means postponed with its dates to be determined; a session
    postponed to new dates is `scheduled` again.
    """

    SCHEDULED = "scheduled"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    IN_SESSION = "in-session"
    CLOSED = "closed"
