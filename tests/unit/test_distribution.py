"""A body's distribution list, and the record of a delivery: the events they
collect, and the rules they keep."""

from __future__ import annotations

from datetime import date

import pytest

from domain.delivery import Delivery, attempt_id
from domain.distribution import (
    AlreadySubscribedError,
    DistributionList,
    ListChangeBeforeLastError,
    NotSubscribedError,
    check_email,
    distribution_list_id,
)
from domain.errors import InvalidValueError

ON = date(2019, 12, 3)


def started() -> DistributionList:
    listed = DistributionList(body="cybercrime-egm", on=ON, actor="officer")
    listed.subscribe(
        email="PointFocal@mission-france.example",
        name="Jean Dupont",
        delegation="France",
        language="fr",
        bureau=False,
        on=ON,
        actor="officer",
    )
    return listed


def test_a_list_begins_with_its_first_subscriber_and_is_known_by_its_body() -> None:
    listed = started()
    events = listed.collect_events()

    assert [type(e).__name__ for e in events] == ["Started", "Subscribed"]
    assert listed.id == distribution_list_id("cybercrime-egm")
    assert events[1].language == "fr"


def test_an_address_is_matched_ignoring_case() -> None:
    listed = started()
    listed.unsubscribe(email="pointfocal@MISSION-france.example", on=ON, actor="o")

    assert listed.subscribers == {}
    assert type(listed.collect_events()[-1]).__name__ == "Unsubscribed"


def test_subscribing_again_exactly_as_subscribed_is_refused() -> None:
    listed = started()
    with pytest.raises(AlreadySubscribedError):
        listed.subscribe(
            email="PointFocal@mission-france.example",
            name="Jean Dupont",
            delegation="France",
            language="fr",
            bureau=False,
            on=ON,
            actor="officer",
        )


def test_an_address_not_on_the_list_cannot_leave_it() -> None:
    with pytest.raises(NotSubscribedError):
        started().unsubscribe(email="someone@else.example", on=ON, actor="o")


def test_a_change_dated_before_the_last_is_refused() -> None:
    with pytest.raises(ListChangeBeforeLastError):
        started().unsubscribe(
            email="pointfocal@mission-france.example", on=date(2019, 1, 1), actor="o"
        )


@pytest.mark.parametrize(
    "written",
    ["", "no-at-sign", "a@b", "a b@c.org", "a@b.org, c@d.org", "<a@b.org>",
     "é@b.org", "a@b.org\n", "x" * 250 + "@b.org"],
)  # fmt: skip
def test_what_is_not_one_address_is_refused(written: str) -> None:
    with pytest.raises(InvalidValueError):
        check_email(written)


def test_an_attempt_is_one_record_known_by_its_message_and_number() -> None:
    sent = Delivery.record(
        Delivery.Sent,
        message="m-1",
        message_id="<m-1@secretariat>",
        body="cybercrime-egm",
        to="a@b.org",
        attempt=2,
        on=ON,
        actor="sender",
    )
    [event] = sent.collect_events()

    assert sent.id == attempt_id("m-1", 2)
    assert isinstance(event, Delivery.Sent)
    assert (event.message_id, event.attempt, event.to) == (
        "<m-1@secretariat>",
        2,
        "a@b.org",
    )
