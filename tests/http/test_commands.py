"""Commands over HTTP, on each store: `POST /api/commands/{command}` with the
command's import-file fields, recorded with the principal as its actor and
`api` as the way it reached the record; `If-Match`, and every refusal as a
problem."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import httpx
import pytest

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from application.parsing import parse_period
from domain.delegations import member_states
from tests.http.conftest import cli_json, new_token
from tests.http.server import Server

BODY = "cybercrime-egm"
NINTH = {
    "body": BODY,
    "number": 9,
    "title": "Ninth session",
    "start": "2027-03-01",
    "end": "2027-03-03",
    "venue": "Vienna",
}
POSTPONE_NINTH = {
    "body": BODY,
    "number": 9,
    "reason": "The venue is not available",
    "start": "2027-09-01",
    "end": "2027-09-03",
}
SUBMISSION = {
    "body": BODY,
    "period": "2018-2021",
    "cycle": 2020,
    "from": "Norway",
    "as": "member-state",
}


@pytest.fixture(scope="module")
def officer(example_store: str, served: Server) -> str:
    return new_token(
        example_store, "alice@example.org", "--role", "officer", "--body", BODY
    )


@pytest.fixture(scope="module")
def delegation(example_store: str, served: Server) -> str:
    return new_token(
        example_store,
        "norway@example.org",
        "--role",
        "delegation",
        "--body",
        BODY,
        "--delegation",
        "Norway",
    )


def post(
    client: httpx.Client, verb: str, fields: object, **headers: str
) -> httpx.Response:
    return client.post(f"/api/commands/{verb}", json=fields, headers=headers)


def problem(answer: httpx.Response, status: int) -> str:
    """The detail of a problem answered with `status`."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    detail: str = answer.json()["detail"]
    return detail


def last_event(store: str, number: int) -> dict[str, Any]:
    event: dict[str, Any] = cli_json(store, "history", BODY, str(number))["events"][-1]
    return event


def test_an_officer_records_a_postponement_as_the_principal_through_the_api(
    served: Server, officer: str, example_store: str
) -> None:
    with served.client(officer) as client:
        scheduled = post(client, "schedule-session", NINTH)
        postponed = post(
            client,
            "postpone-session",
            POSTPONE_NINTH,
            **{"If-Match": scheduled.headers["etag"]},
        )
        calendar = client.get("/api/calendar", params={"body": BODY}).json()

    assert (scheduled.status_code, scheduled.headers["etag"]) == (201, '"1"')
    assert postponed.status_code == 201, postponed.text
    assert postponed.headers["etag"] == '"2"'
    answer = postponed.json()
    assert (answer["command"], answer["version"]) == ("postpone-session", 2)
    (event,) = answer["events"]
    assert event["event"] == "Postponed"
    assert event["new"] == {"start": "2027-09-01", "end": "2027-09-03"}
    assert (event["actor"], event["recorded_via"]) == ("alice@example.org", "api")
    assert event["on"] == date.today().isoformat()
    assert last_event(example_store, 9) == event
    (ninth,) = [s for s in calendar["sessions"] if s["number"] == 9]
    assert (ninth["start"], ninth["postponements"]) == ("2027-09-01", 1)


def test_if_match_with_another_version_writes_nothing(
    served: Server, officer: str, example_store: str
) -> None:
    before = last_event(example_store, 6)
    with served.client(officer) as client:
        stale = post(
            client,
            "record-statement",
            {"body": BODY, "number": 6, "delegation": "Norway"},
            **{"If-Match": '"3"'},
        )
        malformed = post(
            client,
            "record-statement",
            {"body": BODY, "number": 6, "delegation": "Norway"},
            **{"If-Match": "three"},
        )

    assert problem(stale, 412) == (
        f"the 6th session of {BODY} is at version {before['version']}, not 3; "
        "nothing was written"
    )
    assert problem(malformed, 400) == (
        "If-Match is a version in quotes, like \"12\", not 'three'"
    )
    assert last_event(example_store, 6) == before


