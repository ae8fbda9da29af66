"""Zones, hours and moments over HTTP: the request schema is derived from the
declarations, so a session's zone and hours and a comment's moment of receipt
are taken by the service as by the command line."""

from __future__ import annotations

import pytest

from tests.http.conftest import cli_json, new_token
from tests.http.server import Server
from tests.http.test_commands import BODY, post, problem


@pytest.fixture(scope="module")
def officer(example_store: str, served: Server) -> str:
    return new_token(
        example_store, "zones@example.org", "--role", "officer", "--body", BODY
    )


def test_a_session_scheduled_over_http_with_its_zone_and_hours(
    served: Server, officer: str, example_store: str
) -> None:
    fields = {
        "body": BODY,
        "number": 31,
        "title": "Thirty-first session",
        "start": "2026-03-02",
        "end": "2026-03-03",
        "venue": "New York",
        "timezone": "America/New_York",
        "hours": "10:00-13:00,15:00-18:00",
        "on": "2025-01-10",
    }
    with served.client(officer) as client:
        made = post(client, "schedule-session", fields)
        wrong_zone = post(
            client, "schedule-session", {**fields, "number": 32, "timezone": "NYC"}
        )
        wrong_hours = post(
            client, "schedule-session", {**fields, "number": 32, "hours": "18-10"}
        )
    assert made.status_code == 201, made.text
    (event,) = made.json()["events"]
    assert (event["timezone"], event["hours"]) == (
        "America/New_York",
        "10:00-13:00,15:00-18:00",
    )
    assert "is not an IANA time zone name" in problem(wrong_zone, 400)
    assert "meeting hours are written" in problem(wrong_hours, 400)
    calendar = cli_json(example_store, "calendar", "--body", BODY)
    (entry,) = [s for s in calendar["sessions"] if s["number"] == 31]
    assert entry["hours"] == "10:00-13:00,15:00-18:00"


def test_a_comment_received_at_a_moment_over_http(
    served: Server, officer: str, example_store: str
) -> None:
    fields = {
        "body": BODY,
        "period": "2018-2021",
        "cycle": 2020,
        "from": "Mexico",
        "as": "member-state",
        "on": "2020-06-01T23:30-05:00",
    }
    with served.client(officer) as client:
        made = post(client, "receive-submission", fields)
        floating = post(
            client, "receive-submission", {**fields, "on": "2020-06-01T23:30"}
        )
    assert made.status_code == 201, made.text
    (event,) = made.json()["events"]
    assert (event["on"], event["received_at"]) == (
        "2020-06-01",
        "2020-06-01T23:30:00-05:00",
    )
    assert "has no UTC offset" in problem(floating, 400)
    deadlines = cli_json(example_store, "deadlines", "--body", BODY)
    (mexico,) = [
        s for c in deadlines["calls"] for s in c["submissions"] if s["from"] == "Mexico"
    ]
    assert mexico["received_at"] == "2020-06-02T04:30:00.000000+00:00"
