"""Publishing the record: what the site's pages show, as plain data.

The views hold the calendar, the postponements and the deadlines; what no view
holds (a session's agenda, documents and their circulation, statements,
panelists and report; a body's mandate; a workplan's topics) is projected here
from the events of its record, read whole through the `Views` port.
`Publishing` puts both together into the pages of the site. Nothing here
writes HTML: the adapters render these values as they like.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

import attrs

from application.ports import Views
from application.projections.rows import CalendarRow
from application.queries import session_entry, titles_of
from application.wording import (
    DOCUMENT_ORDER,
    OWN_SECTIONS,
    date_order,
    evidenced,
    has_moved,
    is_lapsed,
    session_tense,
)
from domain.body import Body, BodyNotFoundError
from domain.ids import body_id, session_id, workplan_id
from domain.languages import in_language_order
from domain.session import Session, SessionNotFoundError
from domain.values import Period
from domain.workplan import Workplan, WorkplanNotFoundError

# What a session's record holds.


@attrs.frozen
class AgendaEntry:
    number: int
    title: str


@attrs.frozen
class Circulation:
    """A document shared with an audience (`Member States`), perhaps through a
    channel (`Special Message`), on a date."""

    to: str
    via: str | None
    on: str


@attrs.frozen
class Edition:
    """A language a document is available in, and since when."""

    language: str
    available_on: str


@attrs.frozen
class Document:
    kind: str
    title: str
    symbol: str | None
    issued_on: str
    circulations: tuple[Circulation, ...] = ()
    languages: tuple[Edition, ...] = ()
    """The languages it is available in, in the order they became available:
    first the one it was issued in, on the day it was issued."""
    titles: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    """Its title in other languages, by language, where a language version
    was published under one."""


@attrs.frozen
class DocumentGroup:
    """The documents of one kind, in the order they were issued."""

    kind: str
    documents: tuple[Document, ...]


@attrs.frozen
class Speaker:
    """A delegation and how many statements it made under one heading: a
    delegation with two is listed once, as `Russian Federation 1; 2`."""

    delegation: str
    statements: int


@attrs.frozen
class Statements:
    """The statements under one heading: general (`item` None) or on an item.
    `title` is the item's title on the agenda, None where the agenda has none."""

    item: int | None
    title: str | None
    speakers: tuple[Speaker, ...]


@attrs.frozen
class Panelist:
    name: str
    delegation: str
    title: str
    """The title of the presentation."""


@attrs.frozen
class Panel:
    """The panelists who present on one agenda item, in the order confirmed."""

    item: int
    title: str | None
    panelists: tuple[Panelist, ...]


@attrs.frozen
class Report:
    """Whether and when the report was adopted, and the documents that hold it."""

    adopted_on: str | None
    symbol: str | None
    documents: tuple[Document, ...]


@attrs.frozen
class Evidence:
    """A source named by a session's record, and what it evidences there:
    `the postponement`, `11 statements`, in the order first recorded."""

    source: str
    evidences: tuple[str, ...]


@attrs.frozen
class SessionRecord:
    """What a session's record holds that no view does, grouped for its page."""

    body: str
    number: int
    agenda: tuple[AgendaEntry, ...]
    documents: tuple[DocumentGroup, ...]
    """By kind, in `DOCUMENT_ORDER`; without comments and the report."""
    comments: tuple[Document, ...]
    """The compilations of written comments, in the order they were issued."""
    statements: tuple[Statements, ...]
    """General statements first, then by agenda item."""
    panels: tuple[Panel, ...]
    report: Report
    cancellation_reason: str | None
    assumed: frozenset[tuple[str, str]] = frozenset()
    """The events (by name and effective date) whose date the record assumed
    rather than took from a source: the page marks the dates resting on them."""
    sources: tuple[Evidence, ...] = ()
    """The sources the record names for the session, each once."""

    def is_assumed(self, event: str, on: str | None) -> bool:
        """Whether the date `on` of an `event` of the session was assumed."""
        return (event, on or "") in self.assumed


def assumed_dates(events: Iterable[Any]) -> frozenset[tuple[str, str]]:
    """The events (by name and effective date) marked as resting on an
    assumed date."""
    return frozenset(
        (type(event).__name__, event.on.isoformat())
        for event in events
        if getattr(event, "assumed", False)
    )


