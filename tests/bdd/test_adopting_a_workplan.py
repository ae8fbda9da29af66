"""The procedure of features/adopting_a_workplan.feature."""

from pytest_bdd import scenarios

scenarios("adopting_a_workplan.feature")
