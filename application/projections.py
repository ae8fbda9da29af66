"""The read side's logic: stored events into the rows of the views.

Catch-up hands a projector one page of events at a time, each decoded cheaply
(its stored JSON read as it is, without building a domain object: the values
keep the form `application.transcodings` gives them). The projector returns the
rows that page adds or changes, as plain data; where the rows live, and how they
are written with the view's tracking record, is the adapters' business.

Rows hold dates as ISO text (`2020-04-06`) and recording times as ISO text in
UTC with microseconds (`2020-03-13T10:15:00.000000+00:00`), so that both compare
correctly as text in every store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

import attrs

from application.errors import UnreadableEventError
from application.transcodings import DateAsISO, DateRangeAsDict, PeriodAsStr
from domain.session import Session
from domain.workplan import Workplan

DATETIME = "datetime_iso"
"""The library's own transcoding of an event's timestamp."""


def known_topics() -> frozenset[str]:
    """The topic of every event this version records."""
    from eventsourcing.domain import CanMutateAggregate
    from eventsourcing.utils import get_topic

    from application.imported import ImportedEntry
    from domain.access import Grant
    from domain.body import Body

    return frozenset(
        get_topic(value)
        for aggregate in (Body, Session, Workplan, ImportedEntry, Grant)
        for value in vars(aggregate).values()
        if isinstance(value, type) and issubclass(value, CanMutateAggregate)
    )


def event_topic(aggregate: type[Any], event: str) -> str:
    """The topic under which the library stores `aggregate`'s `event`."""
    return f"{aggregate.__module__}:{aggregate.__qualname__}.{event}"


class PlainEvent(NamedTuple):
    """One stored event as catch-up reads it: its position in the log, its
    record's id and version, its topic, and its state as stored JSON (a tuple:
    catch-up makes one per event read)."""

    position: int
    originator_id: str
    version: int
    topic: str
    state: Mapping[str, Any]

    @property
    def name(self) -> str:
        """The event's name: `Postponed`."""
        return event_name(self.topic)

    @property
    def on(self) -> str:
        return iso_date(self.state["on"])

    @property
    def recorded_at(self) -> str:
        return timestamp(self.state["timestamp"])

    @property
    def actor(self) -> str:
        actor: str = self.state["actor"]
        return actor


_NAMES: dict[str, str] = {}


def event_name(topic: str) -> str:
    """The name of the event stored under `topic`: `Postponed`."""
    name = _NAMES.get(topic)
    if name is None:
        name = _NAMES[topic] = topic.rpartition(".")[2]
    return name


def _data(value: Any, type_name: str) -> Any:
    try:
        if value["_type_"] == type_name:
            return value["_data_"]
    except (TypeError, KeyError, IndexError):
        pass
    raise UnreadableEventError(f"expected a stored {type_name}, found {value!r}")


DATE = DateAsISO.name


def iso_date(value: Any) -> str:
    """A stored date, as ISO text."""
    text: str = _data(value, DATE)
    return text


def optional_date(value: Any) -> str | None:
    return None if value is None else iso_date(value)


def date_range(value: Any) -> tuple[str, str] | None:
    """A stored date range as (start, end) ISO texts, or None for no dates."""
    if value is None:
        return None
    data = _data(value, DateRangeAsDict.name)
    return iso_date(data["start"]), iso_date(data["end"])


UTC_TEXT_LENGTH = len("2020-03-13T10:15:00.000000+00:00")


def timestamp(value: Any) -> str:
    """A stored timestamp as ISO text in UTC, always with microseconds."""
    text: str = _data(value, DATETIME)
    if len(text) == UTC_TEXT_LENGTH and text.endswith("+00:00"):
        return text  # as the library writes it: already in the views' form
    return utc_text(datetime.fromisoformat(text))


def utc_text(moment: datetime) -> str:
    """`moment` written as the views write recording times."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def enum_value(value: Any) -> str:
    """A stored enumeration member's value (`in-person`)."""
    try:
        text: str = value["_data_"]
        return text
    except (TypeError, KeyError, IndexError):
        pass
    raise UnreadableEventError(f"expected a stored enumeration, found {value!r}")


