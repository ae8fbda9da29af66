"""What a command would do, decided without being recorded (`--dry-run`): the
events it would record, and what they would touch. Any declared command is
previewed the same way: it is decided as it would be, on the records as they
stand, and nothing is saved; a rule it breaks is raised as it would be.

For a decision that moves a session or changes its status (a postponement, a
reschedule, a cancellation), the impact names the calls for comments of the
cycle discussed at that session (the year it was to meet), its confirmed
panelists, the documents issued for it, and each stocktaking milestone whose
`met_by` would change; for any decision, the messages that would go out to
the body's distribution list.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from application.notifying import distribution_list
from application.projections import Logged, record_key, utc_text
from application.projections.calendar import CalendarProjector
from application.projections.outbox import (
    MessageRow,
    OutboxPage,
    OutboxProjector,
    SubscriberRow,
    WorkplanKeyRow,
)
from application.projections.rows import CalendarRow
from application.queries import StocktakingSession, met_by
from application.records import event_record
from domain.distribution import address_key, distribution_list_id
from domain.session import Session

if TYPE_CHECKING:
    from application.commands import Command
    from application.ports import Views
    from application.secretariat import Secretariat

MOVES: frozenset[type[Any]] = frozenset(
    {Session.Postponed, Session.Rescheduled, Session.Cancelled}
)
"""Decisions whose impact on the session's surroundings is named."""


@attrs.frozen
class Preview:
    """What a command would record and touch."""

    events: list[dict[str, Any]]
    """The events it would record, as `history --json` shows them."""
    calls: list[dict[str, Any]] = attrs.Factory(list)
    panelists: list[dict[str, Any]] = attrs.Factory(list)
    documents: list[dict[str, Any]] = attrs.Factory(list)
    milestones: list[dict[str, Any]] = attrs.Factory(list)
    messages: list[MessageRow] = attrs.Factory(list)
    """The messages that would go out (their subjects are the adapters' to write)."""


def preview(
    secretariat: Secretariat, views: Views, command: Command, *, today: date
) -> Preview:
    """Decide `command` without recording it (raising the `DomainError` of a
    rule it breaks), and say what it would touch."""
    decisions = secretariat.trial()
    decided = decisions.decide(command)
    events = [event for event in decisions.events if _of_record(event, decided)]
    found = Preview(events=[event_record(event) for event in events])
    session = decided.aggregate if isinstance(decided.aggregate, Session) else None
    before = None
    if session is not None:
        history = list(secretariat.events.get(session.id))
        before = _calendar_row(history)
        if any(type(event) in MOVES for event in events) and before is not None:
            after = _calendar_row([*history, *events])
            assert after is not None
            found = attrs.evolve(
                found,
                calls=_calls(views, before),
                panelists=_panelists(history),
                documents=_documents(history),
                milestones=_milestones(views, before, after, today),
            )
    return attrs.evolve(found, messages=_messages(secretariat, command, events, before))


def _of_record(event: Any, decided: Any) -> bool:
    return bool(event.originator_id == decided.aggregate.id)


def _logged(events: list[Any]) -> list[Logged]:
    return [Logged(0, utc_text(event.timestamp), event) for event in events]


def _calendar_row(events: list[Any]) -> CalendarRow | None:
    """The session's calendar entry after `events`."""
    projector = CalendarProjector()
    read = [e for e in _logged(events) if type(e.event) in projector.events]
    if not read:
        return None
    changes = projector.apply(read, {})
    return changes.current[record_key(events[0].originator_id)]


def _calls(views: Views, session: CalendarRow) -> list[dict[str, Any]]:
    """The calls for comments of the cycle discussed at the session: the year
    it was to meet."""
    cycle = int((session.start or session.last_start)[:4])
    return [
        {
            "body": call.body,
            "period": call.period,
            "cycle": call.cycle,
            "deadline": call.deadline,
        }
        for call in views.calls(session.body)
        if call.cycle == cycle
    ]


def _panelists(history: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "name": event.name,
            "delegation": event.delegation,
            "item": event.item,
            "title": event.title,
        }
        for event in history
        if type(event) is Session.PanelistConfirmed
    ]


def _documents(history: list[Any]) -> list[dict[str, Any]]:
    return [
        {"kind": event.kind.value, "title": event.title, "symbol": event.symbol}
        for event in history
        if type(event) is Session.DocumentIssued
    ]


def _milestones(
    views: Views, before: CalendarRow, after: CalendarRow, today: date
) -> list[dict[str, Any]]:
    """Each stocktaking milestone of the body whose `met_by` would change."""
    rows = views.calendar_rows(before.body)
    now = [_stocktaking(row) for row in rows if row.stocktaking]
    then = [
        _stocktaking(after if row.session_id == after.session_id else row)
        for row in rows
        if row.stocktaking
    ]
    changed = []
    for milestone in views.deadlines(before.body, today=today)["milestones"]:
        due = date.fromisoformat(milestone["due_by"])
        was, would = met_by(before.body, due, now), met_by(before.body, due, then)
        if was != would:
            changed.append(
                {
                    **milestone,
                    "met_by": _met(was),
                    "met_by_after": _met(would),
                }
            )
    return changed


def _stocktaking(row: CalendarRow) -> StocktakingSession:
    return StocktakingSession(row.body, row.number, row.start, row.status)


def _met(session: StocktakingSession | None) -> dict[str, Any] | None:
    return (
        None if session is None else {"number": session.number, "start": session.start}
    )


def _messages(
    secretariat: Secretariat,
    command: Command,
    events: list[Any],
    session: CalendarRow | None,
) -> list[MessageRow]:
    """The messages the outbox would make of `events`, merged with nothing
    that waits already."""
    body = getattr(command, "body", None)
    if not isinstance(body, str):
        return []
    listed = distribution_list(secretariat, body)["subscribers"]
    subscribers = {
        address_key(s["email"]): SubscriberRow(
            body,
            address_key(s["email"]),
            s["email"],
            s["name"],
            s["delegation"],
            s["language"],
            s["bureau"],
        )
        for s in listed
    }
    page = OutboxPage(
        sessions={} if session is None else {session.session_id: session},
        workplans={},
        lists={record_key(distribution_list_id(body)): body},
        subscribers={body: subscribers},
    )
    period = getattr(command, "period", None)
    for event in events:
        if period is not None:
            key = record_key(event.originator_id)
            page.workplans[key] = WorkplanKeyRow(key, body, str(period))
    OutboxProjector(delay=0).apply(_logged(events), page)
    return list(page.messages.values())
