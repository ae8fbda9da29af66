"""Steps of the features that replay the real record of the Expert Group on
Cybercrime: the example file is imported into the Secretariat in memory, and
each step reads the record back or imports entries of its own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from adapters.cli.import_files import parse_import, read_import_file
from application.importing import EntryFailedError, Imported, apply_entries
from application.records import event_record
from application.secretariat import Secretariat
from domain.ids import workplan_id
from domain.values import Period
from tests.importing import EXAMPLE

scenarios(
    "the_sixth_session_was_postponed_because_of_the_covid_19_pandemic.feature",
    "the_comment_deadline_was_extended_after_the_postponement.feature",
    "statements_and_panelists_are_grouped_by_agenda_item.feature",
)

BODY = "cybercrime-egm"


@pytest.fixture
def replayed() -> Iterator[Secretariat]:
    """A Secretariat of its own, in memory, for the replayed record."""
    app = Secretariat(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    try:
        yield app
    finally:
        app.close()


def session_events(app: Secretariat, number: int, name: str) -> list[dict[str, Any]]:
    return [e for e in app.history(BODY, number)["events"] if e["event"] == name]


def workplan_events(app: Secretariat, period: str, name: str) -> list[dict[str, Any]]:
    records = map(event_record, app.events.get(workplan_id(BODY, Period.parse(period))))
    return [e for e in records if e["event"] == name]


def agenda_item(grouped: str) -> int | None:
    """`as general statements` or `on agenda item 3`."""
    if grouped == "as general statements":
        return None
    return int(grouped.removeprefix("on agenda item "))


def dates(start: str, end: str) -> dict[str, str]:
    return {"start": start, "end": end}


# Given and when.


@given("the record of the Expert Group on Cybercrime has been imported")
def imported(replayed: Secretariat) -> None:
    apply_entries(replayed, read_import_file(EXAMPLE))


@when("the secretariat imports:", target_fixture="outcome")
def import_entries(
    replayed: Secretariat, docstring: str
) -> Imported | EntryFailedError:
    try:
        return apply_entries(replayed, parse_import(docstring, source="the entries"))
    except EntryFailedError as failed:
        return failed


@when(
    "the secretariat imports the record of the Expert Group on Cybercrime again",
    target_fixture="outcome",
)
def import_again(replayed: Secretariat) -> Imported:
    return apply_entries(replayed, read_import_file(EXAMPLE))


@then(parsers.parse('the import stops at entry {index:d} because "{reason}"'))
def stopped(outcome: Imported | EntryFailedError, index: int, reason: str) -> None:
    assert isinstance(outcome, EntryFailedError)
    assert outcome.entry.index == index
    assert str(outcome.error).startswith(reason)


@then(
    parsers.parse(
        "nothing is applied, and all {count:d} entries are already in the record"
    )
)
def nothing_applied(outcome: Imported, count: int) -> None:
    assert outcome == Imported(applied=0, already=count)


# Sessions.


@then(
    parsers.parse(
        "the {number:d}th session was first scheduled from {start} to {end} in {venue}"
    )
)
def first_scheduled(
    replayed: Secretariat, number: int, start: str, end: str, venue: str
) -> None:
    [scheduled] = session_events(replayed, number, "Scheduled")
    assert (scheduled["dates"], scheduled["venue"]) == (dates(start, end), venue)


@then(
    parsers.parse(
        'on {on} the {number:d}th session was postponed to {start} to {end}, "{reason}"'
    )
)
def postponed_to(
    replayed: Secretariat, on: str, number: int, start: str, end: str, reason: str
) -> None:
    postponements = session_events(replayed, number, "Postponed")
    assert [(e["on"], e["new"], e["reason"]) for e in postponements][-1] == (
        on,
        dates(start, end),
        reason,
    )


@then(parsers.parse("the {number:d}th session was postponed once"))
def postponed_once(replayed: Secretariat, number: int) -> None:
    assert len(session_events(replayed, number, "Postponed")) == 1


@then(parsers.parse("the {number:d}th session met from {start} to {end}"))
def met(replayed: Secretariat, number: int, start: str, end: str) -> None:
    assert [e["on"] for e in session_events(replayed, number, "Opened")] == [start]
    assert [e["on"] for e in session_events(replayed, number, "Closed")] == [end]


# Calls for comments.


@then(
    parsers.parse(
        "comments for {cycle:d} under the {period} workplan "
        "were requested by {deadline}"
    )
)
def requested(replayed: Secretariat, cycle: int, period: str, deadline: str) -> None:
    calls = workplan_events(replayed, period, "CommentsRequested")
    assert [(e["cycle"], e["deadline"]) for e in calls] == [(cycle, deadline)]


@then(
    parsers.parse(
        "the deadline for {cycle:d} comments was extended "
        'from {previous} to {to}, "{reason}"'
    )
)
def extended(
    replayed: Secretariat, cycle: int, previous: str, to: str, reason: str
) -> None:
    extensions = workplan_events(replayed, "2018-2021", "DeadlineExtended")
    assert [(e["cycle"], e["previous"], e["to"], e["reason"]) for e in extensions] == [
        (cycle, previous, to, reason)
    ]


@then(
    parsers.parse(
        "the deadline for {cycle:d} comments was extended after the {number:d}th "
        "session was postponed"
    )
)
def extended_after(replayed: Secretariat, cycle: int, number: int) -> None:
    [extension] = workplan_events(replayed, "2018-2021", "DeadlineExtended")
    [postponement] = session_events(replayed, number, "Postponed")
    assert extension["cycle"] == cycle
    assert extension["on"] > postponement["on"]


@then(parsers.parse("no comment is recorded as received for {cycle:d}"))
def no_comment(replayed: Secretariat, cycle: int) -> None:
    received = workplan_events(replayed, "2018-2021", "SubmissionReceived")
    assert [e for e in received if e["cycle"] == cycle] == []


# Statements and panelists.


@then(
    parsers.parse(
        "the {number:d}th session has {statements:d} statements by {delegations:d} "
        "delegations {grouped}"
    )
)
def statements_by_item(
    replayed: Secretariat, number: int, statements: int, delegations: int, grouped: str
) -> None:
    item = agenda_item(grouped)
    spoken = [
        e["delegation"]
        for e in session_events(replayed, number, "StatementRecorded")
        if e["item"] == item
    ]
    assert (len(spoken), len(set(spoken))) == (statements, delegations)


@then(
    parsers.re(
        r"the (?P<delegation>.+) made (?P<count>\d+) statements? "
        r"(?P<grouped>as general statements|on agenda item \d+)"
    )
)
def statements_of(
    replayed: Secretariat, delegation: str, count: str, grouped: str
) -> None:
    item = agenda_item(grouped)
    made = [
        e
        for e in session_events(replayed, 6, "StatementRecorded")
        if (e["delegation"], e["item"]) == (delegation, item)
    ]
    assert len(made) == int(count)


@then(
    parsers.parse(
        "{panelists:d} panelists presented on agenda item {item:d}, {first} first"
    )
)
def panel(replayed: Secretariat, panelists: int, item: int, first: str) -> None:
    names = [
        e["name"]
        for e in session_events(replayed, 6, "PanelistConfirmed")
        if e["item"] == item
    ]
    assert len(names) == panelists
    assert names[0] == first


@then(
    parsers.parse(
        '{name} of the {delegation} presented "{title}" on agenda item {item:d}'
    )
)
def presented(
    replayed: Secretariat, name: str, delegation: str, title: str, item: int
) -> None:
    panelists = session_events(replayed, 6, "PanelistConfirmed")
    assert [
        (e["delegation"], e["title"], e["item"]) for e in panelists if e["name"] == name
    ] == [(delegation, title, item)]
