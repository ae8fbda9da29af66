"""The steps of every feature file.

A decision reads the same as a Given, a When and a Then: "the 6th session of
cybercrime-egm is cancelled on 13 March 2020 because ..." is what is already on
record in a Given (the secretariat must accept it), what the officer does now
in a When (the secretariat may refuse it, and a Then says what the officer is
told), and what the record holds in a Then. As a Then, a decision also names
what the record adds to it: the dates a postponement or a reschedule replaced,
the deadline an extension replaced, the venue a change of format kept.
Each decision builds one command of `application.commands`, with the same word
as the command line; the Then steps read the record back through the
Secretariat, never through an aggregate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from inspect import Parameter, Signature, signature
from typing import Any, TypeVar

import attrs
import pytest
from pytest_bdd import given, then, when

from application.commands import (
    AdoptReport,
    AdoptWorkplan,
    CancelSession,
    ChangeVenue,
    CirculateDocument,
    CloseSession,
    Command,
    ConfirmPanelist,
    CorrectSession,
    EstablishBody,
    ExtendDeadline,
    IssueAgenda,
    IssueDocument,
    OpenSession,
    PostponeSession,
    ReceiveSubmission,
    RecordStatement,
    RequestComments,
    RescheduleSession,
    ScheduleSession,
    StrikeEntry,
)
from application.secretariat import Secretariat
from domain.values import (
    AgendaItem,
    CycleTopics,
    DocumentKind,
    Format,
    SubmitterKind,
    ordinal,
)
from tests.bdd.officer import ACTOR, Officer
from tests.bdd.vocabulary import (
    YES_NO,
    BodyRecord,
    Days,
    Record,
    SessionRecord,
    Statements,
    WorkplanRecord,
    entry_words,
    phrase,
    rows,
    stored_dates,
    vertical,
    written_date,
)

F = TypeVar("F", bound=Callable[..., Command])


@pytest.fixture
def officer(secretariat: Secretariat) -> Iterator[Officer]:
    officer = Officer(secretariat)
    yield officer
    officer.check_nothing_unexamined()


def decision(text: str) -> Callable[[F], F]:
    """Register `text` as a Given and as a When that issue the command the
    decorated function builds from the step's arguments."""

    def register(command_for: F) -> F:
        parameters = [
            *signature(command_for).parameters.values(),
            Parameter("officer", Parameter.POSITIONAL_OR_KEYWORD),
        ]

        def on_record(officer: Officer, **arguments: Any) -> None:
            officer.put_on_record(lambda: command_for(**arguments))

        def taken_now(officer: Officer, **arguments: Any) -> None:
            officer.take(subject_of(arguments), lambda: command_for(**arguments))

        # pytest-bdd passes a step the arguments its signature names.
        for step_function in (on_record, taken_now):
            step_function.__signature__ = Signature(parameters)  # type: ignore[attr-defined]
        # stacklevel=2: the steps belong to this module, not to `register`.
        given(phrase(text), stacklevel=2)(on_record)
        when(phrase(text), stacklevel=2)(taken_now)
        return command_for

    return register


def subject_of(arguments: dict[str, Any]) -> Record:
    for value in arguments.values():
        if isinstance(value, SessionRecord | WorkplanRecord | BodyRecord):
            return value
    raise TypeError(f"a decision names the record it is about: {arguments}")


# Bodies.


@decision("the body {body:Body} is established on {on:Date}")
def establish_body(body: BodyRecord, on: date) -> Command:
    # No rule depends on a body's name; its code stands for it.
    return EstablishBody(code=body.code, name=body.code, on=on, actor=ACTOR)


# The calendar: scheduling, postponing, rescheduling, relocating, cancelling.


@decision(
    'the {session:Session} is scheduled for {dates:Days} in "{venue:Text}" on {on:Date}'
)
def schedule_session(
    session: SessionRecord, dates: Days, venue: str, on: date
) -> Command:
    return ScheduleSession(
        body=session.body,
        number=session.number,
        title=f"{ordinal(session.number)} meeting of {session.body}",
        dates=dates.as_range(),
        venue=venue,
        on=on,
        actor=ACTOR,
    )


