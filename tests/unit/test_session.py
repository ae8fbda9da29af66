"""The Session aggregate: the events each command records, and every rule."""

from __future__ import annotations

from datetime import date

import pytest

from domain.session import (
    AlreadyPostponedError,
    DatesUnchangedError,
    DecisionBeforeLastError,
    DocumentAlreadyIssuedError,
    DocumentNotIssuedError,
    EmptyAgendaError,
    OpeningOutsideDatesError,
    PostponementNotLaterError,
    RepeatedAgendaItemError,
    ReportAlreadyAdoptedError,
    Session,
    SessionNotAlterableError,
    UnknownAgendaItemError,
    VenueUnchangedError,
)
from domain.values import AgendaItem, DateRange, DocumentKind, Format, SessionStatus
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


def test_a_postponement_without_dates_leaves_them_to_be_determined() -> None:
    session = sixth()
    session.postpone(reason="COVID-19", dates=None, on=D(2020, 3, 13), actor=OFFICER)
    assert names(session) == ["Postponed"]
    assert session.dates is None
    assert session.status is SessionStatus.POSTPONED


def test_a_postponement_must_move_the_start_later() -> None:
    session = sixth()
    earlier = DateRange(D(2020, 3, 30), D(2020, 4, 1))
    with pytest.raises(PostponementNotLaterError, match="reschedule it instead"):
        session.postpone(reason="x", dates=earlier, on=D(2020, 3, 1), actor=OFFICER)
    same_start = DateRange(D(2020, 4, 6), D(2020, 4, 9))
    with pytest.raises(PostponementNotLaterError):
        session.postpone(reason="x", dates=same_start, on=D(2020, 3, 1), actor=OFFICER)
    assert session.collect_events() == []


def test_a_session_with_dates_to_be_determined_is_rescheduled_not_postponed() -> None:
    session = sixth()
    session.postpone(reason="COVID-19", dates=None, on=D(2020, 3, 13), actor=OFFICER)
    session.collect_events()
    with pytest.raises(AlreadyPostponedError, match="reschedule it"):
        session.postpone(reason="again", dates=JULY, on=D(2020, 4, 1), actor=OFFICER)
    session.reschedule(dates=JULY, reason=None, on=D(2020, 5, 1), actor=OFFICER)
    (rescheduled,) = session.collect_events()
    assert rescheduled.previous is None  # type: ignore[attr-defined]
    assert rescheduled.new == JULY  # type: ignore[attr-defined]
    assert session.status is SessionStatus.SCHEDULED
    assert session.dates == JULY


def test_rescheduling_may_bring_a_session_forward_but_must_change_its_dates() -> None:
    session = sixth()
    earlier = DateRange(D(2020, 3, 30), D(2020, 4, 1))
    session.reschedule(dates=earlier, reason="Room", on=D(2020, 1, 10), actor=OFFICER)
    assert names(session) == ["Rescheduled"]
    with pytest.raises(DatesUnchangedError, match="already on 30 March–1 April 2020"):
        session.reschedule(dates=earlier, reason=None, on=D(2020, 1, 11), actor=OFFICER)


def test_a_change_of_format_keeps_the_venue() -> None:
    session = sixth()
    session.change_venue(
        venue=None, format=Format.HYBRID, on=D(2020, 7, 13), actor=OFFICER
    )
    (changed,) = session.collect_events()
    assert changed.venue == "Vienna, Austria"  # type: ignore[attr-defined]
    assert changed.format is Format.HYBRID  # type: ignore[attr-defined]


def test_a_change_of_venue_must_change_something() -> None:
    session = sixth()
    with pytest.raises(VenueUnchangedError):
        session.change_venue(
            venue="Vienna, Austria",
            format=Format.IN_PERSON,
            on=D(2020, 1, 1),
            actor=OFFICER,
        )


