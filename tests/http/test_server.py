"""`secretariat serve` as an operator runs it: started, followed, stopped."""

from __future__ import annotations

import json
import signal
import socket
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from tests.builders import establish, schedule_sixth
from tests.cli.running import one_line_error, run
from tests.conftest import requires_postgres
from tests.http.conftest import cli_json
from tests.http.server import PATIENCE_SECONDS, Server, serving
from tests.postgres import fresh_schema
from tests.seed_history import postpone_sixth


def record_without_views(store: str) -> None:
    """Record the sixth session's scheduling as another process would that
    leaves the views behind (a command catches them up itself)."""
    app = open_secretariat(parse_store_url(store), create=True)
    try:
        establish(app)
        schedule_sixth(app)
    finally:
        app.close()


def eventually(check: object, what: str) -> None:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.05)
    pytest.fail(f"waited {PATIENCE_SECONDS}s for {what}")


def test_the_server_logs_one_json_line_per_request(served: Server) -> None:
    with served.client() as client:
        client.get("/api/calendar", params={"body": "cybercrime-egm"})
        client.get("/no-such-page")

    (found,) = served.said(
        lambda line: (
            line.get("query") == "body=cybercrime-egm"
            and line["path"] == "/api/calendar"
        )
    )[-1:]
    (missing,) = served.said(lambda line: line.get("path") == "/no-such-page")[-1:]
    assert found["method"] == "GET"
    assert found["path"] == "/api/calendar"
    assert found["query"] == "body=cybercrime-egm"
    assert found["status"] == 200
    assert found["bytes"] > 0
    assert found["duration_ms"] >= 0
    assert found["level"] == "info"
    assert (missing["path"], missing["status"]) == ("/no-such-page", 404)


def test_requests_at_once_are_all_answered(served: Server) -> None:
    paths = ["/api/calendar", "/api/deadlines", "/api/postponements", "/"] * 8
    with served.client() as client, ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(lambda path: client.get(path).status_code, paths))

    assert statuses == [200] * len(paths)


