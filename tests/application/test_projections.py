"""The read side's logic, in memory: events into view rows, rows into answers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from eventsourcing.utils import get_topic

from application.commands import (
    AdoptWorkplan,
    CancelSession,
    ChangeVenue,
    CloseSession,
    ExtendDeadline,
    OpenSession,
    PostponeSession,
    ReceiveSubmission,
    RecordStatement,
    RequestComments,
    RescheduleSession,
)
from application.errors import UnreadableEventError
from application.projections import Logged, utc_text
from application.projections.calendar import CalendarProjector
from application.projections.deadlines import DeadlinesProjector
from application.projections.rows import CalendarRow
from application.queries import (
    StocktakingSession,
    calendar_answer,
    calls_as_of,
    classify,
    days_left,
    deadlines_answer,
    milestone_entry,
)
from application.secretariat import Secretariat
from domain.ids import session_id
from domain.session import Session
from domain.values import CycleTopics, DateRange, Format, Period, SubmitterKind
from domain.workplan import Workplan
from tests.builders import BODY, JULY, OFFICER, establish, schedule_sixth

PERIOD = Period(2018, 2021)
D = date


def logged(app: Secretariat, kinds: tuple[type[Any], ...]) -> list[Logged]:
    """The events of `kinds` in the log, as catch-up hands them to a projector."""
    topics = [get_topic(kind) for kind in kinds]
    return [
        Logged(n.id, utc_text(event.timestamp), event)
        for n in app.recorder.select_notifications(0, 1000, topics=topics)
        for event in [app.mapper.to_domain_event(n)]
    ]


def calendar_rows(app: Secretariat) -> list[CalendarRow]:
    projector = CalendarProjector()
    return projector.apply(logged(app, projector.events), {}).versions


def postpone(app: Secretariat, dates: DateRange | None, on: date) -> None:
    app.execute(
        PostponeSession(
            body=BODY,
            number=6,
            reason="Impact of the COVID-19 pandemic",
            dates=dates,
            on=on,
            actor=OFFICER,
        )
    )


def test_the_views_read_the_events_of_their_kinds_under_the_topics_stored() -> None:
    kinds = CalendarProjector.events + DeadlinesProjector.events
    assert Session.Postponed in kinds
    assert Workplan.SubmissionReceived in kinds
    assert Session.StatementRecorded not in kinds
    assert get_topic(Session.Postponed) == "domain.session:Session.Postponed"
    assert get_topic(Workplan.SubmissionReceived) == (
        "domain.workplan:Workplan.SubmissionReceived"
    )


def test_a_postponement_to_new_dates_is_a_new_version_that_keeps_the_original_dates(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    postpone(secretariat, JULY, D(2020, 3, 13))

    scheduled, postponed = calendar_rows(secretariat)
    assert scheduled.session_id == str(session_id(BODY, 6))
    assert (scheduled.start, scheduled.end, scheduled.status) == (
        "2020-04-06",
        "2020-04-08",
        "scheduled",
    )
    assert (postponed.version, postponed.effective_on) == (2, "2020-03-13")
    assert (postponed.start, postponed.end) == ("2020-07-27", "2020-07-29")
    assert (postponed.original_start, postponed.original_end) == (
        "2020-04-06",
        "2020-04-08",
    )
    assert postponed.status == "scheduled"
    assert postponed.postponements == 1
    assert postponed.recorded_at.endswith("+00:00")
    assert postponed.recorded_at > scheduled.recorded_at


def test_a_session_postponed_without_dates_keeps_its_last_known_dates_aside(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    postpone(secretariat, None, D(2020, 3, 13))

    postponed = calendar_rows(secretariat)[-1]
    assert (postponed.start, postponed.end) == (None, None)
    assert (postponed.last_start, postponed.last_end) == ("2020-04-06", "2020-04-08")
    assert postponed.status == "postponed"


def test_sequence_counts_changes_of_dates_venue_and_status_but_not_opening_or_closing(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    postpone(secretariat, None, D(2020, 3, 13))
    common = {"body": BODY, "number": 6, "actor": OFFICER}
    secretariat.execute(RescheduleSession(dates=JULY, on=D(2020, 5, 1), **common))
    secretariat.execute(
        ChangeVenue(format=Format.HYBRID, on=D(2020, 7, 13), **common)  # type: ignore[arg-type]
    )
    secretariat.execute(OpenSession(on=D(2020, 7, 27), **common))  # type: ignore[arg-type]
    secretariat.execute(
        RecordStatement(delegation="China", on=D(2020, 7, 27), **common)  # type: ignore[arg-type]
    )
    secretariat.execute(CloseSession(on=D(2020, 7, 29), **common))  # type: ignore[arg-type]

    rows = calendar_rows(secretariat)
    assert [(r.event, r.sequence, r.status) for r in rows] == [
        ("Scheduled", 0, "scheduled"),
        ("Postponed", 1, "postponed"),
        ("Rescheduled", 2, "scheduled"),
        ("VenueChanged", 3, "scheduled"),
        ("Opened", 3, "in-session"),
        ("Closed", 3, "closed"),
    ]
    assert rows[-1].format == "hybrid"


def test_a_cancellation_keeps_its_reason_for_calendar_files(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    secretariat.execute(
        CancelSession(
            body=BODY, number=6, reason="No quorum", on=D(2020, 3, 1), actor=OFFICER
        )
    )
    cancelled = calendar_rows(secretariat)[-1]
    assert (cancelled.status, cancelled.cancellation_reason, cancelled.sequence) == (
        "cancelled",
        "No quorum",
        1,
    )


def test_a_change_to_a_session_the_view_has_never_seen_stops_the_catch_up(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    postpone(secretariat, JULY, D(2020, 3, 13))
    projector = CalendarProjector()
    postponed = logged(secretariat, projector.events)[1:]
    assert projector.wanted(postponed) == {str(session_id(BODY, 6))}
    with pytest.raises(UnreadableEventError, match="no row"):
        projector.apply(postponed, {})


def test_the_calendar_lists_sessions_by_start_with_undated_ones_last() -> None:
    def row(number: int, start: str | None) -> CalendarRow:
        return CalendarRow(
            session_id=str(number),
            version=1,
            body=BODY,
            number=number,
            title="t",
            start=start,
            end=start,
            last_start="2020-01-01",
            last_end="2020-01-01",
            venue="Vienna",
            format="in-person",
            venue_since=1,
            status="scheduled" if start else "postponed",
            original_start="2020-01-01",
            original_end="2020-01-01",
            postponements=0,
            sequence=0,
            stocktaking=False,
            report_adopted_on=None,
            postponement_reason=None,
            cancellation_reason=None,
            event="Scheduled",
            reason=None,
            effective_on="2019-01-01",
            recorded_at="2019-01-01T00:00:00.000000+00:00",
            actor=OFFICER,
        )

    answer = calendar_answer(
        [row(7, None), row(6, "2020-07-27"), row(5, "2019-03-27")], as_of=D(2020, 8, 1)
    )
    assert answer["as_of"] == "2020-08-01"
    assert [s["number"] for s in answer["sessions"]] == [5, 6, 7]


# Deadlines.


def test_a_submission_is_judged_against_the_original_and_the_extended_deadline() -> (
    None
):
    assert classify("2020-03-12", "2020-03-12", "2020-06-01") == "on-time"
    assert classify("2020-03-13", "2020-03-12", "2020-06-01") == "within-extension"
    assert classify("2020-06-01", "2020-03-12", "2020-06-01") == "within-extension"
    assert classify("2020-06-02", "2020-03-12", "2020-06-01") == "late"
    assert classify("2020-03-13", "2020-03-12", "2020-03-12") == "late"


def test_days_left_is_zero_on_the_deadline_day_and_negative_after_it() -> None:
    assert days_left("2020-06-01", D(2020, 5, 30)) == 2
    assert days_left("2020-06-01", D(2020, 6, 1)) == 0
    assert days_left("2020-06-01", D(2020, 6, 15)) == -14


def workplan_with_call(app: Secretariat) -> None:
    establish(app)
    app.execute(
        AdoptWorkplan(
            body=BODY,
            period=PERIOD,
            at_session=4,
            topics=[CycleTopics(2020, ["International cooperation", "Prevention"])],
            stocktaking_by=2021,
            on=D(2018, 4, 5),
            actor=OFFICER,
        )
    )
    app.execute(
        RequestComments(
            body=BODY,
            period=PERIOD,
            cycle=2020,
            deadline=D(2020, 3, 12),
            on=D(2019, 12, 1),
            actor=OFFICER,
        )
    )


def receive(app: Secretariat, who: str, on: date) -> None:
    app.execute(
        ReceiveSubmission(
            body=BODY,
            period=PERIOD,
            cycle=2020,
            submitter=who,
            submitter_kind=SubmitterKind.MEMBER_STATE,
            on=on,
            actor=OFFICER,
        )
    )


def extend(app: Secretariat, to: date, on: date) -> None:
    app.execute(
        ExtendDeadline(
            body=BODY,
            period=PERIOD,
            cycle=2020,
            to=to,
            reason="Postponement of the sixth session",
            on=on,
            actor=OFFICER,
        )
    )


def deadlines(app: Secretariat, today: date) -> dict[str, object]:
    projector = DeadlinesProjector()
    changes = projector.apply(logged(app, projector.events), {}, {})
    return deadlines_answer(
        today=today,
        calls=changes.calls.values(),
        extensions=changes.extensions,
        submissions=changes.submissions,
        workplans=changes.workplans,
        stocktaking_sessions=[],
    )


def test_an_extension_granted_later_turns_a_late_submission_into_one_within_it(
    secretariat: Secretariat,
) -> None:
    workplan_with_call(secretariat)
    receive(secretariat, "Ecuador", D(2020, 3, 10))
    receive(secretariat, "Norway", D(2020, 3, 20))
    before = deadlines(secretariat, D(2020, 3, 25))
    (call,) = before["calls"]  # type: ignore[misc]
    assert [s["status"] for s in call["submissions"]] == ["on-time", "late"]

    extend(secretariat, D(2020, 6, 1), D(2020, 4, 1))
    after = deadlines(secretariat, D(2020, 6, 15))
    (call,) = after["calls"]  # type: ignore[misc]
    assert [(s["from"], s["status"]) for s in call["submissions"]] == [
        ("Ecuador", "on-time"),
        ("Norway", "within-extension"),
    ]
    assert (call["original_deadline"], call["deadline"], call["days_left"]) == (
        "2020-03-12",
        "2020-06-01",
        -14,
    )
    assert call["extensions"] == [
        {
            "to": "2020-06-01",
            "reason": "Postponement of the sixth session",
            "on": "2020-04-01",
            "actor": OFFICER,
            "recorded_at": call["extensions"][0]["recorded_at"],
        }
    ]


def test_the_deadline_as_of_a_date_counts_only_extensions_decided_by_then(
    secretariat: Secretariat,
) -> None:
    workplan_with_call(secretariat)
    extend(secretariat, D(2020, 6, 1), D(2020, 4, 1))
    extend(secretariat, D(2020, 7, 1), D(2020, 5, 15))
    projector = DeadlinesProjector()
    changes = projector.apply(logged(secretariat, projector.events), {}, {})
    calls, extensions = list(changes.calls.values()), changes.extensions

    assert calls_as_of(calls, extensions, as_of=D(2019, 11, 30)) == []
    (march,) = calls_as_of(calls, extensions, as_of=D(2020, 3, 31))
    assert (march.deadline, march.extensions) == ("2020-03-12", 0)
    (april,) = calls_as_of(calls, extensions, as_of=D(2020, 4, 1))
    assert (april.deadline, april.extensions) == ("2020-06-01", 1)
    (now,) = calls_as_of(calls, extensions, as_of=D(2021, 1, 1))
    assert (now.deadline, now.extensions) == ("2020-07-01", 2)


STOCKTAKING = [
    StocktakingSession(BODY, 9, "2021-04-06", "cancelled"),
    StocktakingSession(BODY, 8, "2021-12-06", "scheduled"),
    StocktakingSession(BODY, 10, "2022-04-06", "scheduled"),
    StocktakingSession("other-body", 2, "2021-01-06", "scheduled"),
]


def test_the_stocktaking_milestone_is_met_by_the_first_session_not_cancelled_in_time(
    secretariat: Secretariat,
) -> None:
    workplan_with_call(secretariat)
    projector = DeadlinesProjector()
    (workplan,) = projector.apply(
        logged(secretariat, projector.events), {}, {}
    ).workplans

    met = milestone_entry(workplan, STOCKTAKING, D(2022, 1, 1))
    assert met == {
        "body": BODY,
        "period": "2018-2021",
        "milestone": "stocktaking meeting",
        "due_by": "2021-12-31",
        "met_by": {"number": 8, "start": "2021-12-06"},
        "overdue": False,
    }
    unmet = milestone_entry(workplan, STOCKTAKING[2:], D(2021, 12, 31))
    assert (unmet["met_by"], unmet["overdue"]) == (None, False)
    overdue = milestone_entry(workplan, STOCKTAKING[2:], D(2022, 1, 1))
    assert (overdue["met_by"], overdue["overdue"]) == (None, True)


def test_recording_times_are_written_in_utc_with_microseconds_whatever_their_form() -> (
    None
):
    def stored(text: str) -> str:
        return utc_text(datetime.fromisoformat(text))

    assert stored("2020-03-13T10:15:00.250000+00:00") == (
        "2020-03-13T10:15:00.250000+00:00"
    )
    assert stored("2020-03-13T10:15:00+00:00") == "2020-03-13T10:15:00.000000+00:00"
    assert stored("2020-03-13T11:15:00.000001+01:00") == (
        "2020-03-13T10:15:00.000001+00:00"
    )
    assert stored("2020-03-13T10:15:00.000001") == "2020-03-13T10:15:00.000001+00:00"


def test_the_deadlines_answer_lists_every_workplan_even_one_without_a_call(
    secretariat: Secretariat,
) -> None:
    workplan_with_call(secretariat)
    secretariat.execute(
        AdoptWorkplan(
            body=BODY,
            period=Period(2022, 2025),
            at_session=8,
            topics=[CycleTopics(2022, ["Technical assistance"])],
            stocktaking_by=None,
            on=D(2022, 4, 1),
            actor=OFFICER,
        )
    )

    answer = deadlines(secretariat, D(2022, 5, 1))

    assert answer["workplans"] == [
        {
            "body": BODY,
            "period": "2018-2021",
            "adopted_on": "2018-04-05",
            "stocktaking_by": 2021,
        },
        {
            "body": BODY,
            "period": "2022-2025",
            "adopted_on": "2022-04-01",
            "stocktaking_by": None,
        },
    ]
    assert [c["period"] for c in answer["calls"]] == ["2018-2021"]  # type: ignore[index]
