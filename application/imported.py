"""Entries of import files that have been applied.

An import file is a list of commands. Its entries are applied one by one, and
each entry applied leaves an `ImportedEntry` saved in the same transaction as
the events of its command: either both are recorded or neither is. Importing a
file again skips the entries whose `ImportedEntry` exists, so nothing is
applied twice, even after an import that stopped halfway.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event
from eventsourcing.utils import get_topic

from domain.ids import natural_id


def entry_id(content: str, occurrence: int) -> UUID:
    """The id that marks an entry as applied.

    `content` is the entry written canonically (the same fields and values give
    the same text, whatever the order or quoting in the file); `occurrence`
    counts the identical entries before it in its file, from 1, so that a
    delegation's two identical statements are two entries, each applied once.
    """
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    return natural_id("imported-entry", digest, occurrence)


class ImportedEntry(Aggregate):
    """An entry of an import file, applied: its id says which one."""

    class Event(Aggregate.Event):
        on: date
        actor: str

    class Applied(Event, Aggregate.Created):
        """The entry was applied: the name of its command."""

        command: str

    # `id` is not a field of the event: the library makes it the aggregate's id.
    @event(Applied)
    def __init__(self, id: UUID, command: str, on: date, actor: str) -> None:
        self.command = command

    @classmethod
    def mark(cls, id: UUID, command: str, on: date, actor: str) -> Applied:
        """The event that records the entry `id` as applied: the one its
        construction triggers, made without building the record, which no one
        loads (a mark is only ever looked up)."""
        # The event classes are made dataclasses by the library's metaclass,
        # which the type checker does not know: their fields go as a mapping.
        fields: dict[str, Any] = {
            "originator_id": id,
            "originator_version": cls.INITIAL_VERSION,
            "timestamp": cls.Applied.create_timestamp(),
            "originator_topic": _TOPIC,
            "command": command,
            "on": on,
            "actor": actor,
        }
        return cls.Applied(**fields)


_TOPIC = get_topic(ImportedEntry)
