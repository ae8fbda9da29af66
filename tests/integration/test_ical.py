"""The calendar file, parsed back with `icalendar`, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

from icalendar import Calendar

from adapters.ical import render_calendar
from adapters.views.views import Views
from application.commands import CancelSession, OpenSession
from domain.ids import session_id
from tests.builders import BODY, OFFICER, establish, schedule_sixth
from tests.seed_history import opened, postpone_sixth, seed

D = date


def ics(views: Views, **when: object) -> bytes:
    return render_calendar(
        views.calendar_rows(**when),  # type: ignore[arg-type]
        views.calls(**when),  # type: ignore[arg-type]
        name="secretariat",
    )


def events(data: bytes) -> dict[str, dict[str, object]]:
    """Each VEVENT's properties, by SUMMARY's first word (a session's title
    starts with 'Sixth', a deadline's with 'Deadline')."""
    calendar = Calendar.from_ical(data)
    found = {}
    for component in calendar.walk("VEVENT"):
        properties: dict[str, object] = {
            name: component.decoded(name)
            for name in (
                "UID",
                "SEQUENCE",
                "STATUS",
                "DTSTART",
                "DTEND",
                "DTSTAMP",
                "LOCATION",
                "DESCRIPTION",
            )
            if name in component
        }
        found[str(component["SUMMARY"]).split()[0]] = properties
    return found


def decoded_text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def test_a_postponed_session_keeps_its_uid_and_counts_the_change_in_sequence(
    store: str,
) -> None:
    with opened(store) as (app, views):
        seed(app)
        before = events(ics(views, as_of=D(2020, 3, 1)))["Sixth"]
        after = events(ics(views))["Sixth"]
        postponed_at = app.history(BODY, 6)["events"][-1]["recorded_at"]

    uid = f"{session_id(BODY, 6)}@secretariat"
    assert before["UID"] == after["UID"] == uid
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert (before["DTSTART"], before["DTEND"]) == (D(2020, 4, 6), D(2020, 4, 9))
    assert (after["DTSTART"], after["DTEND"]) == (D(2020, 7, 27), D(2020, 7, 30))
    assert before["STATUS"] == after["STATUS"] == "CONFIRMED"
    assert after["LOCATION"] == "Vienna, Austria"
    assert "Original dates: 6–8 April 2020" in decoded_text(after["DESCRIPTION"])
    assert "Original dates" not in decoded_text(before["DESCRIPTION"])
    stamp = after["DTSTAMP"]
    assert isinstance(stamp, datetime)
    assert stamp == datetime.fromisoformat(postponed_at).replace(microsecond=0)


def test_a_session_postponed_without_dates_is_tentative_on_its_last_known_dates(
    store: str,
) -> None:
    with opened(store) as (app, views):
        establish(app)
        schedule_sixth(app)
        postpone_sixth(app, dates=None)
        tentative = events(ics(views))["Sixth"]
        app.execute(
            CancelSession(
                body=BODY,
                number=6,
                reason="No quorum",
                on=D(2020, 3, 20),
                actor=OFFICER,
            )
        )
        cancelled = events(ics(views))["Sixth"]

    assert tentative["STATUS"] == "TENTATIVE"
    assert (tentative["DTSTART"], tentative["DTEND"]) == (D(2020, 4, 6), D(2020, 4, 9))
    assert "to be determined" in decoded_text(tentative["DESCRIPTION"])
    assert cancelled["STATUS"] == "CANCELLED"
    assert (tentative["SEQUENCE"], cancelled["SEQUENCE"]) == (1, 2)
    assert "Cancelled: No quorum" in decoded_text(cancelled["DESCRIPTION"])


def test_opening_a_session_does_not_count_as_a_change_and_the_file_is_repeatable(
    store: str,
) -> None:
    with opened(store) as (app, views):
        seed(app)
        app.execute(OpenSession(body=BODY, number=6, on=D(2020, 7, 27), actor=OFFICER))
        first, second = ics(views), ics(views)

    assert first == second
    assert events(first)["Sixth"]["SEQUENCE"] == 1


def test_a_comment_deadline_is_an_all_day_entry_whose_uid_survives_its_extension(
    store: str,
) -> None:
    with opened(store) as (app, views):
        seed(app)
        before = events(ics(views, as_of=D(2020, 3, 31)))["Deadline"]
        after = events(ics(views))["Deadline"]

    assert before["UID"] == after["UID"]
    assert str(after["UID"]).endswith("@secretariat")
    assert (before["DTSTART"], before["DTEND"]) == (D(2020, 3, 12), D(2020, 3, 13))
    assert (after["DTSTART"], after["DTEND"]) == (D(2020, 6, 1), D(2020, 6, 2))
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert "Original deadline: 12 March 2020" in decoded_text(after["DESCRIPTION"])
