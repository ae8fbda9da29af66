"""A message of the outbox as its subscriber receives it: a plain-text and an
HTML part written from templates in the subscriber's language (English where
none exists), and, for a session, the calendar entry as an iCalendar request
(or cancellation) with the same UID and SEQUENCE as the calendar file, so that
a calendar program updates the entry it has.

Everything in a message comes from its row, nothing from the clock: the same
message written again (after a crash, say) is the same message, with the same
`Message-ID`.
"""

from __future__ import annotations

from datetime import date, datetime
from email import message_from_bytes, policy
from email.header import Header
from email.message import EmailMessage, Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import Compat32
from email.utils import format_datetime, formataddr
from functools import cache, lru_cache
from typing import Any, cast

from babel.dates import format_date
from icalendar import Calendar, vCalAddress
from icalendar.parser import Contentline, Parameters
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from adapters.ical import PRODID, add_zones, session_event
from application.projections.outbox import (
    MessageRow,
    changes_of,
    message_id,
    session_of,
)
from application.projections.rows import CalendarRow
from domain.phrases import describe_days

LANGUAGES = ("en", "fr")
"""The languages messages are written in; a subscriber of another language is
written to in English."""


def language_of(row: MessageRow) -> str:
    return row.language if row.language in LANGUAGES else "en"


# Dates and sessions, in words of each language.


def _day(text: str | None, language: str) -> str:
    if text is None:
        return ""
    day = date.fromisoformat(text)
    if language == "en":
        return describe_days(day, day)
    return format_date(day, "long", locale=language)


def _days(start: str | None, end: str | None, language: str) -> str:
    if start is None or end is None:
        return {"fr": "dates à déterminer"}.get(language, "dates to be determined")
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    if language == "en":
        return describe_days(first, last)
    if first == last:
        return format_date(last, "long", locale=language)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{format_date(last, 'long', locale=language)}"
    if first.year == last.year:
        return (
            f"{format_date(first, 'd MMMM', locale=language)}–"
            f"{format_date(last, 'long', locale=language)}"
        )
    return (
        f"{format_date(first, 'long', locale=language)}–"
        f"{format_date(last, 'long', locale=language)}"
    )


