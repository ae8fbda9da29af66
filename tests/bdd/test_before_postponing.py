"""The procedure of features/before_postponing_the_secretariat_sees_what_the_
postponement_touches.feature: a postponement previewed (`--dry-run`) on a real
store, its views read for the calls and the milestone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs
import pytest
from pytest_bdd import scenarios, then, when

from adapters.mail.messages import subject
from adapters.views.views import Views
from application.commands import PostponeSession
from application.impact import Preview, preview
from application.secretariat import Secretariat
from domain.errors import DomainError
from tests.bdd.distribution_steps import *  # noqa: F403
from tests.bdd.officer import ACTOR, Officer
from tests.bdd.vocabulary import (
    Days,
    SessionRecord,
    WorkplanRecord,
    phrase,
    rows,
    stored_dates,
)
from tests.seed_history import opened

scenarios(
    "before_postponing_the_secretariat_sees_what_the_postponement_touches.feature"
)

TODAY = date(2021, 3, 1)


@attrs.define
class Previewed:
    """The views of the scenario's store, and what the last preview found."""

    views: Views | None = None
    found: Preview | None = None


@pytest.fixture
def previewed() -> Previewed:
    return Previewed()


@pytest.fixture(autouse=True)
def secretariat(store: str, previewed: Previewed) -> Iterator[Secretariat]:
    """The decisions of every feature, taken on the scenario's real store."""
    with opened(store) as (app, views):
        previewed.views = views
        yield app


@when(
    phrase(
        "the officer previews postponing the {session:Session} to {dates:Days} "
        'on {on:Date} because "{reason:Text}"'
    )
)
def previews_postponing(
    officer: Officer,
    secretariat: Secretariat,
    previewed: Previewed,
    session: SessionRecord,
    dates: Days,
    on: date,
    reason: str,
) -> None:
    officer._start(session)
    try:
        command = PostponeSession(
            body=session.body,
            number=session.number,
            reason=reason,
            dates=dates.as_range(),
            on=on,
            actor=ACTOR,
            recorded_via="cli",
        )
        assert previewed.views is not None
        previewed.found = preview(secretariat, previewed.views, command, today=TODAY)
    except DomainError as error:
        officer.rejection = officer.unexamined = error


def found(previewed: Previewed, officer: Officer) -> Preview:
    officer.check_nothing_unexamined()
    assert previewed.found is not None
    return previewed.found


@then(
    phrase(
        "the preview would record the postponement of the {session:Session} "
        "from {before:Days} to {after:Days}"
    )
)
def would_record(
    previewed: Previewed,
    officer: Officer,
    session: SessionRecord,
    before: Days,
    after: Days,
) -> None:
    [event] = found(previewed, officer).events
    assert event["event"] == "Postponed"
    assert (event["previous"], event["new"]) == (
        stored_dates(before),
        stored_dates(after),
    )


@then(
    phrase(
        "the preview names the call for comments for {cycle:d} under the "
        "{workplan:Workplan}, due {deadline:Date}"
    )
)
def names_the_call(
    previewed: Previewed,
    officer: Officer,
    cycle: int,
    workplan: WorkplanRecord,
    deadline: date,
) -> None:
    assert found(previewed, officer).calls == [
        {
            "body": workplan.body,
            "period": workplan.written_period,
            "cycle": cycle,
            "deadline": deadline.isoformat(),
        }
    ]


@then("the preview names no call for comments")
def names_no_call(previewed: Previewed, officer: Officer) -> None:
    assert found(previewed, officer).calls == []


@then(
    phrase(
        'the preview names the panelist "{name:Text}" of "{delegation:Text}", '
        "on item {item:d}"
    )
)
def names_the_panelist(
    previewed: Previewed, officer: Officer, name: str, delegation: str, item: int
) -> None:
    named = [
        (p["name"], p["delegation"], p["item"])
        for p in found(previewed, officer).panelists
    ]
    assert named == [(name, delegation, item)]


@then(phrase('the preview names the document "{title:Text}"'))
def names_the_document(previewed: Previewed, officer: Officer, title: str) -> None:
    assert [d["title"] for d in found(previewed, officer).documents] == [title]


@then("the preview would send:")
def would_send(
    previewed: Previewed, officer: Officer, datatable: list[list[str]]
) -> None:
    sent = sorted(
        [row.email, subject(row)] for row in found(previewed, officer).messages
    )
    assert sent == sorted(rows(datatable, "to", "subject"))


@then(
    phrase(
        "the preview says the stocktaking milestone of the {workplan:Workplan} "
        "would no longer be met by the {number:Ordinal} session"
    )
)
def milestone_no_longer_met(
    previewed: Previewed, officer: Officer, workplan: WorkplanRecord, number: int
) -> None:
    [milestone] = found(previewed, officer).milestones
    assert milestone["period"] == workplan.written_period
    assert milestone["met_by"]["number"] == number
    assert milestone["met_by_after"] is None
