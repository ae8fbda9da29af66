"""Translations of titles and names, and the languages a document is
available in: the rules the procedure (features/) does not show."""

from __future__ import annotations

from datetime import date

import pytest

from application.commands import EstablishBody
from domain.body import Body, BodyDecisionBeforeLastError
from domain.errors import InvalidValueError
from domain.languages import (
    LANGUAGES,
    NAMES,
    OWN_NAMES,
    TranslationUnchangedError,
    check_translation,
)
from domain.session import (
    DecisionBeforeLastError,
    Session,
    TranslationAlreadyAvailableError,
    TranslationBeforeIssueError,
    UnknownSymbolError,
)
from domain.striking import NotStrikableError
from domain.values import DocumentKind, SessionStatus
from tests.builders import OFFICER
from tests.unit.test_session import names, sixth

D = date
SYMBOL = "UNODC/CCPCJ/EG.4/2020/2"


def test_the_six_languages_are_named_in_one_place() -> None:
    assert LANGUAGES == ("ar", "zh", "en", "fr", "ru", "es")
    assert set(NAMES) == set(OWN_NAMES) == set(LANGUAGES)
    assert NAMES["fr"] == "French"
    assert OWN_NAMES["ar"] == "العربية"


@pytest.mark.parametrize("code", ["en", "de", "FR", "", "fra"])
def test_a_title_is_translated_into_none_but_the_five_other_languages(
    code: str,
) -> None:
    with pytest.raises(InvalidValueError):
        check_translation(code)


def test_a_translated_session_keeps_its_title_and_status() -> None:
    session = sixth()
    session.postpone(reason="COVID-19", dates=None, on=D(2020, 3, 13), actor=OFFICER)
    session.collect_events()

    session.translate(
        language="fr", title="Sixième réunion", on=D(2020, 3, 14), actor=OFFICER
    )

    (translated,) = session.collect_events()
    assert type(translated) is Session.Translated
    assert (translated.language, translated.title) == ("fr", "Sixième réunion")
    assert session.titles == {"fr": "Sixième réunion"}
    assert session.title == "Sixth meeting"
    assert session.status is SessionStatus.POSTPONED


def test_a_later_translation_corrects_the_earlier_one_and_the_same_one_is_refused() -> (
    None
):
    session = sixth()
    session.translate(
        language="es", title="Sexta reunion", on=D(2020, 1, 5), actor=OFFICER
    )
    session.translate(
        language="es", title="Sexta reunión", on=D(2020, 1, 6), actor=OFFICER
    )
    assert session.titles == {"es": "Sexta reunión"}
    session.collect_events()

    with pytest.raises(TranslationUnchangedError, match="already reads"):
        session.translate(
            language="es", title="Sexta reunión", on=D(2020, 1, 7), actor=OFFICER
        )
    assert session.collect_events() == []


def test_a_translation_keeps_to_the_order_of_the_sessions_decisions() -> None:
    session = sixth()
    with pytest.raises(DecisionBeforeLastError):
        session.translate(language="fr", title="x", on=D(2019, 12, 1), actor=OFFICER)


def issued(language: str = "en") -> Session:
    session = sixth()
    session.issue_document(
        kind=DocumentKind.REPORT,
        title="Report of the sixth meeting",
        symbol=SYMBOL,
        language=language,
        on=D(2020, 4, 10),
        actor=OFFICER,
    )
    session.collect_events()
    return session


def test_a_document_is_issued_in_english_unless_another_language_is_said() -> None:
    session = sixth()
    session.issue_document(
        kind=DocumentKind.GUIDE,
        title="Guide",
        symbol=None,
        on=D(2020, 1, 3),
        actor=OFFICER,
    )
    (document,) = session.collect_events()
    assert document.language == "en"  # type: ignore[attr-defined]
    assert issued("fr").collect_events() == []


