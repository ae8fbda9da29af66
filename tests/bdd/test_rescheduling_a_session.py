"""The procedure of features/rescheduling_a_session.feature."""

from pytest_bdd import scenarios

scenarios("rescheduling_a_session.feature")
