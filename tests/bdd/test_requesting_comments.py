"""The procedure of features/requesting_comments.feature."""

from pytest_bdd import scenarios

scenarios("requesting_comments.feature")
