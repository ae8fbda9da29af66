"""The steps about the six languages: translating a session's title and a
body's name, issuing a document in a language and publishing its other
language versions, and what the pages' data then say. The decisions read as a
Given, a When and a Then, as every decision does (`conftest.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from pytest_bdd import then

from application.commands import (
    Command,
    IssueDocument,
    PublishTranslation,
    TranslateBody,
    TranslateSession,
)
from application.publishing import Document, Publishing
from application.secretariat import Secretariat
from domain.values import DocumentKind
from tests.bdd.conftest import Entry, decision, recorded
from tests.bdd.officer import ACTOR, Officer
from tests.bdd.vocabulary import (
    LANGUAGE_CODES,
    BodyRecord,
    SessionRecord,
    phrase,
    rows,
    written_date,
)


class _Records:
    """The records of the Secretariat, as the pages' `Views` port reads them."""

    def __init__(self, app: Secretariat) -> None:
        self.app = app

    def events_of(self, record_id: UUID) -> Sequence[Any]:
        return list(self.app.events.get(record_id))


def _pages(officer: Officer) -> Publishing:
    officer.check_nothing_unexamined()
    return Publishing(_Records(officer.secretariat))  # type: ignore[arg-type]


# Decisions.


@decision(
    'the {language:Language} version of "{symbol:Text}" of the {session:Session} '
    "is published on {on:Date}"
)
def publish_translation(
    language: str, symbol: str, session: SessionRecord, on: date
) -> Command:
    return PublishTranslation(
        body=session.body,
        number=session.number,
        symbol=symbol,
        language=language,
        on=on,
        actor=ACTOR,
    )


@decision(
    'the {language:Language} version of "{symbol:Text}" of the {session:Session} '
    'is published on {on:Date} as "{title:Text}"'
)
def publish_translation_with_a_title(
    language: str, symbol: str, session: SessionRecord, on: date, title: str
) -> Command:
    return PublishTranslation(
        body=session.body,
        number=session.number,
        symbol=symbol,
        language=language,
        title=title,
        on=on,
        actor=ACTOR,
    )


@decision(
    'the document "{title:Text}" of the {session:Session} is issued in '
    '{language:Language} as {kind:Kind} with the symbol "{symbol:Text}" on {on:Date}'
)
def issue_document_in_a_language(
    title: str,
    session: SessionRecord,
    language: str,
    kind: DocumentKind,
    symbol: str,
    on: date,
) -> Command:
    return IssueDocument(
        body=session.body,
        number=session.number,
        kind=kind,
        title=title,
        symbol=symbol,
        language=language,
        on=on,
        actor=ACTOR,
    )


@decision(
    "the title of the {session:Session} is translated into {language:Language} "
    'as "{title:Text}" on {on:Date}'
)
def translate_session(
    session: SessionRecord, language: str, title: str, on: date
) -> Command:
    return TranslateSession(
        body=session.body,
        number=session.number,
        language=language,
        title=title,
        on=on,
        actor=ACTOR,
    )


@decision(
    "the name of the body {body:Body} is translated into {language:Language} "
    'as "{name:Text}" on {on:Date}'
)
def translate_body(body: BodyRecord, language: str, name: str, on: date) -> Command:
    return TranslateBody(
        body=body.code, language=language, name=name, on=on, actor=ACTOR
    )


# What the record holds.


@recorded(
    "the title of the {session:Session} is translated into {language:Language} "
    'as "{title:Text}" on {on:Date}'
)
def translated(session: SessionRecord, language: str, title: str, on: date) -> Entry:
    return Entry(session, "Translated", on, {"language": language, "title": title})


def _document(officer: Officer, symbol: str, session: SessionRecord) -> Document:
    record = _pages(officer).session_record(session.body, session.number)
    documents = [
        *(d for group in record.documents for d in group.documents),
        *record.comments,
        *record.report.documents,
    ]
    [found] = [d for d in documents if d.symbol == symbol]
    return found


@then(phrase('the document "{symbol:Text}" of the {session:Session} is available in:'))
def available_in(
    officer: Officer, symbol: str, session: SessionRecord, datatable: list[list[str]]
) -> None:
    document = _document(officer, symbol, session)
    assert [
        [
            LANGUAGE_NAME[edition.language],
            written_date(date.fromisoformat(edition.available_on)),
        ]
        for edition in document.languages
    ] == rows(datatable, "language", "since")


@then(
    phrase(
        'the document "{symbol:Text}" of the {session:Session} is titled '
        '"{title:Text}" in {language:Language}'
    )
)
def document_titled(
    officer: Officer, symbol: str, session: SessionRecord, title: str, language: str
) -> None:
    assert _document(officer, symbol, session).titles[language] == title


@then(phrase('the body {body:Body} is named "{name:Text}" in {language:Language}'))
def body_named(officer: Officer, body: BodyRecord, name: str, language: str) -> None:
    assert _pages(officer).body_profile(body.code).names[language] == name


LANGUAGE_NAME = {code: name for name, code in LANGUAGE_CODES.items()}
