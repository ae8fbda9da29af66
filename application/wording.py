"""How the record is put into words wherever it is shown: the command line's
tables, the site's pages and the calendar file.

Statuses, formats, document kinds and their order, dates, and the order of
sessions are written here once. The phrases the secretariat's rules also use
in their messages (an ordinal, a session's name, a span of days) are the
domain's (`domain.phrases`), used here as they are. This module imports
nothing else, so that a query reading a view's table directly writes its
answer without loading the domain's values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, tzinfo
from typing import Any

from domain.languages import NAMES as LANGUAGE_NAMES
from domain.phrases import UNDATED, describe_days
from domain.phrases import describe_session as describe_session  # noqa: PLC0414
from domain.phrases import ordinal as ordinal  # noqa: PLC0414
from domain.striking import ENTRY_WORDS

# Sessions.

STATUS_WORDS = {
    "scheduled": "scheduled",
    "postponed": "postponed, new dates to be determined",
    "cancelled": "cancelled",
    "in-session": "in session",
    "closed": "opened and closed",
}
"""A session's status as the public reads it (the rules' messages say it in
the secretariat's own words: `domain.session.STATUS_WORDS`): what the record
holds of it, not what the world did (a closed session is one whose opening and
closing are recorded)."""

FORMAT_WORDS = {
    "in-person": "in person",
    "hybrid": "hybrid: in person and online",
    "online": "online",
}


def status_words(status: str) -> str:
    return STATUS_WORDS.get(status, status)


def format_words(format: str) -> str:
    return FORMAT_WORDS.get(format, format)


def session_order(row: Any) -> tuple[bool, str, str, int]:
    """The calendar's order: by start date, sessions whose dates are to be
    determined last (by body and number)."""
    return (row.start is None, row.start or "", row.body, row.number)


def date_order(row: Any) -> tuple[bool, str, str, int]:
    """The pages' order: by start date, sessions whose dates are to be
    determined last, by the start last announced."""
    return (row.start is None, row.start or row.last_start, row.body, row.number)


def is_lapsed(row: Any, day: date) -> bool:
    """Whether a session (a calendar row, or its entry) has lapsed by `day`:
    its last day passed without it being opened or cancelled."""
    end = row["end"] if isinstance(row, dict) else row.end
    status = row["status"] if isinstance(row, dict) else row.status
    return status == "scheduled" and end is not None and end < day.isoformat()


def session_tense(row: Any, day: date | None) -> str:
    """How a page speaks, on `day`, of a session that is neither cancelled nor
    postponed (a calendar row): `future` before its first day (whatever the
    record shows by now), `lapsed` once its last day passed with no opening,
    `past` once it has opened and its last day passed (or it has closed),
    `present` while it is open on one of its days, `due` on one of its days
    with no opening recorded yet. Without a day, by its status alone."""
    status = row.status
    if day is None:
        return {"closed": "past", "in-session": "present"}.get(status, "future")
    today = day.isoformat()
    if row.start is not None and today < row.start:
        return "future"
    if is_lapsed(row, day):
        return "lapsed"
    if row.end is not None and row.end < today:
        return "past"
    if status == "closed":
        # Closed, on a day of its dates: it met that day, unless that is the
        # last one (it closed by then).
        return "past" if row.end is None or row.end == today else "present"
    return "present" if status == "in-session" else "due"


LAPSED_WORDS = "lapsed: no opening is recorded"
"""A lapsed session's status, as a table or a page says it."""


def has_moved(row: Any) -> bool:
    """Whether a session (a calendar row) is no longer on the dates first
    announced: on other dates, or postponed with its new dates to be
    determined."""
    return row.status == "postponed" or (row.last_start, row.last_end) != (
        row.original_start,
        row.original_end,
    )


ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]


def ordinal_word(number: int) -> str:
    """`6` as `sixth`; beyond the twentieth, `21st`."""
    if 1 <= number <= len(ORDINAL_WORDS):
        return ORDINAL_WORDS[number - 1]
    return ordinal(number)


def times(count: int) -> str:
    """How often something happened: `once`, `3 times`."""
    return "once" if count == 1 else f"{count} times"


# Dates, as the record stores them (ISO text).


def dates(start: str | None, end: str | None, *, undated: str = UNDATED) -> str:
    """A session's dates as the secretariat writes them (`27–29 July 2020`;
    one day when `start` is `end`); `undated` when either is not known."""
    if start is None or end is None:
        return undated
    return describe_days(date.fromisoformat(start), date.fromisoformat(end))


