"""Where catch-up reads events: the Secretariat's log, a page at a time,
filtered by topic in the store, each event's stored JSON read as it is."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import ApplicationRecorder, Mapper, Notification

from application.projections import PlainEvent

IDS = ("originator_id", "originator_version")


class EventSource:
    """The log of one application, as catch-up reads it."""

    def __init__(
        self, recorder: ApplicationRecorder, mapper: Mapper[Any], application_name: str
    ) -> None:
        self.recorder = recorder
        self.mapper = mapper
        self.application_name = application_name
        # Stored state is the transcoder's JSON unless it is compressed or
        # enciphered; then, and for events written by an older class version
        # (which need upcasting), the library's full decode path is taken.
        self._plain = mapper.cipher is None and mapper.compressor is None

    def head(self) -> int:
        """The position of the last event in the log (0 for an empty log)."""
        return self.recorder.max_notification_id() or 0

    def page(
        self, after: int, stop: int, topics: Sequence[str], limit: int
    ) -> list[PlainEvent]:
        """Up to `limit` events of `topics` after position `after`, up to `stop`."""
        notifications = self.recorder.select_notifications(
            after, limit, stop=stop, topics=list(topics), inclusive_of_start=False
        )
        return [self.decode(n) for n in notifications]

    def decode(self, notification: Notification) -> PlainEvent:
        state: dict[str, Any] | None = None
        if self._plain:
            state = json.loads(notification.state)
            if "class_version" in state:
                state = None
        if state is None:
            event = self.mapper.to_domain_event(notification)
            fields = {k: v for k, v in vars(event).items() if k not in IDS}
            state = json.loads(self.mapper.transcoder.encode(fields))
        return PlainEvent(
            position=notification.id,
            originator_id=str(notification.originator_id),
            version=notification.originator_version,
            topic=notification.topic,
            state=state,
        )
