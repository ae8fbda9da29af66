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
        """The entry was applied: the name of its command, and whether the
        bodies' subscribers are to be told of its decision (`import --notify`).

        Version 2 added `notify`; an entry applied before it was applied
        without telling anyone, and reads as False.
        """

        class_version = 2

        command: str
        notify: bool

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["notify"] = False

    # `id` is not a field of the event: the library makes it the aggregate's id.
    @event(Applied)
    def __init__(
        self, id: UUID, command: str, on: date, actor: str, notify: bool = False
    ) -> None:
        self.command = command