def evidence(events: Iterable[Any]) -> tuple[Evidence, ...]:
    """Each source the events name, with what it evidences (counted by kind,
    in the order recorded)."""
    by_source: dict[str, dict[str, int]] = {}
    for event in events:
        source = getattr(event, "source", None)
        if source:
            counted = by_source.setdefault(source, {})
            name = type(event).__name__
            counted[name] = counted.get(name, 0) + 1
    return tuple(
        Evidence(
            source,
            tuple(evidenced(name, count) for name, count in counted.items()),
        )
        for source, counted in by_source.items()
    )


class _SessionRecording:
    """A session's events, one by one, into what its page shows."""

    def __init__(self) -> None:
        self.agenda: dict[int, str] = {}
        self.documents: list[Document] = []
        self.spoken: dict[int | None, dict[str, int]] = {}
        self.panels: dict[int, list[Panelist]] = {}
        self.adopted_on: str | None = None
        self.symbol: str | None = None
        self.cancellation: str | None = None
        self.handlers: Mapping[type[Any], Callable[[Any], None]] = {
            Session.AgendaIssued: self.agenda_issued,
            Session.DocumentIssued: self.document_issued,
            Session.DocumentCirculated: self.document_circulated,
            Session.TranslationPublished: self.translation_published,
            Session.StatementRecorded: self.statement_recorded,
            Session.PanelistConfirmed: self.panelist_confirmed,
            Session.ReportAdopted: self.report_adopted,
            Session.Cancelled: self.cancelled,
        }

    def read(self, event: Session.Event) -> None:
        handler = self.handlers.get(type(event))
        if handler is not None:
            handler(event)

    def agenda_issued(self, event: Session.AgendaIssued) -> None:
        # A revised agenda replaces the earlier one.
        self.agenda = {item.number: item.title for item in event.items}

    def document_issued(self, event: Session.DocumentIssued) -> None:
        self.documents.append(
            Document(
                kind=event.kind.value,
                title=event.title,
                symbol=event.symbol,
                issued_on=event.on.isoformat(),
                languages=(Edition(event.language, event.on.isoformat()),),
            )
        )

    def translation_published(self, event: Session.TranslationPublished) -> None:
        # The latest document issued under the symbol (struck ones are gone).
        found = [i for i, d in enumerate(self.documents) if d.symbol == event.symbol]
        if not found:
            return
        document = self.documents[found[-1]]
        titles = dict(document.titles)
        if event.title is not None:
            titles[event.language] = event.title
        self.documents[found[-1]] = attrs.evolve(
            document,
            languages=(
                *document.languages,
                Edition(event.language, event.on.isoformat()),
            ),
            titles=in_language_order(titles),
        )

    def document_circulated(self, event: Session.DocumentCirculated) -> None:
        circulation = Circulation(to=event.to, via=event.via, on=event.on.isoformat())
        self.documents = [
            attrs.evolve(d, circulations=(*d.circulations, circulation))
            if d.title == event.document
            else d
            for d in self.documents
        ]

    def statement_recorded(self, event: Session.StatementRecorded) -> None:
        by_delegation = self.spoken.setdefault(event.item, {})
        by_delegation[event.delegation] = by_delegation.get(event.delegation, 0) + 1

    def panelist_confirmed(self, event: Session.PanelistConfirmed) -> None:
        self.panels.setdefault(event.item, []).append(
            Panelist(name=event.name, delegation=event.delegation, title=event.title)
        )

    def report_adopted(self, event: Session.ReportAdopted) -> None:
        self.adopted_on, self.symbol = event.on.isoformat(), event.symbol

    def cancelled(self, event: Session.Cancelled) -> None:
        self.cancellation = event.reason


def session_record(
    body: str, number: int, events: Iterable[Session.Event]
) -> SessionRecord:
    """A session's events grouped as its page shows them."""
    recording = _SessionRecording()
    events = list(events)
    struck = {e.entry_version for e in events if isinstance(e, Session.Struck)}
    events = [e for e in events if e.originator_version not in struck]
    for event in events:
        recording.read(event)
    agenda, documents = recording.agenda, recording.documents
    spoken, panels = recording.spoken, recording.panels
    return SessionRecord(
        body=body,
        number=number,
        agenda=tuple(AgendaEntry(n, t) for n, t in sorted(agenda.items())),
        documents=group_documents(documents),
        comments=tuple(d for d in documents if d.kind == "comments"),
        statements=tuple(
            Statements(
                item=item,
                title=None if item is None else agenda.get(item),
                speakers=tuple(Speaker(d, n) for d, n in spoken[item].items()),
            )
            for item in sorted(spoken, key=_general_first)
        ),
        panels=tuple(
            Panel(item=item, title=agenda.get(item), panelists=tuple(panels[item]))
            for item in sorted(panels)
        ),
        report=Report(
            adopted_on=recording.adopted_on,
            symbol=recording.symbol,
            documents=tuple(d for d in documents if d.kind == "report"),
        ),
        cancellation_reason=recording.cancellation,
        assumed=assumed_dates(events),
        sources=evidence(events),
    )


