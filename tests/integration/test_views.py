"""The views in the store, on SQLite and on PostgreSQL: the contract's JSON,
time travel, rebuilds, pages, and catch-ups that are interrupted or race."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from typing import Any

import pytest

from adapters.views.views import Views
from application.commands import ScheduleSession
from application.projections import utc_text
from domain.values import DateRange
from tests.builders import BODY, OFFICER, establish, schedule_sixth
from tests.seed_history import (
    adopt_workplan,
    extend,
    opened,
    panelist,
    postpone_sixth,
    receive,
    request_comments,
    seed,
)

D = date
SESSION_KEYS = {
    "body": str,
    "number": int,
    "title": str,
    "start": str,
    "end": str,
    "venue": str,
    "format": str,
    "status": str,
    "original_start": str,
    "original_end": str,
    "postponements": int,
    "report_adopted_on": type(None),
}


def test_the_calendar_answers_with_the_contracts_keys_and_types(store: str) -> None:
    with opened(store) as (app, views):
        seed(app)
        answer = views.calendar()

    assert answer["as_of"] is None
    (session,) = answer["sessions"]
    for key, kind in SESSION_KEYS.items():
        assert isinstance(session[key], kind), key
    assert session == session | {
        "body": BODY,
        "number": 6,
        "start": "2020-07-27",
        "end": "2020-07-29",
        "venue": "Vienna, Austria",
        "format": "in-person",
        "status": "scheduled",
        "original_start": "2020-04-06",
        "original_end": "2020-04-08",
        "postponements": 1,
    }


def test_as_of_a_date_the_calendar_shows_only_the_decisions_taken_by_then(
    store: str,
) -> None:
    with opened(store) as (app, views):
        seed(app)
        before = views.calendar(as_of=D(2020, 3, 1))
        on_the_day = views.calendar(as_of=D(2020, 3, 13))
        after = views.calendar(as_of=D(2020, 8, 1))
        before_scheduling = views.calendar(as_of=D(2019, 12, 1))

    assert before["as_of"] == "2020-03-01"
    (march,) = before["sessions"]
    assert (march["start"], march["end"], march["postponements"]) == (
        "2020-04-06",
        "2020-04-08",
        0,
    )
    assert on_the_day["sessions"][0]["start"] == "2020-07-27"
    (august,) = after["sessions"]
    assert (august["start"], august["end"], august["postponements"]) == (
        "2020-07-27",
        "2020-07-29",
        1,
    )
    assert before_scheduling["sessions"] == []


def test_known_at_a_moment_the_calendar_shows_only_what_was_recorded_by_then(
    store: str,
) -> None:
    with opened(store) as (app, views):
        establish(app)
        schedule_sixth(app)
        time.sleep(0.01)  # so that a moment falls between the two recordings
        between = utc_text(datetime.now(UTC))
        time.sleep(0.01)
        postpone_sixth(app)
        known = views.calendar(known_at=between)
        both = views.calendar(known_at=between, as_of=D(2020, 8, 1))
        now = views.calendar(known_at=utc_text(datetime.now(UTC)))

    assert known["known_at"] == between
    assert known["sessions"][0]["start"] == "2020-04-06"
    assert both["sessions"][0]["start"] == "2020-04-06"
    assert now["sessions"][0]["start"] == "2020-07-27"


def test_deadlines_answer_with_the_contracts_keys_and_judge_each_submission(
    store: str,
) -> None:
    with opened(store) as (app, views):
        seed(app)
        receive(app, "Russian Federation", D(2020, 6, 10))
        answer = views.deadlines(today=D(2020, 6, 15))

    assert answer["today"] == "2020-06-15"
    (call,) = answer["calls"]
    assert {k: call[k] for k in ("body", "period", "cycle")} == {
        "body": BODY,
        "period": "2018-2021",
        "cycle": 2020,
    }
    assert (call["original_deadline"], call["deadline"], call["days_left"]) == (
        "2020-03-12",
        "2020-06-01",
        -14,
    )
    assert [{k: e[k] for k in ("to", "reason", "on")} for e in call["extensions"]] == [
        {
            "to": "2020-06-01",
            "reason": "The postponement of the sixth session",
            "on": "2020-04-01",
        }
    ]
    assert [
        {k: s[k] for k in ("from", "as", "received_on", "status")}
        for s in call["submissions"]
    ] == [
        {
            "from": "Ecuador",
            "as": "member-state",
            "received_on": "2020-03-10",
            "status": "on-time",
        },
        {
            "from": "Council of Europe",
            "as": "observer",
            "received_on": "2020-05-20",
            "status": "within-extension",
        },
        {
            "from": "Russian Federation",
            "as": "member-state",
            "received_on": "2020-06-10",
            "status": "late",
        },
    ]
    assert answer["milestones"] == [
        {
            "body": BODY,
            "period": "2018-2021",
            "milestone": "stocktaking meeting",
            "due_by": "2021-12-31",
            "met_by": None,
            "overdue": False,
        }
    ]


def test_a_later_extension_turns_a_late_submission_into_one_within_it(
    store: str,
) -> None:
    with opened(store) as (app, views):
        establish(app)
        adopt_workplan(app)
        request_comments(app)
        receive(app, "Norway", D(2020, 5, 20))
        late = views.deadlines(today=D(2020, 3, 25))
        extend(app)
        within = views.deadlines(today=D(2020, 3, 25))

    assert late["calls"][0]["submissions"][0]["status"] == "late"
    assert within["calls"][0]["submissions"][0]["status"] == "within-extension"


def test_the_stocktaking_milestone_is_met_by_a_stocktaking_session_in_its_year(
    store: str,
) -> None:
    with opened(store) as (app, views):
        establish(app)
        adopt_workplan(app)
        app.execute(
            ScheduleSession(
                body=BODY,
                number=7,
                title="Seventh meeting (stocktaking)",
                dates=DateRange(D(2021, 4, 6), D(2021, 4, 8)),
                venue="Vienna, Austria",
                stocktaking=True,
                on=D(2020, 12, 1),
                actor=OFFICER,
            )
        )
        (milestone,) = views.deadlines(today=D(2022, 1, 1))["milestones"]

    assert milestone["met_by"] == {"number": 7, "start": "2021-04-06"}
    assert milestone["overdue"] is False


def test_postponements_list_each_one_with_its_dates_from_and_to(store: str) -> None:
    with opened(store) as (app, views):
        establish(app)
        schedule_sixth(app)
        postpone_sixth(app, dates=None)
        answer = views.postponements()
        other_body = views.postponements("another-body")

    (postponement,) = answer["postponements"]
    assert postponement == postponement | {
        "body": BODY,
        "number": 6,
        "on": "2020-03-13",
        "reason": "Impact of the COVID-19 pandemic",
        "actor": OFFICER,
        "from": {"start": "2020-04-06", "end": "2020-04-08"},
        "to": None,
    }
    assert datetime.fromisoformat(postponement["recorded_at"]).utcoffset() is not None
    assert other_body == {"postponements": []}


def record_a_varied_history(app: Any, views: Views | None = None) -> None:
    """The seed and more, catching `views` up after each command as the CLI does."""
    steps = [
        establish,
        schedule_sixth,
        lambda a: panelist(a, "China"),
        postpone_sixth,
        adopt_workplan,
        request_comments,
        lambda a: receive(a, "Ecuador", D(2020, 3, 10)),
        lambda a: receive(a, "Norway", D(2020, 3, 20)),
        lambda a: panelist(a, "Australia"),
        extend,
        lambda a: receive(a, "Ghana", D(2020, 6, 20)),
    ]
    for step in steps:
        step(app)
        if views is not None:
            views.catch_up()


def test_a_rebuild_gives_exactly_the_rows_kept_up_to_date_command_by_command(
    store: str,
) -> None:
    with opened(store, page_size=2) as (app, views):
        record_a_varied_history(app, views)
        incremental = views.dump()
        rebuilt = views.rebuild()
        assert views.dump() == incremental

    assert rebuilt == {"calendar": 2, "deadlines": 6}
    assert len(incremental["calendar_versions"]) == 2
    assert len(incremental["deadline_submissions"]) == 3


def test_catch_up_writes_one_transaction_per_page_and_reads_only_its_topics(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with opened(store, page_size=3) as (app, views):
        record_a_varied_history(app)
        pages: list[list[str]] = []
        apply_page = type(views.deadlines_view).apply_page

        def recording_pages(view: Any, cursor: Any, events: Any) -> None:
            pages.append([type(e.event).__name__ for e in events])
            apply_page(view, cursor, events)

        monkeypatch.setattr(type(views.deadlines_view), "apply_page", recording_pages)
        head = views.source.head()
        assert [s.behind for s in views.status()] == [head, head]
        views.catch_up()
        statuses = views.status()

    assert pages == [
        ["Adopted", "CommentsRequested", "SubmissionReceived"],
        ["SubmissionReceived", "DeadlineExtended", "SubmissionReceived"],
    ]
    assert [(s.position, s.behind) for s in statuses] == [(head, 0), (head, 0)]


class InjectedFailure(Exception):
    pass


def test_an_interrupted_catch_up_resumes_and_ends_with_the_rows_of_a_rebuild(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with opened(store, page_size=2) as (app, views):
        record_a_varied_history(app)
        view = views.deadlines_view
        apply_page = type(view).apply_page
        applied: list[int] = []

        def failing_after_three_events(self: Any, cursor: Any, events: Any) -> None:
            apply_page(self, cursor, events)  # the rows are written, then...
            applied.extend(e.position for e in events)
            if len(applied) > 3:
                raise InjectedFailure

        monkeypatch.setattr(type(view), "apply_page", failing_after_three_events)
        with pytest.raises(InjectedFailure):
            views.catch_up()
        position = view.position(views.source.application_name)
        kept = views.dump()

        monkeypatch.undo()
        views.catch_up()
        resumed = views.dump()
        views.rebuild()
        rebuilt = views.dump()

    # The first page (two events) was committed; the second rolled back whole.
    assert position == applied[1]
    assert len(kept["deadline_workplans"]) == 1
    assert kept["deadline_submissions"] == []
    assert resumed == rebuilt
    assert len(resumed["deadline_submissions"]) == 3


def overtake_after_the_first_page(
    monkeypatch: pytest.MonkeyPatch, views: Any, other: Any
) -> list[int]:
    """Once `views` has read its first page, another command (`other`) catches
    every view up; returns, once that happened, how many events it applied."""
    page = views.source.page
    overtaken: list[int] = []

    def read_then_be_overtaken(*args: Any, **kwargs: Any) -> Any:
        events = page(*args, **kwargs)
        if not overtaken:
            overtaken.append(other.catch_up())
        return events

    monkeypatch.setattr(views.source, "page", read_then_be_overtaken)
    return overtaken


def test_two_catch_ups_of_the_same_view_never_apply_an_event_twice(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with opened(store, page_size=2) as (app, views), opened(store) as (_, other):
        record_a_varied_history(app)
        overtaken = overtake_after_the_first_page(monkeypatch, views, other)
        applied = views.catch_up()
        monkeypatch.undo()
        caught_up = views.dump()
        views.rebuild()

        assert overtaken[0] > 0
        assert applied == 0
        assert caught_up == views.dump()


def test_a_rebuild_overtaken_by_a_catch_up_applies_no_event_twice(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with opened(store, page_size=4) as (app, views), opened(store) as (_, other):
        record_a_varied_history(app, views)
        incremental = views.dump()
        overtaken = overtake_after_the_first_page(monkeypatch, views, other)
        rebuilt = views.rebuild()
        monkeypatch.undo()
        positions = [s.behind for s in views.status()]

        assert overtaken[0] == 8  # the whole log, read by the other command
        assert rebuilt == {"calendar": 0, "deadlines": 0}
        assert views.dump() == incremental
        assert positions == [0, 0]


def test_a_rebuild_that_copies_its_rows_in_gives_the_rows_kept_up_to_date(
    postgres_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from adapters.views import postgres

    monkeypatch.setattr(postgres, "COPY_FROM", 1)  # every row, however few
    with opened(postgres_store) as (app, views):
        record_a_varied_history(app, views)
        incremental = views.dump()
        rebuilt = views.rebuild()
        assert views.dump() == incremental

    assert rebuilt == {"calendar": 2, "deadlines": 6}
    assert len(incremental["calendar_postponements"]) == 1
    assert len(incremental["deadline_submissions"]) == 3