@decision(
    'the {session:Session} is scheduled for {dates:Days} in "{venue:Text}" '
    "on {on:Date}, with:"
)
def schedule_session_in_full(
    session: SessionRecord,
    dates: Days,
    venue: str,
    on: date,
    datatable: list[list[str]],
) -> Command:
    fields = vertical(datatable)
    return ScheduleSession(
        body=session.body,
        number=session.number,
        title=fields.get(
            "title", f"{ordinal(session.number)} meeting of {session.body}"
        ),
        dates=dates.as_range(),
        venue=venue,
        format=Format(fields.get("format", "in-person")),
        stocktaking=YES_NO[fields.get("stocktaking", "no")],
        on=on,
        actor=ACTOR,
    )


@decision(
    "the {session:Session} is postponed to {dates:Dates} "
    'on {on:Date} because "{reason:Text}"'
)
def postpone_session(
    session: SessionRecord, dates: Days | None, on: date, reason: str
) -> Command:
    return PostponeSession(
        body=session.body,
        number=session.number,
        reason=reason,
        dates=None if dates is None else dates.as_range(),
        on=on,
        actor=ACTOR,
    )


@decision("the {session:Session} is rescheduled to {dates:Days} on {on:Date}")
def reschedule_session(session: SessionRecord, dates: Days, on: date) -> Command:
    return RescheduleSession(
        body=session.body,
        number=session.number,
        dates=dates.as_range(),
        on=on,
        actor=ACTOR,
    )


@decision(
    "the {session:Session} is rescheduled to {dates:Days} "
    'on {on:Date} because "{reason:Text}"'
)
def reschedule_session_for_a_reason(
    session: SessionRecord, dates: Days, on: date, reason: str
) -> Command:
    return RescheduleSession(
        body=session.body,
        number=session.number,
        dates=dates.as_range(),
        reason=reason,
        on=on,
        actor=ACTOR,
    )


@decision(
    'the venue of the {session:Session} is changed to "{venue:Text}" on {on:Date}'
)
def change_venue(session: SessionRecord, venue: str, on: date) -> Command:
    return ChangeVenue(
        body=session.body, number=session.number, venue=venue, on=on, actor=ACTOR
    )


@decision(
    "the format of the {session:Session} is changed to {format:Format} on {on:Date}"
)
def change_format(session: SessionRecord, format: Format, on: date) -> Command:
    return ChangeVenue(
        body=session.body, number=session.number, format=format, on=on, actor=ACTOR
    )


@decision(
    'the venue of the {session:Session} is changed to "{venue:Text}" '
    "and its format to {format:Format} on {on:Date}"
)
def change_venue_and_format(
    session: SessionRecord, venue: str, format: Format, on: date
) -> Command:
    return ChangeVenue(
        body=session.body,
        number=session.number,
        venue=venue,
        format=format,
        on=on,
        actor=ACTOR,
    )


@decision('the {session:Session} is cancelled on {on:Date} because "{reason:Text}"')
def cancel_session(session: SessionRecord, on: date, reason: str) -> Command:
    return CancelSession(
        body=session.body, number=session.number, reason=reason, on=on, actor=ACTOR
    )


# The agenda and the documents.


@decision("the agenda of the {session:Session} is issued on {on:Date} with the items:")
def issue_agenda(
    session: SessionRecord, on: date, datatable: list[list[str]]
) -> Command:
    return IssueAgenda(
        body=session.body,
        number=session.number,
        items=[
            AgendaItem(int(number), title)
            for number, title in rows(datatable, "item", "title")
        ],
        on=on,
        actor=ACTOR,
    )


@decision(
    'the document "{title:Text}" of the {session:Session} is issued as {kind:Kind} '
    "on {on:Date}"
)
def issue_document(
    title: str, session: SessionRecord, kind: DocumentKind, on: date
) -> Command:
    return IssueDocument(
        body=session.body,
        number=session.number,
        kind=kind,
        title=title,
        on=on,
        actor=ACTOR,
    )


@decision(
    'the document "{title:Text}" of the {session:Session} is issued as {kind:Kind} '
    'with the symbol "{symbol:Text}" on {on:Date}'
)
def issue_document_with_a_symbol(
    title: str, session: SessionRecord, kind: DocumentKind, symbol: str, on: date
) -> Command:
    return IssueDocument(
        body=session.body,
        number=session.number,
        kind=kind,
        title=title,
        symbol=symbol,
        on=on,
        actor=ACTOR,
    )


