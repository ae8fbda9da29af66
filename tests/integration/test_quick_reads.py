"""A calendar query answered from the view's table alone, on SQLite, when the
view is up to date with the log: the same answer as the full path, and the
full path whenever the view is behind or the store is not plain SQLite."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from adapters.cli import cli
from adapters.quick_reads import current_calendar
from adapters.store import parse_store_url
from application.commands import PostponeSession, ScheduleSession
from domain.values import DateRange
from tests.builders import BODY, OFFICER, establish, schedule_sixth
from tests.seed_history import opened, panelist, seed

OTHER = "other-egm"


def _more_sessions(app: object) -> None:
    """A seventh session postponed with its dates to be determined, and a
    session of another body."""
    schedule_sixth(app, number=7, dates=DateRange(date(2021, 4, 6), date(2021, 4, 8)))  # type: ignore[arg-type]
    app.execute(  # type: ignore[attr-defined]
        PostponeSession(
            body=BODY,
            number=7,
            reason="Pending consultations",
            dates=None,
            on=date(2021, 3, 1),
            actor=OFFICER,
        )
    )
    establish(app, OTHER)  # type: ignore[arg-type]
    app.execute(  # type: ignore[attr-defined]
        ScheduleSession(
            body=OTHER,
            number=1,
            title="First meeting",
            dates=DateRange(date(2020, 1, 6), date(2020, 1, 7)),
            venue="New York",
            on=date(2019, 6, 3),
            actor=OFFICER,
        )
    )


def test_a_caught_up_calendar_read_from_its_table_is_the_full_paths_answer(
    sqlite_store: str,
) -> None:
    store = parse_store_url(sqlite_store)
    with opened(sqlite_store) as (app, views):
        seed(app)
        _more_sessions(app)
        answers = {body: views.calendar(body) for body in (None, BODY, "nobody")}

        quick = {body: current_calendar(store, body) for body in answers}

    assert [s["number"] for s in answers[None]["sessions"]] == [1, 6, 7]
    assert answers[None]["sessions"][-1]["start"] is None
    assert answers["nobody"]["sessions"] == []
    # A body with no session in the view: the quick read leaves the answer
    # (an empty calendar, or no such body) to the full path.
    assert quick.pop("nobody") is None
    for body, answer in answers.items():
        if body not in quick:
            continue
        # As JSON: `true` and `1` are equal in Python, not in the contract.
        assert json.dumps(quick[body]) == json.dumps(answer), body


def test_a_calendar_behind_the_log_is_not_read_from_its_table(
    sqlite_store: str,
) -> None:
    store = parse_store_url(sqlite_store)
    with opened(sqlite_store) as (app, views):
        seed(app)
        views.catch_up()
        panelist(app, "Ecuador")  # recorded; the views not yet caught up
        schedule_sixth(app, number=8)

        behind = current_calendar(store)
        shown = CliRunner().invoke(cli, ["calendar", "--json", "--store", sqlite_store])
        after = current_calendar(store)

    assert behind is None
    assert shown.exit_code == 0, shown.output
    numbers = [s["number"] for s in json.loads(shown.stdout)["sessions"]]
    assert sorted(numbers) == [6, 8]
    assert after == json.loads(shown.stdout)


def test_only_a_plain_sqlite_file_that_exists_is_read_directly(
    sqlite_store: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = parse_store_url(sqlite_store)
    with opened(sqlite_store) as (app, views):
        seed(app)
        views.catch_up()
    assert current_calendar(store) is not None

    monkeypatch.setenv("SECRETARIAT_CIPHER_KEY", "a key")
    enciphered = current_calendar(store)
    monkeypatch.delenv("SECRETARIAT_CIPHER_KEY")
    missing = current_calendar(parse_store_url(f"{sqlite_store}.missing"))
    postgres = current_calendar(parse_store_url("postgresql://nobody@127.0.0.1:1/x"))

    assert (enciphered, missing, postgres) == (None, None, None)
    assert not store.path.with_name("record.db.missing").exists()  # type: ignore[union-attr]


def test_the_calendar_layout_it_reads_is_the_one_the_views_lay_out(
    sqlite_store: str,
) -> None:
    import sqlite3

    from adapters.views.sqlite import SQLiteCalendarView
    from adapters.views.tables import CALENDAR

    with opened(sqlite_store) as (app, views):
        seed(app)
        views.calendar(None)  # caught up
    store = parse_store_url(sqlite_store)
    assert store.path is not None
    with sqlite3.connect(store.path) as connection:
        (laid_out,) = connection.execute(
            "SELECT layout FROM view_layouts WHERE view_name = 'calendar'"
        ).fetchone()

    assert SQLiteCalendarView.layout is CALENDAR
    assert laid_out == CALENDAR.fingerprint
    assert current_calendar(store) is not None


def test_a_calendar_laid_out_by_another_version_is_left_to_the_full_path(
    sqlite_store: str,
) -> None:
    import sqlite3

    with opened(sqlite_store) as (app, views):
        seed(app)
        views.calendar(None)  # caught up
    store = parse_store_url(sqlite_store)
    assert current_calendar(store) is not None
    assert store.path is not None
    with sqlite3.connect(store.path) as connection:
        connection.execute(
            "UPDATE view_layouts SET layout = 'older' WHERE view_name = 'calendar'"
        )
    assert current_calendar(store) is None
