"""Steps of the features that replay the real record of the Expert Group on
Cybercrime: the example file is imported into the Secretariat in memory, and
the decisions and facts of every feature (`conftest.py`) are read back from it;
the steps here import the record, or entries of their own."""

from __future__ import annotations

from pytest_bdd import given, scenarios, then, when

from adapters.cli.import_files import parse_import, read_import_file
from application.importing import EntryFailedError, Imported, apply_entries
from application.secretariat import Secretariat
from tests.bdd.officer import Officer
from tests.bdd.vocabulary import WholeRecord, phrase
from tests.importing import EXAMPLE

scenarios(
    "the_sixth_session_was_postponed_because_of_the_covid_19_pandemic.feature",
    "the_comment_deadline_was_extended_after_the_postponement.feature",
    "statements_and_panelists_are_grouped_by_agenda_item.feature",
)


@given("the record of the Expert Group on Cybercrime is imported")
def imported(secretariat: Secretariat) -> None:
    apply_entries(secretariat, read_import_file(EXAMPLE))


@when("the record of the Expert Group on Cybercrime is imported again")
def imported_again(officer: Officer, secretariat: Secretariat) -> None:
    officer.import_entries(
        WholeRecord(),
        lambda: apply_entries(secretariat, read_import_file(EXAMPLE)),
        EntryFailedError,
    )


@when("these entries are imported:")
def entries_imported(
    officer: Officer, secretariat: Secretariat, docstring: str
) -> None:
    officer.import_entries(
        WholeRecord(),
        lambda: apply_entries(secretariat, parse_import(docstring, source="entries")),
        EntryFailedError,
    )


@then(phrase("the import stops at entry {index:d}"))
def stopped(officer: Officer, index: int) -> None:
    assert isinstance(officer.outcome, EntryFailedError), officer.outcome
    assert officer.outcome.entry.index == index


@then(
    phrase(
        "the import applies nothing, and finds all {count:d} entries "
        "already in the record"
    )
)
def nothing_applied(officer: Officer, count: int) -> None:
    assert officer.outcome == Imported(applied=0, already=count)
