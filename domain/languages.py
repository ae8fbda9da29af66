"""The six official languages of the United Nations: the languages a title,
a name or a document may be read in.

The record is kept in English: a session's title and a body's name are
recorded in English and translated into the five others; a document is issued
in one of the six and becomes available in the others on later days.
"""

from __future__ import annotations

from collections.abc import Mapping

from domain.errors import DomainError, InvalidValueError

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
"""The six official languages, by their codes (ISO 639-1), in the United
Nations' order."""

RECORD_LANGUAGE = "en"
"""The language the record is kept in: titles and names are recorded in it,
and a document is issued in it unless another is said."""

NAMES = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}
"""Each language's name, in English (how the record speaks of it)."""

OWN_NAMES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
"""Each language's name in itself (how a reader of it looks for it)."""

TRANSLATED = tuple(code for code in LANGUAGES if code != RECORD_LANGUAGE)
"""The languages a title or a name is translated into."""


def language_name(code: str) -> str:
    """The English name of a language, by its code: `fr` is `French`."""
    return NAMES[code]


def in_language_order(texts: Mapping[str, str]) -> dict[str, str]:
    """Texts by language, their languages in the order of the six."""
    return {code: texts[code] for code in LANGUAGES if code in texts}


def check_translation(code: str) -> None:
    """Raise unless `code` is a language a title or name is translated into:
    one of the six, and not the record's own."""
    if code == RECORD_LANGUAGE:
        others = ", ".join(TRANSLATED)
        raise InvalidValueError(
            "the record is kept in English: a translation is into one of "
            f"{others}, not 'en'"
        )
    if code not in LANGUAGES:
        raise InvalidValueError(
            f"{code!r} is not one of the six languages ({', '.join(LANGUAGES)})"
        )


class TranslationUnchangedError(DomainError):
    """Raised when a translation gives the text already on record in that
    language."""

    def __init__(self, record: str, language: str, text: str) -> None:
        super().__init__(f"{record} already reads {text!r} in {language}")
