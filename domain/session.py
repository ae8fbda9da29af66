"""A session: the N-th meeting of a body, from its scheduling to its report.

Each public method checks the secretariat's rules and raises a `DomainError`
before anything is recorded, then triggers one of the session's events, each
declared below with its fields. Applying an event only changes state, because
it runs again every time the session is loaded: a private `@event` method
changes what is particular to it, and `Session.Event.apply` the status the
event leaves the session in (`status_after`, also what the views show) and the
date the session's last decision took effect.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.delegations import Delegation, add_delegation_as_written
from domain.errors import DomainError
from domain.ids import session_id
from domain.languages import (
    LANGUAGES,
    RECORD_LANGUAGE,
    TranslationUnchangedError,
    check_translation,
    language_name,
)
from domain.phrases import describe_session, ordinal
from domain.provenance import RecordedEvent, add_unknown_provenance
from domain.snapshots import outdated
from domain.striking import (
    DECISIONS,
    LaterDecisionError,
    check_strike,
    ledger,
    note,
    struck,
)
from domain.values import (
    UTC_ZONE,
    AgendaItem,
    DateRange,
    DocumentKind,
    Format,
    Hours,
    SessionStatus,
    describe_dates,
)

ALTERABLE = (SessionStatus.SCHEDULED, SessionStatus.POSTPONED)
"""A session can be postponed, rescheduled, relocated or cancelled only while
it has not opened, closed or been cancelled."""


def decisions(aggregate: Any) -> list[list[Any]]:
    """The session's decisions on its dates, venue and status, its scheduling
    first, each with what it left the session with: `[version, kind, on,
    status, dates, venue, format, postponements]` (struck ones taken off)."""
    found: list[list[Any]] = vars(aggregate).setdefault("decisions", [])
    return found


class Session(Aggregate):
    """The N-th session (meeting) of a body."""

    class_version = 2
    """The state its snapshots hold. Version 2 keeps, from each event, what a
    strike, a correction and a language version need (the kind of entry at
    each version, the decisions, the documents by symbol with their
    languages); a snapshot of version 1 (release 0.1.0) holds none of it for
    the events before it, and is not used (`domain.snapshots`)."""

    upcast_v1_v2 = staticmethod(outdated)

    class Event(RecordedEvent):
        """Every event of a session: when it took effect (`on`), who recorded
        it, and how the record knows it (`RecordedEvent`). Once a method has
        changed the session, `apply` moves the session to the status the event
        leaves it in and to its date."""

        def status_after(self, status: SessionStatus) -> SessionStatus:
            """The status of a session in `status` once this has happened: most
            events leave it as it is."""
            return status

        def apply(self, aggregate: Any) -> None:
            # A session has no status before it is scheduled.
            aggregate.status = self.status_after(vars(aggregate).get("status"))
            aggregate.last_on = self.on
            note(aggregate, self)
            if isinstance(self, Session.Scheduled) or type(self).__name__ in DECISIONS:
                decisions(aggregate).append(
                    [
                        self.originator_version,
                        type(self).__name__,
                        self.on,
                        aggregate.status,
                        aggregate.dates,
                        aggregate.venue,
                        aggregate.format,
                        aggregate.postponements,
                        aggregate.meeting_zone,
                        aggregate.meeting_hours,
                    ]
                )

    @staticmethod
    def create_id(body: str, number: int, **_: Any) -> UUID:
        return session_id(body, number)

    class Scheduled(Event, Aggregate.Created):
        """The session was scheduled: its number, title, first dates, venue and
        format, and whether it is the workplan's stocktaking meeting; the
        venue's zone (`timezone`, an IANA name) and its daily meeting `hours`
        in that zone, if known.

        Version 3 added `timezone` and `hours`: a session scheduled before
        (version 2 or 1) meets in its body's zone, which for a body of then is
        UTC, at hours not known (None).
        """

        class_version = 3

        body: str
        number: int
        title: str
        dates: DateRange
        venue: str
        format: Format
        stocktaking: bool
        timezone: str
        hours: Hours | None

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["timezone"] = UTC_ZONE
            state["hours"] = None

        def status_after(self, status: SessionStatus | None) -> SessionStatus:
            return SessionStatus.SCHEDULED

    @event(Scheduled)
    def __init__(
        self,
        body: str,
        number: int,
        title: str,
        dates: DateRange,
        venue: str,
        format: Format,
        stocktaking: bool,
        on: date,
        actor: str,
        timezone: str = UTC_ZONE,
        hours: Hours | None = None,
    ) -> None:
        self.body = body
        self.number = number
        self.title = title
        self.dates: DateRange | None = dates
        self.original_dates = dates
        self.venue = venue
        self.format = format
        self.stocktaking = stocktaking
        # Not read by any rule (and absent from a snapshot taken before
        # sessions had them): what the calendar shows.
        self.timezone = timezone
        self.hours = hours
        # Set by `Session.Event.apply`, after this method, for every event.
        self.status: SessionStatus
        self.last_on: date
        self.postponements = 0
        self.agenda: list[AgendaItem] | None = None
        self.documents: list[str] = []
        self.report_adopted_on: date | None = None

    @property
    def description(self) -> str:
        return describe_session(self.body, self.number)

    @property
    def meeting_zone(self) -> str:
        """The venue's zone (a session loaded from a snapshot taken before
        sessions had zones met in UTC)."""
        return str(vars(self).get("timezone", UTC_ZONE))

    @property
    def meeting_hours(self) -> Hours | None:
        """Its meeting hours as given, if known."""
        found: Hours | None = vars(self).get("hours")
        return found

    # Changes of dates, venue and status.

    def postpone(
        self,
        *,
        reason: str,
        dates: DateRange | None,
        on: date,
        actor: str,
        announced_in: str | None = None,
    ) -> None:
        """Postpone the session to later dates, or to dates to be determined."""
        self._check_effective_date(on)
        self._check_alterable("postponed")
        if self.dates is None:
            raise AlreadyPostponedError(self.description)
        if dates is not None and dates.start <= self.dates.start:
            raise PostponementNotLaterError(self.description, self.dates, dates)
        self._postpone(
            reason=reason,
            previous=self.dates,
            new=dates,
            announced_in=announced_in,
            on=on,
            actor=actor,
        )

    class Postponed(Event):
        """The session was postponed, from its `previous` dates to `new` ones
        (None: to be determined), for `reason`, announced in a document or
        message (`announced_in`, e.g. a Special Message), if one is named.

        Version 2 added `announced_in`; a postponement recorded before it
        (version 1) was announced in no document named, and reads as None.
        Version 3 added the provenance every event has (`RecordedEvent`).
        """

        class_version = 3

        reason: str
        previous: DateRange
        new: DateRange | None
        announced_in: str | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["announced_in"] = None

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            add_unknown_provenance(state)

        def status_after(self, status: SessionStatus) -> SessionStatus:
            # To new dates, the session is scheduled again.
            return SessionStatus.SCHEDULED if self.new else SessionStatus.POSTPONED

    @event(Postponed)
    def _postpone(
        self,
        reason: str,
        previous: DateRange,
        new: DateRange | None,
        announced_in: str | None,
        on: date,
        actor: str,
    ) -> None:
        self.dates = new
        self.postponements += 1

    def reschedule(
        self, *, dates: DateRange, reason: str | None, on: date, actor: str
    ) -> None:
        """Set new dates, earlier or later; how a postponed session gets dates."""
        self._check_effective_date(on)
        self._check_alterable("rescheduled")
        if dates == self.dates:
            raise DatesUnchangedError(self.description, dates)
        self._reschedule(
            previous=self.dates, new=dates, reason=reason, on=on, actor=actor
        )

    class Rescheduled(Event):
        """The session was given `new` dates (from `previous` ones, None while
        they were to be determined), for `reason` if one is given."""

        previous: DateRange | None
        new: DateRange
        reason: str | None

        def status_after(self, status: SessionStatus) -> SessionStatus:
            return SessionStatus.SCHEDULED

    @event(Rescheduled)
    def _reschedule(
        self,
        previous: DateRange | None,
        new: DateRange,
        reason: str | None,
        on: date,
        actor: str,
    ) -> None:
        self.dates = new

    def change_venue(
        self,
        *,
        venue: str | None,
        format: Format | None,
        on: date,
        actor: str,
        timezone: str | None = None,
        hours: Hours | None = None,
    ) -> None:
        """Move the session to another venue (in another zone, at other
        hours), or change how it is attended."""
        self._check_effective_date(on)
        self._check_alterable("relocated")
        new_venue = self.venue if venue is None else venue
        new_format = self.format if format is None else format
        new_zone = self.meeting_zone if timezone is None else timezone
        new_hours = self.meeting_hours if hours is None else hours
        if (
            hours is not None
            and hours != self.meeting_hours
            and self.dates is not None
            and not hours.fit(self.dates)
        ):
            raise HoursNotFittingError(self.description, hours, self.dates)
        if (new_venue, new_format, new_zone, new_hours) == (
            self.venue,
            self.format,
            self.meeting_zone,
            self.meeting_hours,
        ):
            raise VenueUnchangedError(self.description, self.venue, self.format)
        self._change_venue(
            venue=new_venue,
            format=new_format,
            timezone=new_zone,
            hours=new_hours,
            on=on,
            actor=actor,
        )

    class VenueChanged(Event):
        """The session moved to `venue`, or is attended in another `format`;
        it meets in the zone `timezone` at `hours` (None: not known) from then
        on.

        Version 3 added `timezone` and `hours`: a change recorded before
        (version 2 or 1) left the session in UTC at hours not known, as every
        session was then.
        """

        class_version = 3

        venue: str
        format: Format
        timezone: str
        hours: Hours | None

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["timezone"] = UTC_ZONE
            state["hours"] = None

    @event(VenueChanged)
    def _change_venue(
        self,
        venue: str,
        format: Format,
        timezone: str,
        hours: Hours | None,
        on: date,
        actor: str,
    ) -> None:
        self.venue = venue
        self.format = format
        self.timezone = timezone
        self.hours = hours

    def cancel(self, *, reason: str, on: date, actor: str) -> None:
        """Cancel the session for good."""
        self._check_effective_date(on)
        self._check_alterable("cancelled")
        self.trigger_event(self.Cancelled, reason=reason, on=on, actor=actor)

    class Cancelled(Event):
        """The session was cancelled for good, for `reason`."""

        reason: str

        def status_after(self, status: SessionStatus) -> SessionStatus:
            return SessionStatus.CANCELLED

    # Corrections: how the record should always have read.

    def correct(
        self,
        *,
        reason: str,
        title: str | None,
        venue: str | None,
        on: date,
        actor: str,
    ) -> None:
        """Correct the session's title or venue as the record should always
        have read them (a misspelling): not a change that takes effect on a
        date, so allowed whatever the session's status."""
        self._check_effective_date(on)
        corrected_title = None if title == self.title else title
        corrected_venue = None if venue == self.venue else venue
        if corrected_title is None and corrected_venue is None:
            raise NothingToCorrectError(self.description, self.title, self.venue)
        self._correct(
            title=corrected_title,
            venue=corrected_venue,
            reason=reason,
            on=on,
            actor=actor,
        )

    class Corrected(Event):
        """The session's `title` or `venue` (None: left as it was) is corrected
        to how the record should always have read, for `reason`. Unlike a
        change, a correction holds from the beginning: the calendar as of any
        date shows the corrected text, and the calendar as known before the
        correction was recorded shows the text then on record."""

        title: str | None
        venue: str | None
        reason: str

    @event(Corrected)
    def _correct(
        self, title: str | None, venue: str | None, reason: str, on: date, actor: str
    ) -> None:
        if title is not None:
            self.title = title
        if venue is not None:
            # The venue corrected is the one set by the latest decisions that
            # kept it: they too read as corrected.
            for decision in reversed(decisions(self)):
                if decision[5] != self.venue:
                    break
                decision[5] = venue
            self.venue = venue

    # Strikes: entries recorded in error.

    def strike(self, *, version: int, reason: str, on: date, actor: str) -> None:
        """Strike the entry at `version`, recorded in error: a statement,
        panelist, document or circulation; or the latest decision on the
        session's dates, venue or status, which then reads as before it."""
        self._check_effective_date(on)
        kind = check_strike(self, version, self.description)
        state: list[Any] = [None, None, None, self.status, self.dates, self.venue]
        state += [self.format, self.postponements]
        state += [self.meeting_zone, self.meeting_hours]
        if kind in DECISIONS:
            made = decisions(self)
            latest = made[-1]
            if latest[0] != version:
                raise LaterDecisionError(
                    self.description, version, latest[1], latest[0], latest[2]
                )
            if kind == "Opened":
                self._check_no_statement_after(version)
            state = made[-2]
            if len(state) < 10:
                # Kept by a snapshot taken before sessions had zones: every
                # session then met in UTC at hours not known.
                state = [*state, UTC_ZONE, None]
        self._strike(
            entry_version=version,
            entry=kind,
            reason=reason,
            status=state[3],
            dates=state[4],
            venue=state[5],
            format=state[6],
            postponements=state[7],
            timezone=state[8],
            hours=state[9],
            on=on,
            actor=actor,
        )

    class Struck(Event):
        """The entry at `entry_version` (an `entry` of that kind) was recorded in
        error, for `reason`: it leaves every view and page, and the history
        marks it struck. The session is left with `status`, `dates`, `venue`,
        `format`, `postponements`, `timezone` and `hours`: as they were, for
        an entry; as before it, for a decision.

        Version 3 added `timezone` and `hours`: a strike recorded before
        (version 2 or 1) left the session in UTC at hours not known, as every
        session was then.
        """

        class_version = 3

        entry_version: int
        entry: str
        reason: str
        status: SessionStatus
        dates: DateRange | None
        venue: str
        format: Format
        postponements: int
        timezone: str
        hours: Hours | None

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["timezone"] = UTC_ZONE
            state["hours"] = None

        def status_after(self, status: SessionStatus) -> SessionStatus:
            return self.status

    @event(Struck)
    def _strike(
        self,
        entry_version: int,
        entry: str,
        reason: str,
        status: SessionStatus,
        dates: DateRange | None,
        venue: str,
        format: Format,
        postponements: int,
        timezone: str,
        hours: Hours | None,
        on: date,
        actor: str,
    ) -> None:
        struck(self).append(entry_version)
        if entry in DECISIONS:
            decisions(self).pop()
            self.dates, self.venue, self.format = dates, venue, format
            self.postponements = postponements
            self.timezone, self.hours = timezone, hours
        elif entry == "DocumentIssued":
            title = vars(self).get("issued", {}).get(str(entry_version))
            if title in self.documents:
                self.documents.remove(title)
        elif entry == "TranslationPublished":
            published = vars(self).get("published", {})
            symbol, language = published.get(str(entry_version), [None, None])
            for edition in editions(self).get(symbol, []):
                if language in edition[2][1:]:
                    edition[2].remove(language)

    # Agenda and documents.

    def issue_agenda(
        self, *, items: Sequence[AgendaItem], on: date, actor: str
    ) -> None:
        """Issue the agenda, or a revised one, before the session closes."""
        self._check_effective_date(on)
        if self.status in (SessionStatus.CANCELLED, SessionStatus.CLOSED):
            raise SessionNotAlterableError(
                self.description, self.status, "cannot have an agenda issued"
            )
        if not items:
            raise EmptyAgendaError(self.description)
        numbers = [item.number for item in items]
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        if repeated:
            raise RepeatedAgendaItemError(repeated)
        self._issue_agenda(
            items=sorted(items, key=lambda item: item.number), on=on, actor=actor
        )

    class AgendaIssued(Event):
        """The agenda was issued (a revised one replaces it), by item number."""

        items: list[AgendaItem]

    @event(AgendaIssued)
    def _issue_agenda(self, items: list[AgendaItem], on: date, actor: str) -> None:
        self.agenda = list(items)

    def issue_document(
        self,
        *,
        kind: DocumentKind,
        title: str,
        symbol: str | None,
        on: date,
        actor: str,
        language: str = RECORD_LANGUAGE,
    ) -> None:
        """Publish a document of the session, in one of the six languages."""
        self._check_effective_date(on)
        if language not in LANGUAGES:
            raise UnknownLanguageError(language)
        if title in self.documents:
            raise DocumentAlreadyIssuedError(self.description, title)
        self._issue_document(
            kind=kind, title=title, symbol=symbol, language=language, on=on, actor=actor
        )

    class DocumentIssued(Event):
        """A document of the session was published, first in `language`.

        Version 3 added `language`; a document issued before it (versions 1
        and 2) was issued in English.
        """

        class_version = 3

        kind: DocumentKind
        title: str
        symbol: str | None
        language: str

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["language"] = RECORD_LANGUAGE

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            # Which document a strike of this version takes away.
            issued = vars(aggregate).setdefault("issued", {})
            issued[str(self.originator_version)] = self.title

    @event(DocumentIssued)
    def _issue_document(
        self,
        kind: DocumentKind,
        title: str,
        symbol: str | None,
        language: str,
        on: date,
        actor: str,
    ) -> None:
        self.documents.append(title)
        if symbol is not None:
            # The languages it is available in, first the one it was issued in.
            editions(self).setdefault(symbol, []).append([title, on, [language]])

    def publish_translation(
        self,
        *,
        symbol: str,
        language: str,
        title: str | None,
        on: date,
        actor: str,
    ) -> None:
        """Record that the document `symbol` became available in `language`
        (its title in that language, if given), on `on`."""
        if language not in LANGUAGES:
            raise UnknownLanguageError(language)
        edition = self._edition(symbol)
        document, issued_on, languages = edition
        if language in languages:
            raise TranslationAlreadyAvailableError(
                document, symbol, language_name(language)
            )
        if on < issued_on:
            raise TranslationBeforeIssueError(
                symbol, language_name(language), on, issued_on
            )
        self._check_effective_date(on)
        self._publish_translation(
            symbol=symbol, language=language, title=title, on=on, actor=actor
        )

    class TranslationPublished(Event):
        """The document `symbol` became available in `language` (one of the
        six, not the one it was issued in), under `title` in that language
        if one is given."""

        symbol: str
        language: str
        title: str | None

        def apply(self, aggregate: Any) -> None:
            super().apply(aggregate)
            # Which language version a strike of this version takes away.
            published = vars(aggregate).setdefault("published", {})
            published[str(self.originator_version)] = [self.symbol, self.language]

    @event(TranslationPublished)
    def _publish_translation(
        self, symbol: str, language: str, title: str | None, on: date, actor: str
    ) -> None:
        for edition in reversed(editions(self).get(symbol, [])):
            if edition[0] in self.documents:
                edition[2].append(language)
                break

    def _edition(self, symbol: str) -> list[Any]:
        """The document issued (and not struck) under `symbol`, the latest if
        several were: `[title, issued_on, languages]`."""
        found: list[Any]
        for found in reversed(editions(self).get(symbol, [])):
            if found[0] in self.documents:
                return found
        raise UnknownSymbolError(self.description, symbol)

    # Translations of the title.

    @property
    def titles(self) -> dict[str, str]:
        """The session's title in other languages, by language (`{"fr": ...}`)."""
        found: dict[str, str] = vars(self).setdefault("_titles", {})
        return found

    def translate(self, *, language: str, title: str, on: date, actor: str) -> None:
        """Record the session's title in another of the six languages: like a
        correction, it holds from the beginning and whatever the session's
        status; a later translation into the same language corrects it."""
        check_translation(language)
        self._check_effective_date(on)
        if self.titles.get(language) == title:
            raise TranslationUnchangedError(
                self.description, language_name(language), title
            )
        self._translate(language=language, title=title, on=on, actor=actor)

    class Translated(Event):
        """The session's title in `language` (one of the six, not English) is
        `title`, from the beginning, as known from its recording."""

        language: str
        title: str

    @event(Translated)
    def _translate(self, language: str, title: str, on: date, actor: str) -> None:
        self.titles[language] = title

    def circulate_document(
        self, *, title: str, to: str, via: str | None, on: date, actor: str
    ) -> None:
        """Record that an issued document was shared with an audience."""
        self._check_effective_date(on)
        if title not in self.documents:
            raise DocumentNotIssuedError(self.description, title)
        self.trigger_event(
            self.DocumentCirculated, document=title, to=to, via=via, on=on, actor=actor
        )

    class DocumentCirculated(Event):
        """The document titled `document` was shared with an audience (`to`),
        through a channel (`via`) if one is named."""

        document: str
        to: str
        via: str | None

    # Participation.

    def record_statement(
        self, *, delegation: Delegation, item: int | None, on: date, actor: str
    ) -> None:
        """Record a statement by a delegation (a Member State, an observer of
        the body, or an unlisted expert: see `Body.delegation`), general (no
        item) or on an item, once the session has opened and not dated before
        its opening."""
        self._check_not_cancelled("cannot have statements recorded")
        self._check_opened_by(on)
        self._check_effective_date(on)
        self._check_item(item)
        self.trigger_event(
            self.StatementRecorded,
            delegation=delegation.member,
            delegation_as_written=delegation.written,
            unlisted=delegation.unlisted,
            item=item,
            on=on,
            actor=actor,
        )

    class StatementRecorded(Event):
        """A delegation made a statement: a general one (`item` None) or on an
        agenda item. `delegation` is its name in the list (a Member State's
        short name, an observer's), `delegation_as_written` the name as the
        officer wrote it; an `unlisted` delegation is in neither list.

        Version 3 added `delegation_as_written` and `unlisted`; a statement
        recorded before names were matched reads as written (its stored
        name) and not unlisted.
        """

        class_version = 3

        delegation: str
        item: int | None
        delegation_as_written: str
        unlisted: bool

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            add_delegation_as_written(state)

    def confirm_panelist(
        self,
        *,
        name: str,
        delegation: Delegation,
        item: int,
        title: str,
        on: date,
        actor: str,
    ) -> None:
        """Record a panelist who presents on an agenda item."""
        self._check_effective_date(on)
        self._check_not_cancelled("cannot have panelists confirmed")
        self._check_item(item)
        self.trigger_event(
            self.PanelistConfirmed,
            name=name,
            delegation=delegation.member,
            delegation_as_written=delegation.written,
            unlisted=delegation.unlisted,
            item=item,
            title=title,
            on=on,
            actor=actor,
        )

    class PanelistConfirmed(Event):
        """A panelist presents on an agenda item: the title of the presentation.
        Their delegation is named as a statement's is (`StatementRecorded`).

        Version 3 added `delegation_as_written` and `unlisted`, as for a
        statement.
        """

        class_version = 3

        name: str
        delegation: str
        item: int
        title: str
        delegation_as_written: str
        unlisted: bool

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            add_delegation_as_written(state)

    # Opening, closing and the report.

    def open(self, *, on: date, actor: str) -> None:
        """Open the session on one of its days."""
        self._check_effective_date(on)
        if self.status is not SessionStatus.SCHEDULED:
            raise SessionNotAlterableError(
                self.description, self.status, "cannot be opened"
            )
        assert self.dates is not None  # a scheduled session has dates
        if on not in self.dates:
            raise OpeningOutsideDatesError(self.description, self.dates, on)
        self.trigger_event(self.Opened, on=on, actor=actor)

    class Opened(Event):
        """The session opened."""

        def apply(self, aggregate: Any) -> None:
            aggregate.opened_on = self.on
            super().apply(aggregate)

        def status_after(self, status: SessionStatus) -> SessionStatus:
            return SessionStatus.IN_SESSION

    def close(self, *, on: date, actor: str) -> None:
        """Close a session that is in session."""
        self._check_effective_date(on)
        if self.status is SessionStatus.CLOSED:
            raise SessionAlreadyClosedError(self.description)
        if self.status is not SessionStatus.IN_SESSION:
            raise SessionNotAlterableError(
                self.description, self.status, "cannot be closed: it has not opened"
            )
        self.trigger_event(self.Closed, on=on, actor=actor)

    class Closed(Event):
        """The session closed."""

        def status_after(self, status: SessionStatus) -> SessionStatus:
            return SessionStatus.CLOSED

    def adopt_report(self, *, symbol: str | None, on: date, actor: str) -> None:
        """Adopt the session's report, once, after the session has opened."""
        self._check_effective_date(on)
        if self.report_adopted_on is not None:
            raise ReportAlreadyAdoptedError(self.description, self.report_adopted_on)
        if self.status not in (SessionStatus.IN_SESSION, SessionStatus.CLOSED):
            consequence = (
                "has no report to adopt"
                if self.status is SessionStatus.CANCELLED
                else "cannot adopt its report before it opens"
            )
            raise SessionNotAlterableError(self.description, self.status, consequence)
        self._adopt_report(symbol=symbol, on=on, actor=actor)

    class ReportAdopted(Event):
        """The session's report was adopted, under `symbol` if one is given."""

        symbol: str | None

    @event(ReportAdopted)
    def _adopt_report(self, symbol: str | None, on: date, actor: str) -> None:
        self.report_adopted_on = on

    # Rules shared by several commands.

    def _check_effective_date(self, on: date) -> None:
        if on < self.last_on:
            raise DecisionBeforeLastError(self.description, on, self.last_on)

    def _check_no_statement_after(self, version: int) -> None:
        # A statement is recorded only once its session has opened: the
        # opening it rests on is not struck from under it.
        standing = [
            int(at)
            for at, kind in ledger(self).items()
            if kind == "StatementRecorded"
            and int(at) > version
            and int(at) not in struck(self)
        ]
        if standing:
            raise StatementsAfterOpeningError(self.description, version, min(standing))

    def _check_opened_by(self, on: date) -> None:
        # A struck opening leaves the session scheduled again: the status, not
        # the date kept, tells whether it has opened.
        if self.status not in (SessionStatus.IN_SESSION, SessionStatus.CLOSED):
            raise SessionNotOpenedError(self.description)
        opened_on: date | None = vars(self).get("opened_on")
        if opened_on is not None and on < opened_on:
            raise StatementBeforeOpeningError(self.description, opened_on, on)

    def _check_alterable(self, past_participle: str) -> None:
        if self.status not in ALTERABLE:
            raise SessionNotAlterableError(
                self.description, self.status, f"cannot be {past_participle}"
            )

    def _check_not_cancelled(self, consequence: str) -> None:
        if self.status is SessionStatus.CANCELLED:
            raise SessionNotAlterableError(self.description, self.status, consequence)

    def _check_item(self, item: int | None) -> None:
        if item is None or self.agenda is None:
            return
        if item not in {agenda_item.number for agenda_item in self.agenda}:
            raise UnknownAgendaItemError(self.description, item)