def _general_first(item: int | None) -> tuple[bool, int]:
    return (item is not None, item or 0)


def group_documents(documents: Iterable[Document]) -> tuple[DocumentGroup, ...]:
    """The documents by kind, in `DOCUMENT_ORDER`, each kind in issue order;
    comments and the report are left to their own sections."""
    by_kind: dict[str, list[Document]] = {}
    for document in documents:
        if document.kind not in OWN_SECTIONS:
            by_kind.setdefault(document.kind, []).append(document)
    known = [kind for kind in DOCUMENT_ORDER if kind in by_kind]
    later = [kind for kind in by_kind if kind not in DOCUMENT_ORDER]
    return tuple(DocumentGroup(kind, tuple(by_kind[kind])) for kind in known + later)


# What a body's and a workplan's records hold.


@attrs.frozen
class BodyProfile:
    code: str
    name: str
    parent: str | None
    mandate: str | None
    established_on: str
    names: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    """Its name in other languages, by language (`{"fr": ...}`), in the
    order of the six: only the translations recorded."""


def body_profile(events: Iterable[Body.Event]) -> BodyProfile:
    """A body as its establishment recorded it, with its name's translations."""
    events = list(events)
    [established] = [e for e in events if isinstance(e, Body.Established)]
    names = {e.language: e.name for e in events if isinstance(e, Body.Translated)}
    return BodyProfile(
        code=established.code,
        name=established.name,
        parent=established.parent,
        mandate=established.mandate,
        established_on=established.on.isoformat(),
        names=in_language_order(names),
    )


@attrs.frozen
class Topics:
    year: int
    topics: tuple[str, ...]


@attrs.frozen
class WorkplanProfile:
    body: str
    period: str
    at_session: int
    adopted_on: str
    topics: tuple[Topics, ...]
    stocktaking_by: int | None
    assumed: frozenset[tuple[str, str]] = frozenset()
    """The workplan's events (by name and effective date) whose date the
    record assumed: its adoption, calls, extensions, submissions."""

    def is_assumed(self, event: str, on: str | None) -> bool:
        """Whether the date `on` of an `event` of the workplan was assumed."""
        return (event, on or "") in self.assumed

    @property
    def years(self) -> range:
        first, _, last = self.period.partition("-")
        return range(int(first), int(last) + 1)

    def topics_of(self, year: int) -> tuple[str, ...]:
        for cycle in self.topics:
            if cycle.year == year:
                return cycle.topics
        return ()


def workplan_profile(events: Iterable[Workplan.Event]) -> WorkplanProfile:
    """A workplan as its adoption recorded it."""
    events = list(events)
    [adopted] = [e for e in events if isinstance(e, Workplan.Adopted)]
    return WorkplanProfile(
        body=adopted.body,
        period=str(adopted.period),
        at_session=adopted.at_session,
        adopted_on=adopted.on.isoformat(),
        topics=tuple(
            Topics(year=cycle.year, topics=tuple(cycle.topics))
            for cycle in sorted(adopted.topics, key=lambda c: c.year)
        ),
        stocktaking_by=adopted.stocktaking_by,
        assumed=assumed_dates(events),
    )


# The pages: the views' answers and the records, put together.


@attrs.frozen
class Postponement:
    on: str
    reason: str
    from_start: str
    from_end: str
    to_start: str | None
    to_end: str | None


@attrs.frozen
class SessionPage:
    """Everything a session's page shows."""

    session: CalendarRow
    body: BodyProfile
    record: SessionRecord
    postponements: tuple[Postponement, ...]
    """Oldest first; the page announces them at its top."""
    earlier: tuple[CalendarRow, ...]
    """The body's sessions with lower numbers, oldest first."""
    workplan: WorkplanProfile | None
    """The body's workplan whose period holds the session's year, if any."""
    year: int
    call: Mapping[str, Any] | None
    """The call for comments for the session's year under that workplan, as
    the deadlines view answers it (docs/json.md), if there is one."""
    today: date | None = None
    """The day the page is written for: its tense, and whether the session
    has lapsed."""

    @property
    def lapsed(self) -> bool:
        """Whether the session's last day passed, by `today`, without an
        opening or a cancellation on record."""
        return self.today is not None and is_lapsed(self.session, self.today)

    @property
    def tense(self) -> str:
        """How the page speaks of the session on `today` (`session_tense`)."""
        return session_tense(self.session, self.today)

    @property
    def topics(self) -> tuple[str, ...]:
        return () if self.workplan is None else self.workplan.topics_of(self.year)

    @property
    def moved(self) -> bool:
        """Whether the session is no longer on the dates first announced."""
        return has_moved(self.session)

    @property
    def titles(self) -> dict[str, str]:
        """The session's title in other languages, by language (`{"fr": ...}`,
        in the order of the six): only the translations recorded."""
        return titles_of(self.session)


