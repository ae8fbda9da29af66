"""Deciding commands on records held in memory.

Each command's declaration says which record it is about and which domain
method decides it; `Decisions` finds the record (held already, or loaded),
calls that method, and keeps the events it triggers, in the order decided,
with the mark of the import entry the command applies, if any. The caller saves
them together: one command, or many in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate

from application.errors import ConflictError, VersionMismatchError
from application.imported import ImportedEntry
from domain.body import Body, BodyNotFoundError
from domain.errors import FutureEffectiveDateError, FutureMomentError
from domain.ids import body_id

if TYPE_CHECKING:
    from application.commands import Command
    from application.commands.base import Record


@attrs.frozen
class Recorded:
    """What a command recorded: the record it changed, the event, the new version."""

    record: str
    event: str
    version: int
    events: tuple[Any, ...] = attrs.field(default=(), eq=False, repr=False)
    """The events recorded, for whoever says what they were."""


@attrs.frozen
class Decided:
    """A command decided: what it records, and the record it changed."""

    recorded: Recorded
    aggregate: Aggregate


def describe(command: Command) -> str:
    """How the secretariat speaks of the record `command` is about."""
    record = command.about()
    return record.describe(*(getattr(command, name) for name in record.key))


class Decisions:
    """Commands decided one after the other on the records they are about,
    held in memory; their events wait in `events`, in the order decided."""

    def __init__(
        self,
        load: Callable[[UUID], Aggregate | None],
        exists: Callable[[UUID], bool],
        *,
        loaded_before: Mapping[UUID, int] | None = None,
        snapshot_every: Mapping[type[Aggregate], int] | None = None,
        today: Callable[[], date] | None = None,
        read: Callable[[UUID], Aggregate | None] | None = None,
    ) -> None:
        """`load` reads a record (None: there is none), `exists` says whether
        there is one; `loaded_before` holds the versions an earlier attempt at
        the same decisions found: a command that does not commute is not
        decided on a record that has changed since. A record of a type in
        `snapshot_every` is snapshotted each time its version is a multiple
        of that number. With `today`, a command taking effect after the day it
        gives is refused (asked once: the commands decided together are
        recorded on the same day). `read` reads a record the commands only
        look at (a body, for its observers), as the store now holds it; by
        default, `load`."""
        self._today = today
        self._day: date | None = None
        self._load = load
        self._read = read or load
        self._exists = exists
        self._before = loaded_before or {}
        self._every = snapshot_every or {}
        self.held: dict[UUID, Aggregate] = {}
        self.loaded: dict[UUID, int] = {}
        """The version each record loaded had when it was loaded (a record
        created here is not: found created at another attempt, it was by the
        same command, applied meanwhile, or that command is refused)."""
        self.events: list[Any] = []
        self.snapshots: list[Any] = []
        """Snapshots of records as decided, to save once their events are."""
        self._looked_at: dict[UUID, Aggregate] = {}
        """Bodies read, not changed, to know their delegations' names."""

    def decide(
        self,
        command: Command,
        marking: UUID | None = None,
        *,
        expected_version: int | None = None,
    ) -> Decided:
        """Decide `command` (raising the `DomainError` of a rule it breaks,
        before anything changes), and keep its events; with `marking`, the id
        of an import entry, the entry is marked as applied along with them.
        With `expected_version`, the record must be at that version (a
        `VersionMismatchError` otherwise)."""
        if self._today is not None:
            self._not_after_today(command, self._today)
        declaration = type(command).declaration
        record = command.about()
        key = [getattr(command, name) for name in record.key]
        record_id = record.id(*key)
        description = record.describe(*key)
        if declaration.creates:
            if record.within is not None:
                self._require(record.within, getattr(command, record.within_by))
                command = self._inherited(command, record)
            aggregate = declaration.decided_by(**declaration.arguments(command))
            if self.exists(record_id):
                raise record.already(*key)
            if expected_version is not None:
                raise VersionMismatchError(description, None, expected_version)
            self.held[record_id] = aggregate
        else:
            aggregate = self._get(record, record_id, command)
            if expected_version is not None and aggregate.version != expected_version:
                raise VersionMismatchError(
                    description, aggregate.version, expected_version
                )
            if not declaration.commutes and self._moved(record_id):
                raise ConflictError(description)
            arguments = declaration.arguments(command)
            if declaration.delegations:
                self._identify(arguments, declaration.delegations, command)
            declaration.decided_by(aggregate, **arguments)
        provenance = command.provenance
        events = [provenance.stamp(event) for event in aggregate.collect_events()]
        self.events += events
        every = self._every.get(type(aggregate))
        if every and any(event.originator_version % every == 0 for event in events):
            self.snapshots.append(type(aggregate).Snapshot.take(aggregate))
        if marking is not None:
            self.events.append(
                ImportedEntry.mark(
                    marking,
                    declaration.verb,
                    command.on,
                    command.actor,
                    notify=command.announced,
                )
            )
        recorded = Recorded(
            description, type(events[-1]).__name__, aggregate.version, tuple(events)
        )
        return Decided(recorded, aggregate)

    def _not_after_today(self, command: Command, today: Callable[[], date]) -> None:
        """Refuse `command` if it takes effect after today (asked once), or
        was received at a moment after now."""
        day = self._day
        if day is None:
            day = self._day = today()
        if command.on > day:
            raise FutureEffectiveDateError(command.on.isoformat(), day.isoformat())
        moment = getattr(command, "received_at", None)
        if moment is not None and moment > (now := datetime.now(UTC)):
            raise FutureMomentError(
                moment.isoformat(), now.isoformat(timespec="minutes")
            )

    def _inherited(self, command: Command, record: Record[Any]) -> Command:
        """`command`, the fields it leaves to the record it creates belongs
        to (`Record.inherits`) given that record's values."""
        missing = [name for name in record.inherits if getattr(command, name) is None]
        if not missing or record.within is None:
            return command
        within_id = record.within.id(getattr(command, record.within_by))
        within = self._cached(within_id)
        return attrs.evolve(
            command, **{name: getattr(within, name) for name in missing}
        )

    def _identify(
        self, arguments: dict[str, Any], fields: tuple[str, ...], command: Command
    ) -> None:
        """Give the delegations named by `fields` as their body knows them:
        Member States and its observers (see `Body.delegation`)."""
        # The record a delegation speaks in belongs to its body (`within_by`).
        body = self._body(getattr(command, command.about().within_by))
        unlisted = bool(getattr(command, "unlisted", False))
        for field in fields:
            arguments[field] = body.delegation(arguments[field], unlisted=unlisted)

    def _body(self, code: str) -> Body:
        """The body `code`, as decided here (an observer admitted in the same
        transaction counts), else as loaded once."""
        found = self._cached(body_id(code))
        if not isinstance(found, Body):
            raise BodyNotFoundError(code)
        return found

    def _cached(self, record_id: UUID) -> Any:
        """A record another command's rules look at (a body): as decided
        here, else as the store holds it, read once (None if there is none)."""
        found = (
            self.held.get(record_id)
            or self._looked_at.get(record_id)
            or self._read(record_id)
        )
        if found is not None:
            self._looked_at[record_id] = found
        return found

    def exists(self, record_id: UUID) -> bool:
        return record_id in self.held or self._exists(record_id)

    def _require(self, record: Record[Any], *key: Any) -> None:
        if not self.exists(record.id(*key)):
            raise record.not_found(*key)

    def _get(self, record: Record[Any], record_id: UUID, command: Command) -> Any:
        held = self.held.get(record_id)
        if held is not None:
            return held
        loaded = self._load(record_id)
        if loaded is None:
            if record.within is not None:
                self._require(record.within, getattr(command, record.within_by))
            key = [getattr(command, name) for name in record.key]
            if record.starts is None:
                raise record.not_found(*key)
            started = record.starts(*key, on=command.on, actor=command.actor)
            self.held[record_id] = started
            return started
        assert isinstance(loaded, record.aggregate)
        self.held[record_id] = loaded
        self.loaded[record_id] = loaded.version
        return loaded

    def _moved(self, record_id: UUID) -> bool:
        before = self._before.get(record_id)
        return before is not None and before != self.loaded.get(record_id)