@decision(
    'the document "{title:Text}" of the {session:Session} is circulated '
    'to "{to:Text}" on {on:Date}'
)
def circulate_document(
    title: str, session: SessionRecord, to: str, on: date
) -> Command:
    return CirculateDocument(
        body=session.body, number=session.number, title=title, to=to, on=on, actor=ACTOR
    )


@decision(
    'the document "{title:Text}" of the {session:Session} is circulated '
    'to "{to:Text}" via "{via:Text}" on {on:Date}'
)
def circulate_document_via(
    title: str, session: SessionRecord, to: str, via: str, on: date
) -> Command:
    return CirculateDocument(
        body=session.body,
        number=session.number,
        title=title,
        to=to,
        via=via,
        on=on,
        actor=ACTOR,
    )


# Statements and panelists.


@decision(
    'a general statement by "{delegation:Text}" is recorded '
    "for the {session:Session} on {on:Date}"
)
def record_general_statement(
    delegation: str, session: SessionRecord, on: date
) -> Command:
    return RecordStatement(
        body=session.body,
        number=session.number,
        delegation=delegation,
        on=on,
        actor=ACTOR,
    )


@decision(
    'a statement by "{delegation:Text}" on item {item:d} is recorded '
    "for the {session:Session} on {on:Date}"
)
def record_statement(
    delegation: str, item: int, session: SessionRecord, on: date
) -> Command:
    return RecordStatement(
        body=session.body,
        number=session.number,
        delegation=delegation,
        item=item,
        on=on,
        actor=ACTOR,
    )


@decision(
    'the panelist "{name:Text}" of "{delegation:Text}" is confirmed on item {item:d} '
    'of the {session:Session} to present "{title:Text}" on {on:Date}'
)
def confirm_panelist(
    name: str, delegation: str, item: int, session: SessionRecord, title: str, on: date
) -> Command:
    return ConfirmPanelist(
        body=session.body,
        number=session.number,
        name=name,
        delegation=delegation,
        item=item,
        title=title,
        on=on,
        actor=ACTOR,
    )


# Opening, closing and the report.


@decision("the {session:Session} is opened on {on:Date}")
def open_session(session: SessionRecord, on: date) -> Command:
    return OpenSession(body=session.body, number=session.number, on=on, actor=ACTOR)


@decision("the {session:Session} is closed on {on:Date}")
def close_session(session: SessionRecord, on: date) -> Command:
    return CloseSession(body=session.body, number=session.number, on=on, actor=ACTOR)


@decision("the report of the {session:Session} is adopted on {on:Date}")
def adopt_report(session: SessionRecord, on: date) -> Command:
    return AdoptReport(body=session.body, number=session.number, on=on, actor=ACTOR)


@decision(
    'the report of the {session:Session} is adopted as "{symbol:Text}" on {on:Date}'
)
def adopt_report_with_a_symbol(
    session: SessionRecord, symbol: str, on: date
) -> Command:
    return AdoptReport(
        body=session.body, number=session.number, symbol=symbol, on=on, actor=ACTOR
    )


# Workplans, calls for comments, deadlines and submissions.


def _topics(datatable: list[list[str]]) -> list[CycleTopics]:
    return [
        CycleTopics(int(year), [topic.strip() for topic in topics.split(";")])
        for year, topics in rows(datatable, "year", "topics")
    ]


@decision(
    "the {workplan:Workplan} is adopted at its {at_session:Ordinal} session "
    "on {on:Date} with the topics:"
)
def adopt_workplan(
    workplan: WorkplanRecord, at_session: int, on: date, datatable: list[list[str]]
) -> Command:
    return AdoptWorkplan(
        body=workplan.body,
        period=workplan.period,
        at_session=at_session,
        topics=_topics(datatable),
        on=on,
        actor=ACTOR,
    )


@decision(
    "the {workplan:Workplan} is adopted at its {at_session:Ordinal} session "
    "on {on:Date}, with a stocktaking meeting no later than {stocktaking_by:d} "
    "and the topics:"
)
def adopt_workplan_with_stocktaking(
    workplan: WorkplanRecord,
    at_session: int,
    on: date,
    stocktaking_by: int,
    datatable: list[list[str]],
) -> Command:
    return AdoptWorkplan(
        body=workplan.body,
        period=workplan.period,
        at_session=at_session,
        topics=_topics(datatable),
        stocktaking_by=stocktaking_by,
        on=on,
        actor=ACTOR,
    )