def editions(aggregate: Any) -> dict[str, list[list[Any]]]:
    """The session's documents issued under a symbol, by symbol: each
    `[title, issued_on, languages]`, its languages in the order they became
    available (a snapshot taken before languages were recorded is not used:
    `domain.snapshots`)."""
    found: dict[str, list[list[Any]]] = vars(aggregate).setdefault("_editions", {})
    return found


STATUS_WORDS = {
    SessionStatus.SCHEDULED: "scheduled",
    SessionStatus.POSTPONED: "postponed with its dates to be determined",
    SessionStatus.CANCELLED: "cancelled",
    SessionStatus.IN_SESSION: "in session",
    SessionStatus.CLOSED: "closed",
}


class SessionNotFoundError(DomainError):
    """Raised when a command names a session that has not been scheduled."""

    def __init__(self, body: str, number: int) -> None:
        super().__init__(f"there is no {ordinal(number)} session of {body}")


class SessionAlreadyScheduledError(DomainError):
    """Raised when a body's session number is scheduled a second time."""

    def __init__(self, body: str, number: int) -> None:
        super().__init__(
            f"{describe_session(body, number)} is already scheduled; "
            "reschedule or postpone it instead"
        )


class SessionNotAlterableError(DomainError):
    """Raised when a session's status forbids the command (a closed session
    cannot be postponed, a cancelled one cannot take statements)."""

    def __init__(self, session: str, status: SessionStatus, consequence: str) -> None:
        self.status = status
        super().__init__(f"{session} is {STATUS_WORDS[status]} and {consequence}")


