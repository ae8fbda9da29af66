"""Corrections of a session: what the procedure (features/) does not show."""

from __future__ import annotations

from datetime import date

import pytest

from domain.session import DecisionBeforeLastError, NothingToCorrectError
from domain.values import SessionStatus
from tests.builders import APRIL, JULY, OFFICER
from tests.unit.test_session import names, sixth

D = date


def test_a_correction_changes_only_what_differs_and_keeps_the_status() -> None:
    session = sixth()
    session.postpone(reason="COVID-19", dates=None, on=D(2020, 3, 13), actor=OFFICER)
    session.collect_events()

    session.correct(
        reason="misspelt",
        title="Sixth meeting",  # as it is: not corrected
        venue="Vienna International Centre",
        on=D(2020, 3, 14),
        actor=OFFICER,
    )

    (corrected,) = session.collect_events()
    assert type(corrected).__name__ == "Corrected"
    assert corrected.title is None  # type: ignore[attr-defined]
    assert corrected.venue == "Vienna International Centre"  # type: ignore[attr-defined]
    assert session.venue == "Vienna International Centre"
    assert session.status is SessionStatus.POSTPONED
    assert session.dates is None
    assert session.postponements == 1
    assert session.original_dates == APRIL


def test_a_correction_that_corrects_nothing_or_goes_back_in_time_is_refused() -> None:
    session = sixth()
    session.postpone(reason="COVID-19", dates=JULY, on=D(2020, 3, 13), actor=OFFICER)
    session.collect_events()

    with pytest.raises(NothingToCorrectError, match="nothing to correct"):
        session.correct(
            reason="r", title="Sixth meeting", venue=None, on=D(2020, 4, 1), actor="o"
        )
    with pytest.raises(DecisionBeforeLastError):
        session.correct(
            reason="r", title="Sixth", venue=None, on=D(2020, 3, 1), actor=OFFICER
        )
    assert names(session) == []
