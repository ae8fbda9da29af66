"""The Session aggregate: what the procedures (features/) do not show: its
state, its id, and rules met by commands no procedure exercises."""

from __future__ import annotations

from datetime import date

import pytest

from domain.session import (
    DecisionBeforeLastError,
    DocumentAlreadyIssuedError,
    DocumentNotIssuedError,
    Session,
    SessionNotOpenedError,
)
from domain.values import AgendaItem, DocumentKind, Format, SessionStatus
from tests.builders import APRIL, JULY, OFFICER

D = date


def sixth() -> Session:
    session = Session(
        body="cybercrime-egm",
        number=6,
        title="Sixth meeting",
        dates=APRIL,
        venue="Vienna, Austria",
        format=Format.IN_PERSON,
        stocktaking=False,
        on=D(2019, 12, 2),
        actor=OFFICER,
    )
    session.collect_events()
    return session


def names(session: Session) -> list[str]:
    return [type(event).__name__ for event in session.collect_events()]


def test_scheduling_records_the_first_dates_as_the_original_ones() -> None:
    session = Session(
        body="cybercrime-egm",
        number=6,
        title="Sixth meeting",
        dates=APRIL,
        venue="Vienna, Austria",
        format=Format.IN_PERSON,
        stocktaking=False,
        on=D(2019, 12, 2),
        actor=OFFICER,
    )
    (scheduled,) = session.collect_events()
    assert type(scheduled).__name__ == "Scheduled"
    assert scheduled.on == D(2019, 12, 2)  # type: ignore[attr-defined]
    assert scheduled.actor == OFFICER  # type: ignore[attr-defined]
    assert session.original_dates == APRIL == session.dates
    assert session.status is SessionStatus.SCHEDULED


def test_the_same_body_and_number_always_give_the_same_session_id() -> None:
    assert Session.create_id("cybercrime-egm", 6) == Session.create_id(
        body="cybercrime-egm", number=6
    )
    assert Session.create_id("cybercrime-egm", 6) != Session.create_id(
        "cybercrime-egm", 7
    )


def test_a_postponement_to_new_dates_keeps_the_session_scheduled() -> None:
    session = sixth()
    session.postpone(reason="COVID-19", dates=JULY, on=D(2020, 3, 13), actor=OFFICER)
    (postponed,) = session.collect_events()
    assert type(postponed).__name__ == "Postponed"
    assert postponed.previous == APRIL  # type: ignore[attr-defined]
    assert postponed.new == JULY  # type: ignore[attr-defined]
    assert postponed.reason == "COVID-19"  # type: ignore[attr-defined]
    assert session.dates == JULY
    assert session.original_dates == APRIL
    assert session.status is SessionStatus.SCHEDULED
    assert session.postponements == 1


def test_a_decision_cannot_take_effect_before_one_already_recorded() -> None:
    session = sixth()
    session.postpone(reason="COVID-19", dates=JULY, on=D(2020, 3, 13), actor=OFFICER)
    session.collect_events()
    with pytest.raises(DecisionBeforeLastError, match=r"2020-03-12.*2020-03-13"):
        session.change_venue(
            venue="Geneva", format=None, on=D(2020, 3, 12), actor=OFFICER
        )
    with pytest.raises(DecisionBeforeLastError):
        session.confirm_panelist(
            name="Ms. A",
            delegation="Australia",
            item=1,
            title="Prevention",
            on=D(2020, 1, 1),
            actor=OFFICER,
        )
    session.change_venue(venue="Geneva", format=None, on=D(2020, 3, 13), actor=OFFICER)
    assert names(session) == ["VenueChanged"]


def test_a_struck_opening_leaves_the_session_without_statements_until_it_opens() -> (
    None
):
    session = sixth()
    session.open(on=APRIL.start, actor=OFFICER)
    [opening] = session.collect_events()
    session.strike(
        version=opening.originator_version,
        reason="opened in error",
        on=APRIL.start,
        actor=OFFICER,
    )
    session.collect_events()
    with pytest.raises(SessionNotOpenedError):
        session.record_statement(
            delegation="Australia", item=None, on=APRIL.start, actor=OFFICER
        )


def agenda() -> list[AgendaItem]:
    return [
        AgendaItem(3, "Prevention"),
        AgendaItem(1, "Organizational matters"),
        AgendaItem(2, "International cooperation"),
    ]


def test_a_document_is_issued_once_and_circulated_only_once_issued() -> None:
    session = sixth()
    title = "Proposed organization of work"
    with pytest.raises(DocumentNotIssuedError, match="issue it first"):
        session.circulate_document(
            title=title, to="extended Bureau", via=None, on=D(2020, 7, 13), actor="x"
        )
    session.issue_document(
        kind=DocumentKind.ORGANIZATION_OF_WORK,
        title=title,
        symbol=None,
        on=D(2020, 7, 13),
        actor=OFFICER,
    )
    with pytest.raises(DocumentAlreadyIssuedError):
        session.issue_document(
            kind=DocumentKind.OTHER,
            title=title,
            symbol=None,
            on=D(2020, 7, 13),
            actor=OFFICER,
        )
    session.circulate_document(
        title=title, to="extended Bureau", via=None, on=D(2020, 7, 13), actor=OFFICER
    )
    session.circulate_document(
        title=title,
        to="Member States",
        via="Special Message",
        on=D(2020, 7, 14),
        actor=OFFICER,
    )
    events = session.collect_events()
    assert [type(e).__name__ for e in events] == [
        "DocumentIssued",
        "DocumentCirculated",
        "DocumentCirculated",
    ]
    assert events[2].via == "Special Message"  # type: ignore[attr-defined]


def test_every_event_of_every_aggregate_carries_the_effective_date_and_actor() -> None:
    from domain.body import Body
    from domain.workplan import Workplan

    for aggregate in (Body, Session, Workplan):
        events = [
            value
            for value in vars(aggregate).values()
            if isinstance(value, type) and issubclass(value, aggregate.Event)
        ]
        assert len(events) > 1 or aggregate is Body
        for event_class in events:
            fields = event_class.__dataclass_fields__  # type: ignore[attr-defined]
            assert {"on", "actor"} <= set(fields), event_class
