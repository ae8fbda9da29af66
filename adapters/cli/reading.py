"""The commands that only read the record."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import click
import structlog

from adapters.cli.output import emit_json, emit_lines, emit_table
from adapters.cli.params import BODY, NUMBER, Parsed
from adapters.cli.running import Settings, global_options
from application.parsing import parse_number, parse_period
from application.wording import (
    OBSERVER_KINDS,
    dates,
    day,
    describe_session,
    document_heading,
    format_words,
    history_words,
    language_words,
    moment,
    status_words,
)
from domain.errors import InvalidValueError

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

__all__ = [
    "READING_COMMANDS",
    "bodies",
    "emit_json",
    "emit_table",
    "history",
    "session",
]

HISTORY_HEADERS = ("version", "event", "on", "recorded at", "actor", "details")


def describe_value(value: object) -> str:
    """A plain value as a secretariat officer reads it."""
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        return dates(value["start"], value["end"])
    if isinstance(value, list):
        return "; ".join(describe_value(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{describe_value(item)}" for item in value.values())
    if value is None:
        return "none"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return day(value)
    return str(value)


HEADER_KEYS = {"version", "event", "on", "recorded_at", "actor", "body", "number"}
PROVENANCE_KEYS = {"source", "assumed", "decided_by", "recorded_via"}


def provenance_details(record: dict[str, Any]) -> list[str]:
    """How the record knows an event, where it says anything: its source,
    an assumed date, who decided."""
    said = []
    if record.get("source"):
        said.append(f"source: {record['source']}")
    if record.get("assumed"):
        said.append("date assumed")
    if record.get("decided_by"):
        said.append(f"decided by: {record['decided_by']}")
    return said


MOMENT_KEYS = {"received_at"}
"""Fields of an event that hold a moment: a table shows it in the local zone."""


def detail(key: str, value: object) -> str:
    if key in MOMENT_KEYS and isinstance(value, str):
        return moment(value)
    if key == "struck" and isinstance(value, dict):
        return (
            f"on {day(value['on'])} by {value['actor']} (version "
            f"{value['version']}, recorded {moment(value['recorded_at'])}): "
            f"{value['reason']}"
        )
    if key == "language" and isinstance(value, str):
        return language_words(value)
    return describe_value(value)


def _said_already(record: dict[str, Any], key: str, value: Any) -> bool:
    """Whether a delegation's name as written is its name in the list, or a
    delegation is not unlisted: shown only where it differs."""
    if key.endswith("_as_written"):
        return bool(value == record.get(key.removesuffix("_as_written")))
    return key == "unlisted" and value is False


def event_detail(record: dict[str, Any], key: str, value: object) -> str:
    """One field of an event in words: an observer's kind as what it is
    (`an intergovernmental organization`), any other as `detail` says it."""
    if key == "kind" and record["event"] == "ObserverAdmitted":
        return OBSERVER_KINDS.get(str(value), str(value))
    return detail(key, value)


def history_row(record: dict[str, Any]) -> tuple[Any, ...]:
    details = "; ".join(
        [
            *(
                f"{key.replace('_', ' ')}: {event_detail(record, key, value)}"
                for key, value in record.items()
                if key not in HEADER_KEYS | PROVENANCE_KEYS
                and not _said_already(record, key, value)
            ),
            *provenance_details(record),
        ]
    )
    return (
        record["version"],
        history_words(record),
        day(record["on"]),
        moment(record["recorded_at"]),
        record["actor"],
        details,
    )


PERIOD = Parsed("YYYY-YYYY", parse_period)


def parse_session_number(text: str) -> int:
    """A session's number; a period given in its place is pointed to
    `--period`."""
    try:
        return parse_number(text)
    except InvalidValueError:
        if "-" in text:
            raise InvalidValueError(
                f"{text!r} is not a session's number; for the history of a "
                f"workplan, write --period {text}"
            ) from None
        raise


SESSION_NUMBER = Parsed("NUMBER", parse_session_number)


@click.command("history")
@click.argument("body", type=BODY)
@click.argument("number", type=SESSION_NUMBER, required=False)
@click.option(
    "--period",
    type=PERIOD,
    help="A workplan's period (2018-2021): its history instead of a session's.",
)
@click.option("--json", "as_json", is_flag=True, help="Write JSON instead of a table.")
@global_options
@click.pass_obj
def history(
    settings: Settings,
    body: str,
    number: int | None,
    period: Any,
    as_json: bool,
) -> None:
    """Show every event of a session (BODY NUMBER), of a workplan (BODY
    --period P) or of the body itself (BODY alone: its establishment, the
    observers it admitted, the translations of its name), oldest first: what
    was decided, when it took effect, when it was recorded, and by whom.

    Example:

    \b
      secretariat history cybercrime-egm 6
      secretariat history cybercrime-egm --period 2018-2021 --json
      secretariat history cybercrime-egm
    """
    if number is not None and period is not None:
        raise click.UsageError(
            "give a session's NUMBER or a workplan's --period, not both"
        )
    structlog.contextvars.bind_contextvars(body=body, number=number)
    secretariat = settings.secretariat(create=False)
    if number is None and period is None:
        record = secretariat.body_history(body)
        heading = f"History of the body {body}"
    elif period is not None:
        record = secretariat.workplan_history(body, period)
        heading = f"History of the {period} workplan of {body}"
    else:
        assert number is not None
        record = secretariat.history(body, number)
        heading = f"History of {describe_session(body, number)}"
    if as_json:
        emit_json(record)
        return
    click.echo(heading)
    emit_table([history_row(event) for event in record["events"]], HISTORY_HEADERS)


@click.command("bodies")
@click.option("--json", "as_json", is_flag=True, help="Write JSON instead of a table.")
@global_options
@click.pass_obj
def bodies(settings: Settings, as_json: bool) -> None:
    """List every body: its name, parent body and mandate, its sessions and
    its workplans.

    Example:

    \b
      secretariat bodies
    """
    from application.queries import bodies_answer

    views = settings.views()
    answer = bodies_answer(
        settings.secretariat(create=False).bodies(),
        views.calendar_rows(),
        views.deadlines(today=date.today())["workplans"],
    )
    if as_json:
        emit_json(answer)
        return
    emit_table(
        [
            (
                b["code"],
                b["name"],
                b["parent"] or "",
                numbers([s["number"] for s in b["sessions"]]),
                ", ".join(w["period"] for w in b["workplans"]),
            )
            for b in answer["bodies"]
        ],
        ("body", "name", "parent", "sessions", "workplans"),
    )


def numbers(values: list[int]) -> str:
    """Session numbers as ranges: `1–6, 8`."""
    spans: list[list[int]] = []
    for value in sorted(values):
        if spans and value == spans[-1][-1] + 1:
            spans[-1].append(value)
        else:
            spans.append([value])
    return ", ".join(str(s[0]) if len(s) == 1 else f"{s[0]}–{s[-1]}" for s in spans)


@click.command("session")
@click.argument("body", type=BODY)
@click.argument("number", type=NUMBER)
@click.option("--json", "as_json", is_flag=True, help="Write JSON instead of text.")
@global_options
@click.pass_obj
def session(settings: Settings, body: str, number: int, as_json: bool) -> None:
    """Show one session's whole record, as its page does: dates, venue and
    status, postponements, agenda, documents, statements, panelists, report.

    Example:

    \b
      secretariat session cybercrime-egm 6
    """
    from application.publishing import Publishing

    structlog.contextvars.bind_contextvars(body=body, number=number)
    answer = Publishing(settings.views()).session(body, number)
    if as_json:
        emit_json(answer)
        return
    emit_lines(session_lines(answer))


def session_lines(answer: dict[str, Any]) -> list[str]:
    """A session's record as text, section by section."""
    entry = answer["session"]
    current = dates(entry["start"], entry["end"])
    first = dates(entry["original_start"], entry["original_end"])
    lines = [
        f"{describe_session(entry['body'], entry['number']).capitalize()}: "
        f"{entry['title']}",
        *(
            f"Title in {language_words(language)}: {title}"
            for language, title in entry.get("titles", {}).items()
        ),
        f"Body: {answer['body']['name']}",
        f"Dates: {current}"
        + (f" (first announced for {first})" if first != current else ""),
        f"Venue: {entry['venue']} ({format_words(entry['format'])})",
        f"Status: {status_words(entry['status'])}",
    ]
    for p in answer["postponements"]:
        to = dates(**p["to"]) if p["to"] else "dates to be determined"
        lines.append(
            f"Postponed on {day(p['on'])} from {dates(**p['from'])} to {to}: "
            f"{p['reason']}"
        )
    if answer["cancellation_reason"]:
        lines.append(f"Cancelled: {answer['cancellation_reason']}")
    sections: list[tuple[str, list[str]]] = [
        ("Agenda", [f"{a['number']}. {a['title']}" for a in answer["agenda"]]),
        (
            "Documents",
            [
                f"{document_heading(group['kind'])}: {d['title']}"
                + (f" ({d['symbol']})" if d["symbol"] else "")
                + f", issued {day(d['issued_on'])}"
                + in_languages(d)
                for group in answer["documents"]
                for d in group["documents"]
            ]
            + [
                f"Comments: {d['title']}, issued {day(d['issued_on'])}"
                + in_languages(d)
                for d in answer["comments"]
            ],
        ),
        (
            "Statements",
            [
                ("General" if s["item"] is None else f"Item {s['item']}")
                + ": "
                + ", ".join(
                    sp["delegation"]
                    + ("" if sp["statements"] == 1 else f" ({sp['statements']})")
                    for sp in s["speakers"]
                )
                for s in answer["statements"]
            ],
        ),
        (
            "Panelists",
            [
                f"Item {panel['item']}: {p['name']} ({p['delegation']}), {p['title']}"
                for panel in answer["panels"]
                for p in panel["panelists"]
            ],
        ),
    ]
    for heading, items in sections:
        if items:
            lines += ["", heading, *(f"  {item}" for item in items)]
    report = answer["report"]
    if report["adopted_on"]:
        lines += ["", f"Report: adopted on {day(report['adopted_on'])}"]
    return lines


def in_languages(document: dict[str, Any]) -> str:
    """The languages a document is in, where it is in any but English alone:
    ` in French; English from 17 August 2020`."""
    languages = document.get("languages") or [{"language": "en"}]
    first, *later = languages
    if first["language"] == "en" and not later:
        return ""
    return f" in {language_words(first['language'])}" + "".join(
        f"; {language_words(e['language'])} from {day(e['available_on'])}"
        for e in later
    )


READING_COMMANDS = [bodies, session, history]
