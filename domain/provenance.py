"""How the record knows what it holds: every event says where the decision is
evidenced (`source`), whether its effective date was assumed rather than known
from a source (`assumed`), who took the decision (`decided_by`, as distinct
from the actor who recorded it) and how it reached the record
(`recorded_via`: the command line, an import file or a request to the
service; a circulation's own `via` is the channel a document went by).

None of it changes what a decision does, and no rule reads it: the domain's
methods decide, and each event they trigger is then stamped with the
provenance of the command that triggered it (`Provenance.stamp`).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, TypeVar

import attrs
from eventsourcing.domain import Aggregate

E = TypeVar("E")

RECORDED_VIA = ("cli", "import", "api")
"""How a decision reaches the record: the command line, an import file, or a
request to the service."""


@attrs.frozen
class Provenance:
    """Where a decision is evidenced, whether its date was assumed, who took
    it, and how it reached the record."""

    source: str | None = None
    assumed: bool = False
    decided_by: str | None = None
    recorded_via: str | None = None

    def fields(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "assumed": self.assumed,
            "decided_by": self.decided_by,
            "recorded_via": self.recorded_via,
        }

    def stamp(self, event: E) -> E:
        """`event`, as the record keeps it: with this provenance.

        A copy of its fields with these four changed, as `dataclasses.replace`
        would make it, without checking again what the event's construction
        checked (the events are frozen: the copy is filled in before anyone
        sees it). An import stamps every event it saves."""
        stamped = object.__new__(type(event))
        fields = vars(stamped)
        fields.update(vars(event))
        fields.update(self.fields())
        return stamped


UNKNOWN = Provenance()
"""The provenance of an event recorded before the record kept it."""


def add_unknown_provenance(state: dict[str, Any]) -> None:
    """Upcast the stored state of an event recorded before the record kept
    provenance: no source, a date not marked assumed, no one named as having
    decided, and no way of arrival known."""
    state.update(UNKNOWN.fields())


class RecordedEvent(Aggregate.Event):
    """An event of the record: when it took effect (`on`), who recorded it
    (`actor`), and its provenance.

    Version 2 added the provenance; an event stored by version 1 reads as
    `UNKNOWN`. (An event class that adds fields of its own later counts its
    versions on from here.)
    """

    class_version = 2

    on: date
    actor: str
    source: str | None = dataclasses.field(default=None, kw_only=True)
    assumed: bool = dataclasses.field(default=False, kw_only=True)
    decided_by: str | None = dataclasses.field(default=None, kw_only=True)
    recorded_via: str | None = dataclasses.field(default=None, kw_only=True)

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        add_unknown_provenance(state)

    @property
    def provenance(self) -> Provenance:
        return Provenance(
            source=self.source,
            assumed=self.assumed,
            decided_by=self.decided_by,
            recorded_via=self.recorded_via,
        )