class AlreadyPostponedError(DomainError):
    """Raised when a session whose dates are to be determined is postponed again."""

    def __init__(self, session: str) -> None:
        super().__init__(
            f"{session} is already postponed with its dates to be determined; "
            "reschedule it to give it new dates"
        )


class PostponementNotLaterError(DomainError):
    """Raised when a postponement would not move the session's start later."""

    def __init__(self, session: str, current: DateRange, new: DateRange) -> None:
        super().__init__(
            f"a postponement must move the start of {session} after "
            f"{current.start.isoformat()} (its dates are {describe_dates(current)}), "
            f"but {new.start.isoformat()} is not later; reschedule it instead"
        )


class DatesUnchangedError(DomainError):
    """Raised when new dates are the same as the session's current ones."""

    def __init__(self, session: str, dates: DateRange) -> None:
        super().__init__(f"{session} is already on {describe_dates(dates)}")


class VenueUnchangedError(DomainError):
    """Raised when a change of venue changes neither the venue nor the format."""

    def __init__(self, session: str, venue: str, format: Format) -> None:
        super().__init__(
            f"{session} is already held {format.value} at {venue}; nothing to change"
        )


class HoursNotFittingError(DomainError):
    """Raised when meeting hours given day by day are not as many as the
    session's days."""

    def __init__(self, session: str, hours: Hours, dates: DateRange) -> None:
        days = (dates.end - dates.start).days + 1
        super().__init__(
            f"{session} meets on {describe_dates(dates)} ({days} days), and the "
            f"hours {hours} give {len(hours.days)} days' hours: give one day's "
            "hours for every day, or each day's"
        )


