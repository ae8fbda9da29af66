"""The procedure of features/recording_statements_and_panelists.feature."""

from pytest_bdd import scenarios

scenarios("recording_statements_and_panelists.feature")
