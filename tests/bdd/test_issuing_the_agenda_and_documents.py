"""The procedure of features/issuing_the_agenda_and_documents.feature."""

from pytest_bdd import scenarios

scenarios("issuing_the_agenda_and_documents.feature")
