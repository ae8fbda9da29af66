"""The same test bodies on an SQLite file and on PostgreSQL: save, reload,
snapshots, every value object read back as written, and conflicts."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from application.commands import (
    AdoptWorkplan,
    ChangeVenue,
    IssueAgenda,
    IssueDocument,
    PostponeSession,
    ReceiveSubmission,
    RecordStatement,
    RequestComments,
)
from application.errors import ConflictError
from application.secretariat import SNAPSHOT_INTERVAL, Secretariat
from domain.ids import session_id, workplan_id
from domain.session import Session
from domain.values import (
    AgendaItem,
    CycleTopics,
    DocumentKind,
    Format,
    Period,
    SessionStatus,
    SubmitterKind,
)
from domain.workplan import Workplan
from tests.builders import BODY, JULY, OFFICER, establish, open_sixth, schedule_sixth

PERIOD = Period(2018, 2021)


def reopen(store: str) -> Secretariat:
    return open_secretariat(parse_store_url(store), create=False)


def test_a_session_reads_back_exactly_as_it_was_recorded(
    store: str, stored_secretariat: Secretariat
) -> None:
    app = stored_secretariat
    establish(app)
    schedule_sixth(app)
    app.execute(
        PostponeSession(
            body=BODY,
            number=6,
            reason="Impact of the COVID-19 pandemic",
            dates=JULY,
            on=date(2020, 3, 13),
            actor=OFFICER,
        )
    )
    app.execute(
        ChangeVenue(
            body=BODY, number=6, format=Format.HYBRID, on=date(2020, 7, 13), actor="a"
        )
    )
    app.execute(
        IssueAgenda(
            body=BODY,
            number=6,
            items=[AgendaItem(1, "Organizational matters")],
            on=date(2020, 7, 13),
            actor=OFFICER,
        )
    )
    app.execute(
        IssueDocument(
            body=BODY,
            number=6,
            kind=DocumentKind.ANNOTATED_AGENDA,
            title="Annotated Provisional Agenda",
            symbol="UNODC/CCPCJ/EG.4/2020/1",
            on=date(2020, 7, 13),
            actor=OFFICER,
        )
    )

    reopened = reopen(store)
    try:
        session = reopened.repository.get(session_id(BODY, 6))
        assert isinstance(session, Session)
        assert session.version == 5
        assert session.dates == JULY
        assert session.format is Format.HYBRID
        assert session.status is SessionStatus.SCHEDULED
        assert session.agenda == [AgendaItem(1, "Organizational matters")]
        history = reopened.history(BODY, 6)["events"]
        assert [e["event"] for e in history] == [
            "Scheduled",
            "Postponed",
            "VenueChanged",
            "AgendaIssued",
            "DocumentIssued",
        ]
        assert history[1]["new"] == {"start": "2020-07-27", "end": "2020-07-29"}
        assert history[1]["previous"] == {"start": "2020-04-06", "end": "2020-04-08"}
        assert history[2]["format"] == "hybrid"
        assert history[4]["kind"] == "annotated-agenda"
    finally:
        reopened.close()


def test_a_workplan_reads_back_with_its_topics_calls_and_submissions(
    store: str, stored_secretariat: Secretariat
) -> None:
    app = stored_secretariat
    establish(app)
    app.execute(
        AdoptWorkplan(
            body=BODY,
            period=PERIOD,
            at_session=4,
            topics=[
                CycleTopics(2020, ["International cooperation", "Prevention"]),
                CycleTopics(2018, ["Legislation and frameworks", "Criminalization"]),
            ],
            stocktaking_by=2021,
            on=date(2018, 4, 5),
            actor=OFFICER,
        )
    )
    app.execute(
        RequestComments(
            body=BODY,
            period=PERIOD,
            cycle=2020,
            deadline=date(2020, 3, 12),
            on=date(2019, 12, 1),
            actor=OFFICER,
        )
    )
    app.execute(
        ReceiveSubmission(
            body=BODY,
            period=PERIOD,
            cycle=2020,
            submitter="Ecuador",
            submitter_kind=SubmitterKind.MEMBER_STATE,
            reference="EC-1",
            on=date(2020, 3, 1),
            actor=OFFICER,
        )
    )
    reopened = reopen(store)
    try:
        workplan = reopened.repository.get(workplan_id(BODY, PERIOD))
        assert isinstance(workplan, Workplan)
        assert workplan.period == PERIOD
        assert [cycle.year for cycle in workplan.topics] == [2018, 2020]
        assert workplan.topics[1].topics == ("International cooperation", "Prevention")
        assert workplan.deadlines == {"2020": date(2020, 3, 12)}
        assert workplan.references == {"2020": ["EC-1"]}
    finally:
        reopened.close()


def test_a_long_session_is_loaded_from_its_latest_snapshot(
    store: str, stored_secretariat: Secretariat
) -> None:
    app = stored_secretariat
    establish(app)
    schedule_sixth(app)
    open_sixth(app)
    statements = SNAPSHOT_INTERVAL + 5
    for _ in range(statements):
        app.execute(
            RecordStatement(
                body=BODY,
                number=6,
                delegation="Russian Federation",
                on=date(2020, 7, 27),
                actor=OFFICER,
            )
        )
    assert app.snapshots is not None
    snapshots = list(app.snapshots.get(session_id(BODY, 6)))
    assert [s.originator_version for s in snapshots] == [SNAPSHOT_INTERVAL]

    reopened = reopen(store)
    try:
        session = reopened.repository.get(session_id(BODY, 6))
        assert session.version == statements + 2  # scheduled, opened, statements
        assert session.dates is not None
    finally:
        reopened.close()


def test_a_change_saved_meanwhile_by_someone_else_makes_a_postponement_conflict(
    stored_secretariat: Secretariat, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = stored_secretariat
    establish(app)
    schedule_sixth(app)
    load = app.repository.get

    def load_then_someone_else_postpones(aggregate_id: object, **kwargs: object):  # type: ignore[no-untyped-def]
        loaded = load(aggregate_id, **kwargs)  # type: ignore[arg-type]
        monkeypatch.setattr(app.repository, "get", load)
        app.execute(
            PostponeSession(
                body=BODY,
                number=6,
                reason="First officer",
                dates=None,
                on=date(2020, 3, 13),
                actor="first officer",
            )
        )
        return loaded

    monkeypatch.setattr(app.repository, "get", load_then_someone_else_postpones)
    with pytest.raises(ConflictError, match="run the command again"):
        app.execute(
            PostponeSession(
                body=BODY,
                number=6,
                reason="Second officer",
                dates=JULY,
                on=date(2020, 3, 13),
                actor="second officer",
            )
        )
    events = app.history(BODY, 6)["events"]
    assert [(e["event"], e["actor"]) for e in events] == [
        ("Scheduled", OFFICER),
        ("Postponed", "first officer"),
    ]


def test_a_statement_meeting_a_concurrent_change_is_retried_and_both_are_kept(
    stored_secretariat: Secretariat, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = stored_secretariat
    establish(app)
    schedule_sixth(app)
    open_sixth(app)
    load = app.repository.get

    def load_then_someone_else_records(aggregate_id: object, **kwargs: object):  # type: ignore[no-untyped-def]
        loaded = load(aggregate_id, **kwargs)  # type: ignore[arg-type]
        monkeypatch.setattr(app.repository, "get", load)
        app.execute(
            RecordStatement(
                body=BODY, number=6, delegation="China", on=date(2020, 7, 27), actor="a"
            )
        )
        return loaded

    monkeypatch.setattr(app.repository, "get", load_then_someone_else_records)
    recorded = app.execute(
        RecordStatement(
            body=BODY, number=6, delegation="Australia", on=date(2020, 7, 27), actor="b"
        )
    )
    assert recorded.version == 4
    delegations = [e.get("delegation") for e in app.history(BODY, 6)["events"]]
    assert delegations == [None, None, "China", "Australia"]
