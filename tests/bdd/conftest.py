"""The steps of every feature file.

A decision reads the same as a Given and as a When: "the 6th session of
cybercrime-egm is postponed ... on 2020-03-13" is what is already on record in
a Given (the secretariat must accept it) and what the officer does now in a
When (the secretariat may refuse it, and a Then says what the officer is told).
Each decision builds one command of `application.commands`, with the same word
as the command line; the Then steps read the record back through the
Secretariat, never through an aggregate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from inspect import Parameter, Signature, signature
from typing import Any, TypeVar

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
    BodyRecord,
    Days,
    Record,
    SessionRecord,
    WorkplanRecord,
    days,
    phrase,
    rows,
    shown,
    vertical,
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


@decision("the {session:Session} is scheduled on {on:Date} as follows:")
def schedule_session_in_full(
    session: SessionRecord, on: date, datatable: list[list[str]]
) -> Command:
    fields = vertical(datatable)
    return ScheduleSession(
        body=session.body,
        number=session.number,
        title=fields["title"],
        dates=days(fields["dates"]).as_range(),
        venue=fields["venue"],
        format=Format(fields.get("format", "in-person")),
        stocktaking={"yes": True, "no": False}[fields.get("stocktaking", "no")],
        on=on,
        actor=ACTOR,
    )


@decision(
    "the {session:Session} is postponed to new dates {dates:Days} "
    'on {on:Date} because "{reason:Text}"'
)
def postpone_session(
    session: SessionRecord, dates: Days, on: date, reason: str
) -> Command:
    return PostponeSession(
        body=session.body,
        number=session.number,
        reason=reason,
        dates=dates.as_range(),
        on=on,
        actor=ACTOR,
    )


@decision(
    "the {session:Session} is postponed to dates to be determined "
    'on {on:Date} because "{reason:Text}"'
)
def postpone_session_sine_die(session: SessionRecord, on: date, reason: str) -> Command:
    return PostponeSession(
        body=session.body,
        number=session.number,
        reason=reason,
        dates=None,
        on=on,
        actor=ACTOR,
    )


@decision("the {session:Session} is rescheduled for {dates:Days} on {on:Date}")
def reschedule_session(session: SessionRecord, dates: Days, on: date) -> Command:
    return RescheduleSession(
        body=session.body,
        number=session.number,
        dates=dates.as_range(),
        on=on,
        actor=ACTOR,
    )


@decision(
    "the {session:Session} is rescheduled for {dates:Days} "
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


# What the officer is told, and what the record holds.


@then(phrase('the officer is told "{message:Text}"'))
def officer_is_told(officer: Officer, message: str) -> None:
    assert str(officer.examine_rejection()) == message


@then("nothing is recorded")
def nothing_is_recorded(officer: Officer) -> None:
    assert officer.subject is not None, "no command was taken"
    assert officer.snapshot(officer.subject) == officer.before


def _last_entry(officer: Officer, record: Record) -> dict[str, Any]:
    entries = officer.history(record)
    assert entries, f"nothing is recorded for {record}"
    return entries[-1]


@then(phrase("the history of the {record:Record} ends with {event:Event} on {on:Date}"))
def history_ends_with(officer: Officer, record: Record, event: str, on: date) -> None:
    last = _last_entry(officer, record)
    assert (last["event"], last["on"]) == (event, on.isoformat())


@then(
    phrase(
        "the history of the {record:Record} ends with {event:Event} on {on:Date}, with:"
    )
)
def history_ends_with_fields(
    officer: Officer, record: Record, event: str, on: date, datatable: list[list[str]]
) -> None:
    last = _last_entry(officer, record)
    assert (last["event"], last["on"]) == (event, on.isoformat())
    expected = vertical(datatable)
    assert {
        field: shown(last[field]) if field in last else "(not recorded)"
        for field in expected
    } == expected


@then(phrase("the history of the {record:Record} reads:"))
def history_reads(officer: Officer, record: Record, datatable: list[list[str]]) -> None:
    assert [[entry["event"], entry["on"]] for entry in officer.history(record)] == rows(
        datatable, "event", "on"
    )


@then(phrase("the agenda of the {session:Session} reads:"))
def agenda_reads(
    officer: Officer, session: SessionRecord, datatable: list[list[str]]
) -> None:
    issued = [
        entry for entry in officer.history(session) if entry["event"] == "AgendaIssued"
    ]
    assert issued, f"no agenda is issued for {session}"
    assert [
        [str(item["number"]), item["title"]] for item in issued[-1]["items"]
    ] == rows(datatable, "item", "title")


@then(phrase("the topics of the {workplan:Workplan} are:"))
def topics_are(
    officer: Officer, workplan: WorkplanRecord, datatable: list[list[str]]
) -> None:
    (adopted,) = [
        entry for entry in officer.history(workplan) if entry["event"] == "Adopted"
    ]
    assert [
        [str(cycle["year"]), "; ".join(cycle["topics"])] for cycle in adopted["topics"]
    ] == rows(datatable, "year", "topics")
