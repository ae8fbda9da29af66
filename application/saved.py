"""The events this process saved last, held as the views read them.

A command, or an import, saves its events and then brings the views up to
date: without these, the views would read back from the store the events
just saved, and decode them again. The Secretariat holds each event whose
saving the store confirmed, with its position in the log and its topic; a
catch-up takes them from here when it holds every position it is to read,
and reads the store otherwise. An event someone else saved has a position
that is not held, so a stretch of the log holding one is always read from the
store: what the views apply is the log, whoever wrote it.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Collection, Sequence
from typing import Any

from application.projections import Logged, utc_text

HELD = 20_000
"""The most events held: those of the last saves (a command saves a few, an
import's transactions a few hundred each); older ones are read from the
store."""


class RecentlySaved:
    """The events this process saved last, by their positions in the log."""

    def __init__(self, limit: int = HELD) -> None:
        self.limit = limit
        self._held: dict[int, tuple[str, Any]] = {}
        self._lock = threading.Lock()  # a server saves from several threads

    def add(
        self, positions: Sequence[int], topics: Sequence[str], events: Sequence[Any]
    ) -> None:
        """Hold `events`, saved at `positions` under `topics`."""
        with self._lock:
            held = self._held
            held.update(zip(positions, zip(topics, events, strict=True), strict=True))
            excess = len(held) - self.limit
            if excess > 0:
                for position in list(itertools.islice(held, excess)):
                    del held[position]

    def between(
        self, after: int, stop: int, topics: Collection[str], limit: int
    ) -> list[Logged] | None:
        """Up to `limit` events of `topics` after position `after` up to
        `stop`, oldest first, if every event of the stretch is held (of
        whatever topic); None if any is not."""
        held = self._stretch(after, stop)
        if held is None:
            return None
        found: list[Logged] = []
        for position, (topic, event) in held:
            if topic in topics:
                found.append(Logged(position, utc_text(event.timestamp), event))
                if len(found) == limit:
                    break
        return found

    def topics(self, after: int, stop: int) -> set[str] | None:
        """The topics of the events after position `after` up to `stop`, if
        every one of them is held; None if any is not."""
        held = self._stretch(after, stop)
        return None if held is None else {topic for _, (topic, _) in held}

    def _stretch(
        self, after: int, stop: int
    ) -> list[tuple[int, tuple[str, Any]]] | None:
        """Each event after position `after` up to `stop`, with its position
        and topic, if every one of them is held; None if any is not."""
        with self._lock:
            held = self._held
            if stop - after > len(held):
                return None
            found = []
            for position in range(after + 1, stop + 1):
                item = held.get(position)
                if item is None:
                    return None
                found.append((position, item))
            return found

    def clear(self) -> None:
        """Hold nothing: the views have read what was held."""
        with self._lock:
            self._held.clear()