def day(iso: str | None, *, undated: str = "to be determined") -> str:
    """`2020-03-12` as `12 March 2020`."""
    return dates(iso, iso, undated=undated)


ASSUMED = "(date assumed)"
"""How a page marks a date the record assumed rather than took from a source."""


def when(iso: str | None, assumed: bool) -> str:
    """`2020-03-13` as `13 March 2020`, marked `(date assumed)` when the
    record assumed it."""
    return f"{day(iso)} {ASSUMED}" if assumed else day(iso)


def session_summary(title: str, body: str) -> str:
    """A session's title as a calendar entry's summary: with its body's code
    when the title does not name it (`First meeting (cybercrime-egm)`), so
    that two bodies' first meetings can be told apart."""
    if body.lower() in title.lower():
        return title
    return f"{title} ({body})"


def moment(iso: str, zone: tzinfo | None = None) -> str:
    """A recording time (ISO, with its offset) in `zone` (default: the local
    zone), with the zone's label: `13 March 2020, 10:04 UTC+01:00`, or
    `... UTC` when the zone is UTC."""
    when = datetime.fromisoformat(iso).astimezone(zone)
    offset = when.utcoffset()
    label = "UTC"
    if offset:
        label += f"{when:%z}"[:3] + ":" + f"{when:%z}"[3:]
    return f"{day(when.date().isoformat())}, {when:%H:%M} {label}"


def days_away(days: int) -> str:
    """How far a day is from today: `in 3 days`, `tomorrow`, `today`,
    `yesterday`, `20 days ago`."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def weekday(iso: str) -> str:
    """`2020-03-12` as `Thursday, 12 March 2020`."""
    return f"{date.fromisoformat(iso):%A}, {day(iso)}"


# Documents.

DOCUMENT_ORDER = (
    "annotated-agenda",
    "organization-of-work",
    "participants-list",
    "guide",
    "code-of-conduct",
    "background-paper",
    "statement",
    "presentation",
    "other",
)
"""The order in which a session page lists its documents by kind. Comments and
the report are listed apart, in sections of their own (`OWN_SECTIONS`); a kind
not named here (one added later) comes last."""

OWN_SECTIONS = ("comments", "report")

DOCUMENT_HEADINGS = {
    "annotated-agenda": "Annotated agenda",
    "organization-of-work": "Organization of work",
    "participants-list": "Participants",
    "guide": "Guides for participants",
    "code-of-conduct": "Code of conduct",
    "background-paper": "Background papers",
    "statement": "Statements",
    "presentation": "Presentations",
    "other": "Other documents",
}


def document_heading(kind: str) -> str:
    return DOCUMENT_HEADINGS.get(kind, kind.replace("-", " "))


# Comments.

SUBMISSION_WORDS = {
    "on-time": "on time",
    "within-extension": "within the extension",
    "late": "after the deadline",
}

SUBMITTER_WORDS = {"member-state": "Member State", "observer": "Observer"}


def submission_words(status: str) -> str:
    return SUBMISSION_WORDS.get(status, status)


def submitter_words(kind: str) -> str:
    return SUBMITTER_WORDS.get(kind, "Observer")


# Sentences.

CAUSAL_OPENINGS = ("due to ", "because ", "owing to ", "as a result of ", "following ")
"""A reason that starts so reads on after `postponed to 27–29 July 2020`."""


def because(reason: str) -> str:
    """A reason as the end of a sentence: `due to the impact of ...` where it
    reads on, else `for this reason: ...`; without its closing full stop."""
    text = reason.strip().rstrip(".")
    if text.lower().startswith(CAUSAL_OPENINGS):
        return text[:1].lower() + text[1:]
    return f"for this reason: {text}"


def sentence(text: str) -> str:
    """`text` ending with a full stop, once."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def statement_numbers(count: int) -> str:
    """A delegation's statements under one heading: nothing for one, `1; 2` for two."""
    return "" if count == 1 else "; ".join(str(n) for n in range(1, count + 1))


# Sources.

