"""The pages state what the record holds, never what the world did: a
milestone is met by a session recorded as the stocktaking one, or no such
session is recorded; a session is opened and closed in the record, not held."""

from __future__ import annotations

import re
from pathlib import Path

from tests.site.conftest import Build
from tests.site.html import check_page, following, items, rows, text_of

BODY = "- {command: establish-body, code: egm, name: Expert group, on: 2018-01-01}\n"
WORKPLAN = (
    "- {command: adopt-workplan, body: egm, period: 2018-2021, at-session: 1, "
    "topics: {2020: [Prevention]}, stocktaking-by: 2021, on: 2018-04-05}\n"
)
STOCKTAKING = (
    "- {command: schedule-session, body: egm, number: 7, title: Seventh session, "
    "start: 2021-04-06, end: 2021-04-08, venue: Vienna, stocktaking: true, "
    "on: 2020-11-02}\n"
)
HELD = (
    "- {command: open-session, body: egm, number: 7, on: 2021-04-06}\n"
    "- {command: close-session, body: egm, number: 7, on: 2021-04-08}\n"
)

WORLD = re.compile(
    r"\b(was|were|has been|have been|not been|never|no such meeting was) held\b"
    r"|\bno such meeting\b|\bStatus held\b|\bSessions held\b",
    re.IGNORECASE,
)
"""Phrases that say what the world did rather than what the record holds."""


def pages(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): text_of(
            check_page(path.read_text(encoding="utf-8"))
        )
        for path in sorted(site.rglob("*.html"))
    }


def milestones(site: Path) -> list[str]:
    page = check_page(
        (site / "egm" / "workplan-2018-2021.html").read_text(encoding="utf-8")
    )
    return items(following(page, "Milestones"))


def test_a_milestone_with_no_stocktaking_session_reads_none_is_recorded(
    site_of: Build,
) -> None:
    site = site_of(BODY + WORKPLAN, "--today", "2022-01-15")

    assert milestones(site) == [
        "A stocktaking meeting no later than 31 December 2021: overdue: no "
        "stocktaking session is recorded by 31 December 2021."
    ]


def test_a_milestone_met_names_the_session_recorded_as_the_stocktaking_one(
    site_of: Build,
) -> None:
    site = site_of(BODY + WORKPLAN + STOCKTAKING, "--today", "2021-01-15")

    assert milestones(site) == [
        "A stocktaking meeting no later than 31 December 2021: the seventh "
        "session, from 6 April 2021, is recorded as the stocktaking session."
    ]


def test_a_closed_session_reads_opened_and_closed_and_no_page_says_the_world_held_it(
    site_of: Build,
) -> None:
    site = site_of(BODY + WORKPLAN + STOCKTAKING + HELD, "--today", "2022-01-15")
    index = check_page((site / "index.html").read_text(encoding="utf-8"))

    [seventh] = rows(following(index, "Past sessions"))
    assert seventh[-1] == "opened and closed"
    for path, text in pages(site).items():
        assert not WORLD.search(text), (path, WORLD.search(text))


def test_an_index_without_past_sessions_says_none_is_recorded(
    site_of: Build,
) -> None:
    site = site_of(BODY + STOCKTAKING, "--today", "2021-01-15")
    index = check_page((site / "index.html").read_text(encoding="utf-8"))

    assert text_of(following(index, "Past sessions")) == (
        "No session whose dates have passed is recorded."
    )


def test_the_example_records_pages_say_nothing_of_what_the_world_did(
    example_site: Path,
) -> None:
    for path, text in pages(example_site).items():
        assert not WORLD.search(text), (path, WORLD.search(text))
