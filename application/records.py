"""Stored events as plain data: what an auditor reads, and what views are built from."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

import attrs

from domain.values import Hours, Period

HEADER = ("originator_id", "originator_version", "originator_topic", "timestamp")

PROVENANCE = ("source", "assumed", "decided_by", "recorded_via")
"""The keys of how the record knows each event, shown after its actor."""


def plain(value: Any) -> Any:
    """`value` made of JSON types only: dates as ISO text, enumerations by
    their value, value objects as objects of their fields."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Period | Hours):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)):
        return {
            name: plain(field)
            for name, field in attrs.asdict(value, recurse=False).items()
        }
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


def event_record(event: Any) -> dict[str, Any]:
    """One event as the history shows it: version, event name, effective date,
    recording time and actor first, then how the record knows it (its
    provenance), then the event's own fields."""
    fields = {name: value for name, value in vars(event).items() if name not in HEADER}
    return {
        "version": event.originator_version,
        "event": type(event).__name__,
        "on": plain(fields.pop("on")),
        "recorded_at": event.timestamp.isoformat(),
        "actor": fields.pop("actor"),
        **{name: fields.pop(name) for name in PROVENANCE},
        **{name: plain(value) for name, value in fields.items()},
    }


def history_records(events: Any) -> list[dict[str, Any]]:
    """A record's events as the history shows them, oldest first: an entry
    struck since is kept, marked `struck` with when, why and by whom."""
    records = [event_record(event) for event in events]
    by_version = {record["version"]: record for record in records}
    for record in records:
        if record["event"] == "Struck":
            target = by_version.get(record["entry_version"])
            if target is not None:
                target["struck"] = {
                    "on": record["on"],
                    "reason": record["reason"],
                    "actor": record["actor"],
                    "recorded_at": record["recorded_at"],
                    "version": record["version"],
                }
    return records
