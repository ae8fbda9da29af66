"""Delegations matched against a body's observers as the store holds them,
whichever Secretariat admitted them."""

from __future__ import annotations

from datetime import date

from adapters.bootstrap import open_secretariat
from adapters.store import parse_store_url
from application.commands import RecordStatement
from tests.builders import (
    BODY,
    OFFICER,
    admit_observer,
    establish,
    open_sixth,
    schedule_sixth,
)


def test_an_observer_admitted_by_another_process_speaks_at_once(store: str) -> None:
    """One Secretariat holds the body in memory (as the service does, `many`),
    another admits an observer:
    the first matches the observer's statement, reading the body afresh."""
    first = open_secretariat(parse_store_url(store), create=True, many=True)
    second = open_secretariat(parse_store_url(store), create=True, many=True)
    try:
        establish(first)
        schedule_sixth(first)
        open_sixth(first)

        def speaks(delegation: str) -> None:
            first.execute(
                RecordStatement(
                    body=BODY,
                    number=6,
                    delegation=delegation,
                    on=date(2020, 4, 7),
                    actor=OFFICER,
                )
            )

        speaks("Chile")  # the body is now held in the first one's memory
        admit_observer(second)
        speaks("council of europe")

        [*_, spoken] = first.history(BODY, 6)["events"]
        assert (spoken["delegation"], spoken["delegation_as_written"]) == (
            "Council of Europe",
            "council of europe",
        )
    finally:
        second.close()
        first.close()
