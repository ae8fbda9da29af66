"""The Member States shipped with the project and how names are matched to them."""

from __future__ import annotations

import pytest

from domain.delegations import (
    ALIASES,
    UnknownDelegationError,
    folded,
    match,
    member_states,
)
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