def test_a_body_announced_over_one_mebibyte_is_refused_before_it_is_read(
    served: Server,
) -> None:
    address = urlsplit(served.url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as s:
        s.sendall(
            b"POST /api/calendar HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/json\r\nContent-Length: 1048577\r\n\r\n"
        )
        received = b""
        while chunk := s.recv(65536):  # the server closes the connection
            received += chunk
        answer = received.decode()

    head, _, body = answer.partition("\r\n\r\n")
    assert head.startswith("HTTP/1.1 413")
    assert "content-type: application/problem+json" in head.lower()
    assert json.loads(body)["detail"] == (
        "the request's body is larger than 1,024 KiB (1 MiB)"
    )


def test_a_store_that_does_not_exist_is_not_served(tmp_path: Path) -> None:
    ran = run("serve", "--port", "0", store=f"sqlite:///{tmp_path / 'none.db'}")

    one_line_error(ran, 4, "no store at")


def test_a_port_in_use_is_said_in_one_line(served: Server, sqlite_example: str) -> None:
    port = str(urlsplit(served.url).port)

    ran = run("serve", "--port", port, store=sqlite_example)

    one_line_error(ran, 2, f"cannot listen on 127.0.0.1:{port}")


def test_a_provider_named_by_halves_is_refused(sqlite_example: str) -> None:
    ran = run(
        "serve",
        "--port",
        "0",
        store=sqlite_example,
        SECRETARIAT_OIDC_ISSUER="https://id.example.org",
    )

    one_line_error(ran, 2, "$SECRETARIAT_OIDC_AUDIENCE", "$SECRETARIAT_OIDC_JWKS")


def test_a_request_under_way_is_answered_before_the_server_stops(
    tmp_path: Path,
) -> None:
    store = f"sqlite:///{tmp_path / 'record.db'}"
    record_without_views(store)
    with serving(store) as server:
        app = open_secretariat(parse_store_url(store), create=False)
        try:
            postpone_sixth(app)  # the views are behind: the read catches up
        finally:
            app.close()
        lock = sqlite3.connect(tmp_path / "record.db", isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")  # the catch-up waits for this writer
        answers: list[httpx.Response] = []
        asking = threading.Thread(
            target=lambda: answers.append(server.client().get("/api/calendar"))
        )
        asking.start()
        time.sleep(0.5)  # the request waits in the catch-up for the writer
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        lock.execute("COMMIT")
        lock.close()
        asking.join(PATIENCE_SECONDS)

    assert answers[0].status_code == 200
    assert answers[0].json()["sessions"][0]["start"] == "2020-07-27"
    said = [line["event"] for line in server.log]
    assert said.index("stopping") < said.index("request") < said.index("stopped")


def test_a_request_not_answered_in_time_is_a_503(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'record.db'}"
    record_without_views(store)
    with serving(store, "--timeout", "0.5") as server:
        app = open_secretariat(parse_store_url(store), create=False)
        try:
            postpone_sixth(app)
        finally:
            app.close()
        lock = sqlite3.connect(tmp_path / "record.db", isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")
        try:
            with server.client() as client:
                late = client.get("/api/calendar")
        finally:
            lock.execute("COMMIT")
            lock.close()
        with server.client() as client:
            eventually(
                lambda: (
                    client.get("/api/calendar").json()["sessions"][0]["start"]
                    == "2020-07-27"
                ),
                "the catch-up to finish once the writer is gone",
            )

    assert late.status_code == 503
    assert late.headers["retry-after"] == "5"
    assert late.json()["detail"] == (
        "the request was not answered within 0.5 seconds; try again"
    )


@pytest.mark.postgres
def test_on_postgresql_the_server_follows_what_another_process_records() -> None:
    with (
        fresh_schema(requires_postgres()) as store,
        serving(store, "--poll", "0.5") as server,
    ):
        server.wait_for("following the log")
        record_without_views(store)

        eventually(
            lambda: all(
                view["behind"] == 0
                for view in cli_json(store, "projections", "status")["views"]
            ),
            "the server's worker to bring the views up to date",
        )
        with server.client() as client:
            sessions = client.get("/api/calendar").json()["sessions"]

    assert [(s["number"], s["start"]) for s in sessions] == [(6, "2020-04-06")]


def test_a_command_that_takes_longer_than_the_time_limit_is_seen_through(
    tmp_path: Path,
) -> None:
    store = f"sqlite:///{tmp_path / 'record.db'}"
    record_without_views(store)
    token = run(
        "grant", "alice@example.org", "--role", "officer", store=store
    ).out.splitlines()[-1]
    with serving(store, "--timeout", "0.5") as server:
        with server.client(token) as client:
            client.get("/api/calendar")  # the views caught up
        lock = sqlite3.connect(tmp_path / "record.db", isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")  # the command's save waits for this writer
        answers: list[httpx.Response] = []

        def postpone() -> None:
            with server.client(token) as client:
                answers.append(
                    client.post(
                        "/api/commands/postpone-session",
                        json={
                            "body": "cybercrime-egm",
                            "number": 6,
                            "reason": "Impact of the pandemic",
                            "start": "2020-07-27",
                            "end": "2020-07-29",
                        },
                    )
                )

        asking = threading.Thread(target=postpone)
        asking.start()
        time.sleep(1.5)  # past the time limit, the save still waiting
        lock.execute("COMMIT")
        lock.close()
        asking.join(PATIENCE_SECONDS)
        history = cli_json(store, "history", "cybercrime-egm", "6")

    assert answers[0].status_code == 201, answers[0].text
    assert [e["event"] for e in history["events"]] == ["Scheduled", "Postponed"]
    assert not [line for line in server.log if line.get("level") == "error"]
