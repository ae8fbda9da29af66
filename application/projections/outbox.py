"""The outbox: the decisions a body's subscribers are to be told of, as one
message per subscriber and per session (or call for comments), and what became
of each.

A decision produces messages only when it was recorded live, from the command
line or through the service (its `recorded_via`): an import file replays what
was decided long ago, and nobody is told of it again. Changes to the same
session (or call) that follow each other within the delay are merged into one
message, which states where things finally stand and lists every change: the
message is due a delay after the last of them. What is kept of the list and of
each session is the outbox's own, so that the outbox is caught up on its own,
like any view, with its own position in the log.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, NamedTuple

import attrs

from application.imported import ImportedEntry
from application.projections import Logged, record_key, utc_text
from application.projections.calendar import CHANGES, CalendarProjector
from application.projections.rows import CalendarRow
from application.records import event_record
from domain.delivery import Delivery
from domain.distribution import DistributionList, address_key
from domain.ids import natural_id
from domain.session import Session
from domain.workplan import Workplan

LIVE = frozenset({"cli", "api"})
"""How a decision must reach the record for anyone to be told of it."""

EXTENDED_BUREAU = "extended-bureau"
"""The audience of a circulation that only the extended Bureau is told of."""

PENDING, SENT, FAILED = "pending", "sent", "failed"
HELD = "held"
"""A message of a decision read from an import file, held until the mark of
its entry says whether anyone is to be told (`import --notify`): then pending,
or gone. (The mark is written in the same transaction, right after.)"""


class ListRow(NamedTuple):
    """A body's distribution list, by its id."""

    list_id: str
    body: str


class SubscriberRow(NamedTuple):
    """One person on a body's distribution list."""

    body: str
    address: str
    """The address as it is matched (`address_key`)."""
    email: str
    name: str
    delegation: str | None
    language: str
    bureau: bool


class WorkplanKeyRow(NamedTuple):
    """A workplan as its calls' messages name it."""

    workplan_id: str
    body: str
    period: str


class MessageRow(NamedTuple):
    """One message to one subscriber about one session or call for comments,
    with every change it tells of, and what became of it."""

    message: str
    """Its id in the outbox (a UUID, fixed by what it tells of and to whom)."""
    body: str
    number: int | None
    """The session's number; None for a call for comments."""
    about: str
    """The session's id, or the call's key (`call:<workplan id>:<cycle>`)."""
    period: str | None
    cycle: int | None
    email: str
    address: str
    name: str
    language: str
    changes: str
    """Every change it tells of, oldest first (JSON: each as the history
    shows it, with its recording time as the views write it)."""
    session: str | None
    """The session's calendar entry after the last of them (JSON), from which
    the message states the final dates and makes its calendar part."""
    deadline: str | None
    """A call's deadline after the last of them."""
    first_position: int
    due_at: str
    status: str
    attempts: int
    sent_at: str | None
    last_error: str | None


def message_id(message: str) -> str:
    """The `Message-ID` of a message, fixed by the message: a message sent
    again is recognised as the same."""
    return f"<{message}@secretariat>"


@attrs.define
class OutboxPage:
    """What the outbox holds of the records one page concerns, and what the
    page changes (by key: the rows to write, None for a row to delete)."""

    sessions: dict[str, CalendarRow]
    workplans: dict[str, WorkplanKeyRow]
    lists: dict[str, str]
    """Each list's body, by the list's id."""
    subscribers: dict[str, dict[str, SubscriberRow]] = attrs.Factory(dict)
    """Each body's list, by address."""
    messages: dict[str, MessageRow] = attrs.Factory(dict)
    """Messages the page may change: the pending ones of the page's bodies,
    and those whose delivery the page records."""
    changed_lists: set[str] = attrs.Factory(set)
    changed_sessions: set[str] = attrs.Factory(set)
    changed_workplans: set[str] = attrs.Factory(set)
    changed_subscribers: set[tuple[str, str]] = attrs.Factory(set)
    changed_messages: set[str] = attrs.Factory(set)

    def open_message(
        self, about: str, address: str, status: str = PENDING
    ) -> MessageRow | None:
        for row in self.messages.values():
            if row.about == about and row.address == address and row.status == status:
                return row
        return None


