"""The Member States shipped with the project and how names are matched to them."""

from __future__ import annotations

from datetime import date

import pytest

from domain.body import (
    Body,
    BodyDecisionBeforeLastError,
    ObserverAlreadyAdmittedError,
    ObserverIsMemberStateError,
)
from domain.delegations import (
    ALIASES,
    UnknownDelegationError,
    folded,
    match,
    member_states,
)
from domain.values import ObserverKind
from tests.importing import seed_page
from tests.seed_page import panels_on_the_page, statements_on_the_page


def test_the_193_member_states_are_listed_once_each_with_their_source() -> None:
    states = member_states()
    assert len(states) == 193
    assert len({folded(name) for name in states}) == 193
    assert {"China", "Russian Federation", "Türkiye", "Côte d'Ivoire"} <= set(states)
    assert set(ALIASES.values()) <= set(states)


def test_every_delegation_on_the_seed_page_is_a_member_state() -> None:
    page = seed_page()
    spoke = [name for names in statements_on_the_page(page).values() for name in names]
    presented = [
        delegation for panel in panels_on_the_page(page) for _, delegation, _ in panel
    ]
    assert len(spoke) == 32
    assert len(presented) == 13
    members = {match(name).member for name in spoke + presented}
    assert "People's Republic of China" in presented
    assert "China" in members  # the panelist of the People's Republic counts as China
    assert "People's Republic of China" not in members


def test_a_name_matches_ignoring_case_spacing_and_diacritics_and_through_aliases() -> (
    None
):
    china = match("People's Republic of China")
    assert (china.member, china.written, china.differs) == (
        "China",
        "People's Republic of China",
        True,
    )
    assert match("  russian   federation ").member == "Russian Federation"
    assert match("Russia").member == "Russian Federation"
    assert match("USA").member == "United States of America"
    assert match("Turkiye").member == "Türkiye"
    assert match("Cote d’Ivoire").member == "Côte d'Ivoire"
    assert match("China").differs is False


def test_an_unknown_name_is_refused_with_the_closest_names() -> None:
    with pytest.raises(UnknownDelegationError) as refused:
        match("Russain Federation")
    assert str(refused.value) == (
        "'Russain Federation' is not a Member State of the United Nations; "
        "did you mean 'Russian Federation'?"
    )
    with pytest.raises(UnknownDelegationError, match=r"United Nations$"):
        match("Atlantis Oceanic Union of Worlds")


def body() -> Body:
    established = Body(
        code="cybercrime-egm",
        name="Expert Group on Cybercrime",
        parent="CCPCJ",
        mandate=None,
        timezone="UTC",
        on=date(2011, 1, 17),
        actor="officer",
    )
    established.collect_events()
    return established


def test_an_observer_is_admitted_once_and_then_known_however_written() -> None:
    egm = body()
    egm.admit_observer(
        name="Council of Europe",
        kind=ObserverKind.INTERGOVERNMENTAL,
        on=date(2019, 1, 10),
        actor="officer",
    )
    [admitted] = egm.collect_events()
    assert (admitted.name, admitted.kind) == (
        "Council of Europe",
        ObserverKind.INTERGOVERNMENTAL,
    )
    known = egm.delegation("council  of EUROPE")
    assert (known.member, known.written, known.observer) == (
        "Council of Europe",
        "council  of EUROPE",
        True,
    )
    with pytest.raises(ObserverAlreadyAdmittedError, match="already admitted"):
        egm.admit_observer(
            name="COUNCIL OF EUROPE",
            kind=ObserverKind.OTHER,
            on=date(2019, 2, 1),
            actor="officer",
        )
    assert egm.collect_events() == []


def test_a_member_state_is_not_admitted_as_an_observer() -> None:
    egm = body()
    with pytest.raises(ObserverIsMemberStateError) as refused:
        egm.admit_observer(
            name="Russia", kind=ObserverKind.STATE, on=date(2019, 1, 10), actor="o"
        )
    assert str(refused.value) == (
        "'Russia' is a Member State of the United Nations (Russian Federation): "
        "it is a member of cybercrime-egm, not an observer"
    )
    assert egm.collect_events() == []


def test_an_admission_is_not_dated_before_the_bodys_last_decision() -> None:
    egm = body()
    with pytest.raises(
        BodyDecisionBeforeLastError, match="before the last one recorded for the body"
    ):
        egm.admit_observer(
            name="Holy See", kind=ObserverKind.STATE, on=date(2010, 1, 1), actor="o"
        )


def test_a_name_in_neither_list_is_refused_unless_unlisted() -> None:
    egm = body()
    with pytest.raises(UnknownDelegationError) as refused:
        egm.delegation("Councl of Europe")
    assert str(refused.value) == (
        "'Councl of Europe' is neither a Member State of the United Nations nor "
        "an observer admitted to cybercrime-egm (an expert in a personal "
        "capacity is recorded as unlisted)"
    )
    expert = egm.delegation("in a personal capacity", unlisted=True)
    assert (expert.member, expert.written, expert.unlisted) == (
        "in a personal capacity",
        "in a personal capacity",
        True,
    )
    # A listed name is that delegation, unlisted or not.
    china = egm.delegation("People's Republic of China", unlisted=True)
    assert (china.member, china.unlisted) == ("China", False)
