"""The procedure of
features/a_deadline_ends_at_midnight_where_the_secretariat_is.feature: a body's
zone, a comment received at a moment, judged by the views of a real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from pytest_bdd import given, scenarios, then, when

from adapters.views.views import Views
from application.commands import Command, EstablishBody, ReceiveSubmission
from application.parsing import parse_day_or_moment
from application.secretariat import Secretariat
from domain.values import SubmitterKind
from tests.bdd.officer import ACTOR, Officer
from tests.bdd.vocabulary import BodyRecord, WorkplanRecord, phrase
from tests.seed_history import opened

scenarios("a_deadline_ends_at_midnight_where_the_secretariat_is.feature")

JUDGED = {"on time": "on-time", "within the extension": "within-extension"}


@pytest.fixture(autouse=True)
def record(store: str) -> Iterator[tuple[Secretariat, Views]]:
    """Autouse, so that each scenario is collected once per store."""
    with opened(store) as opened_record:
        yield opened_record


@pytest.fixture
def secretariat(record: tuple[Secretariat, Views]) -> Secretariat:
    return record[0]


@given(phrase("the body {body:Body} is established on {on:Date} in the zone {zone}"))
def establish_body_in_a_zone(
    officer: Officer, body: BodyRecord, on: date, zone: str
) -> None:
    officer.put_on_record(
        lambda: EstablishBody(
            code=body.code, name=body.code, timezone=zone, on=on, actor=ACTOR
        )
    )


def received(
    kind: SubmitterKind, submitter: str, cycle: int, workplan: WorkplanRecord, at: Any
) -> Command:
    moment = at if isinstance(at, datetime) else None
    return ReceiveSubmission(
        body=workplan.body,
        period=workplan.period,
        cycle=cycle,
        submitter=submitter,
        submitter_kind=kind,
        on=at.date() if moment else at,
        received_at=moment,
        actor=ACTOR,
    )


RECEIVED_AT = (
    'a submission from the {kind:SubmitterKind} "{submitter:Text}" for {cycle:d} '
    'under the {workplan:Workplan} is received at "{moment:Text}"'
)


@when(phrase(RECEIVED_AT))
def receive_at_a_moment(
    officer: Officer,
    kind: SubmitterKind,
    submitter: str,
    cycle: int,
    workplan: WorkplanRecord,
    moment: str,
) -> None:
    at = parse_day_or_moment(moment)
    officer.take(workplan, lambda: received(kind, submitter, cycle, workplan, at))


@when(
    phrase(
        'a submission from the {kind:SubmitterKind} "{submitter:Text}" for '
        "{cycle:d} under the {workplan:Workplan} is received an hour from now"
    )
)
def receive_in_the_future(
    officer: Officer,
    kind: SubmitterKind,
    submitter: str,
    cycle: int,
    workplan: WorkplanRecord,
) -> None:
    # Its date is not after today (the rule of dates lets it by): its moment is.
    at = datetime.now(UTC) + timedelta(hours=1)
    assert at.date() <= Secretariat.today()
    officer.take(workplan, lambda: received(kind, submitter, cycle, workplan, at))


def submission(
    record: tuple[Secretariat, Views], submitter: str, cycle: int = 2020
) -> dict[str, Any]:
    deadlines = record[1].deadlines(today=date(2020, 1, 1))
    (found,) = [
        s
        for call in deadlines["calls"]
        if call["cycle"] == cycle
        for s in call["submissions"]
        if s["from"] == submitter
    ]
    return dict(found)


@then(
    phrase(
        'the submission from "{submitter:Text}" for {cycle:d} '
        "under the {workplan:Workplan} is {judged}"
    )
)
def submission_judged(
    record: tuple[Secretariat, Views],
    submitter: str,
    cycle: int,
    workplan: WorkplanRecord,
    judged: str,
) -> None:
    assert submission(record, submitter, cycle)["status"] == JUDGED.get(judged, judged)


@then(phrase('the submission from "{submitter:Text}" was received at "{moment:Text}"'))
def received_at(record: tuple[Secretariat, Views], submitter: str, moment: str) -> None:
    assert submission(record, submitter)["received_at"] == moment


@then(phrase('the submission from "{submitter:Text}" was received at no moment known'))
def received_on_a_date(record: tuple[Secretariat, Views], submitter: str) -> None:
    assert submission(record, submitter)["received_at"] is None
