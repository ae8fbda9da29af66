"""What every request goes through, tried on small applications of the tests'
own: the body limit while the body is read, the time limit, the answer to a
failure nobody expected, the security headers and the log line."""

from __future__ import annotations

import json
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from structlog.testing import capture_logs

from adapters.http.app import routing
from adapters.http.middleware import BODY_LIMIT, wrap

CHUNK = 64 * 1024


async def reads_its_body(request: Request) -> Response:
    return Response(f"{len(await request.body())} bytes")


async def sleeps(request: Request) -> Response:
    await anyio.sleep(5)
    return Response("late")


async def fails(request: Request) -> Response:
    raise RuntimeError("a bug")


APP = wrap(
    routing(
        [
            Route("/read", reads_its_body, methods=["POST"]),
            Route("/sleep", sleeps),
            Route("/fail", fails),
        ]
    ),
    timeout=0.2,
)


def call(
    path: str, *, method: str = "GET", chunks: int = 0, endless: bool = False
) -> dict[str, Any]:
    """Send one request to the application, its body in `chunks` of 64 KiB
    (or `endless`); what it answered, and how many chunks it read."""
    sent: list[dict[str, Any]] = []
    read = 0

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += 1
        more = endless or read < chunks
        body = b"x" * CHUNK if endless or read <= chunks else b""
        return {"type": "http.request", "body": body, "more_body": more}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"host", b"test")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
        "http_version": "1.1",
        "root_path": "",
    }
    anyio.run(APP, scope, receive, send)
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return {
        "status": start["status"],
        "headers": {k.decode(): v.decode() for k, v in start["headers"]},
        "body": json.loads(body) if body.startswith(b"{") else body,
        "chunks read": read,
    }


def test_a_body_is_refused_as_soon_as_it_passes_one_mebibyte() -> None:
    answer = call("/read", method="POST", endless=True)

    assert answer["status"] == 413
    assert answer["headers"]["content-type"] == "application/problem+json"
    assert answer["body"]["status"] == 413
    assert answer["chunks read"] == BODY_LIMIT // CHUNK + 1


def test_a_body_of_one_mebibyte_is_read_whole() -> None:
    answer = call("/read", method="POST", chunks=BODY_LIMIT // CHUNK)

    assert answer["status"] == 200
    assert answer["body"] == f"{BODY_LIMIT} bytes".encode()


def test_a_request_not_answered_in_time_is_answered_503() -> None:
    answer = call("/sleep")

    assert answer["status"] == 503
    assert answer["body"]["type"] == "urn:secretariat:problem:timeout"
    assert answer["headers"]["retry-after"] == "5"


def test_a_failure_nobody_expected_is_a_500_problem_and_a_log_line() -> None:
    with capture_logs() as logs:
        answer = call("/fail")

    assert answer["status"] == 500
    assert answer["body"]["detail"] == "unexpected failure (RuntimeError)"
    assert "a bug" not in json.dumps(answer["body"])
    assert answer["headers"]["x-content-type-options"] == "nosniff"
    failure, request = logs[-2], logs[-1]
    assert failure["event"] == "unexpected failure"
    assert (request["event"], request["status"], request["log_level"]) == (
        "request",
        500,
        "error",
    )


def test_each_refusal_of_the_record_has_its_status() -> None:
    from adapters.http.problems import problem_for
    from adapters.store import parse_store_url
    from application.errors import ConflictError, VersionMismatchError
    from domain.errors import DomainError, InvalidValueError
    from domain.session import SessionNotFoundError

    store = parse_store_url("sqlite:///unused.db")
    said = {
        type(error).__name__: problem_for(error, store)
        for error in (
            InvalidValueError("the start date 2020-02-30 does not exist"),
            SessionNotFoundError("cybercrime-egm", 9),
            ConflictError("the 6th session of cybercrime-egm"),
            VersionMismatchError("the 6th session of cybercrime-egm", 12, 11),
            DomainError("the 6th session of cybercrime-egm is closed"),
        )
    }

    assert {name: p.status for name, p in said.items()} == {
        "InvalidValueError": 400,
        "SessionNotFoundError": 404,
        "ConflictError": 409,
        "VersionMismatchError": 412,
        "DomainError": 422,
    }
    assert said["ConflictError"].body()["type"] == "urn:secretariat:problem:conflict"
    assert said["ConflictError"].detail == (
        "the 6th session of cybercrime-egm was changed by someone else at the "
        "same moment; nothing was written; run the command again"
    )
