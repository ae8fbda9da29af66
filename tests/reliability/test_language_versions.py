"""Documents issued before languages were recorded read as issued in English.

`DocumentIssued` gained `language` in its version 3; the documents the
checked-in store of version 0.1.0 holds (stored without it) read as issued in
English, in the history and on the session's page, and take their other
language versions like a document issued now, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json

from domain.session import Session
from tests.reliability.helpers import invoke, json_answer
from tests.reliability.test_event_versions import FIXTURE, old_store  # noqa: F401
from tests.reliability.test_schema_evolution import stored_events

ISSUED = "domain.session:Session.DocumentIssued"


def test_the_earlier_version_stored_its_documents_without_a_language() -> None:
    states = [
        json.loads(event.state)
        for event in stored_events(FIXTURE / "store.sqlite")
        if event.topic == ISSUED
    ]
    assert len(states) > 10
    assert all("language" not in state for state in states)
    assert Session.DocumentIssued.class_version == 3


def test_documents_of_the_earlier_version_read_as_issued_in_english(
    old_store: str,  # noqa: F811
) -> None:
    history = json_answer("history", "cybercrime-egm", "6", store=old_store)
    issued = [e for e in history["events"] if e["event"] == "DocumentIssued"]
    assert len(issued) > 10
    assert all(e["language"] == "en" for e in issued)

    page = json_answer("session", "cybercrime-egm", "6", store=old_store)
    documents = [d for group in page["documents"] for d in group["documents"]]
    assert documents
    for document in documents:
        assert document["languages"] == [
            {"language": "en", "available_on": document["issued_on"]}
        ]
        assert document["titles"] == {}


def test_a_document_issued_now_beside_them_takes_its_other_languages(
    old_store: str,  # noqa: F811
) -> None:
    symbol = "UNODC/CCPCJ/EG.4/2021/CRP.1"
    for args in (
        ["issue-document", "cybercrime-egm", "7", "--kind", "other", "--title",
         "Note", "--symbol", symbol, "--on", "2021-04-10"],
        ["publish-translation", "cybercrime-egm", "7", "--symbol", symbol,
         "--language", "ru", "--title", "Записка", "--on", "2021-04-12"],
    ):  # fmt: skip
        ran = invoke(*args, store=old_store)
        assert ran.code == 0, ran.err

    page = json_answer("session", "cybercrime-egm", "7", store=old_store)
    [note] = [
        d for group in page["documents"] for d in group["documents"]
        if d["symbol"] == symbol
    ]  # fmt: skip
    assert note["languages"] == [
        {"language": "en", "available_on": "2021-04-10"},
        {"language": "ru", "available_on": "2021-04-12"},
    ]
    assert note["titles"] == {"ru": "Записка"}
