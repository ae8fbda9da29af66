"""The procedure of features/cancelling_a_session.feature."""

from pytest_bdd import scenarios

scenarios("cancelling_a_session.feature")
