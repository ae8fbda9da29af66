"""Delivery through a real SMTP server on the loopback address: what is due
is sent, what is not waits; a server that is away loses nothing; an address
refused for good fails, a server that asks to try later is tried again with
backoff, then the message fails; every outcome is an event of the record."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_outbox import (
    AUSTRIA,
    FRANCE,
    run,
    the_sixth_session_with_two_subscribers,
)
from tests.mail_server import MailServer, mail_server, self_signed
from tests.reliability.helpers import invoke

SENDER = "Secretariat <secretariat@unodc.example>"


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[MailServer]:
    with mail_server() as started:
        monkeypatch.setenv("SECRETARIAT_SMTP_URL", started.url)
        monkeypatch.setenv("SECRETARIAT_MAIL_FROM", SENDER)
        monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", "0")
        yield started


def notifications(store: str) -> list[dict[str, Any]]:
    ran = invoke("notifications", "--json", store=store)
    assert ran.code == 0, ran.err
    found: list[dict[str, Any]] = json.loads(ran.out)["messages"]
    return found


def send_once(store: str) -> Any:
    return invoke("notifications", "send", "--once", store=store)


def test_the_messages_due_are_delivered_and_read_back(
    store: str, server: MailServer
) -> None:
    the_sixth_session_with_two_subscribers(store)
    run(store, "postpone-session", "egm", "6", "--reason=COVID-19",
        "--start=2020-07-27", "--end=2020-07-29", "--on=2020-03-13")  # fmt: skip

    ran = send_once(store)

    assert ran.code == 0, ran.err
    assert ran.out == "4 sent, 0 to be tried again, 0 failed\n"
    listed = notifications(store)
    assert {m["status"] for m in listed} == {"sent"}
    assert sorted(server.inbox.message_ids()) == sorted(m["message_id"] for m in listed)
    by_id = {str(m["Message-ID"]): m for m in server.inbox.received}
    for message in listed:
        received = by_id[message["message_id"]]
        assert received["Subject"] == message["subject"]
        assert message["to"] in received["To"]
        assert message["attempts"] == 1
        assert message["sent_at"] is not None
    french = [by_id[m["message_id"]] for m in listed if m["to"] == FRANCE]
    assert all(m["Content-Language"] == "fr" for m in french)
    assert ("secretariat@unodc.example", [AUSTRIA]) in server.inbox.envelopes
    # Sent once: a second pass has nothing to send.
    assert send_once(store).out == "0 sent, 0 to be tried again, 0 failed\n"
    assert len(server.inbox.received) == 4


def test_every_delivery_is_an_event_of_the_record(
    sqlite_store: str, server: MailServer
) -> None:
    store = sqlite_store
    the_sixth_session_with_two_subscribers(store)
    send_once(store)

    from adapters.bootstrap import open_secretariat
    from adapters.store import parse_store_url
    from domain.delivery import Delivery

    secretariat = open_secretariat(parse_store_url(store), create=False)
    try:
        events = [
            notification
            for notification in secretariat.recorder.select_notifications(1, 1000)
            if notification.topic.endswith("Delivery.Sent")
        ]
        sent = [secretariat.mapper.to_domain_event(event) for event in events]
    finally:
        secretariat.close()
    assert sorted(event.to for event in sent) == sorted([AUSTRIA, FRANCE])
    assert all(isinstance(event, Delivery.Sent) for event in sent)
    assert all(event.message_id.endswith("@secretariat>") for event in sent)


def test_a_message_not_yet_due_waits(
    sqlite_store: str, server: MailServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", "600")
    the_sixth_session_with_two_subscribers(sqlite_store)

    assert send_once(sqlite_store).out == "0 sent, 0 to be tried again, 0 failed\n"
    assert server.inbox.received == []
    assert {m["status"] for m in notifications(sqlite_store)} == {"pending"}


def test_a_server_away_then_back_loses_nothing(store: str, server: MailServer) -> None:
    the_sixth_session_with_two_subscribers(store)
    server.stop()

    away = send_once(store)

    assert away.code == 4
    assert "cannot be reached" in away.err
    assert [(m["status"], m["attempts"]) for m in notifications(store)] == [
        ("pending", 0),
        ("pending", 0),
    ]
    server.start()
    back = send_once(store)
    assert back.code == 0, back.err
    assert {m["status"] for m in notifications(store)} == {"sent"}
    assert len(server.inbox.received) == 2


def test_an_address_refused_for_good_fails_at_once(
    sqlite_store: str, server: MailServer
) -> None:
    server.inbox.refuse[FRANCE] = "550 5.1.1 No such mailbox"
    the_sixth_session_with_two_subscribers(sqlite_store)

    ran = send_once(sqlite_store)

    assert ran.out == "1 sent, 0 to be tried again, 1 failed\n"
    failed = {m["to"]: m for m in notifications(sqlite_store)}[FRANCE]
    assert (failed["status"], failed["attempts"]) == ("failed", 1)
    assert "No such mailbox" in failed["last_error"]


def test_a_server_that_asks_to_try_later_is_tried_with_backoff_then_failed(
    sqlite_store: str, server: MailServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.inbox.refuse[FRANCE] = "451 4.3.0 Try again later"
    monkeypatch.setenv("SECRETARIAT_MAIL_ATTEMPTS", "3")
    monkeypatch.setenv("SECRETARIAT_MAIL_BACKOFF", "3600")
    the_sixth_session_with_two_subscribers(sqlite_store)

    assert send_once(sqlite_store).out == "1 sent, 1 to be tried again, 0 failed\n"
    waiting = {m["to"]: m for m in notifications(sqlite_store)}[FRANCE]
    assert (waiting["status"], waiting["attempts"]) == ("pending", 1)
    first_due = waiting["due_at"]
    # Not tried again before its time.
    assert send_once(sqlite_store).out == "0 sent, 0 to be tried again, 0 failed\n"

    # The retry is due an hour after the first attempt.
    assert datetime.fromisoformat(first_due) > datetime.now(UTC) + timedelta(minutes=59)
    _make_due(sqlite_store)
    assert send_once(sqlite_store).out == "0 sent, 1 to be tried again, 0 failed\n"
    _make_due(sqlite_store)
    assert send_once(sqlite_store).out == "0 sent, 0 to be tried again, 1 failed\n"
    failed = {m["to"]: m for m in notifications(sqlite_store)}[FRANCE]
    assert (failed["status"], failed["attempts"]) == ("failed", 3)
    assert "Try again later" in failed["last_error"]


def _make_due(store: str) -> None:
    """Bring every waiting retry's moment to now, as an hour passing would."""
    import sqlite3

    path = store.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE outbox_messages SET due_at = '2000-01-01T00:00:00.000000+00:00' "
            "WHERE status = 'pending'"
        )


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_the_sender_logs_in_when_the_address_says_so(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECRETARIAT_MAIL_FROM", SENDER)
    monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", "0")
    the_sixth_session_with_two_subscribers(sqlite_store)
    with mail_server(login=("secretariat", "s3cret")) as server:
        monkeypatch.setenv("SECRETARIAT_SMTP_URL", server.url)
        ran = send_once(sqlite_store)
        assert ran.code == 0, ran.err
        assert server.inbox.logins
        assert len(server.inbox.received) == 2


def test_bad_mail_settings_are_refused_in_one_line(
    sqlite_store: str, server: MailServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    the_sixth_session_with_two_subscribers(sqlite_store)
    monkeypatch.setenv("SECRETARIAT_SMTP_URL", "http://example.org")
    ran = send_once(sqlite_store)
    assert ran.code == 2
    assert ran.err.count("\n") == 1
    assert ran.err.startswith("error: $SECRETARIAT_SMTP_URL is written smtp://")
    monkeypatch.delenv("SECRETARIAT_MAIL_FROM")
    monkeypatch.setenv("SECRETARIAT_SMTP_URL", server.url)
    ran = send_once(sqlite_store)
    assert ran.code == 2
    assert "SECRETARIAT_MAIL_FROM" in ran.err


def test_the_service_sends_what_falls_due_while_it_serves(
    sqlite_store: str, server: MailServer
) -> None:
    from tests.http.server import serving

    the_sixth_session_with_two_subscribers(sqlite_store)
    with serving(
        sqlite_store,
        "--poll=0.2",
        SECRETARIAT_SMTP_URL=server.url,
        SECRETARIAT_MAIL_FROM=SENDER,
        SECRETARIAT_NOTIFY_DELAY="0",
    ):
        deadline = time.monotonic() + 30
        while len(server.inbox.received) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(server.inbox.received) == 2
        run(sqlite_store, "postpone-session", "egm", "6", "--reason=COVID-19",
            "--on=2020-03-13")  # fmt: skip
        while len(server.inbox.received) < 4 and time.monotonic() < deadline:
            time.sleep(0.1)
    assert len(server.inbox.received) == 4
    assert {m["status"] for m in notifications(sqlite_store)} == {"sent"}


def test_the_sender_says_starttls_then_logs_in_when_the_address_says_so(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    context, certificate = self_signed(tmp_path)
    # The client trusts the server's certificate as the system's would be.
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
    monkeypatch.setenv("SECRETARIAT_MAIL_FROM", SENDER)
    monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", "0")
    the_sixth_session_with_two_subscribers(sqlite_store)
    with mail_server(login=("secretariat", "s3cret"), tls=context) as server:
        monkeypatch.setenv("SECRETARIAT_SMTP_URL", server.url.split("?")[0])
        refused = send_once(sqlite_store)
        # Without STARTTLS the server will not take the login: nothing is sent.
        assert refused.code == 4
        assert server.inbox.received == []

        monkeypatch.setenv("SECRETARIAT_SMTP_URL", server.url)
        ran = send_once(sqlite_store)

        assert ran.code == 0, ran.err
        assert server.inbox.logins == ["secretariat"]
        assert len(server.inbox.received) == 2


def test_the_messages_of_a_body_not_on_record_are_not_shown_as_none(
    sqlite_store: str, server: MailServer, tmp_path: Path
) -> None:
    the_sixth_session_with_two_subscribers(sqlite_store)

    unknown = invoke("notifications", "--body", "ccpcj", "--json", store=sqlite_store)
    assert unknown.code == 1
    assert unknown.err == "error: there is no body 'ccpcj'; establish it first\n"
    missing = invoke("notifications", store=f"sqlite:///{tmp_path / 'nothing.db'}")
    assert missing.code == 4
    assert not (tmp_path / "nothing.db").exists()