class DecisionBeforeLastError(DomainError):
    """Raised when a decision would take effect before one already recorded for
    the same session: the record is corrected by a new decision, never rewritten."""

    def __init__(self, session: str, on: date, last_on: date) -> None:
        super().__init__(
            f"this decision takes effect on {on.isoformat()}, before the last one "
            f"recorded for {session} ({last_on.isoformat()}); decisions on a session "
            "are recorded in the order they take effect"
        )


class NothingToCorrectError(DomainError):
    """Raised when a correction gives the title and venue the session has."""

    def __init__(self, session: str, title: str, venue: str) -> None:
        super().__init__(
            f"{session} already reads {title!r} at {venue}; nothing to correct"
        )


class EmptyAgendaError(DomainError):
    """Raised when an agenda without items is issued."""

    def __init__(self, session: str) -> None:
        super().__init__(f"the agenda of {session} needs at least one item")


class RepeatedAgendaItemError(DomainError):
    """Raised when an agenda numbers two items the same."""

    def __init__(self, numbers: list[int]) -> None:
        listed = ", ".join(map(str, numbers))
        super().__init__(f"the agenda numbers more than one item {listed}")


class UnknownAgendaItemError(DomainError):
    """Raised when a statement or panelist names an item the agenda does not have."""

    def __init__(self, session: str, item: int) -> None:
        super().__init__(f"the agenda of {session} has no item {item}")


