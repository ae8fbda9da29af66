"""The example record, imported, checked against the seed page it comes from.

The expected facts are read from the page itself (examples/), so that the
example cannot drift from it unnoticed; the counts the issue names are checked
as well, in case the page and the example were misread alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from adapters.cli.import_files import read_import_file
from application.importing import apply_entries
from application.records import event_record
from application.secretariat import Secretariat
from domain.delegations import member_states
from domain.ids import body_id, session_id, workplan_id
from domain.values import Period
from tests.importing import EXAMPLE, seed_page
from tests.seed_page import (
    ORDINALS,
    announcement,
    dates,
    day,
    documents_on_the_page,
    items_on_the_page,
    panels_on_the_page,
    past_meetings,
    statements_on_the_page,
)

BODY = "cybercrime-egm"


@pytest.fixture(scope="module")
def page() -> str:
    return seed_page()


@pytest.fixture(scope="module")
def record() -> Iterator[Secretariat]:
    """The example imported into the Secretariat in memory."""
    app = Secretariat(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    try:
        apply_entries(app, read_import_file(EXAMPLE))
        yield app
    finally:
        app.close()


def events(app: Secretariat, aggregate_id: UUID) -> list[dict[str, Any]]:
    return [event_record(event) for event in app.events.get(aggregate_id)]


def session(app: Secretariat, number: int) -> list[dict[str, Any]]:
    return list(app.history(BODY, number)["events"])


def named(history: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [event for event in history if event["event"] == name]


def workplan(app: Secretariat) -> list[dict[str, Any]]:
    return events(app, workplan_id(BODY, Period(2018, 2021)))


# The record against the page.


def test_the_body_was_established_by_the_ccpcj_under_resolution_65_230(
    record: Secretariat, page: str
) -> None:
    [established] = events(record, body_id(BODY))
    resolution, purpose = established["mandate"].split(": ", 1)

    assert established["parent"] in page
    assert established["parent"] == (
        "Commission on Crime Prevention and Criminal Justice (CCPCJ)"
    )
    assert resolution.startswith("Resolution 65/230 entitled ")
    assert f"In accordance with {resolution.lower()[:1]}{resolution[1:]}," in page
    assert f"group, {purpose}." in page
    assert established["name"].lower() in page.lower()


def test_the_first_five_meetings_were_held_in_vienna_on_the_dates_of_the_page(
    record: Secretariat, page: str
) -> None:
    held = past_meetings(page)
    assert sorted(held) == [1, 2, 3, 4, 5]

    for number, its_dates in held.items():
        history = session(record, number)
        [scheduled] = named(history, "Scheduled")
        assert scheduled["dates"] == its_dates
        assert scheduled["venue"] == "Vienna, Austria"
        assert [(e["event"], e["on"]) for e in history[1:]] == [
            ("Opened", its_dates["start"]),
            ("Closed", its_dates["end"]),
        ]


def test_the_sixth_session_was_postponed_once_because_of_the_pandemic(
    record: Secretariat, page: str
) -> None:
    new, original, reason = announcement(page)
    history = session(record, 6)

    [scheduled] = named(history, "Scheduled")
    [postponed] = named(history, "Postponed")
    assert scheduled["dates"] == original == dates("2020-04-06", "2020-04-08")
    assert scheduled["venue"] == "Vienna, Austria"
    assert postponed["previous"] == original
    assert postponed["new"] == new == dates("2020-07-27", "2020-07-29")
    assert reason == "COVID-19 pandemic"
    assert postponed["reason"] == f"Due to the impact of the {reason}"
    assert named(history, "Rescheduled") == named(history, "Cancelled") == []
    assert "will take place from 27-29 July 2020 in Vienna, Austria" in page
    assert [e["on"] for e in named(history, "Opened")] == ["2020-07-27"]
    assert [e["on"] for e in named(history, "Closed")] == ["2020-07-29"]


def test_the_sixth_session_was_attended_remotely_through_interprefy(
    record: Secretariat, page: str
) -> None:
    history = session(record, 6)

    [changed] = named(history, "VenueChanged")
    assert (changed["venue"], changed["format"]) == ("Vienna, Austria", "hybrid")
    guides = [
        e["title"] for e in named(history, "DocumentIssued") if e["kind"] == "guide"
    ]
    assert guides == [line for line in page.splitlines() if "Interprefy" in line]
    assert len(guides) == 2


def test_the_workplan_was_adopted_at_the_fourth_meeting_with_the_topics_of_each_year(
    record: Secretariat, page: str
) -> None:
    [adopted, *_] = workplan(record)
    said = re.search(
        r"At its (\w+) meeting, the expert group adopted the workplan of the expert "
        r"group for the period (\d{4}-\d{4})\. In accordance with the workplan, in "
        r"(\d{4}), the EGM will discuss (.+?) and (.+?)\. Moreover, no later than "
        r"(\d{4}), the expert group will hold a stocktaking meeting",
        page,
    )
    assert said
    ordinal, period, year, *topics, stocktaking = said.groups()

    assert adopted["event"] == "Adopted"
    assert adopted["at_session"] == ORDINALS.index(ordinal) + 1 == 4
    assert adopted["period"] == period == "2018-2021"
    assert adopted["stocktaking_by"] == int(stocktaking) == 2021
    by_year = {cycle["year"]: cycle["topics"] for cycle in adopted["topics"]}
    assert [topic.lower() for topic in by_year[int(year)]] == topics
    assert by_year == {
        2018: ["Legislation and frameworks", "Criminalization"],
        2019: [
            "Law enforcement and investigations",
            "Electronic evidence and criminal justice",
        ],
        2020: ["International cooperation", "Prevention"],
    }


def test_the_comment_deadline_was_extended_after_the_postponement(
    record: Secretariat, page: str
) -> None:
    original = re.search(r"original deadline of \w+, (\d+ \w+ \d{4})", page)
    extended = re.search(r"within the extended deadline of (\d+ \w+ \d{4})", page)
    assert original
    assert extended
    [postponed] = named(session(record, 6), "Postponed")

    history = [e for e in workplan(record) if e["event"] != "Adopted"]

    assert [e["event"] for e in history] == ["CommentsRequested", "DeadlineExtended"]
    requested, extension = history
    assert (requested["cycle"], requested["deadline"]) == (2020, day(original[1]))
    assert extension["cycle"] == 2020
    assert extension["previous"] == requested["deadline"] == "2020-03-12"
    assert extension["to"] == day(extended[1]) == "2020-06-01"
    assert (
        extension["reason"]
        == "Postponement of the session caused by the outbreak of COVID-19"
    )
    assert extension["reason"].lower() in page.lower()
    assert date.fromisoformat(extension["on"]) > date.fromisoformat(postponed["on"])


def test_the_page_names_no_one_who_sent_comments_so_none_is_recorded(
    record: Secretariat,
) -> None:
    assert [e for e in workplan(record) if e["event"] == "SubmissionReceived"] == []


def test_the_agenda_has_the_items_the_statements_are_grouped_by(
    record: Secretariat, page: str
) -> None:
    [agenda] = named(session(record, 6), "AgendaIssued")
    items = {item["number"]: item["title"] for item in agenda["items"]}

    assert items[1] == "Organizational matters"
    for number, title in items_on_the_page(page).items():
        assert items[number].lower() == title.lower()
    assert sorted(items_on_the_page(page)) == [2, 3]


def test_every_statement_on_the_page_is_recorded_under_its_agenda_item(
    record: Secretariat, page: str
) -> None:
    recorded: dict[int | None, list[str]] = {}
    for event in named(session(record, 6), "StatementRecorded"):
        recorded.setdefault(event["item"], []).append(event["delegation"])

    on_the_page = statements_on_the_page(page)
    assert {item: Counter(d) for item, d in recorded.items()} == {
        item: Counter(d) for item, d in on_the_page.items()
    }
    counts = {item: (len(set(d)), len(d)) for item, d in recorded.items()}
    assert counts == {None: (10, 11), 2: (11, 11), 3: (9, 10)}


def test_every_panelist_on_the_page_presents_on_the_item_of_the_panel(
    record: Secretariat, page: str
) -> None:
    panelists = named(session(record, 6), "PanelistConfirmed")

    recorded = [
        [
            (e["name"], e["delegation_as_written"], e["title"])
            for e in panelists
            if e["item"] == item
        ]
        for item in (2, 3)
    ]
    assert recorded == panels_on_the_page(page)
    assert [len(panel) for panel in recorded] == [7, 6]
    # The panelist of the People's Republic reads so, and counts as China.
    [zhang] = [e for e in panelists if e["name"] == "Ms. Gangqiang Zhang"]
    assert (zhang["delegation"], zhang["delegation_as_written"]) == (
        "China",
        "People's Republic of China",
    )
    assert all(not e["unlisted"] for e in panelists)
    assert {e["delegation"] for e in panelists} == {
        "Nigeria", "China", "Thailand", "Estonia", "Russian Federation",
        "Argentina", "Australia", "Angola", "Dominican Republic", "Portugal",
    }  # fmt: skip


def test_every_document_on_the_page_is_issued_with_its_kind(
    record: Secretariat, page: str
) -> None:
    history = session(record, 6)
    issued = {e["title"]: e["kind"] for e in named(history, "DocumentIssued")}
    shared, sent = named(history, "DocumentCirculated")

    # The page's line for the organization of work tells its circulation too.
    organization = next(t for t, k in issued.items() if k == "organization-of-work")
    as_the_page_says = (
        f"{organization} as shared with the {shared['to']} on "
        f"{date.fromisoformat(shared['on']):%-d %B %Y} and circulated by "
        f"{sent['via']} to {sent['to']} on {date.fromisoformat(sent['on']):%-d %B %Y}"
    )
    titles = [
        organization if t == as_the_page_says else t
        for t in documents_on_the_page(page)
    ]

    assert as_the_page_says in documents_on_the_page(page)
    assert sorted(issued) == sorted(titles)
    assert Counter(issued.values()) == {
        "guide": 2,
        "organization-of-work": 1,
        "code-of-conduct": 1,
        "annotated-agenda": 1,
        "participants-list": 1,
        "report": 1,
        "comments": 3,
        "background-paper": 4,
    }


def test_the_report_of_the_sixth_session_was_adopted(record: Secretariat) -> None:
    history = session(record, 6)

    [adopted] = named(history, "ReportAdopted")
    [opened] = named(history, "Opened")
    assert opened["on"] <= adopted["on"] <= "2020-07-29"
    assert history[-1]["event"] == "DocumentIssued"
    assert history[-1]["kind"] == "report"


def every_event(app: Secretariat) -> list[dict[str, Any]]:
    ids = [body_id(BODY), workplan_id(BODY, Period.parse("2018-2021"))]
    ids += [session_id(BODY, number) for number in range(1, 7)]
    return [record for aggregate_id in ids for record in events(app, aggregate_id)]


SEED_ADDRESS = (
    "https://www.unodc.org/unodc/en/organized-crime/open-ended-intergovernmental-"
    "expert-group-to-conduct-a-comprehensive-study-of-the-problem-of-cybercrime2020"
    ".html"
)


def test_every_entry_names_its_source_and_72_of_the_87_assumed_their_date(
    record: Secretariat,
) -> None:
    recorded = every_event(record)

    assert len(recorded) == 87
    assert all(e["source"] for e in recorded)
    assert all(e["recorded_via"] == "import" for e in recorded)
    assert sum(e["assumed"] for e in recorded) == 72
    # The dates the page gives are not assumed: meetings held, documents shared.
    given = Counter(e["event"] for e in recorded if not e["assumed"])
    assert given == {
        "Opened": 6,
        "Closed": 6,
        "DocumentIssued": 1,
        "DocumentCirculated": 2,
    }


def test_facts_from_outside_the_seed_page_name_where_they_come_from(
    record: Secretariat,
) -> None:
    recorded = every_event(record)
    elsewhere = [e for e in recorded if not e["source"].startswith(SEED_ADDRESS)]
    noted = [e for e in recorded if e["source"] != SEED_ADDRESS]

    assert elsewhere == []  # the seed page is named first wherever it is a source
    # The venues of earlier meetings, the earlier topics, the agenda's other
    # items and the remote attendance say which part the seed page does not give.
    assert Counter(e["event"] for e in noted) == {
        "Scheduled": 5,
        "Adopted": 1,
        "AgendaIssued": 1,
        "VenueChanged": 1,
    }
    assert all("(" in e["source"] for e in noted)


def test_every_delegation_of_the_example_is_a_member_state_known_by_its_short_name(
    record: Secretariat,
) -> None:
    """The example names no observer and no expert in a personal capacity: each
    delegation is matched to a Member State, China counted once whether the
    page says China or the People's Republic of China."""
    history = session(record, 6)
    spoken = named(history, "StatementRecorded") + named(history, "PanelistConfirmed")

    assert spoken
    assert not [e for e in spoken if e["unlisted"]]
    assert set(member_states()) >= {e["delegation"] for e in spoken}
    differs = [
        (e["delegation"], e["delegation_as_written"])
        for e in spoken
        if e["delegation"] != e["delegation_as_written"]
    ]
    assert differs == [("China", "People's Republic of China")]
    assert [e["delegation"] for e in spoken].count("China") == 3
