"""The calendar: session events into each session's row, a version of it per
change (for "as of" and "known at"), and every postponement."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from application.errors import UnreadableEventError
from application.projections import Logged, record_key
from application.projections.rows import CalendarRow, PostponementRow
from domain.languages import in_language_order
from domain.session import Session
from domain.striking import DECISIONS
from domain.values import DateRange, SessionStatus

NO_DATES = (None, None)


def iso_dates(dates: DateRange | None) -> tuple[str, str] | tuple[None, None]:
    """A session's dates as (start, end) ISO texts; (None, None) when they are
    to be determined."""
    if dates is None:
        return NO_DATES
    return dates.start.isoformat(), dates.end.isoformat()


def scheduled(event: Session.Scheduled, recorded_at: str) -> CalendarRow:
    start, end = iso_dates(event.dates)
    assert start is not None  # scheduled with dates
    assert end is not None
    return CalendarRow(
        session_id=record_key(event.originator_id),
        version=event.originator_version,
        body=event.body,
        number=event.number,
        title=event.title,
        start=start,
        end=end,
        last_start=start,
        last_end=end,
        venue=event.venue,
        format=event.format.value,
        venue_since=event.originator_version,
        status=event.status_after(None).value,
        original_start=start,
        original_end=end,
        postponements=0,
        sequence=0,
        stocktaking=event.stocktaking,
        report_adopted_on=None,
        postponement_reason=None,
        cancellation_reason=None,
        event=type(event).__name__,
        reason=None,
        effective_on=event.on.isoformat(),
        recorded_at=recorded_at,
        actor=event.actor,
    )


# What each later event changes in the row, besides what every event changes
# (its version, status, effective date, recording time and actor).


def _new_dates(event: Session.Postponed | Session.Rescheduled) -> dict[str, Any]:
    start, end = iso_dates(event.new)
    changes: dict[str, Any] = {"start": start, "end": end, "reason": event.reason}
    if start is not None:
        changes["last_start"], changes["last_end"] = start, end
    return changes


def _postponed(event: Session.Postponed, before: CalendarRow) -> dict[str, Any]:
    return {
        **_new_dates(event),
        "postponements": before.postponements + 1,
        "postponement_reason": event.reason,
    }


def _rescheduled(event: Session.Rescheduled, _: CalendarRow) -> dict[str, Any]:
    return _new_dates(event)


def _venue_changed(event: Session.VenueChanged, _: CalendarRow) -> dict[str, Any]:
    return {
        "venue": event.venue,
        "format": event.format.value,
        "venue_since": event.originator_version,
    }


def _corrected(event: Session.Corrected, before: CalendarRow) -> dict[str, Any]:
    return {
        "title": before.title if event.title is None else event.title,
        "venue": before.venue if event.venue is None else event.venue,
        "reason": event.reason,
    }


def _translated(event: Session.Translated, before: CalendarRow) -> dict[str, Any]:
    titles = {**json.loads(before.titles), event.language: event.title}
    return {"titles": titles_text(titles)}


def titles_text(titles: Mapping[str, str]) -> str:
    """Titles by language as the calendar's rows keep them: a JSON object, its
    languages in the order of the six."""
    return json.dumps(in_language_order(titles), ensure_ascii=False)


def _cancelled(event: Session.Cancelled, _: CalendarRow) -> dict[str, Any]:
    return {"reason": event.reason, "cancellation_reason": event.reason}


def _report_adopted(event: Session.ReportAdopted, _: CalendarRow) -> dict[str, Any]:
    return {"report_adopted_on": event.on.isoformat()}


def _struck(event: Session.Struck, before: CalendarRow) -> dict[str, Any]:
    """A decision struck: the entry reads as before it (dates, venue, status,
    postponements, and its calendar file's SEQUENCE)."""
    start, end = iso_dates(event.dates)
    changes: dict[str, Any] = {
        "start": start,
        "end": end,
        "venue": event.venue,
        "format": event.format.value,
        "postponements": event.postponements,
        "sequence": before.sequence - (event.entry in SEQUENCED_NAMES),
        "reason": event.reason,
    }
    if start is not None:
        changes["last_start"], changes["last_end"] = start, end
    if event.entry == "Cancelled":
        changes["cancellation_reason"] = None
    if event.entry == "Postponed" and not event.postponements:
        changes["postponement_reason"] = None
    return changes


def _nothing_else(_: Session.Event, __: CalendarRow) -> dict[str, Any]:
    return {}


CHANGES: Mapping[type[Any], Callable[[Any, CalendarRow], dict[str, Any]]] = {
    Session.Postponed: _postponed,
    Session.Rescheduled: _rescheduled,
    Session.VenueChanged: _venue_changed,
    Session.Cancelled: _cancelled,
    Session.Opened: _nothing_else,
    Session.Closed: _nothing_else,
    Session.ReportAdopted: _report_adopted,
    Session.Corrected: _corrected,
    Session.Translated: _translated,
    Session.Struck: _struck,
}
"""The session events that change a session's calendar entry after its
scheduling; the others (agenda, documents, statements, panelists) are never
read by the calendar."""

SEQUENCED: frozenset[type[Any]] = frozenset(
    {Session.Postponed, Session.Rescheduled, Session.VenueChanged, Session.Cancelled}
)
SEQUENCED_NAMES = frozenset(kind.__name__ for kind in SEQUENCED)
"""The changes that calendar files count in SEQUENCE: dates, venue, format or
status; opening and closing are what was planned, and are not counted, nor is
a correction, which is how the entry should always have read."""


def corrected(row: CalendarRow, known: CalendarRow) -> CalendarRow:
    """`row`, a version of a session's entry as of some date, with the
    corrections of the version `known` (the entry as the record knows it now,
    or knew it at some moment): a correction holds from the beginning, for the
    title (and its translations), and for the venue from the decision that set
    the venue corrected."""
    fields: dict[str, Any] = {"title": known.title, "titles": known.titles}
    if row.venue_since == known.venue_since:
        fields["venue"] = known.venue
    return row._replace(**fields)


@attrs.define
class CalendarChanges:
    """What one page of events does to the calendar."""

    versions: list[CalendarRow] = attrs.Factory(list)
    current: dict[str, CalendarRow] = attrs.Factory(dict)
    postponements: list[PostponementRow] = attrs.Factory(list)
    struck_postponements: list[tuple[str, int]] = attrs.Factory(list)
    """The postponements struck (by session and version): the view drops them."""
    struck_versions: list[tuple[str, str, int, int]] = attrs.Factory(list)
    """Decisions struck: when (the strike's recording time), of which session,
    from which version on, up to the strike's own: those versions are struck."""


class CalendarProjector:
    """Session events into calendar rows, versions and postponements."""

    events: tuple[type[Any], ...] = (Session.Scheduled, *CHANGES)

    def wanted(self, events: Iterable[Logged]) -> set[str]:
        """The sessions whose current rows a page needs before it is applied."""
        return {
            record_key(e.event.originator_id)
            for e in events
            if type(e.event) is not Session.Scheduled
        }

    def apply(
        self, events: Sequence[Logged], current: Mapping[str, CalendarRow]
    ) -> CalendarChanges:
        """The rows that `events` add or change, given the current rows of the
        sessions they concern (`wanted`)."""
        changes = CalendarChanges()
        for position, recorded_at, event in events:
            if type(event) is Session.Struck:
                if event.entry not in DECISIONS:
                    continue  # an entry the calendar never read
                if event.entry == "Postponed":
                    changes.struck_postponements.append(
                        (record_key(event.originator_id), event.entry_version)
                    )
                changes.struck_versions.append(
                    (
                        recorded_at,
                        record_key(event.originator_id),
                        event.entry_version,
                        event.originator_version,
                    )
                )
            if type(event) is Session.Scheduled:
                row = scheduled(event, recorded_at)
            else:
                key = record_key(event.originator_id)
                before = changes.current.get(key) or current.get(key)
                if before is None:
                    raise UnreadableEventError(
                        f"{type(event).__name__} at position {position} concerns a "
                        "session the calendar has no row for"
                    )
                row = self._changed(before, event, recorded_at)
                if type(event) is Session.Postponed:
                    changes.postponements.append(postponement(row, event))
            changes.versions.append(row)
            changes.current[row.session_id] = row
        return changes

    @staticmethod
    def _changed(
        before: CalendarRow, event: Session.Event, recorded_at: str
    ) -> CalendarRow:
        kind = type(event)
        try:
            change = CHANGES[kind]
        except KeyError:
            raise UnreadableEventError(
                f"the calendar does not read {kind.__name__} events"
            ) from None
        status = event.status_after(SessionStatus(before.status))
        fields: dict[str, Any] = {
            "version": event.originator_version,
            "status": status.value,
            "sequence": before.sequence + (kind in SEQUENCED),
            "event": kind.__name__,
            "reason": None,
            "effective_on": event.on.isoformat(),
            "recorded_at": recorded_at,
            "actor": event.actor,
        }
        fields.update(change(event, before))
        return before._replace(**fields)


def postponement(row: CalendarRow, event: Session.Postponed) -> PostponementRow:
    start, end = iso_dates(event.previous)
    assert start is not None  # only a session with dates is postponed
    assert end is not None
    to_start, to_end = iso_dates(event.new)
    return PostponementRow(
        session_id=row.session_id,
        version=row.version,
        body=row.body,
        number=row.number,
        effective_on=row.effective_on,
        reason=event.reason,
        actor=row.actor,
        recorded_at=row.recorded_at,
        from_start=start,
        from_end=end,
        to_start=to_start,
        to_end=to_end,
        announced_in=event.announced_in,
    )
