"""The procedure of features/extending_a_deadline.feature."""

from pytest_bdd import scenarios

scenarios("extending_a_deadline.feature")
