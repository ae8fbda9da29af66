"""A message as its subscriber receives it, parsed back with `email`: its
parts, its language, its calendar entry (the calendar file's UID and
SEQUENCE), and a Message-ID fixed by the message."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from icalendar import Calendar

from adapters.bootstrap import open_secretariat, open_views
from adapters.ical import calendar_file
from adapters.mail.messages import compose
from adapters.store import parse_store_url
from application.projections.outbox import MessageRow
from tests.integration.test_outbox import (
    AUSTRIA,
    FRANCE,
    outbox_of,
    run,
    the_sixth_session_with_two_subscribers,
)

SENDER = "Secretariat <secretariat@unodc.example>"


@pytest.fixture
def postponed(sqlite_store: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", "600")
    the_sixth_session_with_two_subscribers(sqlite_store)
    run(sqlite_store, "postpone-session", "egm", "6", "--reason=COVID-19",
        "--start=2020-07-27", "--end=2020-07-29", "--on=2020-03-13")  # fmt: skip
    return sqlite_store


def messages(store: str) -> dict[str, MessageRow]:
    with outbox_of(store) as outbox:
        return {row.email: row for row in outbox.messages("egm")}


def received(row: MessageRow) -> EmailMessage:
    sent = compose(row, sender=SENDER).as_bytes()
    parsed = message_from_bytes(sent, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def calendar_part(message: EmailMessage) -> Any:
    [part] = list(message.iter_attachments())
    assert part.get_content_type() == "text/calendar"
    assert part.get_filename() == "invite.ics"
    return part


def feed_entry(store: str) -> Any:
    """The session's entry in the calendar file (`calendar --ics`)."""
    secretariat = open_secretariat(parse_store_url(store), create=False)
    try:
        feed = calendar_file(open_views(parse_store_url(store), secretariat), "egm")
    finally:
        secretariat.close()
    [entry] = Calendar.from_ical(feed).walk("VEVENT")
    return entry


def test_a_message_has_a_text_and_an_html_part_stating_the_final_dates(
    postponed: str,
) -> None:
    message = received(messages(postponed)[AUSTRIA])

    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None
    assert html is not None
    assert "now takes place on 27–29 July 2020 at Vienna" in text.get_content()
    assert "postponed from 6–8 April 2020 to 27–29 July 2020" in text.get_content()
    assert "<li>" in html.get_content()
    assert message["Subject"] == "[egm] 6th session: 27–29 July 2020, Vienna"
    assert message["To"] == f"Maria Huber <{AUSTRIA}>"
    assert message["From"] == SENDER


def test_a_subscriber_who_reads_french_is_written_to_in_french(postponed: str) -> None:
    message = received(messages(postponed)[FRANCE])

    assert message["Subject"] == "[egm] 6e session : 27–29 juillet 2020, Vienna"
    assert message["Content-Language"] == "fr"
    text = message.get_body(("plain",))
    assert text is not None
    assert "reportée du 6–8 avril 2020 au 27–29 juillet 2020" in text.get_content()


def test_the_calendar_entry_is_the_feeds_with_its_uid_and_sequence(
    postponed: str,
) -> None:
    part = calendar_part(received(messages(postponed)[AUSTRIA]))
    invitation = Calendar.from_ical(part.get_content())
    [entry] = invitation.walk("VEVENT")
    feed = feed_entry(postponed)

    assert part.get_param("method") == "REQUEST"
    assert str(invitation["METHOD"]) == "REQUEST"
    assert str(entry["UID"]) == str(feed["UID"])
    assert int(entry["SEQUENCE"]) == int(feed["SEQUENCE"]) == 1
    assert entry.decoded("DTSTART") == feed.decoded("DTSTART")
    assert str(entry["ATTENDEE"]) == f"mailto:{AUSTRIA}"


