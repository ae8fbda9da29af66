"""Entries of import files that have been applied.

An import file is a list of commands. Its entries are applied one by one, and
each entry applied leaves an `ImportedEntry` saved in the same transaction as
the events of its command: either both are recorded or neither is. Importing a
file again skips the entries whose `ImportedEntry` exists, so nothing is
applied twice, even after an import that stopped halfway. An entry's id says
which file it comes from (`Marks`).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event
from eventsourcing.utils import get_topic

from domain.ids import natural_id


def entry_id(content: str, occurrence: int) -> UUID:
    """The id that marked an entry as applied before entries were known by
    their file: `content` is the entry written canonically (the same fields
    and values give the same text, whatever the order or quoting in the file);
    `occurrence` counts the identical entries before it in its file, from 1,
    so that a delegation's two identical statements are two entries.

    Stores written by earlier versions hold these marks; they are still
    recognised (`Marks.of`), never written again."""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    return natural_id("imported-entry", digest, occurrence)


MARKS_INFO = b"secretariat: the ids of applied import entries"
"""What the marks' key is derived for, so that it is never the cipher's key
itself nor any other key derived from it."""


class Marks:
    """The ids that mark the entries of import files as applied.

    An entry is known by the name of its file, its content and its
    occurrence: the same entry in two files is two entries, and importing a
    file again, or a corrected one under the same name, applies nothing twice.
    Without a key the id is a hash of these (`natural_id`). With the store's
    cipher key, it is an HMAC-SHA256 of them under a key derived from the
    cipher key (HKDF-SHA256): stored in the clear, it tells nothing to whoever
    does not hold the key, who could otherwise confirm a guessed entry by
    hashing it."""

    def __init__(self, cipher_key: bytes | None = None) -> None:
        self._key: bytes | None = None
        if cipher_key is not None:
            from cryptography.hazmat.primitives import hashes
            from cryptography.hazmat.primitives.kdf.hkdf import HKDF

            self._key = HKDF(
                algorithm=hashes.SHA256(), length=32, salt=None, info=MARKS_INFO
            ).derive(cipher_key)

    @property
    def keyed(self) -> bool:
        return self._key is not None

    def of(self, name: str, digest: bytes, occurrence: int) -> tuple[UUID, UUID]:
        """The mark of the entry whose canonical content has the SHA-256
        `digest`, and the mark an earlier version gave it (`entry_id`)."""
        known = b"%s\x00%s\x00%d" % (name.encode("utf-8"), digest, occurrence)
        if self._key is None:
            marking = natural_id("imported-entry", hashlib.sha256(known).hexdigest())
        else:
            keyed = hmac.digest(self._key, known, "sha256")
            marking = UUID(bytes=keyed[:16], version=4)
        return marking, natural_id("imported-entry", digest.hex(), occurrence)


UNKEYED = Marks()
"""The marks of a store whose events are not encrypted."""


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
