"""The procedure of features/changing_venue_or_format.feature."""

from pytest_bdd import scenarios

scenarios("changing_venue_or_format.feature")