class DocumentAlreadyIssuedError(DomainError):
    """Raised when a document title is issued twice for the same session."""

    def __init__(self, session: str, title: str) -> None:
        super().__init__(f"{session} already has a document titled {title!r}")


class DocumentNotIssuedError(DomainError):
    """Raised when a document that was never issued is circulated."""

    def __init__(self, session: str, title: str) -> None:
        super().__init__(f"{session} has no document titled {title!r}; issue it first")


class OpeningOutsideDatesError(DomainError):
    """Raised when a session is opened on a day that is not one of its days."""

    def __init__(self, session: str, dates: DateRange, on: date) -> None:
        super().__init__(
            f"{session} can be opened only on one of its days "
            f"({describe_dates(dates)}), not on {on.isoformat()}"
        )


class SessionNotOpenedError(DomainError):
    """Raised when a statement is recorded for a session that has not opened."""

    def __init__(self, session: str) -> None:
        super().__init__(
            f"{session} has not opened: a statement is recorded once it opens"
        )


class StatementBeforeOpeningError(DomainError):
    """Raised when a statement is dated before the day its session opened."""

    def __init__(self, session: str, opened_on: date, on: date) -> None:
        super().__init__(
            f"{session} opened on {opened_on.isoformat()}: a statement cannot be "
            f"dated {on.isoformat()}, before it opened"
        )


