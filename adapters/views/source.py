"""Where catch-up reads events: the Secretariat's log, a page at a time,
filtered by topic in the store, each event's stored JSON read as it is."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, Mapper, Notification
from eventsourcing.utils import resolve_topic

from application.errors import UnknownEventError
from application.projections import PlainEvent, known_topics

IDS = ("originator_id", "originator_version")

StoredRow = tuple[int, str, int, str, "bytes | str"]
"""A stored event as a page reads it: position, record id (as text), version,
topic and stored state."""

PageQuery = Callable[[int, int, Sequence[str], int], Sequence[StoredRow]]
"""Up to `limit` stored events of `topics` after position `after`, up to `stop`
(after, stop, topics, limit), in the order of the log."""


class EventSource:
    """The log of one application, as catch-up reads it."""

    def __init__(
        self,
        recorder: ApplicationRecorder,
        mapper: Mapper[Any],
        application_name: str,
        select: PageQuery | None = None,
    ) -> None:
        self.recorder = recorder
        self.mapper = mapper
        self.application_name = application_name
        self.select = select or self._select_notifications
        # Stored state is the transcoder's JSON unless it is compressed or
        # enciphered; then, and for events written by another class version
        # than this one's (an older one needs upcasting), the library's full
        # decode path is taken.
        self._plain = mapper.cipher is None and mapper.compressor is None
        self._class_versions: dict[str, int] = {}
        self._known = known_topics()

    def check_known(self, after: int, stop: int) -> None:
        """Raise `UnknownEventError` if the log holds, after position `after` up
        to `stop`, an event of a kind this version does not know: each view
        reads only the kinds it needs, and would otherwise pass over an event
        of a later version that changes what it shows."""
        unknown = self.topics_between(after, stop) - self._known
        if unknown:
            raise UnknownEventError(unknown)

    def topics_between(self, after: int, stop: int) -> set[str]:
        """The topics of the events after position `after`, up to `stop`."""
        recorder: Any = self.recorder
        datastore = recorder.datastore
        table = recorder.events_table_name
        schema = getattr(datastore, "schema", None)
        if schema is None:  # SQLite: the position is the row's id
            statement = (
                f"SELECT DISTINCT topic FROM {table} WHERE rowid > ? AND rowid <= ?"
            )
        else:
            statement = (
                f'SELECT DISTINCT topic FROM "{schema}"."{table}" '
                "WHERE notification_id > %s AND notification_id <= %s"
            )
        with datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, (after, stop))
            return {str(row["topic"]) for row in cursor.fetchall()}

    def head(self) -> int:
        """The position of the last event in the log (0 for an empty log)."""
        return self.recorder.max_notification_id() or 0

    def page(
        self, after: int, stop: int, topics: Sequence[str], limit: int
    ) -> list[PlainEvent]:
        """Up to `limit` events of `topics` after position `after`, up to `stop`."""
        rows = self.select(after, stop, topics, limit)
        if not self._plain:
            return [self.decode(*row) for row in rows]
        # Stored as the transcoder's JSON: read as it is, unless written by
        # another class version than this one's. This runs once per event read.
        loads = json.loads
        versions = self._class_versions
        events = []
        for position, originator_id, version, topic, stored in rows:
            state = loads(stored)
            expected = versions.get(topic) or self.class_version(topic)
            if state.pop("class_version", 1) == expected:
                events.append(
                    PlainEvent(position, originator_id, version, topic, state)
                )
            else:
                events.append(
                    self.decode(position, originator_id, version, topic, stored)
                )
        return events

    def _select_notifications(
        self, after: int, stop: int, topics: Sequence[str], limit: int
    ) -> list[StoredRow]:
        """The library's own query, for a store with none of its own."""
        return [
            (n.id, str(n.originator_id), n.originator_version, n.topic, n.state)
            for n in self.recorder.select_notifications(
                after, limit, stop=stop, topics=list(topics), inclusive_of_start=False
            )
        ]

    def class_version(self, topic: str) -> int:
        """The version of the event class this version of secretariat stores
        under `topic` (1 unless it has an upcaster)."""
        version = self._class_versions.get(topic)
        if version is None:
            version = getattr(resolve_topic(topic), "class_version", 1)
            self._class_versions[topic] = version
        return version

    def decode(
        self,
        position: int,
        originator_id: str,
        version: int,
        topic: str,
        stored: bytes | str,
    ) -> PlainEvent:
        """An event read by the library's full path: deciphered, decompressed
        and upcast by the mapper, then written as the transcoder writes it."""
        notification = Notification(
            id=position,
            originator_id=UUID(originator_id),
            originator_version=version,
            topic=topic,
            state=stored if isinstance(stored, bytes) else stored.encode(),
        )
        event = self.mapper.to_domain_event(notification)
        fields = {k: v for k, v in vars(event).items() if k not in IDS}
        state = json.loads(self.mapper.transcoder.encode(fields))
        return PlainEvent(position, originator_id, version, topic, state)
