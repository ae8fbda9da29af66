"""The six official languages of the United Nations, as the site writes them:
the interface's words from message catalogs (`locale/`, Babel's gettext
catalogs, compiled in memory when the site is built), dates by each
locale's rules (Babel, from CLDR), and the direction each is written in.

The catalogs are kept as text (`.po`) in the repository; docs/translating.md
says how they are extracted, updated and compiled.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib.resources import files
from io import BytesIO

from babel import Locale
from babel.dates import format_date, format_interval
from babel.localedata import LocaleDataDict
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
"""The six official languages, in the order the United Nations lists them
(by their English names)."""

SOURCE = "en"
"""The language the interface is written in (the catalogs' message ids), and
the record's texts until a translation is recorded."""

RIGHT_TO_LEFT = frozenset({"ar"})

DOMAIN = "messages"

LONG_DAYS = "yMMMMd"
"""The skeleton of a date or a span of days: the day, the month's name in
full, the year."""


class UnknownLanguageError(ValueError):
    """Raised for a language code that is not one of the six."""

    def __init__(self, code: str) -> None:
        super().__init__(
            f"unknown language {code!r}: use one of {', '.join(LANGUAGES)}"
        )


def parse_languages(text: str) -> tuple[str, ...]:
    """`en,fr,ar` as its languages, each once, in the order given."""
    codes = [code.strip() for code in text.split(",")]
    for code in codes:
        if code not in LANGUAGES:
            raise UnknownLanguageError(code)
    return tuple(dict.fromkeys(codes))


def catalog_path(language: str) -> str:
    return f"locale/{language}/LC_MESSAGES/{DOMAIN}.po"


@cache
def translations(language: str) -> Translations:
    """The interface's words in `language`: its catalog, compiled (with
    Babel) in memory from the `.po` kept in the repository."""
    if language not in LANGUAGES:
        raise UnknownLanguageError(language)
    source = files("adapters.site").joinpath(catalog_path(language))
    with source.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def direction(language: str) -> str:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def endonym(language: str) -> str:
    """A language's name in itself: `français`, `العربية`."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:] if language in ("fr", "es", "ru") else name


_SHORT_MONTH = re.compile(r"(?<![M'])MMM(?!M)")


class _LongMonths(Locale):
    """A locale whose spans of days name the month as its long dates do.

    CLDR has a span's patterns for `yMMMd` (the month's name shortened) in
    every locale, and for `yMMMMd` in few; its rule for a skeleton it lacks
    is to take the nearest and widen the month to the width asked for, which
    Babel's `format_interval` leaves undone. This locale does it: where the
    locale's own long date writes the month in full (`d MMMM y`), so do its
    spans (`27–29 juillet 2020`); where it writes it in figures
    (`y年M月d日`), the nearest pattern already does too."""

    @property
    def interval_formats(self) -> LocaleDataDict:
        formats = super().interval_formats
        if LONG_DAYS in formats or "MMMM" not in self._long_date:
            return formats
        widened = {
            field: [_SHORT_MONTH.sub("MMMM", part) for part in parts]
            for field, parts in formats["yMMMd"].items()
        }
        return LocaleDataDict({**dict(formats.items()), LONG_DAYS: widened})

    @property
    def _long_date(self) -> str:
        return str(self.datetime_skeletons.get(LONG_DAYS, ""))


@cache
def _locale(language: str) -> _LongMonths:
    locale = _LongMonths.parse(language)
    assert isinstance(locale, _LongMonths)
    return locale


def days(start: date, end: date, language: str) -> str:
    """The days from `start` to `end` as `language` writes them (Babel):
    `27–29 juillet 2020`, `30 juin – 2 juillet 2020`, `27 juillet 2020`."""
    return str(format_interval(start, end, LONG_DAYS, locale=_locale(language)))


def weekday(day: date, language: str) -> str:
    """A day with its weekday: `jeudi 12 mars 2020`."""
    return str(format_date(day, "full", locale=language))