class StatementsAfterOpeningError(DomainError):
    """Raised when an opening is struck while statements recorded after it stand."""

    def __init__(self, session: str, version: int, first: int) -> None:
        super().__init__(
            f"the opening at version {version} of {session} has statements "
            f"recorded after it (the first at version {first}); strike them first"
        )


class SessionAlreadyClosedError(DomainError):
    """Raised when a closed session is closed again."""

    def __init__(self, session: str) -> None:
        super().__init__(f"{session} is already closed")


class ReportAlreadyAdoptedError(DomainError):
    """Raised when a session's report is adopted a second time."""

    def __init__(self, session: str, adopted_on: date) -> None:
        super().__init__(
            f"the report of {session} was already adopted on {adopted_on.isoformat()}"
        )


class UnknownLanguageError(DomainError):
    """Raised when a language is not one of the six official languages."""

    def __init__(self, language: str) -> None:
        super().__init__(
            f"{language!r} is not one of the six languages ({', '.join(LANGUAGES)})"
        )


class UnknownSymbolError(DomainError):
    """Raised when a translation names a symbol no document of the session
    was issued under."""

    def __init__(self, session: str, symbol: str) -> None:
        super().__init__(
            f"{session} has no document issued under the symbol {symbol!r}; "
            "issue it first"
        )


class TranslationAlreadyAvailableError(DomainError):
    """Raised when a document is published in a language it is available in
    already (the one it was issued in, or one published since)."""

    def __init__(self, title: str, symbol: str, language: str) -> None:
        super().__init__(f"{title} ({symbol}) is already available in {language}")


class TranslationBeforeIssueError(DomainError):
    """Raised when a language version of a document would be available before
    the document was issued."""

    def __init__(self, symbol: str, language: str, on: date, issued_on: date) -> None:
        super().__init__(
            f"the {language} version of {symbol} cannot be available on "
            f"{on.isoformat()}, before the document was issued "
            f"({issued_on.isoformat()})"
        )