@pytest.mark.parametrize(
    "close_it",
    [
        lambda s: s.cancel(reason="No funds", on=D(2020, 3, 1), actor=OFFICER),
        lambda s: (
            s.open(on=D(2020, 4, 6), actor=OFFICER),
            s.close(on=D(2020, 4, 8), actor=OFFICER),
        ),
        lambda s: s.open(on=D(2020, 4, 6), actor=OFFICER),
    ],
    ids=["cancelled", "closed", "in-session"],
)
@pytest.mark.parametrize(
    ("change", "verb"),
    [
        (
            lambda s: s.postpone(
                reason="x", dates=JULY, on=D(2020, 5, 1), actor=OFFICER
            ),
            "postponed",
        ),
        (
            lambda s: s.reschedule(
                dates=JULY, reason=None, on=D(2020, 5, 1), actor=OFFICER
            ),
            "rescheduled",
        ),
        (
            lambda s: s.change_venue(
                venue="Geneva", format=None, on=D(2020, 5, 1), actor=OFFICER
            ),
            "relocated",
        ),
        (
            lambda s: s.cancel(reason="x", on=D(2020, 5, 1), actor=OFFICER),
            "cancelled",
        ),
    ],
)
def test_only_a_scheduled_or_postponed_session_can_be_changed(
    close_it: object, change: object, verb: str
) -> None:
    session = sixth()
    close_it(session)  # type: ignore[operator]
    session.collect_events()
    with pytest.raises(SessionNotAlterableError, match=f"cannot be {verb}"):
        change(session)  # type: ignore[operator]
    assert session.collect_events() == []


def test_a_closed_session_cannot_be_postponed_and_the_officer_is_told_why() -> None:
    session = sixth()
    session.open(on=D(2020, 4, 6), actor=OFFICER)
    session.close(on=D(2020, 4, 8), actor=OFFICER)
    with pytest.raises(SessionNotAlterableError) as raised:
        session.postpone(reason="x", dates=None, on=D(2020, 4, 9), actor=OFFICER)
    assert (
        str(raised.value)
        == "the 6th session of cybercrime-egm is closed and cannot be postponed"
    )


def test_a_decision_cannot_take_effect_before_one_already_recorded() -> None:
    session = sixth()
    session.postpone(reason="COVID-19", dates=JULY, on=D(2020, 3, 13), actor=OFFICER)
    session.collect_events()
    with pytest.raises(DecisionBeforeLastError, match=r"2020-03-12.*2020-03-13"):
        session.change_venue(
            venue="Geneva", format=None, on=D(2020, 3, 12), actor=OFFICER
        )
    with pytest.raises(DecisionBeforeLastError):
        session.record_statement(
            delegation="Australia", item=None, on=D(2020, 1, 1), actor=OFFICER
        )
    session.change_venue(venue="Geneva", format=None, on=D(2020, 3, 13), actor=OFFICER)
    assert names(session) == ["VenueChanged"]


def test_a_cancelled_session_cannot_be_changed_or_take_statements() -> None:
    session = sixth()
    session.cancel(reason="No funds", on=D(2020, 3, 1), actor=OFFICER)
    assert names(session) == ["Cancelled"]
    assert session.status is SessionStatus.CANCELLED
    with pytest.raises(SessionNotAlterableError, match="cannot have statements"):
        session.record_statement(
            delegation="Australia", item=None, on=D(2020, 3, 2), actor=OFFICER
        )
    with pytest.raises(SessionNotAlterableError, match="cannot have panelists"):
        session.confirm_panelist(
            name="Mr. A",
            delegation="Angola",
            item=3,
            title="Prevention",
            on=D(2020, 3, 2),
            actor=OFFICER,
        )


def agenda() -> list[AgendaItem]:
    return [
        AgendaItem(3, "Prevention"),
        AgendaItem(1, "Organizational matters"),
        AgendaItem(2, "International cooperation"),
    ]


