"""How the domain's values are written into stored events and snapshots.

Each transcoding's `name` is written into every stored event that holds such a
value: renaming one would make the record unreadable, so a name never changes.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.values import (
    AgendaItem,
    CycleTopics,
    DateRange,
    DocumentKind,
    Format,
    Hours,
    ObserverKind,
    Period,
    SessionStatus,
    SubmitterKind,
)


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class DateRangeAsDict(Transcoding):
    type = DateRange
    name = "date_range"

    def encode(self, obj: DateRange) -> dict[str, date]:
        return {"start": obj.start, "end": obj.end}

    def decode(self, data: dict[str, date]) -> DateRange:
        return DateRange(start=data["start"], end=data["end"])


class PeriodAsStr(Transcoding):
    type = Period
    name = "period"

    def encode(self, obj: Period) -> str:
        return str(obj)

    def decode(self, data: str) -> Period:
        return Period.parse(data)


class HoursAsStr(Transcoding):
    type = Hours
    name = "meeting_hours"

    def encode(self, obj: Hours) -> str:
        return str(obj)

    def decode(self, data: str) -> Hours:
        return Hours.parse(data)


class AgendaItemAsDict(Transcoding):
    type = AgendaItem
    name = "agenda_item"

    def encode(self, obj: AgendaItem) -> dict[str, Any]:
        return {"number": obj.number, "title": obj.title}

    def decode(self, data: dict[str, Any]) -> AgendaItem:
        return AgendaItem(number=data["number"], title=data["title"])


class CycleTopicsAsDict(Transcoding):
    type = CycleTopics
    name = "cycle_topics"

    def encode(self, obj: CycleTopics) -> dict[str, Any]:
        return {"year": obj.year, "topics": list(obj.topics)}

    def decode(self, data: dict[str, Any]) -> CycleTopics:
        return CycleTopics(year=data["year"], topics=data["topics"])


class EnumAsValue(Transcoding):
    """Writes a member of an enumeration as its value (`in-person`)."""

    def __init__(self, enum_type: type[enum.Enum], name: str) -> None:
        self.type = enum_type
        self.name = name
        # Looked up by value, as the enumeration would, at a fraction of its cost
        # (a rebuild reads one for most events).
        self.members = {member.value: member for member in enum_type}

    def encode(self, obj: enum.Enum) -> Any:
        return obj.value

    def decode(self, data: Any) -> enum.Enum:
        try:
            return self.members[data]
        except (KeyError, TypeError):
            member: enum.Enum = self.type(data)  # raises ValueError, as ever
            return member


TRANSCODINGS: tuple[Transcoding, ...] = (
    DateAsISO(),
    DateRangeAsDict(),
    PeriodAsStr(),
    HoursAsStr(),
    AgendaItemAsDict(),
    CycleTopicsAsDict(),
    EnumAsValue(Format, "format"),
    EnumAsValue(DocumentKind, "document_kind"),
    EnumAsValue(SubmitterKind, "submitter_kind"),
    EnumAsValue(SessionStatus, "session_status"),
    EnumAsValue(ObserverKind, "observer_kind"),
)


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    for transcoding in TRANSCODINGS:
        transcoder.register(transcoding)