def test_a_translation_published_is_recorded_with_its_title() -> None:
    session = issued()

    session.publish_translation(
        symbol=SYMBOL,
        language="fr",
        title="Rapport de la sixième réunion",
        on=D(2020, 4, 20),
        actor=OFFICER,
    )

    (published,) = session.collect_events()
    assert type(published) is Session.TranslationPublished
    assert (published.symbol, published.language) == (SYMBOL, "fr")
    assert published.title == "Rapport de la sixième réunion"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_document_is_not_published_twice_in_a_language(language: str) -> None:
    session = issued()
    session.publish_translation(
        symbol=SYMBOL, language="fr", title=None, on=D(2020, 4, 20), actor=OFFICER
    )
    session.collect_events()

    with pytest.raises(TranslationAlreadyAvailableError, match="already available"):
        session.publish_translation(
            symbol=SYMBOL,
            language=language,
            title=None,
            on=D(2020, 4, 21),
            actor=OFFICER,
        )
    assert session.collect_events() == []


def test_a_document_issued_in_french_is_published_in_english_later() -> None:
    session = issued("fr")
    session.publish_translation(
        symbol=SYMBOL, language="en", title=None, on=D(2020, 4, 11), actor=OFFICER
    )
    assert names(session) == ["TranslationPublished"]


def test_a_translation_names_a_symbol_the_session_issued() -> None:
    session = issued()
    with pytest.raises(UnknownSymbolError, match="no document issued under"):
        session.publish_translation(
            symbol="A/75/1", language="fr", title=None, on=D(2020, 4, 20), actor=OFFICER
        )


def test_a_struck_document_has_no_translation_to_publish() -> None:
    session = issued()
    session.strike(version=2, reason="in error", on=D(2020, 4, 11), actor=OFFICER)
    with pytest.raises(UnknownSymbolError):
        session.publish_translation(
            symbol=SYMBOL, language="fr", title=None, on=D(2020, 4, 20), actor=OFFICER
        )


def test_a_language_version_is_not_available_before_the_document_was_issued() -> None:
    session = issued()
    with pytest.raises(TranslationBeforeIssueError, match="before the document"):
        session.publish_translation(
            symbol=SYMBOL, language="ru", title=None, on=D(2020, 4, 9), actor=OFFICER
        )


def body() -> Body:
    # Established as the command does, whatever else establishing takes.
    command = EstablishBody(
        code="cybercrime-egm",
        name="Expert Group on Cybercrime",
        parent="CCPCJ",
        on=D(2011, 1, 1),
        actor=OFFICER,
    )
    established = Body(**command.declaration.arguments(command))
    established.collect_events()
    return established


def test_a_body_translated_gains_its_name_in_that_language() -> None:
    established = body()

    established.translate(
        language="zh", name="网络犯罪问题专家组", on=D(2011, 2, 1), actor=OFFICER
    )

    (translated,) = established.collect_events()
    assert type(translated) is Body.Translated
    assert established.names == {"zh": "网络犯罪问题专家组"}
    assert established.name == "Expert Group on Cybercrime"
    with pytest.raises(TranslationUnchangedError):
        established.translate(
            language="zh", name="网络犯罪问题专家组", on=D(2011, 2, 2), actor=OFFICER
        )
    with pytest.raises(BodyDecisionBeforeLastError):
        established.translate(language="fr", name="x", on=D(2011, 1, 15), actor=OFFICER)
    with pytest.raises(InvalidValueError):
        established.translate(language="en", name="x", on=D(2011, 2, 2), actor=OFFICER)


def test_a_language_version_struck_can_be_published_again() -> None:
    session = issued()
    session.publish_translation(
        symbol=SYMBOL, language="fr", title=None, on=D(2020, 4, 20), actor=OFFICER
    )
    session.strike(version=3, reason="not yet out", on=D(2020, 4, 21), actor=OFFICER)
    session.collect_events()

    session.publish_translation(
        symbol=SYMBOL, language="fr", title=None, on=D(2020, 4, 27), actor=OFFICER
    )

    assert names(session) == ["TranslationPublished"]


def test_a_translation_of_a_title_is_not_struck_but_translated_again() -> None:
    session = sixth()
    session.translate(language="fr", title="x", on=D(2020, 1, 5), actor=OFFICER)
    with pytest.raises(NotStrikableError, match="a translation, which cannot be"):
        session.strike(version=2, reason="wrong", on=D(2020, 1, 6), actor=OFFICER)