# The calendar: one row per session, and a version of it per change.

CALENDAR_EVENTS = (
    "Scheduled",
    "Postponed",
    "Rescheduled",
    "VenueChanged",
    "Cancelled",
    "Opened",
    "Closed",
    "ReportAdopted",
)
"""The session events that change a session's calendar entry; the others
(agenda, documents, statements, panelists) are never read by the calendar."""

SEQUENCED_EVENTS = frozenset({"Postponed", "Rescheduled", "VenueChanged", "Cancelled"})
"""The changes that calendar files count in SEQUENCE: dates, venue, format or
status; opening and closing are what was planned, and are not counted."""


@attrs.frozen
class CalendarRow:
    """A session's calendar entry as it stood after one of its events.

    `start` and `end` are None while the session is postponed with its dates
    to be determined; `last_start` and `last_end` then keep the last known ones.
    `effective_on` and `recorded_at` are those of the event that made this
    version: the calendar "as of" a date, or "as known at" a moment, shows for
    each session its latest version with `effective_on` (or `recorded_at`) not
    after it.
    """

    session_id: str
    version: int
    body: str
    number: int
    title: str
    start: str | None
    end: str | None
    last_start: str
    last_end: str
    venue: str
    format: str
    status: str
    original_start: str
    original_end: str
    postponements: int
    sequence: int
    stocktaking: bool = attrs.field(converter=bool)
    report_adopted_on: str | None
    postponement_reason: str | None
    cancellation_reason: str | None
    event: str
    reason: str | None
    effective_on: str
    recorded_at: str
    actor: str


@attrs.frozen
class PostponementRow:
    """One postponement of a session: when it was decided, why, and the dates
    it moved the session from and to (no `to` dates: to be determined)."""

    session_id: str
    version: int
    body: str
    number: int
    effective_on: str
    reason: str
    actor: str
    recorded_at: str
    from_start: str
    from_end: str
    to_start: str | None
    to_end: str | None
    announced_in: str | None
    """The document or message that announced it (None when none is named)."""


@attrs.define
class CalendarChanges:
    """What one page of events does to the calendar."""

    versions: list[CalendarRow] = attrs.Factory(list)
    current: dict[str, CalendarRow] = attrs.Factory(dict)
    postponements: list[PostponementRow] = attrs.Factory(list)


