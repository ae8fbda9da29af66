"""The reads over HTTP answer what the command line answers, on the real
record of the Expert Group on Cybercrime, on SQLite and on PostgreSQL: the
same JSON (without who recorded what, unless the credentials may see it), the
same pages and calendar file, and the same one-line reasons for a refusal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from application.access import without_actors
from tests.cli.running import one_line_error, run
from tests.http.conftest import cli_json, secretariat
from tests.http.server import Server

BODY = "cybercrime-egm"

SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; "
    "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def reads(store: str) -> list[tuple[str, dict[str, str], list[str]]]:
    """Each read with several sets of parameters: the address, its query,
    and the same read on the command line."""
    sixth = cli_json(store, "history", BODY, "6")
    scheduled_sixth = sixth["events"][0]["recorded_at"]
    return [
        ("/api/calendar", {}, ["calendar"]),
        ("/api/calendar", {"body": BODY}, ["calendar", "--body", BODY]),
        (
            "/api/calendar",
            {"as-of": "2020-03-01"},
            ["calendar", "--as-of", "2020-03-01"],
        ),
        (
            "/api/calendar",
            {"as-of": "2020-04-01", "body": BODY},
            ["calendar", "--as-of", "2020-04-01", "--body", BODY],
        ),
        (
            "/api/calendar",
            {"known-at": scheduled_sixth},
            ["calendar", "--known-at", scheduled_sixth],
        ),
        (
            "/api/deadlines",
            {"today": "2020-06-15"},
            ["deadlines", "--today", "2020-06-15"],
        ),
        (
            "/api/deadlines",
            {"today": "2022-01-25", "body": BODY},
            ["deadlines", "--today", "2022-01-25", "--body", BODY],
        ),
        ("/api/postponements", {}, ["postponements"]),
        ("/api/postponements", {"body": BODY}, ["postponements", "--body", BODY]),
        *(
            (f"/api/bodies/{BODY}/sessions/{n}/history", {}, ["history", BODY, str(n)])
            for n in (1, 6)
        ),
        (f"/api/bodies/{BODY}/history", {}, ["history", BODY]),
    ]


def actors(answer: Any) -> int:
    if isinstance(answer, dict):
        return ("actor" in answer) + sum(actors(v) for v in answer.values())
    if isinstance(answer, list):
        return sum(actors(v) for v in answer)
    return 0


def test_each_read_answers_the_json_of_the_command_line(
    served: Server, example_store: str, auditor: str
) -> None:
    with served.client() as public, served.client(auditor) as audit:
        for path, params, command in reads(example_store):
            expected = cli_json(example_store, *command)

            seen_by_auditor = audit.get(path, params=params)
            seen_by_public = public.get(path, params=params)

            assert seen_by_auditor.status_code == 200, seen_by_auditor.text
            assert seen_by_auditor.headers["content-type"] == "application/json"
            assert seen_by_auditor.json() == expected, (path, params)
            assert seen_by_public.json() == without_actors(expected), (path, params)
            assert actors(seen_by_public.json()) == 0


def test_the_reads_carry_actors_only_where_the_command_line_shows_them(
    served: Server, example_store: str, auditor: str
) -> None:
    with served.client(auditor) as audit:
        history = audit.get(f"/api/bodies/{BODY}/sessions/6/history").json()
        postponements = audit.get("/api/postponements").json()

    assert actors(history) == len(history["events"]) > 0
    assert actors(postponements) == len(postponements["postponements"]) > 0


def test_the_site_and_the_calendar_file_are_the_files_site_build_writes(
    served: Server, example_store: str, tmp_path: Path
) -> None:
    secretariat(example_store, "site", "build", "--out", str(tmp_path))
    written = {
        path.relative_to(tmp_path).as_posix(): path.read_bytes()
        for path in tmp_path.rglob("*")
        if path.is_file()
    }
    with served.client() as client:
        for path, content in written.items():
            answer = client.get(f"/{path}")
            assert answer.status_code == 200, path
            assert answer.content == content, path
        index = client.get("/")
        linked = client.get("/", params={"from": "a newsletter"})

    assert index.content == linked.content == written["index.html"]
    assert index.headers["content-type"] == "text/html; charset=utf-8"
    assert {p for p in written if p.endswith(".html")} >= {
        "index.html",
        f"{BODY}/session-6.html",
        f"{BODY}/workplan-2018-2021.html",
    }


def test_the_calendar_file_is_the_bytes_of_calendar_ics_with_a_tag(
    served: Server, example_store: str
) -> None:
    ics = run("calendar", "--ics", store=example_store)
    with served.client() as client:
        first = client.get("/calendar.ics")
        again = client.get(
            "/calendar.ics", headers={"If-None-Match": first.headers["etag"]}
        )
        other = client.get("/calendar.ics", headers={"If-None-Match": '"another"'})

    assert first.status_code == 200
    assert first.content == ics.out.encode()
    assert first.headers["content-type"] == "text/calendar; charset=utf-8"
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    assert other.status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/", f"/{BODY}/session-6.html", "/style.css", "/api/calendar", "/api/deadlines"],
)
def test_pages_and_answers_are_tagged_and_revalidated(
    served: Server, path: str
) -> None:
    with served.client() as client:
        first = client.get(path)
        again = client.get(
            path, headers={"If-None-Match": f"W/{first.headers['etag']}"}
        )

    assert first.status_code == 200
    assert first.headers["cache-control"] == "no-cache"
    assert again.status_code == 304
    for name, value in SECURITY_HEADERS.items():
        assert first.headers[name] == value
        assert again.headers[name] == value


def test_a_bad_parameter_is_refused_with_the_command_lines_reason(
    served: Server, example_store: str
) -> None:
    said = one_line_error(
        run("calendar", "--as-of", "2022-02-30", store=example_store), 2
    )
    with served.client() as client:
        answer = client.get("/api/calendar", params={"as-of": "2022-02-30"})

    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json() == {
        "type": "urn:secretariat:problem:bad-request",
        "title": "Bad request",
        "status": 400,
        "detail": said.replace("'--as-of'", "'as-of'"),
    }
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers[name] == value


@pytest.mark.parametrize(
    ("path", "params", "detail"),
    [
        ("/api/calendar", {"known-at": "yesterday"}, "Invalid value for 'known-at'"),
        ("/api/deadlines", {"today": "2020-6-1"}, "Invalid value for 'today'"),
        ("/api/postponements", {"body": "Cyber Crime"}, "Invalid value for 'body'"),
        ("/api/calendar", {"asof": "2020-01-01"}, "there is no parameter 'asof'"),
        (
            "/api/calendar",
            [("body", BODY), ("body", BODY)],
            "the parameter 'body' is given more than once",
        ),
        (f"/api/bodies/{BODY}/sessions/six/history", {}, "Invalid value for 'number'"),
        ("/api/bodies/Cyber Crime/history", {}, "Invalid value for 'body'"),
        (f"/api/bodies/{BODY}/history", {"number": "6"}, "there is no parameter"),
    ],
)
def test_bad_parameters_are_bad_requests(
    served: Server, path: str, params: Any, detail: str
) -> None:
    with served.client() as client:
        answer = client.get(path, params=params)

    assert answer.status_code == 400
    assert answer.json()["detail"].startswith(detail)


def test_an_unknown_body_session_or_page_is_not_found(
    served: Server, example_store: str
) -> None:
    no_session = one_line_error(run("history", BODY, "9", store=example_store), 1)
    with served.client() as client:
        session = client.get(f"/api/bodies/{BODY}/sessions/9/history")
        body = client.get("/api/calendar", params={"body": "ccpcj"})
        body_history = client.get("/api/bodies/ccpcj/history")
        page = client.get(f"/{BODY}/session-9.html")
        nothing = client.post("/api/calendar")

    assert (session.status_code, session.json()["detail"]) == (404, no_session)
    assert (body.status_code, body.json()["detail"]) == (
        404,
        "there is no body 'ccpcj'; establish it first",
    )
    assert (body_history.status_code, body_history.json()) == (
        body.status_code,
        body.json(),
    )
    assert page.status_code == 404
    assert page.headers["content-type"] == "application/problem+json"
    assert nothing.status_code == 405
    assert set(nothing.headers["allow"].split(", ")) == {"GET", "HEAD"}