def _ordinal(number: int, language: str) -> str:
    if language == "fr":
        return f"{number}{'re' if number == 1 else 'e'}"
    from domain.phrases import ordinal

    return ordinal(number)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("adapters.mail", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["day"] = _day
    env.filters["ordinal"] = _ordinal
    env.globals["days"] = _days
    return env


def values(row: MessageRow) -> dict[str, Any]:
    """What the templates are given."""
    session = session_of(row)
    return {
        "lang": language_of(row),
        "name": row.name,
        "body": row.body,
        "number": row.number,
        "period": row.period,
        "cycle": row.cycle,
        "deadline": row.deadline,
        "session": None if session is None else session._asdict(),
        "changes": changes_of(row),
        "last": changes_of(row)[-1],
    }


def render(row: MessageRow, part: str) -> str:
    """One part of the message (`subject.txt`, `message.txt`, `message.html`)."""
    template = environment().get_template(f"{language_of(row)}/{part}")
    return template.render(values(row))


def subject(row: MessageRow) -> str:
    return " ".join(render(row, "subject.txt").split())


def invitation(session: CalendarRow, *, organizer: str, attendee: str) -> bytes:
    """The session's calendar entry, as a request to put it in a calendar (or
    to take it out: a cancellation), with the calendar file's UID and SEQUENCE.
    (Built once for each session and organizer; only the attendee's line is
    written for each message.)"""
    line = Contentline.from_parts(
        "ATTENDEE", Parameters(), vCalAddress(f"mailto:{attendee}")
    ).to_ical()
    return bytes(line).join(_entry(session, organizer))


_ATTENDEE = "mailto:attendee@attendee.invalid"
"""Where the attendee's line goes in an entry built once for many attendees."""


@lru_cache(maxsize=64)
def _entry(session: CalendarRow, organizer: str) -> tuple[bytes, bytes]:
    """The calendar entry of `session` for any attendee: what comes before
    the attendee's line and what comes after it."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if session.status == "cancelled" else "REQUEST")
    event = session_event(session)
    event.add("organizer", vCalAddress(f"mailto:{organizer}"))
    event.add("attendee", vCalAddress(_ATTENDEE))
    calendar.add_component(event)
    if isinstance(event.start, datetime):  # a session with meeting hours
        add_zones(calendar, [event.start.date(), date.fromisoformat(session.last_end)])
    before, after = bytes(calendar.to_ical()).split(f"ATTENDEE:{_ATTENDEE}".encode(), 1)
    return before, after


def compose(row: MessageRow, *, sender: str) -> Message:
    """The message of `row`, from `sender`, as it is sent. (Built with the
    `email` package's MIME classes, whose headers are kept as written: the
    newer `EmailMessage` parses each header it is given, which cost more than
    the rest of a delivery.)"""
    message = MIMEMultipart("mixed", boundary=_boundary("mixed", row), policy=_POLICY)
    message["Message-ID"] = message_id(row.message)
    message["Date"] = format_datetime(datetime.fromisoformat(row.due_at))
    message["From"] = _header(sender)
    message["To"] = formataddr((row.name, row.email), charset="utf-8")
    message["Subject"] = _header(subject(row))
    message["Content-Language"] = language_of(row)
    parts = MIMEMultipart("alternative", boundary=_boundary("alternative", row))
    parts.attach(MIMEText(render(row, "message.txt"), "plain", "utf-8"))
    parts.attach(MIMEText(render(row, "message.html"), "html", "utf-8"))
    message.attach(parts)
    session = session_of(row)
    if session is not None:
        method = "CANCEL" if session.status == "cancelled" else "REQUEST"
        entry = invitation(session, organizer=_address(sender), attendee=row.email)
        attached = MIMEText(entry.decode(), "calendar", "utf-8")
        attached.set_param("method", method)
        attached.add_header("Content-Disposition", "attachment", filename="invite.ics")
        message.attach(attached)
    return message


def _boundary(kind: str, row: MessageRow) -> str:
    """The line between a message's parts, fixed by the message (written
    again, it is the same bytes). Every part is encoded in base64, whose
    letters do not include `_`: no part can hold the line. (Left to the
    `email` package, the line is drawn at random and each part searched for it
    with a pattern compiled for it, which costs more than writing the part.)"""
    return f"_{kind}_{row.message}_"


class _Headers(Compat32):
    """The `email` package's first rules, but a header that is plain ASCII
    text on one short line is written as it is, as those rules would write
    it, without first cutting it into pieces to see whether it must be
    folded (which cost more than the rest of writing a message)."""

    def fold(self, name: str, value: str) -> str:
        if _as_it_is(name, value):
            return f"{name}: {value}{self.linesep}"
        return super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        if _as_it_is(name, value):
            return f"{name}: {value}{self.linesep}".encode("ascii")
        return super().fold_binary(name, value)


def _as_it_is(name: str, value: object) -> bool:
    return (
        isinstance(value, str)
        and value.isascii()
        and len(name) + len(value) + 2 <= 78
        and "\n" not in value
        and "\r" not in value
    )


_POLICY = _Headers()


def received(message: Message) -> EmailMessage:
    """`message` as a mail program reads it: parsed back from its bytes."""
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _header(text: str) -> str:
    """A header's text, to be encoded (RFC 2047) when it is not plain ASCII.
    (A `Header` is what `Message` takes for that, though typed as text.)"""
    return text if text.isascii() else cast(str, Header(text, "utf-8"))


def _address(sender: str) -> str:
    from email.utils import parseaddr

    return parseaddr(sender)[1] or sender
