"""The steps about a body's distribution list: subscribing, unsubscribing, and
what the list holds. Shared by the features that need subscribers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import attrs
from pytest_bdd import given, parsers, then, when

from application.commands import Command, Subscribe, Unsubscribe
from application.notifying import distribution_list
from application.records import event_record
from application.secretariat import Secretariat
from domain.distribution import distribution_list_id
from tests.bdd.officer import ACTOR, Officer
from tests.bdd.vocabulary import TYPES, YES_NO, rows

LANGUAGES = {"English": "en", "French": "fr", "Spanish": "es"}


@attrs.frozen
class ListRecord:
    """A body's distribution list, as a step names it by the body's code."""

    body: str

    def history(self, secretariat: Secretariat) -> list[dict[str, Any]]:
        events = secretariat.events.get(distribution_list_id(self.body))
        return [event_record(event) for event in events]


def _language(text: str) -> str:
    return text


_language.pattern = "|".join(LANGUAGES)  # type: ignore[attr-defined]


def step(text: str) -> parsers.parse:
    return parsers.parse(text, extra_types={**TYPES, "Language": _language})


SUBSCRIBES = (
    '"{email}" ({name} of {delegation}) subscribes to {body} on {on:Date}, '
    "in {language:Language}"
)


def _subscribe(
    email: str,
    name: str,
    delegation: str,
    body: str,
    on: date,
    language: str,
    bureau: bool = False,
) -> Command:
    return Subscribe(
        body=body,
        email=email,
        name=name,
        delegation=delegation,
        language=LANGUAGES[language],
        bureau=bureau,
        on=on,
        actor=ACTOR,
    )


def _decision(officer: Officer, body: str, build: Callable[[], Command]) -> None:
    officer.take(ListRecord(body), build)  # type: ignore[arg-type]


@given(step(SUBSCRIBES))
def subscribed(
    officer: Officer,
    email: str,
    name: str,
    delegation: str,
    body: str,
    on: date,
    language: str,
) -> None:
    fields = (email, name, delegation, body, on, language)
    officer.put_on_record(lambda: _subscribe(*fields))


@when(step(SUBSCRIBES))
def subscribes(
    officer: Officer,
    email: str,
    name: str,
    delegation: str,
    body: str,
    on: date,
    language: str,
) -> None:
    fields = (email, name, delegation, body, on, language)
    _decision(officer, body, lambda: _subscribe(*fields))


@given(step(SUBSCRIBES + ", as a member of the extended Bureau"))
def subscribed_to_the_bureau(
    officer: Officer,
    email: str,
    name: str,
    delegation: str,
    body: str,
    on: date,
    language: str,
) -> None:
    fields = (email, name, delegation, body, on, language)
    officer.put_on_record(lambda: _subscribe(*fields, bureau=True))


@when(step(SUBSCRIBES + ", as a member of the extended Bureau"))
def subscribes_to_the_bureau(
    officer: Officer,
    email: str,
    name: str,
    delegation: str,
    body: str,
    on: date,
    language: str,
) -> None:
    fields = (email, name, delegation, body, on, language)
    _decision(officer, body, lambda: _subscribe(*fields, bureau=True))


@when(step('"{email}" unsubscribes from {body} on {on:Date}'))
def unsubscribes(officer: Officer, email: str, body: str, on: date) -> None:
    _decision(
        officer,
        body,
        lambda: Unsubscribe(body=body, email=email, on=on, actor=ACTOR),
    )


@then(step("the distribution list of {body} reads:"))
def the_list_reads(
    officer: Officer, secretariat: Secretariat, body: str, datatable: list[list[str]]
) -> None:
    officer.check_nothing_unexamined()
    expected = [
        {
            "email": email,
            "name": name,
            "delegation": delegation,
            "language": language,
            "bureau": YES_NO[bureau],
        }
        for email, name, delegation, language, bureau in rows(
            datatable, "address", "name", "delegation", "language", "bureau"
        )
    ]
    assert distribution_list(secretariat, body)["subscribers"] == expected


@then(step("the distribution list of {body} is empty"))
def the_list_is_empty(officer: Officer, secretariat: Secretariat, body: str) -> None:
    officer.check_nothing_unexamined()
    assert distribution_list(secretariat, body)["subscribers"] == []
