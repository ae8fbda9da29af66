"""The steps about who may speak and send comments: observers admitted to a
body, delegations named however they are written, and unlisted experts.
Shared by the features that need an observer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pytest_bdd import given, parsers, then, when

from application.commands import (
    AdmitObserver,
    Command,
    ConfirmPanelist,
    ReceiveSubmission,
    RecordStatement,
)
from domain.values import ObserverKind
from tests.bdd.officer import ACTOR, Officer
from tests.bdd.vocabulary import TYPES, BodyRecord, SessionRecord, WorkplanRecord

OBSERVER_KINDS = {
    "State that is not a Member": ObserverKind.STATE,
    "intergovernmental organization": ObserverKind.INTERGOVERNMENTAL,
    "entity": ObserverKind.OTHER,
}


def _observer_kind(text: str) -> ObserverKind:
    return OBSERVER_KINDS[text]


_observer_kind.pattern = "|".join(OBSERVER_KINDS)  # type: ignore[attr-defined]


def step(text: str) -> parsers.parse:
    return parsers.parse(text, extra_types={**TYPES, "ObserverKind": _observer_kind})


# Observers.

ADMITS = (
    'the {kind:ObserverKind} "{name:Text}" is admitted as an observer to '
    "{body:Body} on {on:Date}"
)


def _admit(kind: ObserverKind, name: str, body: BodyRecord, on: date) -> Command:
    return AdmitObserver(body=body.code, name=name, kind=kind, on=on, actor=ACTOR)


@given(step(ADMITS))
def admitted(
    officer: Officer, kind: ObserverKind, name: str, body: BodyRecord, on: date
) -> None:
    officer.put_on_record(lambda: _admit(kind, name, body, on))


@when(step(ADMITS))
def admits(
    officer: Officer, kind: ObserverKind, name: str, body: BodyRecord, on: date
) -> None:
    officer.take(body, lambda: _admit(kind, name, body, on))


@then(
    step(
        '{body:Body} has the observers "{names:Text}"'
        # A list of names, in the order admitted, separated by semicolons.
    )
)
def observers_of(officer: Officer, body: BodyRecord, names: str) -> None:
    [found] = [b for b in officer.secretariat.bodies() if b["code"] == body.code]
    assert [o["name"] for o in found["observers"]] == names.split("; ")


# Delegations named as written, and unlisted ones.


def _taken(officer: Officer, subject: Any, build: Callable[[], Command]) -> None:
    officer.take(subject, build)


@when(
    step(
        'a general statement by the expert "{delegation:Text}", in a personal '
        "capacity, is recorded for the {session:Session} on {on:Date}"
    )
)
def expert_speaks(
    officer: Officer, delegation: str, session: SessionRecord, on: date
) -> None:
    _taken(
        officer,
        session,
        lambda: RecordStatement(
            body=session.body,
            number=session.number,
            delegation=delegation,
            unlisted=True,
            on=on,
            actor=ACTOR,
        ),
    )


@when(
    step(
        'the panelist "{name:Text}", an expert from "{delegation:Text}" in a '
        "personal capacity, is confirmed on item {item:d} of the {session:Session} "
        'to present "{title:Text}" on {on:Date}'
    )
)
def expert_presents(
    officer: Officer,
    name: str,
    delegation: str,
    item: int,
    session: SessionRecord,
    title: str,
    on: date,
) -> None:
    _taken(
        officer,
        session,
        lambda: ConfirmPanelist(
            body=session.body,
            number=session.number,
            name=name,
            delegation=delegation,
            unlisted=True,
            item=item,
            title=title,
            on=on,
            actor=ACTOR,
        ),
    )


SENDS = (
    'a submission from "{submitter:Text}" for {cycle:d} under the '
    "{workplan:Workplan} is received on {on:Date}"
)


def _sent(submitter: str, cycle: int, workplan: WorkplanRecord, on: date) -> Command:
    return ReceiveSubmission(
        body=workplan.body,
        period=workplan.period,
        cycle=cycle,
        submitter=submitter,
        on=on,
        actor=ACTOR,
    )


@given(step(SENDS))
def sent(
    officer: Officer, submitter: str, cycle: int, workplan: WorkplanRecord, on: date
) -> None:
    officer.put_on_record(lambda: _sent(submitter, cycle, workplan, on))


@when(step(SENDS))
def sends(
    officer: Officer, submitter: str, cycle: int, workplan: WorkplanRecord, on: date
) -> None:
    officer.take(workplan, lambda: _sent(submitter, cycle, workplan, on))


def _last(officer: Officer, record: Any, event: str) -> dict[str, Any]:
    taken = officer.taken_now(record)
    assert taken, "the last command recorded nothing in it"
    assert taken[-1]["event"] == event, taken[-1]
    return taken[-1]


@then(
    step(
        'the statement is recorded as by "{delegation:Text}", written "{written:Text}"'
    )
)
def statement_by_as_written(officer: Officer, delegation: str, written: str) -> None:
    assert officer.subject is not None
    entry = _last(officer, officer.subject, "StatementRecorded")
    assert (entry["delegation"], entry["delegation_as_written"], entry["unlisted"]) == (
        delegation,
        written,
        False,
    )


@then(
    step('the panelist is recorded as of "{delegation:Text}", written "{written:Text}"')
)
def panelist_as_written(officer: Officer, delegation: str, written: str) -> None:
    assert officer.subject is not None
    entry = _last(officer, officer.subject, "PanelistConfirmed")
    assert (entry["delegation"], entry["delegation_as_written"], entry["unlisted"]) == (
        delegation,
        written,
        False,
    )


SENT_AS = "the submission is recorded as from the {kind:SubmitterKind} "
SENT_AS += '"{submitter:Text}", written "{written:Text}"'


@then(step(SENT_AS))
def submission_as_written(
    officer: Officer, kind: Any, submitter: str, written: str
) -> None:
    assert officer.subject is not None
    entry = _last(officer, officer.subject, "SubmissionReceived")
    assert (
        entry["submitter"],
        entry["submitter_as_written"],
        entry["submitter_kind"],
    ) == (submitter, written, kind.value)


@then(step('the {what} is recorded as written, "{written:Text}", and marked unlisted'))
def recorded_unlisted(officer: Officer, what: str, written: str) -> None:
    assert officer.subject is not None
    event = {"statement": "StatementRecorded", "panelist": "PanelistConfirmed"}[what]
    entry = _last(officer, officer.subject, event)
    assert (entry["delegation"], entry["delegation_as_written"], entry["unlisted"]) == (
        written,
        written,
        True,
    )