@decision(
    "comments for {cycle:d} under the {workplan:Workplan} are requested "
    "on {on:Date} with the deadline {deadline:Date}"
)
def request_comments(
    cycle: int, workplan: WorkplanRecord, on: date, deadline: date
) -> Command:
    return RequestComments(
        body=workplan.body,
        period=workplan.period,
        cycle=cycle,
        deadline=deadline,
        on=on,
        actor=ACTOR,
    )


@decision(
    "the deadline for {cycle:d} comments under the {workplan:Workplan} "
    'is extended to {to:Date} on {on:Date} because "{reason:Text}"'
)
def extend_deadline(
    cycle: int, workplan: WorkplanRecord, to: date, on: date, reason: str
) -> Command:
    return ExtendDeadline(
        body=workplan.body,
        period=workplan.period,
        cycle=cycle,
        to=to,
        reason=reason,
        on=on,
        actor=ACTOR,
    )


@decision(
    'a submission from the {kind:SubmitterKind} "{submitter:Text}" for {cycle:d} '
    "under the {workplan:Workplan} is received on {on:Date}"
)
def receive_submission(
    kind: SubmitterKind, submitter: str, cycle: int, workplan: WorkplanRecord, on: date
) -> Command:
    return ReceiveSubmission(
        body=workplan.body,
        period=workplan.period,
        cycle=cycle,
        submitter=submitter,
        submitter_kind=kind,
        on=on,
        actor=ACTOR,
    )


@decision(
    'a submission from the {kind:SubmitterKind} "{submitter:Text}" for {cycle:d} '
    "under the {workplan:Workplan} is received on {on:Date} "
    'with the reference "{reference:Text}"'
)
def receive_submission_with_a_reference(
    kind: SubmitterKind,
    submitter: str,
    cycle: int,
    workplan: WorkplanRecord,
    on: date,
    reference: str,
) -> Command:
    return ReceiveSubmission(
        body=workplan.body,
        period=workplan.period,
        cycle=cycle,
        submitter=submitter,
        submitter_kind=kind,
        reference=reference,
        on=on,
        actor=ACTOR,
    )


# Corrections: how the record should always have read.


@decision(
    'the title of the {session:Session} is corrected to "{title:Text}" '
    'on {on:Date} because "{reason:Text}"'
)
def correct_title(session: SessionRecord, title: str, on: date, reason: str) -> Command:
    return CorrectSession(
        body=session.body,
        number=session.number,
        title=title,
        reason=reason,
        on=on,
        actor=ACTOR,
    )


@decision(
    'the venue of the {session:Session} is corrected to "{venue:Text}" '
    'on {on:Date} because "{reason:Text}"'
)
def correct_venue(session: SessionRecord, venue: str, on: date, reason: str) -> Command:
    return CorrectSession(
        body=session.body,
        number=session.number,
        venue=venue,
        reason=reason,
        on=on,
        actor=ACTOR,
    )


# Strikes: entries recorded in error.


@decision(
    "the entry at version {version:d} of the {record:Record} is struck "
    'on {on:Date} because "{reason:Text}"'
)
def strike_entry(record: Record, version: int, on: date, reason: str) -> Command:
    where: dict[str, Any] = (
        {"number": record.number}
        if isinstance(record, SessionRecord)
        else {"period": record.period}  # type: ignore[union-attr]
    )
    return StrikeEntry(
        body=record.body,  # type: ignore[union-attr]
        version=version,
        reason=reason,
        on=on,
        actor=ACTOR,
        **where,
    )


# What the officer is told, and what the record holds.


@then(phrase('the officer is told "{message:Text}"'))
def officer_is_told(officer: Officer, message: str) -> None:
    assert str(officer.examine_rejection()) == message


@then(phrase('the officer is told a message that starts "{start:Text}"'))
def officer_is_told_a_message_that_starts(officer: Officer, start: str) -> None:
    assert str(officer.examine_rejection()).startswith(start)


@then("nothing is recorded")
def nothing_is_recorded(officer: Officer) -> None:
    assert officer.subject is not None, "no command was taken"
    assert officer.snapshot(officer.subject) == officer.before