@attrs.frozen
class Wanted:
    """What a page needs read before it is applied: first the sessions,
    workplans and lists it concerns, then (`OutboxProjector.bodies`) the
    subscribers and waiting messages of their bodies, and the messages whose
    delivery it records."""

    sessions: set[str]
    workplans: set[str]
    lists: set[str]
    messages: set[str]
    held: bool
    """Whether the page reads the messages held for an import's entries."""
    abouts: set[str] = attrs.Factory(set)
    """The sessions and calls whose waiting messages a decision may merge into."""
    addresses: set[str] = attrs.Factory(set)
    """The addresses taken off a list, whose waiting messages go."""


SESSION_NEWS: frozenset[type[Any]] = frozenset(
    {
        Session.Scheduled,
        Session.Postponed,
        Session.Rescheduled,
        Session.VenueChanged,
        Session.Cancelled,
        Session.AgendaIssued,
        Session.ReportAdopted,
        Session.DocumentCirculated,
    }
)
"""The decisions on a session that subscribers are told of."""

CALL_NEWS: frozenset[type[Any]] = frozenset(
    {Workplan.CommentsRequested, Workplan.DeadlineExtended}
)

DELIVERIES: frozenset[type[Any]] = frozenset(
    {Delivery.Sent, Delivery.Deferred, Delivery.Failed}
)

FOUNDING: frozenset[type[Any]] = frozenset(
    {Session.Scheduled, Workplan.Adopted, DistributionList.Started}
)
"""The events that name the body of a record that is new to the outbox."""

LIST_EVENTS: frozenset[type[Any]] = frozenset(
    {
        DistributionList.Started,
        DistributionList.Subscribed,
        DistributionList.Unsubscribed,
    }
)


def _after(moment: str, seconds: float) -> str:
    return utc_text(datetime.fromisoformat(moment) + timedelta(seconds=seconds))


