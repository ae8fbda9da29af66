"""The procedure of features/keeping_a_distribution_list.feature."""

from pytest_bdd import scenarios

from tests.bdd.distribution_steps import *  # noqa: F403

scenarios("keeping_a_distribution_list.feature")
