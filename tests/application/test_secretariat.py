"""The Secretariat on the in-memory store: ids, missing records, what a command
says it recorded, and the history as plain data (the rules are in features/)."""

from __future__ import annotations

import json
from datetime import date
from uuid import NAMESPACE_URL, uuid5

import pytest

from application.commands import (
    AdoptWorkplan,
    EstablishBody,
    ExtendDeadline,
    OpenSession,
    PostponeSession,
    RecordStatement,
    RequestComments,
)
from application.secretariat import Secretariat
from domain.body import BodyAlreadyEstablishedError, BodyNotFoundError
from domain.ids import body_id, session_id, workplan_id
from domain.session import (
    SessionNotFoundError,
)
from domain.values import CycleTopics, Period
from domain.workplan import WorkplanAlreadyAdoptedError, WorkplanNotFoundError
from tests.builders import BODY, OFFICER, establish, open_sixth, schedule_sixth

PERIOD = Period(2018, 2021)


def test_ids_come_from_natural_keys_and_are_the_same_on_every_installation() -> None:
    assert session_id(BODY, 6) == uuid5(
        NAMESPACE_URL, "urn:secretariat:session:cybercrime-egm:6"
    )
    assert body_id(BODY) == uuid5(NAMESPACE_URL, "urn:secretariat:body:cybercrime-egm")
    assert workplan_id(BODY, PERIOD) == uuid5(
        NAMESPACE_URL, "urn:secretariat:workplan:cybercrime-egm:2018-2021"
    )


def test_a_body_is_established_once(secretariat: Secretariat) -> None:
    establish(secretariat)
    with pytest.raises(BodyAlreadyEstablishedError):
        establish(secretariat)
    assert secretariat.event_count() == 1


def test_a_missing_session_is_named_as_the_officer_would_name_it(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    with pytest.raises(SessionNotFoundError) as raised:
        secretariat.execute(
            PostponeSession(
                body=BODY, number=7, reason="x", on=date(2020, 3, 1), actor=OFFICER
            )
        )
    assert str(raised.value) == "there is no 7th session of cybercrime-egm"
    with pytest.raises(SessionNotFoundError):
        secretariat.history(BODY, 7)


def test_a_missing_body_is_reported_before_its_missing_session(
    secretariat: Secretariat,
) -> None:
    with pytest.raises(BodyNotFoundError, match="there is no body 'ccpcj'"):
        secretariat.execute(
            OpenSession(body="ccpcj", number=1, on=date(2020, 3, 1), actor=OFFICER)
        )


def test_a_workplan_is_adopted_once_for_an_established_body(
    secretariat: Secretariat,
) -> None:
    adopt = AdoptWorkplan(
        body=BODY,
        period=PERIOD,
        at_session=4,
        topics=[CycleTopics(2020, ["International cooperation", "Prevention"])],
        stocktaking_by=2021,
        on=date(2018, 4, 5),
        actor=OFFICER,
    )
    with pytest.raises(BodyNotFoundError):
        secretariat.execute(adopt)
    establish(secretariat)
    recorded = secretariat.execute(adopt)
    assert (recorded.event, recorded.version) == ("Adopted", 1)
    assert recorded.record == "the 2018-2021 workplan of cybercrime-egm"
    with pytest.raises(WorkplanAlreadyAdoptedError):
        secretariat.execute(adopt)


def test_comments_need_an_adopted_workplan(secretariat: Secretariat) -> None:
    establish(secretariat)
    with pytest.raises(WorkplanNotFoundError, match="no workplan for 2018-2021"):
        secretariat.execute(
            RequestComments(
                body=BODY,
                period=PERIOD,
                cycle=2020,
                deadline=date(2020, 3, 12),
                on=date(2019, 12, 1),
                actor=OFFICER,
            )
        )
    with pytest.raises(WorkplanNotFoundError):
        secretariat.execute(
            ExtendDeadline(
                body=BODY,
                period=PERIOD,
                cycle=2020,
                to=date(2020, 6, 1),
                reason="x",
                on=date(2020, 4, 1),
                actor=OFFICER,
            )
        )


def test_each_command_says_what_it_recorded_and_the_new_version(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    open_sixth(secretariat)
    recorded = secretariat.execute(
        RecordStatement(
            body=BODY, number=6, delegation="Australia", on=date(2020, 7, 27), actor="a"
        )
    )
    assert recorded.event == "StatementRecorded"
    assert recorded.version == 3  # scheduled, opened, then the statement
    assert recorded.record == "the 6th session of cybercrime-egm"


def test_the_history_is_plain_data_oldest_first_with_who_and_when(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    schedule_sixth(secretariat)
    secretariat.execute(
        PostponeSession(
            body=BODY,
            number=6,
            reason="Impact of the COVID-19 pandemic",
            dates=None,
            on=date(2020, 3, 13),
            actor="Chief, Conference Management",
            source="Special Message of 13 March 2020",
            assumed=True,
            decided_by="the extended Bureau",
        )
    )
    history = secretariat.history(BODY, 6)
    assert json.loads(json.dumps(history)) == history
    first, second = history["events"]
    assert list(first)[:5] == ["version", "event", "on", "recorded_at", "actor"]
    assert (first["version"], first["event"], first["on"]) == (
        1,
        "Scheduled",
        "2019-12-02",
    )
    assert first["dates"] == {"start": "2020-04-06", "end": "2020-04-08"}
    assert second == {
        "version": 2,
        "event": "Postponed",
        "on": "2020-03-13",
        "recorded_at": second["recorded_at"],
        "actor": "Chief, Conference Management",
        "source": "Special Message of 13 March 2020",
        "assumed": True,
        "decided_by": "the extended Bureau",
        "recorded_via": None,
        "reason": "Impact of the COVID-19 pandemic",
        "previous": {"start": "2020-04-06", "end": "2020-04-08"},
        "new": None,
        "announced_in": None,
    }
    assert second["recorded_at"] >= first["recorded_at"]
    # Built by a program, through no face: how it arrived is not known.
    assert (first["source"], first["assumed"], first["decided_by"]) == (
        None,
        False,
        None,
    )
    assert second["recorded_at"].endswith("+00:00")


def test_an_establishment_keeps_the_mandate_and_parent(
    secretariat: Secretariat,
) -> None:
    secretariat.execute(
        EstablishBody(
            code="ccpcj",
            name="Commission on Crime Prevention and Criminal Justice",
            on=date(1992, 2, 6),
            actor=OFFICER,
        )
    )
    body = secretariat.repository.get(body_id("ccpcj"))
    assert body.parent is None
    assert body.name == "Commission on Crime Prevention and Criminal Justice"


def test_a_workplan_history_names_its_period_as_written(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    with pytest.raises(WorkplanNotFoundError):
        secretariat.workplan_history(BODY, PERIOD)
    secretariat.execute(
        AdoptWorkplan(
            body=BODY,
            period=PERIOD,
            at_session=4,
            topics=[CycleTopics(2020, ["International cooperation", "Prevention"])],
            stocktaking_by=2021,
            on=date(2018, 4, 5),
            actor=OFFICER,
        )
    )
    history = secretariat.workplan_history(BODY, PERIOD)
    assert history["period"] == "2018-2021"
    (adopted,) = history["events"]
    assert adopted["period"] == "2018-2021"
    assert adopted["topics"] == [
        {"year": 2020, "topics": ["International cooperation", "Prevention"]}
    ]
    assert adopted["stocktaking_by"] == 2021