@attrs.frozen
class Entry:
    """An entry of a record's history as a Then step expects it: its kind, its
    effective date, and the fields the step names (the others are not read)."""

    record: Record
    event: str
    on: date
    fields: dict[str, Any] = attrs.Factory(dict)


def holds(officer: Officer, expected: Entry) -> None:
    """The record holds the entry: the one the last When recorded in it, when
    that When recorded an entry of its kind; else one entry, and only one, of
    its history."""
    wanted = {"event": expected.event, "on": expected.on.isoformat()}
    wanted.update(expected.fields)

    def as_expected(entry: dict[str, Any]) -> dict[str, Any]:
        return {key: entry.get(key, "(not recorded)") for key in wanted}

    entries = officer.history(expected.record)
    taken_now = officer.taken_now(expected.record) or []
    if any(entry["event"] == expected.event for entry in taken_now):
        assert as_expected(taken_now[-1]) == wanted
        return
    found = [entry for entry in entries if as_expected(entry) == wanted]
    assert len(found) == 1, (
        f"{expected.record} holds {len(found)} such entries; "
        f"its {entry_words(expected.event)} entries are: "
        f"{[e for e in entries if e['event'] == expected.event]}"
    )


def recorded(text: str) -> Callable[[Callable[..., Entry]], Callable[..., Entry]]:
    """Register `text` as a Then that checks the record holds the entry the
    decorated function describes from the step's arguments."""

    def register(entry_for: Callable[..., Entry]) -> Callable[..., Entry]:
        parameters = [
            *signature(entry_for).parameters.values(),
            Parameter("officer", Parameter.POSITIONAL_OR_KEYWORD),
        ]

        def check(officer: Officer, **arguments: Any) -> None:
            holds(officer, entry_for(**arguments))

        check.__signature__ = Signature(parameters)  # type: ignore[attr-defined]
        then(phrase(text), stacklevel=2)(check)
        return entry_for

    return register


# Decisions as the record holds them.


@recorded(
    'the {session:Session} is scheduled for {dates:Days} in "{venue:Text}" on {on:Date}'
)
def scheduled(session: SessionRecord, dates: Days, venue: str, on: date) -> Entry:
    return Entry(
        session,
        "Scheduled",
        on,
        {
            "dates": dates.stored(),
            "venue": venue,
            "format": "in-person",
            "stocktaking": False,
        },
    )


@recorded(
    'the {session:Session} is scheduled for {dates:Days} in "{venue:Text}" '
    "on {on:Date}, with:"
)
def scheduled_in_full(
    session: SessionRecord,
    dates: Days,
    venue: str,
    on: date,
    datatable: list[list[str]],
) -> Entry:
    fields = vertical(datatable)
    expected: dict[str, Any] = {
        "dates": dates.stored(),
        "venue": venue,
        "format": fields.get("format", "in-person"),
        "stocktaking": YES_NO[fields.get("stocktaking", "no")],
    }
    if "title" in fields:
        expected["title"] = fields["title"]
    return Entry(session, "Scheduled", on, expected)


@recorded(
    "the {session:Session} is postponed from {previous:Dates} to {new:Dates} "
    'on {on:Date} because "{reason:Text}"'
)
def postponed(
    session: SessionRecord,
    previous: Days | None,
    new: Days | None,
    on: date,
    reason: str,
) -> Entry:
    return Entry(
        session,
        "Postponed",
        on,
        {
            "previous": stored_dates(previous),
            "new": stored_dates(new),
            "reason": reason,
            "announced_in": None,
        },
    )


@recorded(
    "the {session:Session} is rescheduled from {previous:Dates} to {new:Days} "
    "on {on:Date}"
)
def rescheduled(
    session: SessionRecord, previous: Days | None, new: Days, on: date
) -> Entry:
    return Entry(
        session,
        "Rescheduled",
        on,
        {"previous": stored_dates(previous), "new": new.stored(), "reason": None},
    )


@recorded(
    "the {session:Session} is rescheduled from {previous:Dates} to {new:Days} "
    'on {on:Date} because "{reason:Text}"'
)
def rescheduled_for_a_reason(
    session: SessionRecord, previous: Days | None, new: Days, on: date, reason: str
) -> Entry:
    return Entry(
        session,
        "Rescheduled",
        on,
        {"previous": stored_dates(previous), "new": new.stored(), "reason": reason},
    )