EVIDENCED = {
    "Established": ("the establishment of the body", "establishments"),
    "Scheduled": ("the scheduling", "schedulings"),
    "Postponed": ("the postponement", "postponements"),
    "Rescheduled": ("the new dates", "reschedulings"),
    "VenueChanged": ("the change of venue or format", "changes of venue or format"),
    "Cancelled": ("the cancellation", "cancellations"),
    "AgendaIssued": ("the agenda", "agendas"),
    "DocumentIssued": ("a document", "documents"),
    "DocumentCirculated": ("a circulation of a document", "circulations"),
    "StatementRecorded": ("a statement", "statements"),
    "PanelistConfirmed": ("a panelist", "panelists"),
    "Opened": ("the opening", "openings"),
    "Closed": ("the closing", "closings"),
    "ReportAdopted": ("the adoption of the report", "adoptions of the report"),
    "Corrected": ("a correction", "corrections"),
    "Translated": ("a translation", "translations"),
    "TranslationPublished": (
        "a language version of a document",
        "language versions of documents",
    ),
    "Struck": ("a strike of an entry recorded in error", "strikes"),
}
"""What an event a source evidences is called, once and more than once."""


def evidenced(event: str, count: int) -> str:
    """What `count` events named `event` are called where a source is listed:
    `the postponement`, `11 statements`."""
    one, many = EVIDENCED.get(event, (event, event))
    return one if count == 1 else f"{count} {many}"


# What a recording command did, said as the officer would say it.


def event_words(name: str) -> str:
    """An event's name as words: `AgendaIssued` as `agenda issued`."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def history_words(event: Mapping[str, Any]) -> str:
    """What an event of a history is, in words: its name (`agenda issued`),
    with the language for a translation (`French version published`)."""
    name = event["event"]
    if name == "TranslationPublished":
        return f"{language_words(event['language'])} version published"
    if name == "Translated":
        return f"translated into {language_words(event['language'])}"
    return event_words(name)


def _span(value: Mapping[str, Any] | None) -> str:
    if value is None:
        return UNDATED
    return dates(value["start"], value["end"])


def _item(event: Mapping[str, Any]) -> str:
    item = event.get("item")
    return "general" if item is None else f"on agenda item {item}"


def _established(record: str, e: Mapping[str, Any]) -> str:
    return f"Established {e['code']}, {e['name']}"


def _scheduled(record: str, e: Mapping[str, Any]) -> str:
    return (
        f"Scheduled {record}, {e['title']}, for {_span(e['dates'])} "
        f"in {e['venue']} ({format_words(e['format'])})"
    )


def _postponed(record: str, e: Mapping[str, Any]) -> str:
    if e.get("new") is None:
        return f"Postponed {record}; its new dates are to be determined"
    return f"Postponed {record} to {_span(e['new'])}"


def _rescheduled(record: str, e: Mapping[str, Any]) -> str:
    return f"Rescheduled {record} to {_span(e['new'])}"


def _venue_changed(record: str, e: Mapping[str, Any]) -> str:
    return f"Moved {record} to {e['venue']} ({format_words(e['format'])})"


def _agenda_issued(record: str, e: Mapping[str, Any]) -> str:
    count = len(e["items"])
    return f"Issued the agenda of {record}: {count} item{'s' * (count != 1)}"


def _document_issued(record: str, e: Mapping[str, Any]) -> str:
    named = f"{e['symbol']}, " if e.get("symbol") else ""
    language = e.get("language", "en")
    issued_in = "" if language == "en" else f", in {language_words(language)}"
    return f"Issued {named}{e['title']}{issued_in}, for {record}"


def language_words(code: str) -> str:
    """A language's name, by its code: `fr` is `French`."""
    return LANGUAGE_NAMES.get(code, code)


def _translated(record: str, e: Mapping[str, Any]) -> str:
    what = "title" if "title" in e else "name"
    return (
        f"Translated the {what} of {record} into {language_words(e['language'])}: "
        f"{e[what]}"
    )


def _translation_published(record: str, e: Mapping[str, Any]) -> str:
    titled = f" ({e['title']})" if e.get("title") else ""
    return (
        f"Published the {language_words(e['language'])} version of "
        f"{e['symbol']}{titled}, for {record}"
    )


def _document_circulated(record: str, e: Mapping[str, Any]) -> str:
    return f"Circulated {e['document']} to the {e['to']}, for {record}"


def as_written(name: str, written: str | None, unlisted: bool = False) -> str:
    """A delegation as the record names it, with the name as written beside
    it where that differs (`China, written "People's Republic of China"`),
    or marked unlisted (an expert in a personal capacity)."""
    if unlisted:
        return f"{name}, unlisted"
    if written is None or written == name:
        return name
    return f'{name}, written "{written}"'


