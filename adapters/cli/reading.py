"""The commands that only read the record."""

from __future__ import annotations

import re
from typing import Any

import click
import structlog

from adapters.cli.output import emit_json, emit_table
from adapters.cli.params import BODY, COUNT
from adapters.cli.running import Settings, global_options
from application.wording import dates, day, describe_session, event_words, moment

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

__all__ = ["READING_COMMANDS", "emit_json", "emit_table", "history"]

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


def history_row(record: dict[str, Any]) -> tuple[Any, ...]:
    details = "; ".join(
        [
            *(
                f"{key.replace('_', ' ')}: {describe_value(value)}"
                for key, value in record.items()
                if key not in HEADER_KEYS | PROVENANCE_KEYS
            ),
            *provenance_details(record),
        ]
    )
    return (
        record["version"],
        event_words(record["event"]),
        day(record["on"]),
        moment(record["recorded_at"]),
        record["actor"],
        details,
    )


@click.command("history")
@click.argument("body", type=BODY)
@click.argument("number", type=COUNT)
@click.option("--json", "as_json", is_flag=True, help="Write JSON instead of a table.")
@global_options
@click.pass_obj
def history(settings: Settings, body: str, number: int, as_json: bool) -> None:
    """Show every event of a session, oldest first: what was decided, when it
    took effect, when it was recorded, and by whom."""
    structlog.contextvars.bind_contextvars(body=body, number=number)
    record = settings.secretariat(create=False).history(body, number)
    if as_json:
        emit_json(record)
        return
    click.echo(f"History of {describe_session(body, number)}")
    emit_table([history_row(event) for event in record["events"]], HISTORY_HEADERS)


READING_COMMANDS = [history]