def test_each_subscriber_is_the_attendee_of_the_entry_they_receive(
    postponed: str,
) -> None:
    rows = messages(postponed)
    long = "focal.point." + "a" * 70 + "@mission.example"
    rows[long] = rows[AUSTRIA]._replace(email=long)
    entries = {
        to: Calendar.from_ical(calendar_part(received(row)).get_content())
        for to, row in rows.items()
    }

    for to, invitation in entries.items():
        [entry] = invitation.walk("VEVENT")
        assert str(entry["ATTENDEE"]) == f"mailto:{to}"
        assert str(entry["UID"]) == str(feed_entry(postponed)["UID"])
    assert set(entries) == {AUSTRIA, FRANCE, long}


def test_a_cancellation_asks_calendars_to_take_the_entry_out(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", "0")
    the_sixth_session_with_two_subscribers(sqlite_store)
    run(sqlite_store, "cancel-session", "egm", "6", "--reason=No quorum",
        "--on=2020-03-13")  # fmt: skip
    with outbox_of(sqlite_store) as outbox:
        [row] = [
            row
            for row in outbox.messages("egm")
            if row.email == AUSTRIA and "Cancelled" in row.changes
        ]
    message = received(row)
    part = calendar_part(message)
    [entry] = Calendar.from_ical(part.get_content()).walk("VEVENT")

    assert part.get_param("method") == "CANCEL"
    assert str(entry["STATUS"]) == "CANCELLED"
    assert int(entry["SEQUENCE"]) == int(feed_entry(sqlite_store)["SEQUENCE"])
    assert message["Subject"] == "[egm] 6th session: cancelled"


def test_a_message_written_again_is_the_same_message(postponed: str) -> None:
    row = messages(postponed)[AUSTRIA]
    first, again = received(row), received(row)

    assert compose(row, sender=SENDER).as_bytes() == (
        compose(row, sender=SENDER).as_bytes()
    )
    assert first["Message-ID"] == again["Message-ID"] == f"<{row.message}@secretariat>"
    assert first["Date"] == again["Date"]
    assert first.get_body(("plain",)).get_content() == (  # type: ignore[union-attr]
        again.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    )


def test_a_call_for_comments_is_told_without_a_calendar_entry(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECRETARIAT_NOTIFY_DELAY", "600")
    the_sixth_session_with_two_subscribers(sqlite_store)
    run(sqlite_store, "adopt-workplan", "egm", "--period=2018-2021",
        "--at-session=4", "--topic=2020=Prevention", "--on=2019-12-02")  # fmt: skip
    run(sqlite_store, "request-comments", "egm", "--period=2018-2021",
        "--cycle=2020", "--deadline=2020-03-12", "--on=2019-12-02")  # fmt: skip
    run(sqlite_store, "extend-deadline", "egm", "--period=2018-2021",
        "--cycle=2020", "--to=2020-06-01", "--reason=COVID-19",
        "--on=2020-03-13")  # fmt: skip
    with outbox_of(sqlite_store) as outbox:
        [row] = [
            row
            for row in outbox.messages("egm")
            if row.email == FRANCE and row.cycle == 2020
        ]
    message = received(row)

    assert (
        message["Subject"]
        == "[egm] Commentaires pour 2020 : au plus tard le 1 juin 2020"
    )
    assert list(message.iter_attachments()) == []
    text = message.get_body(("plain",))
    assert text is not None
    assert "prorogé du 12 mars 2020 au 1 juin 2020" in text.get_content()


def test_a_message_is_written_as_the_email_packages_first_rules_write_it(
    postponed: str,
) -> None:
    rows = list(messages(postponed).values())
    rows.append(
        rows[0]._replace(name="Élodie  Müller " * 6, email="x" * 70 + "@m.example")
    )
    for row in rows:
        for sender in (SENDER, "Secrétariat " * 8 + "<s@unodc.example>"):
            message = compose(row, sender=sender)
            assert message.as_bytes() == message.as_bytes(policy=policy.compat32)