class CalendarProjector:
    """Session events into calendar rows, versions and postponements."""

    topics = tuple(event_topic(Session, name) for name in CALENDAR_EVENTS)

    def wanted(self, events: Iterable[PlainEvent]) -> set[str]:
        """The sessions whose current rows a page needs before it is applied."""
        return {e.originator_id for e in events if event_name(e.topic) != "Scheduled"}

    def apply(
        self, events: Sequence[PlainEvent], current: Mapping[str, CalendarRow]
    ) -> CalendarChanges:
        """The rows that `events` add or change, given the current rows of the
        sessions they concern (`wanted`)."""
        changes = CalendarChanges()
        for event in events:
            if event.name == "Scheduled":
                row = self._scheduled(event)
            else:
                before = changes.current.get(event.originator_id) or current.get(
                    event.originator_id
                )
                if before is None:
                    raise UnreadableEventError(
                        f"{event.name} at position {event.position} concerns a "
                        "session the calendar has no row for"
                    )
                row = self._changed(before, event)
                if event.name == "Postponed":
                    changes.postponements.append(self._postponement(row, event))
            changes.versions.append(row)
            changes.current[row.session_id] = row
        return changes

    @staticmethod
    def _scheduled(event: PlainEvent) -> CalendarRow:
        state = event.state
        dates = date_range(state["dates"])
        assert dates is not None  # a session is scheduled with dates
        start, end = dates
        return CalendarRow(
            session_id=event.originator_id,
            version=event.version,
            body=state["body"],
            number=state["number"],
            title=state["title"],
            start=start,
            end=end,
            last_start=start,
            last_end=end,
            venue=state["venue"],
            format=enum_value(state["format"]),
            status="scheduled",
            original_start=start,
            original_end=end,
            postponements=0,
            sequence=0,
            stocktaking=state["stocktaking"],
            report_adopted_on=None,
            postponement_reason=None,
            cancellation_reason=None,
            event=event.name,
            reason=None,
            effective_on=event.on,
            recorded_at=event.recorded_at,
            actor=event.actor,
        )

    @staticmethod
    def _changed(before: CalendarRow, event: PlainEvent) -> CalendarRow:
        state = event.state
        changes: dict[str, Any] = {}
        name = event.name
        if name in ("Postponed", "Rescheduled"):
            dates = date_range(state["new"])
            changes["start"], changes["end"] = dates or (None, None)
            if dates is not None:
                changes["last_start"], changes["last_end"] = dates
            changes["status"] = "scheduled" if dates else "postponed"
            changes["reason"] = state.get("reason")
            if name == "Postponed":
                changes["postponements"] = before.postponements + 1
                changes["postponement_reason"] = state["reason"]
        elif name == "VenueChanged":
            changes["venue"] = state["venue"]
            changes["format"] = enum_value(state["format"])
        elif name == "Cancelled":
            changes["status"] = "cancelled"
            changes["reason"] = changes["cancellation_reason"] = state["reason"]
        elif name == "Opened":
            changes["status"] = "in-session"
        elif name == "Closed":
            changes["status"] = "closed"
        elif name == "ReportAdopted":
            changes["report_adopted_on"] = event.on
        else:
            raise UnreadableEventError(f"the calendar does not read {name} events")
        if name in SEQUENCED_EVENTS:
            changes["sequence"] = before.sequence + 1
        changes.setdefault("reason", None)
        return attrs.evolve(
            before,
            version=event.version,
            event=name,
            effective_on=event.on,
            recorded_at=event.recorded_at,
            actor=event.actor,
            **changes,
        )

    @staticmethod
    def _postponement(row: CalendarRow, event: PlainEvent) -> PostponementRow:
        previous = date_range(event.state["previous"])
        assert previous is not None  # only a session with dates is postponed
        new = date_range(event.state["new"])
        return PostponementRow(
            session_id=row.session_id,
            version=row.version,
            body=row.body,
            number=row.number,
            effective_on=row.effective_on,
            reason=event.state["reason"],
            actor=row.actor,
            recorded_at=row.recorded_at,
            from_start=previous[0],
            from_end=previous[1],
            to_start=new[0] if new else None,
            to_end=new[1] if new else None,
            announced_in=event.state["announced_in"],
        )


# Deadlines: workplans, their calls for comments, extensions and submissions.

DEADLINE_EVENTS = (
    "Adopted",
    "CommentsRequested",
    "DeadlineExtended",
    "SubmissionReceived",
)


@attrs.frozen
class WorkplanRow:
    workplan_id: str
    body: str
    period: str
    stocktaking_by: int | None
    adopted_on: str
    recorded_at: str


@attrs.frozen
class CallRow:
    """A call for comments for one cycle, with the deadline now in force."""

    workplan_id: str
    cycle: int
    body: str
    period: str
    original_deadline: str
    deadline: str
    extensions: int
    requested_on: str
    requested_at: str
    recorded_at: str
    """The recording time of the call's latest request or extension."""


@attrs.frozen
class ExtensionRow:
    workplan_id: str
    version: int
    cycle: int
    previous: str
    to: str
    reason: str
    effective_on: str
    actor: str
    recorded_at: str


@attrs.frozen
class SubmissionRow:
    workplan_id: str
    version: int
    cycle: int
    submitter: str
    submitter_kind: str
    reference: str | None
    received_on: str
    actor: str
    recorded_at: str


