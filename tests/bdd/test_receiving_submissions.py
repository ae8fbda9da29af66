"""The procedure of features/receiving_submissions.feature."""

from pytest_bdd import scenarios

from tests.bdd.delegation_steps import *  # noqa: F403

scenarios("receiving_submissions.feature")