@attrs.frozen
class WorkplanPage:
    """Everything a workplan's page shows."""

    workplan: WorkplanProfile
    body: BodyProfile
    calls: tuple[Mapping[str, Any], ...]
    """Its calls for comments as the deadlines view answers them, by cycle."""
    milestones: tuple[Mapping[str, Any], ...]
    adopted_at: CalendarRow | None
    """The session it was adopted at, when the calendar has it."""


@attrs.frozen
class IndexPage:
    """The calendar: sessions to come (and those whose dates are to be
    determined), and sessions held, the latest first."""

    upcoming: tuple[CalendarRow, ...]
    past: tuple[CalendarRow, ...]
    workplans: tuple[WorkplanProfile, ...]
    bodies: Mapping[str, BodyProfile]


def session_year(row: CalendarRow) -> int:
    """The year a session meets in: that of its dates, or of the last ones
    announced while its new dates are to be determined."""
    return int((row.start or row.last_start)[:4])


def is_past(row: CalendarRow, today: date) -> bool:
    """A session is past once its last day is before today (a cancelled one
    too), or once closed on or after its first day; one whose dates are to be
    determined is not. `today` alone splits the calendar: on a day before its
    first day, a session the record shows closed is still to come."""
    day = today.isoformat()
    if row.status == "closed" and row.start is not None and row.start <= day:
        return True
    return row.end is not None and row.end < day


def index_page(
    sessions: Iterable[CalendarRow],
    workplans: Iterable[WorkplanProfile],
    bodies: Mapping[str, BodyProfile],
    today: date,
) -> IndexPage:
    rows = sorted(sessions, key=date_order)
    return IndexPage(
        upcoming=tuple(r for r in rows if not is_past(r, today)),
        past=tuple(reversed([r for r in rows if is_past(r, today)])),
        workplans=tuple(sorted(workplans, key=lambda w: (w.body, w.period))),
        bodies=bodies,
    )


def postponement(entry: Mapping[str, Any]) -> Postponement:
    """One entry of the postponements view's answer."""
    to = entry["to"] or {"start": None, "end": None}
    return Postponement(
        on=entry["on"],
        reason=entry["reason"],
        from_start=entry["from"]["start"],
        from_end=entry["from"]["end"],
        to_start=to["start"],
        to_end=to["end"],
    )


def session_page(
    row: CalendarRow,
    *,
    body: BodyProfile,
    record: SessionRecord,
    calendar: Iterable[CalendarRow],
    postponements: Iterable[Mapping[str, Any]],
    workplans: Iterable[WorkplanProfile],
    calls: Iterable[Mapping[str, Any]],
    today: date | None = None,
) -> SessionPage:
    """A session's page, from its calendar row, its record, and the body's
    other sessions, postponements, workplans and calls for comments."""
    year = session_year(row)
    workplan = next(
        (w for w in workplans if w.body == row.body and year in w.years), None
    )
    call = None
    if workplan is not None:
        call = next(
            (
                c
                for c in calls
                if (c["body"], c["period"], c["cycle"])
                == (row.body, workplan.period, year)
            ),
            None,
        )
    return SessionPage(
        session=row,
        body=body,
        record=record,
        postponements=tuple(
            postponement(p)
            for p in postponements
            if (p["body"], p["number"]) == (row.body, row.number)
        ),
        earlier=tuple(
            sorted(
                (r for r in calendar if r.body == row.body and r.number < row.number),
                key=lambda r: r.number,
            )
        ),
        workplan=workplan,
        year=year,
        call=call,
        today=today,
    )


def workplan_page(
    workplan: WorkplanProfile,
    *,
    body: BodyProfile,
    calendar: Iterable[CalendarRow],
    calls: Iterable[Mapping[str, Any]],
    milestones: Iterable[Mapping[str, Any]],
) -> WorkplanPage:
    key = (workplan.body, workplan.period)
    return WorkplanPage(
        workplan=workplan,
        body=body,
        calls=tuple(
            sorted(
                (c for c in calls if (c["body"], c["period"]) == key),
                key=lambda c: int(c["cycle"]),
            )
        ),
        milestones=tuple(m for m in milestones if (m["body"], m["period"]) == key),
        adopted_at=next(
            (
                r
                for r in calendar
                if (r.body, r.number) == (workplan.body, workplan.at_session)
            ),
            None,
        ),
    )


