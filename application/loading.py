"""Loading a record: from its latest snapshot, unless the snapshot is outdated.

A snapshot taken by an earlier version may lack what this version keeps from
each event (`domain.snapshots`): a record's class says, by its
`class_version`, which state its snapshots hold, and a snapshot taken at
another one (an earlier, or a later version's) is not used. The record is
then loaded from all its events, as if it had no snapshot, so that nothing
recorded before the snapshot is unknown to the commands (a document issued
before it takes its language versions; an entry recorded before it can be
struck) and no event is applied to a state
that lacks what the event's change needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import UUID

from eventsourcing.domain import DomainEventProtocol
from eventsourcing.persistence import EventStore
from eventsourcing.utils import resolve_topic


def holds_current_state(snapshot: Any) -> bool:
    """Whether `snapshot` holds the state its record's class now keeps: taken
    at the record's present `class_version`, not an earlier one (nor a later
    one, by a later version of secretariat, whose state this one may misread)."""
    record = resolve_topic(snapshot.topic)
    current: int = getattr(record, "class_version", 1)
    taken: int = snapshot.state.get("class_version", 1)
    return taken == current


class Snapshots(EventStore[UUID]):
    """The store of snapshots, as the library's, but one that does not hold
    the state its record's class now keeps is not given (`get`): the record
    is loaded from its events instead."""

    @classmethod
    def like(cls, store: EventStore[UUID]) -> Snapshots:
        """`Snapshots` on the same recorder, with the same mapper, as `store`."""
        return cls(mapper=store.mapper, recorder=store.recorder)

    def get(
        self,
        originator_id: UUID,
        *,
        gt: int | None = None,
        lte: int | None = None,
        desc: bool = False,
        limit: int | None = None,
    ) -> Iterator[DomainEventProtocol[UUID]]:
        found = super().get(originator_id, gt=gt, lte=lte, desc=desc, limit=limit)
        return (snapshot for snapshot in found if holds_current_state(snapshot))