def test_the_agenda_is_kept_in_item_order() -> None:
    session = sixth()
    session.issue_agenda(items=agenda(), on=D(2020, 3, 1), actor=OFFICER)
    (issued,) = session.collect_events()
    assert [item.number for item in issued.items] == [1, 2, 3]  # type: ignore[attr-defined]


def test_an_agenda_needs_items_numbered_once() -> None:
    session = sixth()
    with pytest.raises(EmptyAgendaError):
        session.issue_agenda(items=[], on=D(2020, 3, 1), actor=OFFICER)
    with pytest.raises(RepeatedAgendaItemError, match="item 2"):
        session.issue_agenda(
            items=[AgendaItem(2, "A"), AgendaItem(2, "B")],
            on=D(2020, 3, 1),
            actor=OFFICER,
        )


def test_statements_and_panelists_name_items_of_the_agenda_once_issued() -> None:
    session = sixth()
    session.record_statement(
        delegation="Australia", item=9, on=D(2020, 3, 1), actor=OFFICER
    )
    session.issue_agenda(items=agenda(), on=D(2020, 3, 1), actor=OFFICER)
    session.record_statement(
        delegation="Colombia", item=2, on=D(2020, 7, 27), actor=OFFICER
    )
    session.record_statement(
        delegation="Australia", item=None, on=D(2020, 7, 27), actor=OFFICER
    )
    assert names(session) == [
        "StatementRecorded",
        "AgendaIssued",
        "StatementRecorded",
        "StatementRecorded",
    ]
    with pytest.raises(UnknownAgendaItemError, match="has no item 4"):
        session.record_statement(
            delegation="Greece", item=4, on=D(2020, 7, 27), actor=OFFICER
        )
    with pytest.raises(UnknownAgendaItemError):
        session.confirm_panelist(
            name="Mr. Pedro Destino",
            delegation="Angola",
            item=4,
            title="Challenges for Cybercrime Prevention",
            on=D(2020, 7, 27),
            actor=OFFICER,
        )


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


def test_a_session_opens_only_on_one_of_its_days() -> None:
    session = sixth()
    with pytest.raises(OpeningOutsideDatesError, match="6–8 April 2020"):
        session.open(on=D(2020, 4, 5), actor=OFFICER)
    session.postpone(reason="COVID-19", dates=None, on=D(2020, 4, 5), actor=OFFICER)
    with pytest.raises(SessionNotAlterableError, match="cannot be opened"):
        session.open(on=D(2020, 4, 6), actor=OFFICER)
    session.reschedule(dates=JULY, reason=None, on=D(2020, 5, 1), actor=OFFICER)
    session.open(on=D(2020, 7, 27), actor=OFFICER)
    assert session.status is SessionStatus.IN_SESSION


def test_a_session_closes_only_once_opened() -> None:
    session = sixth()
    with pytest.raises(SessionNotAlterableError, match="it has not opened"):
        session.close(on=D(2020, 4, 8), actor=OFFICER)
    session.open(on=D(2020, 4, 6), actor=OFFICER)
    session.close(on=D(2020, 4, 8), actor=OFFICER)
    assert names(session) == ["Opened", "Closed"]
    assert session.status is SessionStatus.CLOSED


def test_the_report_is_adopted_once_and_only_after_opening() -> None:
    session = sixth()
    with pytest.raises(SessionNotAlterableError, match="before it opens"):
        session.adopt_report(symbol=None, on=D(2020, 4, 8), actor=OFFICER)
    session.open(on=D(2020, 4, 6), actor=OFFICER)
    session.adopt_report(symbol="UNODC/CCPCJ/EG.4/2020/2", on=D(2020, 4, 8), actor="x")
    session.close(on=D(2020, 4, 8), actor=OFFICER)
    assert names(session) == ["Opened", "ReportAdopted", "Closed"]
    with pytest.raises(ReportAlreadyAdoptedError, match="2020-04-08"):
        session.adopt_report(symbol=None, on=D(2020, 4, 9), actor=OFFICER)
    assert session.report_adopted_on == D(2020, 4, 8)


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
