"""The procedure of features/opening_closing_and_adopting_the_report.feature."""

from pytest_bdd import scenarios

scenarios("opening_closing_and_adopting_the_report.feature")
