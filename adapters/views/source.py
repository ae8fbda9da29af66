"""Where catch-up reads events: the Secretariat's log, a page at a time,
filtered by kind in the store, each stored event turned into the domain's
typed event.

Reading a page is most of what a rebuild costs, so a store of plain JSON is
decoded here field by field (`EventDecoder`) rather than by the library's
mapper; what the mapper alone knows how to do (decipher, decompress, upcast an
event written by an earlier version of its class) is left to it.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import CanMutateAggregate
from eventsourcing.persistence import (
    ApplicationRecorder,
    JSONTranscoder,
    Mapper,
    Notification,
    Transcoding,
)
from eventsourcing.utils import get_topic

from adapters.transcoder import NOT_READ, loads
from application.errors import UnknownEventError, UnreadableEventError
from application.projections import Logged, utc_text
from application.saved import RecentlySaved

StoredRow = tuple[int, str, int, str, "bytes | str"]
"""A stored event as a page reads it: position, record id (as text), version,
topic and stored state."""

PageQuery = Callable[[int, int, Sequence[str], int], Sequence[StoredRow]]
"""Up to `limit` stored events of `topics` after position `after`, up to `stop`
(after, stop, topics, limit), in the order of the log."""


def event_classes() -> dict[str, type[Any]]:
    """Every event this version records, by the topic it is stored under."""
    from application.imported import ImportedEntry
    from domain.access import Grant
    from domain.body import Body
    from domain.delivery import Delivery
    from domain.distribution import DistributionList
    from domain.session import Session
    from domain.workplan import Workplan

    return {
        get_topic(value): value
        for aggregate in (
            Body,
            Session,
            Workplan,
            ImportedEntry,
            Grant,
            DistributionList,
            Delivery,
        )
        for value in vars(aggregate).values()
        if isinstance(value, type) and issubclass(value, CanMutateAggregate)
    }


def topics_of(classes: Sequence[type[Any]]) -> tuple[str, ...]:
    """The topics the library stores events of `classes` under."""
    return tuple(get_topic(cls) for cls in classes)


Converter = Callable[[Any], Any]

Plan = tuple[int, tuple[tuple[str, Converter], ...]]
"""How the events of one class are read: the version of the class, and each
field stored as a typed value with how it is read."""

HEADER = frozenset({"originator_id", "originator_version", "timestamp"})
"""An event's fields that are not in its stored state, or are read apart."""

UTC_TEXT_LENGTH = len("2020-03-13T10:15:00.000000+00:00")


class EventDecoder:
    """Stored events into the domain's typed events.

    In a store of plain JSON, each event class's fields are read by their
    declared types, with the transcodings the application stores them with
    (a date, a date range, an enumeration...), and the event is built as the
    library builds it; a text or a number is taken as it is. An event stored
    by another version of its class (which needs upcasting), and every event
    of an enciphered or compressed store, is read by the library's mapper.
    """

    def __init__(self, mapper: Mapper[Any], classes: Mapping[str, type[Any]]) -> None:
        self.mapper = mapper
        self.classes = classes
        self.plain = mapper.cipher is None and mapper.compressor is None
        transcoder = mapper.transcoder
        # The application registers its transcodings with the library's JSON
        # transcoder, whose stored form this decoder reads.
        assert isinstance(transcoder, JSONTranscoder)
        self._transcodings: Mapping[type[Any], Transcoding] = transcoder.types
        self._by_name: Mapping[str, Transcoding] = transcoder.names
        self._timestamp = self._typed(datetime)
        self._plans: dict[type[Any], Plan] = {}
        self._ids: dict[str, UUID] = {}

    def page(self, rows: Sequence[StoredRow]) -> list[Logged]:
        """The events of `rows`, each with its position in the log."""
        if not self.plain:
            return [self._logged(row[0], self.by_mapper(*row)) for row in rows]
        if len(self._ids) > 10_000:
            self._ids.clear()
        ids, classes, plans = self._ids, self.classes, self._plans
        timestamp = self._timestamp
        events = []
        for position, originator_id, version, topic, stored in rows:
            cls = classes.get(topic)
            state = loads(stored)
            # A topic this version does not know (the mapper says so), or a
            # state orjson would read otherwise: read by the library's path.
            if cls is None or state is NOT_READ:
                event = self.by_mapper(position, originator_id, version, topic, stored)
                events.append(self._logged(position, event))
                continue
            class_version, plan = plans.get(cls) or self._plan(cls)
            if state.pop("class_version", 1) != class_version:
                event = self.by_mapper(position, originator_id, version, topic, stored)
                events.append(self._logged(position, event))
                continue
            try:
                for name, convert in plan:
                    state[name] = convert(state[name])
                stored_at = state["timestamp"]
                state["timestamp"] = recorded = timestamp(stored_at)
                # As the library writes it, the stored text is already the
                # views' (UTC, with microseconds); otherwise it is written so.
                recorded_at = stored_at["_data_"]
                if len(recorded_at) != UTC_TEXT_LENGTH or recorded_at[-6:] != "+00:00":
                    recorded_at = utc_text(recorded)
            except UnreadableEventError as error:
                raise UnreadableEventError(
                    f"{cls.__name__} at position {position}: {error}"
                ) from None
            except (KeyError, TypeError, ValueError) as error:
                raise UnreadableEventError(
                    f"{cls.__name__} at position {position} does not hold what it "
                    f"should ({type(error).__name__}: {error})"
                ) from None
            record = ids.get(originator_id)
            if record is None:
                record = ids[originator_id] = UUID(originator_id)
            state["originator_id"] = record
            state["originator_version"] = version
            event = object.__new__(cls)
            object.__setattr__(event, "__dict__", state)
            events.append(Logged(position, recorded_at, event))
        return events

    @staticmethod
    def _logged(position: int, event: Any) -> Logged:
        return Logged(position, utc_text(event.timestamp), event)

    def by_mapper(
        self,
        position: int,
        originator_id: str,
        version: int,
        topic: str,
        stored: bytes | str,
    ) -> Any:
        """An event read by the library's full path: deciphered, decompressed
        and upcast by the mapper."""
        return self.mapper.to_domain_event(
            Notification(
                id=position,
                originator_id=UUID(originator_id),
                originator_version=version,
                topic=topic,
                state=stored if isinstance(stored, bytes) else stored.encode(),
            )
        )

    # How each class's fields are read.

    def _plan(self, cls: type[Any]) -> Plan:
        """The version of `cls`, and its fields that are stored as typed
        values, each with how it is read (the others are stored as they are)."""
        fields = []
        for name, annotation in _fields(cls).items():
            convert = self._converter(annotation)
            if convert is not None:
                fields.append((name, convert))
        plan = getattr(cls, "class_version", 1), tuple(fields)
        self._plans[cls] = plan
        return plan

    def _converter(self, annotation: Any) -> Converter | None:
        """How a stored value of type `annotation` is read; None when JSON
        holds it as it is."""
        if annotation in (str, int, bool, float, type(None), Any):
            return None
        origin = typing.get_origin(annotation)
        arguments = typing.get_args(annotation)
        if origin in (typing.Union, types.UnionType):
            kinds = [a for a in arguments if a is not type(None)]
            if len(kinds) != 1:
                raise TypeError(f"no stored form for {annotation}")
            inner = self._converter(kinds[0])
            if inner is None:
                return None
            return lambda value: None if value is None else inner(value)
        if origin is list:
            item = self._converter(arguments[0])
            if item is None:
                return None
            return lambda value: [item(each) for each in value]
        return self._typed(annotation)

    def _typed(self, kind: type[Any]) -> Converter:
        """How a value stored by the transcoding of `kind` is read."""
        transcoding = self._transcodings[kind]
        name, decode = transcoding.name, transcoding.decode
        nested = self._nested

        def convert(value: Any) -> Any:
            try:
                stored_name, data = value["_type_"], value["_data_"]
            except (TypeError, KeyError, IndexError):
                stored_name = data = None
            if stored_name != name:
                raise UnreadableEventError(f"expected a stored {name}, found {value!r}")
            return decode(data if isinstance(data, str) else nested(data))

        return convert

    def _nested(self, data: Any) -> Any:
        """The typed values inside a stored value (the dates of a date range)."""
        if isinstance(data, list):
            return [self._nested(item) for item in data]
        if isinstance(data, dict):
            decoded = {key: self._nested(item) for key, item in data.items()}
            if decoded.keys() == {"_type_", "_data_"}:
                return self._by_name[decoded["_type_"]].decode(decoded["_data_"])
            return decoded
        return data


