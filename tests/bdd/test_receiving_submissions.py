"""The procedure of features/receiving_submissions.feature."""

from pytest_bdd import scenarios

scenarios("receiving_submissions.feature")