@recorded(
    'the venue of the {session:Session} is changed to "{venue:Text}" '
    "and its format to {format:Format} on {on:Date}"
)
def venue_changed(
    session: SessionRecord, venue: str, format: Format, on: date
) -> Entry:
    return Entry(session, "VenueChanged", on, {"venue": venue, "format": format.value})


@recorded('the {session:Session} is cancelled on {on:Date} because "{reason:Text}"')
def cancelled(session: SessionRecord, on: date, reason: str) -> Entry:
    return Entry(session, "Cancelled", on, {"reason": reason})


@recorded("the agenda of the {session:Session} is issued on {on:Date} with the items:")
def agenda_issued(
    session: SessionRecord, on: date, datatable: list[list[str]]
) -> Entry:
    items = [
        {"number": int(number), "title": title}
        for number, title in rows(datatable, "item", "title")
    ]
    return Entry(session, "AgendaIssued", on, {"items": items})


@recorded(
    'the document "{title:Text}" of the {session:Session} is issued as {kind:Kind} '
    "on {on:Date}"
)
def document_issued(
    title: str, session: SessionRecord, kind: DocumentKind, on: date
) -> Entry:
    return Entry(
        session,
        "DocumentIssued",
        on,
        {"kind": kind.value, "title": title, "symbol": None},
    )


@recorded(
    'the document "{title:Text}" of the {session:Session} is issued as {kind:Kind} '
    'with the symbol "{symbol:Text}" on {on:Date}'
)
def document_issued_with_a_symbol(
    title: str, session: SessionRecord, kind: DocumentKind, symbol: str, on: date
) -> Entry:
    return Entry(
        session,
        "DocumentIssued",
        on,
        {"kind": kind.value, "title": title, "symbol": symbol},
    )


@recorded(
    'the document "{title:Text}" of the {session:Session} is circulated '
    'to "{to:Text}" on {on:Date}'
)
def document_circulated(title: str, session: SessionRecord, to: str, on: date) -> Entry:
    return Entry(
        session,
        "DocumentCirculated",
        on,
        {"document": title, "to": to, "via": None},
    )


@recorded(
    'the document "{title:Text}" of the {session:Session} is circulated '
    'to "{to:Text}" via "{via:Text}" on {on:Date}'
)
def document_circulated_via(
    title: str, session: SessionRecord, to: str, via: str, on: date
) -> Entry:
    return Entry(
        session,
        "DocumentCirculated",
        on,
        {"document": title, "to": to, "via": via},
    )


@recorded(
    'a general statement by "{delegation:Text}" is recorded '
    "for the {session:Session} on {on:Date}"
)
def general_statement_recorded(
    delegation: str, session: SessionRecord, on: date
) -> Entry:
    return Entry(
        session, "StatementRecorded", on, {"delegation": delegation, "item": None}
    )


@recorded(
    'a statement by "{delegation:Text}" on item {item:d} is recorded '
    "for the {session:Session} on {on:Date}"
)
def statement_recorded(
    delegation: str, item: int, session: SessionRecord, on: date
) -> Entry:
    return Entry(
        session, "StatementRecorded", on, {"delegation": delegation, "item": item}
    )


@recorded(
    'the panelist "{name:Text}" of "{delegation:Text}" is confirmed on item {item:d} '
    'of the {session:Session} to present "{title:Text}" on {on:Date}'
)
def panelist_confirmed(
    name: str, delegation: str, item: int, session: SessionRecord, title: str, on: date
) -> Entry:
    return Entry(
        session,
        "PanelistConfirmed",
        on,
        {"name": name, "delegation": delegation, "item": item, "title": title},
    )


@recorded(
    'the title of the {session:Session} is corrected to "{title:Text}" '
    'on {on:Date} because "{reason:Text}"'
)
def title_corrected(session: SessionRecord, title: str, on: date, reason: str) -> Entry:
    return Entry(
        session, "Corrected", on, {"title": title, "venue": None, "reason": reason}
    )


@recorded(
    "the entry at version {version:d} of the {record:Record} is struck "
    'on {on:Date} because "{reason:Text}"'
)
def struck(record: Record, version: int, on: date, reason: str) -> Entry:
    return Entry(record, "Struck", on, {"entry_version": version, "reason": reason})