def _delegation(e: Mapping[str, Any], field: str = "delegation") -> str:
    return as_written(
        e[field], e.get(f"{field}_as_written"), bool(e.get("unlisted", False))
    )


def _statement(record: str, e: Mapping[str, Any]) -> str:
    return f"Recorded a statement by {_delegation(e)} ({_item(e)}) at {record}"


def _panelist(record: str, e: Mapping[str, Any]) -> str:
    return (
        f"Confirmed {e['name']} ({_delegation(e)}) as a panelist on agenda "
        f"item {e['item']} of {record}"
    )


OBSERVER_KINDS = {
    "state": "a State that is not a Member",
    "intergovernmental": "an intergovernmental organization",
    "other": "another entity",
}


def _observer(record: str, e: Mapping[str, Any]) -> str:
    what = OBSERVER_KINDS.get(e["kind"], e["kind"])
    return f"Admitted {e['name']} ({what}) as an observer to {record}"


def _comments_requested(record: str, e: Mapping[str, Any]) -> str:
    return (
        f"Requested comments for {e['cycle']} under {record}, "
        f"due by {day(e['deadline'])}"
    )


def _deadline_extended(record: str, e: Mapping[str, Any]) -> str:
    return (
        f"Extended the {e['cycle']} deadline for comments under {record} "
        f"from {day(e['previous'])} to {day(e['to'])}"
    )


def _submission(record: str, e: Mapping[str, Any]) -> str:
    sender = _delegation(e, "submitter")
    # A sender said with its name as written ("China, written ...") is set
    # off by commas.
    apart = "," if sender != e["submitter"] else ""
    return (
        f"Received the comments of {sender}{apart} for {e['cycle']}{apart} "
        f"under {record}"
    )


def _corrected(record: str, e: Mapping[str, Any]) -> str:
    parts = [
        f'the {what} of {record} to "{e[what]}"'
        for what in ("title", "venue")
        if e.get(what) is not None
    ]
    return "Corrected " + " and ".join(parts)


def _struck(record: str, e: Mapping[str, Any]) -> str:
    what = ENTRY_WORDS.get(e["entry"], f"the {event_words(e['entry'])}")
    return f"Struck {what} at version {e['entry_version']} of {record}: {e['reason']}"


def _subscribed(record: str, e: Mapping[str, Any]) -> str:
    of = f" of {e['delegation']}" if e.get("delegation") else ""
    return f"Subscribed {e['name']}{of} <{e['email']}> to {record}"


SAYINGS: dict[str, Callable[[str, Mapping[str, Any]], str]] = {
    "Established": _established,
    "ObserverAdmitted": _observer,
    "Scheduled": _scheduled,
    "Postponed": _postponed,
    "Rescheduled": _rescheduled,
    "VenueChanged": _venue_changed,
    "Cancelled": lambda record, e: f"Cancelled {record}",
    "AgendaIssued": _agenda_issued,
    "DocumentIssued": _document_issued,
    "DocumentCirculated": _document_circulated,
    "StatementRecorded": _statement,
    "PanelistConfirmed": _panelist,
    "Opened": lambda record, e: f"Opened {record} on {day(e['on'])}",
    "Closed": lambda record, e: f"Closed {record} on {day(e['on'])}",
    "ReportAdopted": lambda record, e: f"Adopted the report of {record}",
    "Corrected": _corrected,
    "Struck": _struck,
    "Subscribed": _subscribed,
    "Unsubscribed": lambda record, e: f"Unsubscribed <{e['email']}> from {record}",
    "Translated": _translated,
    "TranslationPublished": _translation_published,
    "Adopted": lambda record, e: f"Adopted {record}",
    "CommentsRequested": _comments_requested,
    "DeadlineExtended": _deadline_extended,
    "SubmissionReceived": _submission,
}
"""What each event says, by the event's name in the history, from its fields
as the history writes them."""


def recorded_sentence(
    record: str, event: Mapping[str, Any], version: int, *, verb: str
) -> str:
    """What a command recorded, as a sentence naming what changed: `Postponed
    the 6th session of cybercrime-egm to 27–29 July 2020 (version 12).` An
    event this module has no words for is said by its command (`verb`)."""
    say = SAYINGS.get(event["event"])
    try:
        said = say(record, event) if say else f"Recorded {verb} for {record}"
    except (KeyError, TypeError, ValueError):
        said = f"Recorded {verb} for {record}"
    return f"{said} (version {version})."
