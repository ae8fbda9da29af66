"""The procedure of features/decisions_follow_the_order_of_time.feature."""

from pytest_bdd import scenarios

scenarios("decisions_follow_the_order_of_time.feature")