@then(
    phrase(
        "the history of the {record:Record} marks the entry at version "
        '{version:d} struck on {on:Date} because "{reason:Text}"'
    )
)
def marked_struck(
    officer: Officer, record: Record, version: int, on: date, reason: str
) -> None:
    [entry] = [e for e in officer.history(record) if e["version"] == version]
    assert entry["struck"]["on"] == on.isoformat()
    assert entry["struck"]["reason"] == reason
    assert entry["struck"]["actor"] == ACTOR


@then(
    phrase(
        'the document "{title:Text}" of the {session:Session} can be issued as '
        "{kind:Kind} again on {on:Date}"
    )
)
def issued_again(
    officer: Officer, title: str, session: SessionRecord, kind: DocumentKind, on: date
) -> None:
    officer.take(session, lambda: issue_document(title, session, kind, on))
    assert officer.recorded is not None
    assert officer.recorded.event == "DocumentIssued"


@recorded("the {session:Session} is opened on {on:Date}")
def opened(session: SessionRecord, on: date) -> Entry:
    return Entry(session, "Opened", on)


@recorded("the {session:Session} is closed on {on:Date}")
def closed(session: SessionRecord, on: date) -> Entry:
    return Entry(session, "Closed", on)


@recorded("the report of the {session:Session} is adopted on {on:Date}")
def report_adopted(session: SessionRecord, on: date) -> Entry:
    return Entry(session, "ReportAdopted", on, {"symbol": None})


@recorded(
    'the report of the {session:Session} is adopted as "{symbol:Text}" on {on:Date}'
)
def report_adopted_with_a_symbol(
    session: SessionRecord, symbol: str, on: date
) -> Entry:
    return Entry(session, "ReportAdopted", on, {"symbol": symbol})


def _stored_topics(datatable: list[list[str]]) -> list[dict[str, Any]]:
    return [
        {"year": int(year), "topics": [topic.strip() for topic in topics.split(";")]}
        for year, topics in rows(datatable, "year", "topics")
    ]


@recorded(
    "the {workplan:Workplan} is adopted at its {at_session:Ordinal} session "
    "on {on:Date} with the topics:"
)
def workplan_adopted(
    workplan: WorkplanRecord, at_session: int, on: date, datatable: list[list[str]]
) -> Entry:
    return Entry(
        workplan,
        "Adopted",
        on,
        {
            "at_session": at_session,
            "topics": _stored_topics(datatable),
            "stocktaking_by": None,
        },
    )


@recorded(
    "the {workplan:Workplan} is adopted at its {at_session:Ordinal} session "
    "on {on:Date}, with a stocktaking meeting no later than {stocktaking_by:d} "
    "and the topics:"
)
def workplan_adopted_with_stocktaking(
    workplan: WorkplanRecord,
    at_session: int,
    on: date,
    stocktaking_by: int,
    datatable: list[list[str]],
) -> Entry:
    return Entry(
        workplan,
        "Adopted",
        on,
        {
            "at_session": at_session,
            "topics": _stored_topics(datatable),
            "stocktaking_by": stocktaking_by,
        },
    )


@recorded(
    "comments for {cycle:d} under the {workplan:Workplan} are requested "
    "on {on:Date} with the deadline {deadline:Date}"
)
def comments_requested(
    cycle: int, workplan: WorkplanRecord, on: date, deadline: date
) -> Entry:
    return Entry(
        workplan,
        "CommentsRequested",
        on,
        {"cycle": cycle, "deadline": deadline.isoformat()},
    )


@recorded(
    "the deadline for {cycle:d} comments under the {workplan:Workplan} "
    'is extended from {previous:Date} to {to:Date} on {on:Date} because "{reason:Text}"'
)
def deadline_extended(
    cycle: int,
    workplan: WorkplanRecord,
    previous: date,
    to: date,
    on: date,
    reason: str,
) -> Entry:
    return Entry(
        workplan,
        "DeadlineExtended",
        on,
        {
            "cycle": cycle,
            "previous": previous.isoformat(),
            "to": to.isoformat(),
            "reason": reason,
        },
    )


def _submission(
    kind: SubmitterKind,
    submitter: str,
    cycle: int,
    workplan: WorkplanRecord,
    on: date,
    reference: str | None,
) -> Entry:
    return Entry(
        workplan,
        "SubmissionReceived",
        on,
        {
            "cycle": cycle,
            "submitter": submitter,
            "submitter_kind": kind.value,
            "reference": reference,
        },
    )


