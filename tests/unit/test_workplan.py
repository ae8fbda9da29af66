"""The Workplan aggregate: what the procedures (features/) do not show."""

from __future__ import annotations

from datetime import date

import pytest

from domain.values import CycleTopics, Period
from domain.workplan import OutsidePeriodError, Workplan
from tests.builders import OFFICER

PERIOD = Period(2018, 2021)
TOPICS = [
    CycleTopics(2020, ["International cooperation", "Prevention"]),
    CycleTopics(2018, ["Legislation and frameworks", "Criminalization"]),
]


def adopted() -> Workplan:
    workplan = Workplan.adopt(
        body="cybercrime-egm",
        period=PERIOD,
        at_session=4,
        topics=TOPICS,
        stocktaking_by=2021,
        on=date(2018, 4, 5),
        actor=OFFICER,
    )
    workplan.collect_events()
    return workplan


def test_comments_for_a_cycle_before_the_period_are_refused() -> None:
    workplan = adopted()
    with pytest.raises(OutsidePeriodError, match="the cycle 2017"):
        workplan.request_comments(
            cycle=2017, deadline=date(2017, 4, 1), on=date(2017, 1, 1), actor=OFFICER
        )
    assert workplan.collect_events() == []
