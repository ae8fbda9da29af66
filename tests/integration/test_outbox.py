"""The outbox, on SQLite and PostgreSQL: the messages owed to a body's
subscribers, made only from decisions recorded live, merged when they follow
each other within the delay, and never lost or made twice by a catch-up that
is cut short."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from adapters.bootstrap import open_outbox, open_secretariat
from adapters.store import parse_store_url
from adapters.views.outbox import Outbox
from application.projections.outbox import changes_of, session_of
from domain.delivery import Delivery
from tests.reliability.helpers import invoke

FRANCE = "pointfocal@mission-france.example"
AUSTRIA = "focal.point@mission-austria.example"


def run(store: str, *args: str) -> None:
    ran = invoke(*args, store=store)
    assert ran.code == 0, (args, ran.err)


def the_sixth_session_with_two_subscribers(store: str) -> None:
    run(store, "establish-body", "egm", "--name=Expert group", "--on=2019-01-01")
    run(store, "subscribe", "egm", f"--email={AUSTRIA}", "--name=Maria Huber",
        "--delegation=Austria", "--bureau", "--on=2019-01-02")  # fmt: skip
    run(store, "subscribe", "egm", f"--email={FRANCE}", "--name=Jean Dupont",
        "--delegation=France", "--language=fr", "--on=2019-01-02")  # fmt: skip
    run(store, "schedule-session", "egm", "6", "--title=Sixth session",
        "--start=2020-04-06", "--end=2020-04-08", "--venue=Vienna",
        "--on=2019-12-02")  # fmt: skip


@contextmanager
def outbox_of(store: str) -> Iterator[Outbox]:
    secretariat = open_secretariat(parse_store_url(store), create=False)
    try:
        yield open_outbox(parse_store_url(store), secretariat)
    finally:
        secretariat.close()


@pytest.fixture
def delay(monkeypatch: pytest.MonkeyPatch) -> Any:
    def set_delay(seconds: float) -> None:
        monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", str(seconds))

    set_delay(600)
    return set_delay


def test_changes_to_a_session_within_the_delay_make_one_message_per_subscriber(
    store: str, delay: Any
) -> None:
    the_sixth_session_with_two_subscribers(store)
    run(store, "postpone-session", "egm", "6", "--reason=COVID-19",
        "--on=2020-03-13")  # fmt: skip
    run(store, "reschedule-session", "egm", "6", "--start=2020-07-27",
        "--end=2020-07-29", "--on=2020-05-01")  # fmt: skip

    with outbox_of(store) as outbox:
        messages = outbox.messages("egm")

    assert sorted(m.email for m in messages) == sorted([AUSTRIA, FRANCE])
    for message in messages:
        assert [c["event"] for c in changes_of(message)] == [
            "Scheduled",
            "Postponed",
            "Rescheduled",
        ]
        session = session_of(message)
        assert session is not None
        assert (session.start, session.end) == ("2020-07-27", "2020-07-29")
        assert session.sequence == 2
        assert message.status == "pending"
    assert {m.email: m.language for m in messages} == {AUSTRIA: "en", FRANCE: "fr"}
    last = max(json.loads(m.changes)[-1]["recorded_at"] for m in messages)
    assert all(m.due_at > last for m in messages)


def test_changes_further_apart_than_the_delay_make_a_message_each(
    store: str, delay: Any
) -> None:
    delay(0)
    the_sixth_session_with_two_subscribers(store)
    run(store, "postpone-session", "egm", "6", "--reason=COVID-19",
        "--on=2020-03-13")  # fmt: skip

    with outbox_of(store) as outbox:
        messages = outbox.messages("egm")

    assert len(messages) == 4
    told = sorted((m.email, changes_of(m)[0]["event"]) for m in messages)
    assert told == sorted(
        (email, event)
        for email in (AUSTRIA, FRANCE)
        for event in ("Scheduled", "Postponed")
    )
    assert len({m.message for m in messages}) == 4


def test_an_import_tells_nobody(store: str, delay: Any, tmp_path: Path) -> None:
    the_sixth_session_with_two_subscribers(store)
    with outbox_of(store) as outbox:
        before = outbox.messages("egm")
    record = tmp_path / "record.yaml"
    record.write_text(
        "- command: postpone-session\n  body: egm\n  number: '6'\n"
        "  reason: COVID-19\n  on: 2020-03-13\n",
        encoding="utf-8",
    )
    run(store, "import", str(record))

    with outbox_of(store) as outbox:
        after = outbox.messages("egm")

    assert after == before
    assert all(len(changes_of(m)) == 1 for m in after)


def test_a_document_circulated_to_the_extended_bureau_reaches_only_its_members(
    store: str, delay: Any
) -> None:
    delay(0)
    the_sixth_session_with_two_subscribers(store)
    run(store, "issue-document", "egm", "6", "--kind=organization-of-work",
        "--title=Organization of work", "--on=2020-07-13")  # fmt: skip
    run(store, "circulate-document", "egm", "6", "--title=Organization of work",
        "--to=extended-bureau", "--on=2020-07-13")  # fmt: skip

    with outbox_of(store) as outbox:
        messages = outbox.messages("egm")

    circulated = [
        m.email for m in messages if changes_of(m)[0]["event"] == "DocumentCirculated"
    ]
    assert circulated == [AUSTRIA]
    # Issuing a document tells nobody; only its circulation does.
    assert not any(changes_of(m)[0]["event"] == "DocumentIssued" for m in messages)


def test_nobody_is_written_to_once_they_have_left_the_list(
    store: str, delay: Any
) -> None:
    the_sixth_session_with_two_subscribers(store)
    run(store, "unsubscribe", "egm", f"--email={FRANCE}", "--on=2019-12-03")
    run(store, "postpone-session", "egm", "6", "--reason=COVID-19",
        "--on=2020-03-13")  # fmt: skip

    with outbox_of(store) as outbox:
        messages = outbox.messages("egm")

    assert [m.email for m in messages] == [AUSTRIA]


def test_a_delivery_recorded_marks_the_message_sent(store: str, delay: Any) -> None:
    the_sixth_session_with_two_subscribers(store)
    with outbox_of(store) as outbox:
        [message, *_] = outbox.messages("egm")
    secretariat = open_secretariat(parse_store_url(store), create=False)
    try:
        secretariat.save(
            Delivery.record(
                Delivery.Sent,
                message=message.message,
                message_id="<x@secretariat>",
                body="egm",
                to=message.email,
                attempt=1,
                on=date(2020, 1, 1),
                actor="sender",
            )
        )
    finally:
        secretariat.close()

    with outbox_of(store) as outbox:
        sent = {m.message: m for m in outbox.messages("egm")}[message.message]

    assert (sent.status, sent.attempts) == ("sent", 1)
    assert sent.sent_at is not None


class Interrupted(Exception):
    pass


def test_a_catch_up_cut_short_at_any_page_loses_and_doubles_nothing(
    store: str, delay: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    delay(0)
    the_sixth_session_with_two_subscribers(store)
    run(store, "postpone-session", "egm", "6", "--reason=COVID-19",
        "--on=2020-03-13")  # fmt: skip
    run(store, "reschedule-session", "egm", "6", "--start=2020-07-27",
        "--end=2020-07-29", "--on=2020-05-01")  # fmt: skip
    with outbox_of(store) as outbox:
        outbox.catch_up()
        whole = outbox.view.dump()
        original = type(outbox.view).apply_page
        for cut in range(1, 7):
            outbox.view.reset(outbox.source.application_name)
            pages = iter(range(1, 100))

            def failing(
                self: Any,
                cursor: Any,
                events: Any,
                *,
                _cut: int = cut,
                _pages: Iterator[int] = pages,
            ) -> None:
                original(self, cursor, events)
                if next(_pages) == _cut:
                    raise Interrupted

            monkeypatch.setattr(type(outbox.view), "apply_page", failing)
            with pytest.raises(Interrupted):
                outbox.view.catch_up(outbox.source, page_size=1)
            monkeypatch.undo()
            delay(0)
            outbox.view.catch_up(outbox.source, page_size=2)
            assert outbox.view.dump() == whole, cut


def test_an_import_with_notify_tells_the_subscribers(
    store: str, delay: Any, tmp_path: Path
) -> None:
    the_sixth_session_with_two_subscribers(store)
    record = tmp_path / "record.yaml"
    record.write_text(
        "- command: postpone-session\n  body: egm\n  number: '6'\n"
        "  reason: COVID-19\n  on: 2020-03-13\n"
        "- command: reschedule-session\n  body: egm\n  number: '6'\n"
        "  start: 2020-07-27\n  end: 2020-07-29\n  on: 2020-05-01\n",
        encoding="utf-8",
    )
    run(store, "import", "--notify", str(record))

    with outbox_of(store) as outbox:
        messages = outbox.messages("egm")

    assert sorted(m.email for m in messages) == sorted([AUSTRIA, FRANCE])
    for message in messages:
        assert message.status == "pending"
        # Merged with the scheduling, live, as decisions recorded now would be.
        assert [c["event"] for c in changes_of(message)] == [
            "Scheduled",
            "Postponed",
            "Rescheduled",
        ]
        session = session_of(message)
        assert session is not None
        assert (session.start, session.end) == ("2020-07-27", "2020-07-29")
    # Importing the file again applies nothing, and tells nobody again.
    run(store, "import", "--notify", str(record))
    with outbox_of(store) as outbox:
        assert outbox.messages("egm") == messages


def test_in_an_encrypted_store_the_outbox_keeps_no_address_or_text_in_clear(
    sqlite_store: str, delay: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from adapters.store import CIPHER_KEY_VARIABLE

    monkeypatch.setenv(
        CIPHER_KEY_VARIABLE, invoke("keygen", store=sqlite_store).out.strip()
    )
    the_sixth_session_with_two_subscribers(sqlite_store)
    run(sqlite_store, "postpone-session", "egm", "6", "--reason=COVID-19",
        "--on=2020-03-13")  # fmt: skip

    with outbox_of(sqlite_store) as outbox:
        messages = outbox.messages("egm")

    assert sorted(m.email for m in messages) == sorted([AUSTRIA, FRANCE])
    assert all(m.name in ("Maria Huber", "Jean Dupont") for m in messages)
    stored = b"".join(
        Path(sqlite_store.removeprefix("sqlite:///") + suffix).read_bytes()
        for suffix in ("", "-wal")
        if Path(sqlite_store.removeprefix("sqlite:///") + suffix).exists()
    )
    for clear in (AUSTRIA, FRANCE, "Maria Huber", "Jean Dupont", "COVID-19"):
        assert clear.encode() not in stored, clear
