"""The languages' commands over HTTP: an officer of the body translates its
name and a session's title and dates a document's language versions; the
answers' JSON then says so, on each store."""

from __future__ import annotations

import pytest

from tests.http.conftest import new_token
from tests.http.server import Server
from tests.http.test_commands import BODY, post, problem

TENTH = {
    "body": BODY,
    "number": 10,
    "title": "Tenth session",
    "start": "2027-05-03",
    "end": "2027-05-05",
    "venue": "Vienna",
}
SYMBOL = "UNODC/CCPCJ/EG.4/2027/1"


@pytest.fixture(scope="module")
def officer(example_store: str, served: Server) -> str:
    return new_token(
        example_store, "bob@example.org", "--role", "officer", "--body", BODY
    )


def test_an_officer_records_translations_and_language_versions_through_the_api(
    served: Server, officer: str
) -> None:
    with served.client(officer) as client:
        for verb, fields in [
            ("schedule-session", TENTH),
            ("translate-session", {"body": BODY, "number": 10, "language": "fr",
                                   "title": "Dixième session"}),
            ("translate-body", {"body": BODY, "language": "es",
                                "name": "Grupo de Expertos"}),
            ("issue-document", {"body": BODY, "number": 10, "kind": "background-paper",
                                "title": "Background", "symbol": SYMBOL,
                                "language": "fr"}),
            ("publish-translation", {"body": BODY, "number": 10, "symbol": SYMBOL,
                                     "language": "en", "title": "Background (en)"}),
        ]:  # fmt: skip
            answer = post(client, verb, fields)
            assert answer.status_code == 201, (verb, answer.text)
        again = post(
            client,
            "publish-translation",
            {"body": BODY, "number": 10, "symbol": SYMBOL, "language": "fr"},
        )
        english = post(
            client,
            "translate-session",
            {"body": BODY, "number": 10, "language": "en", "title": "x"},
        )
        calendar = client.get("/api/calendar", params={"body": BODY}).json()

    assert "already available in French" in problem(again, 422)
    assert "kept in English" in problem(english, 400)
    (tenth,) = [s for s in calendar["sessions"] if s["number"] == 10]
    assert tenth["titles"] == {"fr": "Dixième session"}
