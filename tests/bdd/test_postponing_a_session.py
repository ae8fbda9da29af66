"""The procedure of features/postponing_a_session.feature."""

from pytest_bdd import scenarios

scenarios("postponing_a_session.feature")