class OutboxProjector:
    """Decisions, distribution lists and deliveries into the outbox."""

    events: tuple[type[Any], ...] = (
        *LIST_EVENTS,
        Session.Scheduled,
        *CHANGES,
        Session.AgendaIssued,
        Session.DocumentCirculated,
        Workplan.Adopted,
        *CALL_NEWS,
        *DELIVERIES,
        ImportedEntry.Applied,
    )

    def __init__(self, delay: float) -> None:
        self.delay = delay
        """Seconds a message waits after its last change, for more to merge."""
        self.calendar = CalendarProjector()

    def wanted(self, events: Iterable[Logged]) -> Wanted:
        sessions: set[str] = set()
        workplans: set[str] = set()
        lists: set[str] = set()
        messages: set[str] = set()
        abouts: set[str] = set()
        addresses: set[str] = set()
        held = False
        for logged in events:
            event = logged.event
            kind = type(event)
            if kind is ImportedEntry.Applied:
                held = True
            elif kind in DELIVERIES:
                messages.add(event.message)
            elif kind in LIST_EVENTS:
                lists.add(record_key(event.originator_id))
                if kind is DistributionList.Unsubscribed:
                    addresses.add(address_key(event.email))
            elif kind in CALL_NEWS:
                workplans.add(record_key(event.originator_id))
                abouts.add(_call_key(record_key(event.originator_id), event.cycle))
            elif kind is not Workplan.Adopted:
                sessions.add(record_key(event.originator_id))
                abouts.add(record_key(event.originator_id))
            held = held or _imported(event)
        return Wanted(sessions, workplans, lists, messages, held, abouts, addresses)

    @staticmethod
    def bodies(events: Iterable[Logged], page: OutboxPage) -> set[str]:
        """The bodies whose subscribers and waiting messages a page needs,
        once its sessions, workplans and lists are read."""
        found = {row.body for row in page.sessions.values()}
        found |= {row.body for row in page.workplans.values()}
        found |= set(page.lists.values())
        for logged in events:
            if type(logged.event) in FOUNDING:
                found.add(logged.event.body)
        return found

    def apply(self, events: Sequence[Logged], page: OutboxPage) -> None:
        """Apply `events` to `page` (read as `wanted` says)."""
        for logged in events:
            event = logged.event
            kind = type(event)
            if kind is ImportedEntry.Applied:
                self._entry_applied(event, page)
            elif kind in LIST_EVENTS:
                self._list_change(event, page)
            elif kind in DELIVERIES:
                self._delivered(logged, page)
            elif kind is Workplan.Adopted:
                key = record_key(event.originator_id)
                page.workplans[key] = WorkplanKeyRow(key, event.body, str(event.period))
                page.changed_workplans.add(key)
            elif kind in CALL_NEWS:
                self._call_news(logged, page)
            else:
                self._session_event(logged, page)

    # The distribution lists.

    def _list_change(self, event: Any, page: OutboxPage) -> None:
        kind = type(event)
        key = record_key(event.originator_id)
        if kind is DistributionList.Started:
            page.lists[key] = event.body
            page.changed_lists.add(key)
            return
        body = page.lists[key]
        listed = page.subscribers.setdefault(body, {})
        address = address_key(event.email)
        if kind is DistributionList.Subscribed:
            listed[address] = SubscriberRow(
                body,
                address,
                event.email,
                event.name,
                event.delegation,
                event.language,
                event.bureau,
            )
        else:
            listed.pop(address, None)
            # Nobody is written to once they have left the list.
            for key, row in list(page.messages.items()):
                if (
                    row.address == address
                    and row.body == body
                    and row.status == PENDING
                ):
                    del page.messages[key]
                    page.changed_messages.add(key)
        page.changed_subscribers.add((body, address))

    # Decisions.

    def _session_event(self, logged: Logged, page: OutboxPage) -> None:
        event = logged.event
        kind = type(event)
        key = record_key(event.originator_id)
        if kind is Session.Scheduled or kind in CHANGES:
            before = page.sessions.get(key)
            changes = self.calendar.apply(
                [logged], {} if before is None else {key: before}
            )
            # A struck entry the calendar never read (a statement) changes
            # nothing of the session.
            after = changes.current.get(key, before)
            if after is not None and after is not before:
                page.sessions[key] = after
                page.changed_sessions.add(key)
        session = page.sessions.get(key)
        if session is None or kind not in SESSION_NEWS or not _told(event):
            return
        bureau_only = kind is Session.DocumentCirculated and event.to == EXTENDED_BUREAU
        state = json.dumps(session._asdict(), sort_keys=True)
        for subscriber in page.subscribers.get(session.body, {}).values():
            if bureau_only and not subscriber.bureau:
                continue
            self._tell(
                page,
                logged,
                subscriber,
                about=key,
                number=session.number,
                session=state,
            )

    def _call_news(self, logged: Logged, page: OutboxPage) -> None:
        event = logged.event
        workplan = page.workplans.get(record_key(event.originator_id))
        if workplan is None or not _told(event):
            return
        deadline = (
            event.deadline if type(event) is Workplan.CommentsRequested else event.to
        )
        about = _call_key(workplan.workplan_id, event.cycle)
        for subscriber in page.subscribers.get(workplan.body, {}).values():
            self._tell(
                page,
                logged,
                subscriber,
                about=about,
                period=workplan.period,
                cycle=event.cycle,
                deadline=deadline.isoformat(),
            )

    def _tell(
        self,
        page: OutboxPage,
        logged: Logged,
        subscriber: SubscriberRow,
        *,
        about: str,
        number: int | None = None,
        period: str | None = None,
        cycle: int | None = None,
        session: str | None = None,
        deadline: str | None = None,
    ) -> None:
        """Tell `subscriber` of the decision: in the message about the same
        session that waits still (merged), or in a new one."""
        change = _change(logged)
        due_at = _after(logged.recorded_at, self.delay)
        status = HELD if _imported(logged.event) else PENDING
        open_message = page.open_message(about, subscriber.address, status)
        if open_message is not None and logged.recorded_at < open_message.due_at:
            changes = [*json.loads(open_message.changes), change]
            row = open_message._replace(
                changes=json.dumps(changes, sort_keys=True),
                session=session,
                deadline=deadline,
                due_at=due_at,
                language=subscriber.language,
                name=subscriber.name,
            )
        else:
            message = str(
                natural_id("message", about, subscriber.address, logged.position)
            )
            row = MessageRow(
                message=message,
                body=subscriber.body,
                number=number,
                about=about,
                period=period,
                cycle=cycle,
                email=subscriber.email,
                address=subscriber.address,
                name=subscriber.name,
                language=subscriber.language,
                changes=json.dumps([change], sort_keys=True),
                session=session,
                deadline=deadline,
                first_position=logged.position,
                due_at=due_at,
                status=status,
                attempts=0,
                sent_at=None,
                last_error=None,
            )
        page.messages[row.message] = row
        page.changed_messages.add(row.message)

    # Import files.

    @staticmethod
    def _entry_applied(event: Any, page: OutboxPage) -> None:
        """An import's entry is marked applied, right after its decision: the
        messages held for it go, or are dropped."""
        for key, row in list(page.messages.items()):
            if row.status != HELD:
                continue
            if event.notify:
                released = row._replace(status=PENDING)
                waiting = page.open_message(row.about, row.address)
                if waiting is not None and _first(row) < waiting.due_at:
                    # As a live decision would have been: merged.
                    released = waiting._replace(
                        changes=json.dumps(
                            [*changes_of(waiting), *changes_of(row)], sort_keys=True
                        ),
                        session=row.session,
                        deadline=row.deadline,
                        due_at=row.due_at,
                    )
                    del page.messages[key]
                page.messages[released.message] = released
                page.changed_messages.add(released.message)
            else:
                del page.messages[key]
            page.changed_messages.add(key)

    # Deliveries.

    def _delivered(self, logged: Logged, page: OutboxPage) -> None:
        event = logged.event
        row = page.messages.get(event.message)
        if row is None or row.status != PENDING or event.attempt <= row.attempts:
            return
        kind = type(event)
        if kind is Delivery.Sent:
            row = row._replace(
                status=SENT, attempts=event.attempt, sent_at=logged.recorded_at
            )
        elif kind is Delivery.Deferred:
            row = row._replace(
                attempts=event.attempt, due_at=event.retry_at, last_error=event.reason
            )
        else:
            row = row._replace(
                status=FAILED, attempts=event.attempt, last_error=event.reason
            )
        page.messages[row.message] = row
        page.changed_messages.add(row.message)