# The site: the views' answers and the records, put together.


@attrs.frozen
class Listing:
    """What the views answer for a site: the sessions of the calendar, the
    deadlines and the postponements, of one body or of all."""

    body: str | None
    today: date
    sessions: tuple[CalendarRow, ...]
    deadlines: Mapping[str, Any]
    postponements: tuple[Mapping[str, Any], ...]

    @property
    def codes(self) -> list[str]:
        """The bodies the site speaks of."""
        return sorted(
            {row.body for row in self.sessions}
            | {w["body"] for w in self.deadlines["workplans"]}
            | ({self.body} if self.body else set())
        )


@attrs.frozen
class Pages:
    """Every page of a site, as plain data."""

    index: IndexPage
    sessions: tuple[SessionPage, ...]
    workplans: tuple[WorkplanPage, ...]


class Publishing:
    """Assembles the site's pages from the views and the records they read."""

    def __init__(self, views: Views) -> None:
        self.views = views

    def listing(self, body: str | None = None, *, today: date) -> Listing:
        """What the views hold for the site of `body` (or of every body)."""
        return Listing(
            body=body,
            today=today,
            sessions=tuple(self.views.calendar_rows(body)),
            deadlines=self.views.deadlines(body, today=today),
            postponements=tuple(self.views.postponements(body)["postponements"]),
        )

    def pages(self, listing: Listing) -> Pages:
        """Every page of the site `listing` holds the views' part of."""
        deadlines = listing.deadlines
        bodies = {code: self.body_profile(code) for code in listing.codes}
        workplans = [
            self.workplan_profile(w["body"], Period.parse(w["period"]))
            for w in deadlines["workplans"]
        ]
        return Pages(
            index=index_page(listing.sessions, workplans, bodies, listing.today),
            sessions=tuple(
                session_page(
                    row,
                    body=bodies[row.body],
                    record=self.session_record(row.body, row.number),
                    calendar=listing.sessions,
                    postponements=listing.postponements,
                    workplans=workplans,
                    calls=deadlines["calls"],
                    today=listing.today,
                )
                for row in listing.sessions
            ),
            workplans=tuple(
                workplan_page(
                    workplan,
                    body=bodies[workplan.body],
                    calendar=listing.sessions,
                    calls=deadlines["calls"],
                    milestones=deadlines["milestones"],
                )
                for workplan in workplans
            ),
        )

    def session_record(self, body: str, number: int) -> SessionRecord:
        """What a session's page shows that no view holds: its agenda,
        documents, statements, panelists and report."""
        events = self.views.events_of(session_id(body, number))
        if not events:
            self._check_body(body)
            raise SessionNotFoundError(body, number)
        return session_record(body, number, events)

    def session(self, body: str, number: int) -> dict[str, Any]:
        """One session's whole record, as its page shows it, as plain data:
        its calendar entry, its body, its postponements, agenda, documents,
        comments, statements, panelists and report."""
        record = self.session_record(body, number)
        (row,) = [r for r in self.views.calendar_rows(body) if r.number == number]
        postponed = self.views.postponements(body)["postponements"]
        # What marks the page's dates and lists its sources stays the page's.
        shown = attrs.asdict(
            record, filter=lambda field, _: field.name not in ("assumed", "sources")
        )
        del shown["body"], shown["number"]
        return {
            "session": session_entry(row),
            "body": attrs.asdict(self.body_profile(body)),
            "postponements": [p for p in postponed if p["number"] == number],
            **shown,
        }

    def body_profile(self, code: str) -> BodyProfile:
        """A body's name, parent and mandate."""
        events = self.views.events_of(body_id(code))
        if not events:
            raise BodyNotFoundError(code)
        return body_profile(events)

    def workplan_profile(self, body: str, period: Period) -> WorkplanProfile:
        """A workplan's adoption: at which session, its topics, its milestone."""
        events = self.views.events_of(workplan_id(body, period))
        if not events:
            self._check_body(body)
            raise WorkplanNotFoundError(body, period)
        return workplan_profile(events)

    def _check_body(self, code: str) -> None:
        if not self.views.events_of(body_id(code)):
            raise BodyNotFoundError(code)