@recorded(
    'a submission from the {kind:SubmitterKind} "{submitter:Text}" for {cycle:d} '
    "under the {workplan:Workplan} is received on {on:Date}"
)
def submission_received(
    kind: SubmitterKind, submitter: str, cycle: int, workplan: WorkplanRecord, on: date
) -> Entry:
    return _submission(kind, submitter, cycle, workplan, on, None)


@recorded(
    'a submission from the {kind:SubmitterKind} "{submitter:Text}" for {cycle:d} '
    "under the {workplan:Workplan} is received on {on:Date} "
    'with the reference "{reference:Text}"'
)
def submission_received_with_a_reference(
    kind: SubmitterKind,
    submitter: str,
    cycle: int,
    workplan: WorkplanRecord,
    on: date,
    reference: str,
) -> Entry:
    return _submission(kind, submitter, cycle, workplan, on, reference)


# A record's history as a whole, and what it counts.


@then(phrase("the history of the {record:Record} reads:"))
def history_reads(officer: Officer, record: Record, datatable: list[list[str]]) -> None:
    assert [
        [entry_words(entry["event"]), written_date(date.fromisoformat(entry["on"]))]
        for entry in officer.history(record)
    ] == rows(datatable, "entry", "on")


def _of_kind(officer: Officer, record: Record, event: str) -> list[dict[str, Any]]:
    return [entry for entry in officer.history(record) if entry["event"] == event]


@then(phrase("the {session:Session} has been postponed {times:Times}"))
def postponed_so_often(officer: Officer, session: SessionRecord, times: int) -> None:
    assert len(_of_kind(officer, session, "Postponed")) == times


@then(phrase("the {session:Session} met on {dates:Days}"))
def met(officer: Officer, session: SessionRecord, dates: Days) -> None:
    """Opened once, on its first day, and closed once, on its last."""
    assert [e["on"] for e in _of_kind(officer, session, "Opened")] == [
        dates.start.isoformat()
    ]
    assert [e["on"] for e in _of_kind(officer, session, "Closed")] == [
        dates.end.isoformat()
    ]


def _statements(
    officer: Officer, session: SessionRecord, statements: Statements
) -> list[str]:
    return [
        entry["delegation"]
        for entry in _of_kind(officer, session, "StatementRecorded")
        if entry["item"] == statements.item
    ]


@then(
    phrase(
        "the {session:Session} has {count:d} {statements:Statements} "
        "by {delegations:d} delegations"
    )
)
def statements_by_delegations(
    officer: Officer,
    session: SessionRecord,
    count: int,
    statements: Statements,
    delegations: int,
) -> None:
    spoken = _statements(officer, session, statements)
    assert (len(spoken), len(set(spoken))) == (count, delegations)


@then(
    phrase(
        "the {session:Session} has {count:d} {statements:Statements} "
        'by "{delegation:Text}"'
    )
)
def statements_by_a_delegation(
    officer: Officer,
    session: SessionRecord,
    count: int,
    statements: Statements,
    delegation: str,
) -> None:
    spoken = _statements(officer, session, statements)
    assert spoken.count(delegation) == count


@then(
    phrase(
        "the {session:Session} has {count:d} panelists confirmed on item {item:d}, "
        '"{first:Text}" first'
    )
)
def panelists_on_an_item(
    officer: Officer, session: SessionRecord, count: int, item: int, first: str
) -> None:
    names = [
        entry["name"]
        for entry in _of_kind(officer, session, "PanelistConfirmed")
        if entry["item"] == item
    ]
    assert len(names) == count
    assert names[0] == first


@then(phrase("no submission is received for {cycle:d} under the {workplan:Workplan}"))
def no_submission(officer: Officer, cycle: int, workplan: WorkplanRecord) -> None:
    received = _of_kind(officer, workplan, "SubmissionReceived")
    assert [entry for entry in received if entry["cycle"] == cycle] == []


@then(
    phrase(
        'the {session:Session} has {count:d} {panelists:Panelists} named "{name:Text}"'
    )
)
def panelists_named(
    officer: Officer, session: SessionRecord, count: int, panelists: str, name: str
) -> None:
    named = [
        entry
        for entry in _of_kind(officer, session, "PanelistConfirmed")
        if entry["name"] == name
    ]
    assert len(named) == count