def _call_key(workplan_id: str, cycle: int) -> str:
    return f"call:{workplan_id}:{cycle}"


def _live(event: Any) -> bool:
    return getattr(event, "recorded_via", None) in LIVE


def _imported(event: Any) -> bool:
    return getattr(event, "recorded_via", None) == "import"


def _told(event: Any) -> bool:
    """Whether anyone may be told of the decision: recorded live, or read
    from an import file (held until its entry says)."""
    return _live(event) or _imported(event)


def _first(row: MessageRow) -> str:
    recorded: str = changes_of(row)[0]["recorded_at"]
    return recorded


def _change(logged: Logged) -> dict[str, Any]:
    """A decision as a message lists it: as the history shows it."""
    change = event_record(logged.event)
    change["recorded_at"] = logged.recorded_at
    for name in ("source", "assumed", "decided_by", "recorded_via", "actor"):
        change.pop(name, None)
    return change


def changes_of(row: MessageRow) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(row.changes)
    return found


def session_of(row: MessageRow) -> CalendarRow | None:
    if row.session is None:
        return None
    return CalendarRow(**json.loads(row.session))


def message_answer(row: MessageRow) -> dict[str, Any]:
    """A message as `notifications --json` shows it (its subject aside)."""
    return {
        "id": row.message,
        "body": row.body,
        "number": row.number,
        "period": row.period,
        "cycle": row.cycle,
        "to": row.email,
        "language": row.language,
        "events": [
            {"event": change["event"], "on": change["on"], "version": change["version"]}
            for change in changes_of(row)
        ],
        "due_at": row.due_at,
        "status": row.status,
        "attempts": row.attempts,
        "sent_at": row.sent_at,
        "message_id": message_id(row.message),
        "last_error": row.last_error,
    }


def subscribers_by_body(
    rows: Iterable[SubscriberRow],
) -> dict[str, dict[str, SubscriberRow]]:
    found: dict[str, dict[str, SubscriberRow]] = {}
    for row in rows:
        found.setdefault(row.body, {})[row.address] = row
    return found


def as_mapping(rows: Iterable[Any], key: str) -> Mapping[str, Any]:
    return {getattr(row, key): row for row in rows}
