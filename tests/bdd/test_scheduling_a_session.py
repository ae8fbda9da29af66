"""The procedure of features/scheduling_a_session.feature."""

from pytest_bdd import scenarios

scenarios("scheduling_a_session.feature")
