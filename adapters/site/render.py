"""The site's pages as HTML: Jinja2 templates, with every value escaped.

The templates (`templates/`) receive the application's page values and write
every text from the record through autoescaping; the filters here only turn
dates, numbers and codes into words, and return plain text, never markup.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from application.entries import describe_stored_dates
from application.pages import has_moved
from domain.values import ordinal

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

KIND_HEADINGS = {
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

FORMAT_WORDS = {
    "in-person": "in person",
    "hybrid": "hybrid: in person and online",
    "online": "online",
}

STATUS_WORDS = {
    "scheduled": "scheduled",
    "postponed": "postponed, new dates to be determined",
    "cancelled": "cancelled",
    "in-session": "in session",
    "closed": "held",
}

SUBMISSION_WORDS = {
    "on-time": "on time",
    "within-extension": "within the extension",
    "late": "after the deadline",
}

CAUSAL_OPENINGS = ("due to ", "because ", "owing to ", "as a result of ", "following ")
"""A reason that starts so reads on after `postponed to 27–29 July 2020`."""


def day(iso: str | None) -> str:
    """`2020-03-12` as `12 March 2020`."""
    return describe_stored_dates(iso, iso) or "to be determined"


def weekday(iso: str) -> str:
    """`2020-03-12` as `Thursday, 12 March 2020`."""
    return f"{date.fromisoformat(iso):%A}, {day(iso)}"


def dates(start: str | None, end: str | None) -> str:
    """A session's dates as the secretariat writes them: `27–29 July 2020`."""
    return describe_stored_dates(start, end) or "dates to be determined"


def ordinal_word(number: int) -> str:
    """`6` as `sixth`; beyond the twentieth, `21st`."""
    if 1 <= number <= len(ORDINAL_WORDS):
        return ORDINAL_WORDS[number - 1]
    return ordinal(number)


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


def session_path(body: str, number: int) -> str:
    """Where a session's page is, from the site's root."""
    return f"{body}/session-{number}.html"


def workplan_path(body: str, period: str) -> str:
    return f"{body}/workplan-{period}.html"


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("adapters.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        day=day,
        weekday=weekday,
        ordinal=ordinal,
        ordinal_word=ordinal_word,
        because=because,
        sentence=sentence,
        statement_numbers=statement_numbers,
        kind_heading=lambda kind: KIND_HEADINGS.get(kind, kind.replace("-", " ")),
        format_words=lambda f: FORMAT_WORDS.get(f, f),
        status_words=lambda s: STATUS_WORDS.get(s, s),
        submission_words=lambda s: SUBMISSION_WORDS.get(s, s),
    )
    env.globals.update(
        dates=dates,
        has_moved=has_moved,
        session_path=session_path,
        workplan_path=workplan_path,
    )
    return env


def render(env: Environment, template: str, *, root: str, **values: Any) -> str:
    """One page; `root` is the way from the page back to the site's root."""
    return env.get_template(template).render(root=root, **values)