@pytest.mark.parametrize(
    ("verb", "fields", "status", "detail"),
    [
        ("postpone-session", "not an object", 400, "the request's body is one JSON"),
        (
            "postpone-session",
            {**POSTPONE_NINTH, "reasn": "x"},
            400,
            "postpone-session has no field 'reasn'; did you mean 'reason'?",
        ),
        (
            "postpone-session",
            {**POSTPONE_NINTH, "actor": "somebody else"},
            400,
            "postpone-session has no field 'actor'",
        ),
        (
            "postpone-session",
            {**POSTPONE_NINTH, "start": "2027-02-30"},
            400,
            "start: 2027-02-30 is not a date that exists",
        ),
        ("postpone-session", {"body": BODY}, 400, "missing "),
        ("postpone-sesion", POSTPONE_NINTH, 404, "there is no command"),
        (
            "postpone-session",
            {**POSTPONE_NINTH, "number": 99},
            404,
            f"there is no 99th session of {BODY}",
        ),
        (
            "open-session",
            {"body": BODY, "number": 6},
            422,
            "",
        ),
    ],
)
def test_a_command_refused_is_a_problem_and_writes_nothing(
    served: Server,
    officer: str,
    example_store: str,
    verb: str,
    fields: object,
    status: int,
    detail: str,
) -> None:
    head = cli_json(example_store, "projections", "status")["views"][0]["head"]
    with served.client(officer) as client:
        answer = post(client, verb, fields)

    assert problem(answer, status).startswith(detail) or detail in answer.text
    assert cli_json(example_store, "projections", "status")["views"][0]["head"] == head


def test_malformed_json_is_a_400(served: Server, officer: str) -> None:
    with served.client(officer) as client:
        answer = client.post(
            "/api/commands/postpone-session",
            content=b'{"body": ',
            headers={"Content-Type": "application/json"},
        )

    assert problem(answer, 400).startswith("the request's body is not JSON")


def test_a_command_without_credentials_is_a_401_and_an_auditors_a_403(
    served: Server, auditor: str
) -> None:
    with served.client() as client:
        anonymous = post(client, "postpone-session", POSTPONE_NINTH)
    with served.client(auditor) as client:
        audited = post(client, "postpone-session", POSTPONE_NINTH)

    assert problem(anonymous, 401).startswith("recording a command takes credentials")
    assert anonymous.headers["www-authenticate"] == 'Bearer realm="secretariat"'
    assert problem(audited, 403) == (
        f"auditor@example.org may not record postpone-session on {BODY}"
    )


def test_a_delegation_submits_its_own_comments_and_nothing_else(
    served: Server, delegation: str, example_store: str
) -> None:
    with served.client(delegation) as client:
        own = post(client, "receive-submission", SUBMISSION)
        other = post(client, "receive-submission", {**SUBMISSION, "from": "Sweden"})
        backdated = post(
            client, "receive-submission", {**SUBMISSION, "on": "2020-03-01"}
        )
        statement = post(
            client,
            "record-statement",
            {"body": BODY, "number": 6, "delegation": "Norway"},
        )

    assert own.status_code == 201, own.text
    (event,) = own.json()["events"]
    assert event["submitter"] == "Norway"
    assert event["on"] == date.today().isoformat()
    assert "actor" not in event  # a delegation's answers name no actor
    assert problem(other, 403) == (
        f"norway@example.org may record only the comments of Norway to {BODY}"
    )
    assert problem(backdated, 403) == (
        "norway@example.org sends comments dated the day they arrive: leave out 'on'"
    )
    assert problem(statement, 403) == (
        f"norway@example.org may not record record-statement on {BODY}"
    )
    app = open_secretariat(parse_store_url(example_store), create=False)
    try:
        history = app.workplan_history(BODY, parse_period("2018-2021"))
    finally:
        app.close()
    received = history["events"][-1]
    assert (received["actor"], received["recorded_via"]) == (
        "norway@example.org",
        "api",
    )


def test_the_log_line_of_a_command_names_it_and_its_principal(
    served: Server, officer: str
) -> None:
    with served.client(officer) as client:
        post(
            client,
            "record-statement",
            {"body": BODY, "number": 6, "delegation": "Austria", "item": 3},
        )

    (line,) = served.said(
        lambda line: (
            line.get("recording") == "record-statement" and line.get("status") == 201
        )
    )[-1:]
    assert line["principal"] == "alice@example.org"
    assert line["method"] == "POST"
    assert line["version"] > 1


def test_commands_sent_at_once_are_each_recorded_once(
    served: Server, officer: str, example_store: str
) -> None:
    today = date.today().isoformat()
    tenth = {**NINTH, "number": 10, "start": today, "end": today}
    with served.client(officer) as client:
        assert post(client, "schedule-session", tenth).status_code == 201
        assert (
            post(client, "open-session", {"body": BODY, "number": 10}).status_code
            == 201
        )

    def statement(n: int) -> int:
        with served.client(officer) as client:
            fields = {"body": BODY, "number": 10, "delegation": member_states()[n]}
            return post(client, "record-statement", fields).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(statement, range(24)))

    assert statuses == [201] * 24
    events = cli_json(example_store, "history", BODY, "10")["events"]
    said = sorted(e["delegation"] for e in events if e["event"] == "StatementRecorded")
    assert said == sorted(member_states()[:24])
