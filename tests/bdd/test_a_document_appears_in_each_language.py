"""The procedure of
features/a_document_appears_in_each_language_on_the_day_it_is_published.feature."""

from pytest_bdd import scenarios

from tests.bdd.language_steps import *  # noqa: F403

scenarios("a_document_appears_in_each_language_on_the_day_it_is_published.feature")