@attrs.define
class DeadlineChanges:
    """What one page of events does to the deadline tracking view."""

    workplans: list[WorkplanRow] = attrs.Factory(list)
    calls: dict[tuple[str, int], CallRow] = attrs.Factory(dict)
    extensions: list[ExtensionRow] = attrs.Factory(list)
    submissions: list[SubmissionRow] = attrs.Factory(list)


class DeadlinesProjector:
    """Workplan events into workplans, calls, extensions and submissions.

    A submission is stored as received, never classified: whether it is on
    time depends on the deadlines as they stand when the view is read.
    """

    topics = tuple(event_topic(Workplan, name) for name in DEADLINE_EVENTS)

    def wanted(
        self, events: Iterable[PlainEvent]
    ) -> tuple[set[str], set[tuple[str, int]]]:
        """The workplans and calls whose rows a page needs before it is applied."""
        workplans: set[str] = set()
        calls: set[tuple[str, int]] = set()
        for e in events:
            name = event_name(e.topic)
            if name == "CommentsRequested":
                workplans.add(e.originator_id)
            elif name == "DeadlineExtended":
                calls.add((e.originator_id, e.state["cycle"]))
        return workplans, calls

    def apply(
        self,
        events: Sequence[PlainEvent],
        workplans: Mapping[str, WorkplanRow],
        calls: Mapping[tuple[str, int], CallRow],
    ) -> DeadlineChanges:
        changes = DeadlineChanges()
        adopted: dict[str, WorkplanRow] = {}
        submissions = changes.submissions
        for event in events:
            state = event.state
            name = event_name(event.topic)
            if name == "SubmissionReceived":  # most of the events read
                submissions.append(
                    SubmissionRow(
                        event.originator_id,
                        event.version,
                        state["cycle"],
                        state["submitter"],
                        enum_value(state["submitter_kind"]),
                        state["reference"],
                        iso_date(state["on"]),
                        state["actor"],
                        timestamp(state["timestamp"]),
                    )
                )
            elif name == "Adopted":
                row = WorkplanRow(
                    workplan_id=event.originator_id,
                    body=state["body"],
                    period=_data(state["period"], PeriodAsStr.name),
                    stocktaking_by=state["stocktaking_by"],
                    adopted_on=event.on,
                    recorded_at=event.recorded_at,
                )
                adopted[row.workplan_id] = row
                changes.workplans.append(row)
            elif name == "CommentsRequested":
                workplan = adopted.get(event.originator_id) or workplans.get(
                    event.originator_id
                )
                if workplan is None:
                    raise UnreadableEventError(
                        f"comments requested at position {event.position} under "
                        "a workplan the view has no row for"
                    )
                deadline = iso_date(state["deadline"])
                call = CallRow(
                    workplan_id=workplan.workplan_id,
                    cycle=state["cycle"],
                    body=workplan.body,
                    period=workplan.period,
                    original_deadline=deadline,
                    deadline=deadline,
                    extensions=0,
                    requested_on=event.on,
                    requested_at=event.recorded_at,
                    recorded_at=event.recorded_at,
                )
                changes.calls[(call.workplan_id, call.cycle)] = call
            elif name == "DeadlineExtended":
                key = (event.originator_id, state["cycle"])
                before = changes.calls.get(key) or calls.get(key)
                if before is None:
                    raise UnreadableEventError(
                        f"a deadline extended at position {event.position} "
                        "belongs to a call the view has no row for"
                    )
                extension = ExtensionRow(
                    workplan_id=event.originator_id,
                    version=event.version,
                    cycle=state["cycle"],
                    previous=iso_date(state["previous"]),
                    to=iso_date(state["to"]),
                    reason=state["reason"],
                    effective_on=event.on,
                    actor=event.actor,
                    recorded_at=event.recorded_at,
                )
                changes.extensions.append(extension)
                changes.calls[key] = attrs.evolve(
                    before,
                    deadline=extension.to,
                    extensions=before.extensions + 1,
                    recorded_at=extension.recorded_at,
                )
            else:
                raise UnreadableEventError(f"deadlines do not read {name} events")
        return changes
