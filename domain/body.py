"""A body: the intergovernmental body whose sessions the secretariat serves."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.errors import DomainError
from domain.ids import body_id
from domain.provenance import RecordedEvent
from domain.values import UTC_ZONE


class Body(Aggregate):
    """An intergovernmental body, known by a short code (`cybercrime-egm`)."""

    class Event(RecordedEvent):
        """Every event of a body: when it took effect, who recorded it, and how
        the record knows it (`RecordedEvent`)."""

    @staticmethod
    def create_id(code: str, **_: Any) -> UUID:
        return body_id(code)

    class Established(Event, Aggregate.Created):
        """The body was established: its code, name, parent body and mandate,
        and the zone its secretariat keeps its deadlines in (`timezone`, an
        IANA name).

        Version 3 added `timezone`; a body established before it (version 2
        or 1) keeps its deadlines in UTC.
        """

        class_version = 3

        code: str
        name: str
        parent: str | None
        mandate: str | None
        timezone: str

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["timezone"] = UTC_ZONE

    @event(Established)
    def __init__(
        self,
        code: str,
        name: str,
        parent: str | None,
        mandate: str | None,
        timezone: str,
        on: date,
        actor: str,
    ) -> None:
        self.code = code
        self.name = name
        self.parent = parent
        self.mandate = mandate
        self.timezone = timezone
        self.established_on = on


class BodyNotFoundError(DomainError):
    """Raised when a command names a body that has not been established."""

    def __init__(self, code: str) -> None:
        super().__init__(f"there is no body {code!r}; establish it first")


class BodyAlreadyEstablishedError(DomainError):
    """Raised when a body code is established a second time."""

    def __init__(self, code: str) -> None:
        super().__init__(f"the body {code!r} is already established")
