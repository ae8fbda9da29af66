"""The Workplan aggregate: topics, calls for comments, deadlines and submissions."""

from __future__ import annotations

from datetime import date

import pytest

from domain.values import CycleTopics, Period, SubmitterKind
from domain.workplan import (
    CommentsAlreadyRequestedError,
    ExtensionNotLaterError,
    NoCallForCommentsError,
    OutsidePeriodError,
    RepeatedTopicYearError,
    SubmissionAlreadyReceivedError,
    Workplan,
)
from tests.builders import OFFICER

PERIOD = Period(2018, 2021)
TOPICS = [
    CycleTopics(2020, ["International cooperation", "Prevention"]),
    CycleTopics(2018, ["Legislation and frameworks", "Criminalization"]),
]


def adopted(**changes: object) -> Workplan:
    fields: dict[str, object] = {
        "body": "cybercrime-egm",
        "period": PERIOD,
        "at_session": 4,
        "topics": TOPICS,
        "stocktaking_by": 2021,
        "on": date(2018, 4, 5),
        "actor": OFFICER,
    }
    fields.update(changes)
    workplan = Workplan.adopt(**fields)  # type: ignore[arg-type]
    workplan.collect_events()
    return workplan


def with_call() -> Workplan:
    workplan = adopted()
    workplan.request_comments(
        cycle=2020, deadline=date(2020, 3, 12), on=date(2019, 12, 1), actor=OFFICER
    )
    workplan.collect_events()
    return workplan


def test_adopting_a_workplan_records_its_topics_in_year_order() -> None:
    workplan = Workplan.adopt(
        body="cybercrime-egm",
        period=PERIOD,
        at_session=4,
        topics=TOPICS,
        stocktaking_by=2021,
        on=date(2018, 4, 5),
        actor=OFFICER,
    )
    (event,) = workplan.collect_events()
    assert type(event).__name__ == "Adopted"
    assert [cycle.year for cycle in event.topics] == [2018, 2020]  # type: ignore[attr-defined]
    assert event.at_session == 4  # type: ignore[attr-defined]
    assert workplan.id == Workplan.create_id("cybercrime-egm", PERIOD)


def test_topics_and_the_stocktaking_year_fall_inside_the_period() -> None:
    with pytest.raises(OutsidePeriodError, match="2022 falls outside the period"):
        adopted(topics=[CycleTopics(2022, ["Prevention"])])
    with pytest.raises(OutsidePeriodError, match="stocktaking year 2023"):
        adopted(stocktaking_by=2023)


def test_a_year_has_its_topics_given_once() -> None:
    with pytest.raises(RepeatedTopicYearError, match="2020"):
        adopted(
            topics=[CycleTopics(2020, ["Prevention"]), CycleTopics(2020, ["Other"])]
        )


def test_comments_are_requested_once_per_cycle_inside_the_period() -> None:
    workplan = adopted()
    workplan.request_comments(
        cycle=2020, deadline=date(2020, 3, 12), on=date(2019, 12, 1), actor=OFFICER
    )
    (event,) = workplan.collect_events()
    assert type(event).__name__ == "CommentsRequested"
    assert event.deadline == date(2020, 3, 12)  # type: ignore[attr-defined]
    with pytest.raises(CommentsAlreadyRequestedError):
        workplan.request_comments(
            cycle=2020, deadline=date(2020, 4, 1), on=date(2019, 12, 2), actor=OFFICER
        )
    with pytest.raises(OutsidePeriodError, match="the cycle 2017"):
        workplan.request_comments(
            cycle=2017, deadline=date(2017, 4, 1), on=date(2017, 1, 1), actor=OFFICER
        )


def test_an_extension_moves_the_deadline_in_force_later() -> None:
    workplan = with_call()
    workplan.extend_deadline(
        cycle=2020,
        to=date(2020, 6, 1),
        reason="Postponement of the sixth session",
        on=date(2020, 4, 1),
        actor=OFFICER,
    )
    (event,) = workplan.collect_events()
    assert event.previous == date(2020, 3, 12)  # type: ignore[attr-defined]
    assert event.to == date(2020, 6, 1)  # type: ignore[attr-defined]
    assert workplan.deadlines["2020"] == date(2020, 6, 1)
    with pytest.raises(ExtensionNotLaterError, match="2020-06-01; an extension"):
        workplan.extend_deadline(
            cycle=2020,
            to=date(2020, 6, 1),
            reason="Again",
            on=date(2020, 5, 1),
            actor=OFFICER,
        )


def test_deadlines_and_submissions_need_a_call_for_their_cycle() -> None:
    workplan = with_call()
    with pytest.raises(NoCallForCommentsError, match="no comments were requested"):
        workplan.extend_deadline(
            cycle=2019, to=date(2019, 6, 1), reason="x", on=date(2019, 4, 1), actor="x"
        )
    with pytest.raises(NoCallForCommentsError):
        workplan.receive_submission(
            cycle=2019,
            submitter="Ecuador",
            submitter_kind=SubmitterKind.MEMBER_STATE,
            reference=None,
            on=date(2019, 3, 1),
            actor=OFFICER,
        )


def test_submissions_may_be_recorded_in_any_order_of_receipt() -> None:
    workplan = with_call()
    for day in (date(2020, 6, 20), date(2020, 3, 1)):
        workplan.receive_submission(
            cycle=2020,
            submitter="Ecuador",
            submitter_kind=SubmitterKind.MEMBER_STATE,
            reference=None,
            on=day,
            actor=OFFICER,
        )
    assert [event.on for event in workplan.collect_events()] == [  # type: ignore[attr-defined]
        date(2020, 6, 20),
        date(2020, 3, 1),
    ]


def test_a_submission_reference_is_received_once_per_call() -> None:
    workplan = with_call()
    workplan.receive_submission(
        cycle=2020,
        submitter="Ecuador",
        submitter_kind=SubmitterKind.MEMBER_STATE,
        reference="EC/2020/1",
        on=date(2020, 3, 1),
        actor=OFFICER,
    )
    with pytest.raises(SubmissionAlreadyReceivedError, match="EC/2020/1"):
        workplan.receive_submission(
            cycle=2020,
            submitter="Ecuador",
            submitter_kind=SubmitterKind.MEMBER_STATE,
            reference="EC/2020/1",
            on=date(2020, 3, 2),
            actor=OFFICER,
        )
    assert len(workplan.collect_events()) == 1
