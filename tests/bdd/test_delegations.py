"""The procedures of the features on delegations: a delegation known by its
Member State's name however it is written, and an observer admitted before it
speaks."""

from pytest_bdd import scenarios

from tests.bdd.delegation_steps import *  # noqa: F403

scenarios(
    "a_delegation_is_known_by_its_member_states_name_however_it_is_written.feature",
    "an_observer_is_admitted_before_it_speaks.feature",
)