def _fields(cls: type[Any]) -> dict[str, Any]:
    """The fields an event class and its bases declare, with their types,
    but the library's own (the event's header, which is read apart, and the
    topic of the record a first event creates, stored as text)."""
    fields: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        if klass.__module__.split(".")[0] in ("eventsourcing", "builtins"):
            continue
        namespace = vars(sys.modules[klass.__module__])
        for name, declared in vars(klass).get("__annotations__", {}).items():
            if name in HEADER:
                continue
            # Written as text (postponed annotations), in the class's module.
            fields[name] = (
                eval(declared, namespace) if isinstance(declared, str) else declared
            )
    return fields


class EventSource:
    """The log of one application, as catch-up reads it."""

    def __init__(
        self,
        recorder: ApplicationRecorder,
        mapper: Mapper[Any],
        application_name: str,
        select: PageQuery | None = None,
        saved: RecentlySaved | None = None,
    ) -> None:
        self.recorder = recorder
        self.application_name = application_name
        self.select = select or self._select_notifications
        self.decoder = EventDecoder(mapper, event_classes())
        self.saved = saved
        """The events this process saved last (`application.saved`): a
        stretch of the log they hold whole is taken from them, not read."""

    def check_known(self, after: int, stop: int) -> None:
        """Raise `UnknownEventError` if the log holds, after position `after` up
        to `stop`, an event of a kind this version does not know: each view
        reads only the kinds it needs, and would otherwise pass over an event
        of a later version that changes what it shows."""
        held = self.saved.topics(after, stop) if self.saved is not None else None
        topics = held if held is not None else self.topics_between(after, stop)
        unknown = topics - self.decoder.classes.keys()
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

    def exists(self) -> bool:
        """Whether the log's table exists (a store is created by its first
        event: see `adapters.recorders`)."""
        table_exists = getattr(self.recorder, "table_exists", None)
        return table_exists is None or bool(table_exists())

    def head(self) -> int:
        """The position of the last event in the log (0 for an empty log)."""
        return self.recorder.max_notification_id() or 0

    def page(
        self, after: int, stop: int, topics: Sequence[str], limit: int
    ) -> list[Logged]:
        """Up to `limit` events of `topics` after position `after`, up to `stop`:
        as this process saved them, if it holds them all, else as read."""
        held = (
            self.saved.between(after, stop, frozenset(topics), limit)
            if self.saved is not None
            else None
        )
        if held is None:
            return self.decoder.page(self.select(after, stop, topics, limit))
        return held

    def record(self, record_id: UUID) -> list[Any]:
        """Every event of one record (a body, session or workplan), oldest
        first, read by the library's own path."""
        to_domain_event = self.decoder.mapper.to_domain_event
        return [to_domain_event(s) for s in self.recorder.select_events(record_id)]

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
