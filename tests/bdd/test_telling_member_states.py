"""The procedure of features/telling_member_states_of_a_decision.feature, on a
real store: a When is the officer recording at the command line (a decision
recorded live, which is told), a Given what was on record before (told then,
or never)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs
import pytest
from pytest_bdd import scenarios, then

from adapters.bootstrap import open_outbox
from adapters.mail.messages import render, subject
from adapters.store import parse_store_url
from application.commands import Command
from application.projections.outbox import MessageRow, changes_of
from application.secretariat import Secretariat
from tests.bdd.distribution_steps import *  # noqa: F403
from tests.bdd.officer import Officer
from tests.bdd.vocabulary import Record, phrase, rows
from tests.seed_history import opened

scenarios("telling_member_states_of_a_decision.feature")


class OfficerAtTheCommandLine(Officer):
    """The officer of the feature files, whose decisions taken now are
    recorded as from the command line."""

    def take(self, subject: Record, build: Callable[[], Command]) -> None:
        super().take(subject, lambda: attrs.evolve(build(), recorded_via="cli"))


@pytest.fixture(autouse=True)
def secretariat(store: str) -> Iterator[Secretariat]:
    with opened(store) as (app, _):
        yield app


@pytest.fixture
def officer(secretariat: Secretariat) -> Iterator[Officer]:
    officer = OfficerAtTheCommandLine(secretariat)
    yield officer
    officer.check_nothing_unexamined()


def waiting(secretariat: Secretariat, store: str) -> list[MessageRow]:
    outbox = open_outbox(parse_store_url(store), secretariat)
    return outbox.messages("cybercrime-egm", status="pending")


def waiting_for(secretariat: Secretariat, store: str, email: str) -> MessageRow:
    [message] = [m for m in waiting(secretariat, store) if m.email == email]
    return message


@then("the messages waiting to be sent are:")
def messages_waiting(
    officer: Officer,
    secretariat: Secretariat,
    store: str,
    datatable: list[list[str]],
) -> None:
    officer.check_nothing_unexamined()
    found = sorted([m.email, subject(m)] for m in waiting(secretariat, store))
    assert found == sorted(rows(datatable, "to", "subject"))


@then("no message is waiting to be sent")
def nothing_waiting(officer: Officer, secretariat: Secretariat, store: str) -> None:
    officer.check_nothing_unexamined()
    assert waiting(secretariat, store) == []


@then(
    phrase(
        'the message waiting for "{email}" tells of the postponement and the '
        "rescheduling"
    )
)
def tells_of_both(
    officer: Officer, secretariat: Secretariat, store: str, email: str
) -> None:
    officer.check_nothing_unexamined()
    message = waiting_for(secretariat, store, email)
    assert [c["event"] for c in changes_of(message)] == ["Postponed", "Rescheduled"]


@then(phrase('the message waiting for "{email}" says "{text}"'))
def message_says(
    officer: Officer, secretariat: Secretariat, store: str, email: str, text: str
) -> None:
    officer.check_nothing_unexamined()
    message = waiting_for(secretariat, store, email)
    assert text in render(message, "message.txt")
