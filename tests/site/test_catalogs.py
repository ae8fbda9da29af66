"""The site's message catalogs: the template (`messages.pot`) holds every
interface word the templates and `adapters/site/words.py` use, as Babel
extracts them with `babel.cfg` (docs/translating.md); each of the six
languages' catalogs holds all of them, translated, none fuzzy, each with the
placeholders of its message."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from adapters.site import languages, words
from tests.importing import ROOT

LOCALE = ROOT / "adapters" / "site" / "locale"
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2)}
"""The keywords `make catalogs` extracts with (`-k NP_:1c,2`)."""

Key = tuple[str | tuple[str, ...], str | None]


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language)


def keys(catalog: Catalog) -> dict[Key, Message]:
    return {(message.id, message.context): message for message in catalog if message.id}


def extracted() -> Catalog:
    """What `pybabel extract -F babel.cfg -k NP_:1c,2 .` finds now."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    catalog = Catalog()
    for path, line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=()
    ):
        catalog.add(message, None, [(path, line)], context=context)
    return catalog


def test_the_template_holds_every_message_of_the_templates_and_words() -> None:
    template = read(LOCALE / "messages.pot")
    found = keys(extracted())
    assert len(found) > 150
    stale = set(keys(template)) ^ set(found)
    assert not stale, (
        f"adapters/site/locale/messages.pot is out of date ({len(stale)} messages "
        f"differ, e.g. {sorted(map(str, stale))[:3]}): run `make catalogs`"
    )


@pytest.mark.parametrize("language", languages.LANGUAGES)
def test_each_catalog_translates_every_message_none_fuzzy(language: str) -> None:
    template = keys(read(LOCALE / "messages.pot"))
    catalog = read(LOCALE / language / "LC_MESSAGES" / "messages.po", language)
    messages = keys(catalog)
    assert set(messages) == set(template), "run `make catalogs`"
    untranslated = [
        key
        for key, message in messages.items()
        if not all(
            message.string if isinstance(message.string, tuple) else [message.string]
        )
    ]
    fuzzy = [key for key, message in messages.items() if message.fuzzy]
    assert not untranslated, f"{language}: untranslated {untranslated[:5]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:5]}"
    assert not catalog.fuzzy
    problems = [(message.id, errors) for message, errors in catalog.check()]
    assert not problems, f"{language}: {problems[:3]}"


def test_the_english_words_are_those_the_tables_and_messages_write() -> None:
    for name, (site, record) in words.ENGLISH.items():
        assert dict(site) == dict(record), name
    assert words.LAPSED_WORDS == words.wording.LAPSED_WORDS
    assert words.ASSUMED == words.wording.ASSUMED
    assert dict(words.EVIDENCED) == dict(words.wording.EVIDENCED), (
        "what a source evidences is said in application/wording.py and marked "
        "for the catalogs in adapters/site/words.py: add it there, run "
        "`make catalogs` and translate it (docs/translating.md)"
    )
    assert tuple(words.wording.ORDINAL_WORDS) == words.ORDINAL_WORDS
    assert words.OBLIQUE_ORDINAL_WORDS == words.ORDINAL_WORDS


def test_a_catalog_is_compiled_by_babel_when_the_site_is_built() -> None:
    french = languages.translations("fr")
    assert french.gettext("Calendar of sessions") == "Calendrier des sessions"
    assert french.pgettext(words.OBLIQUE, "sixth") == "sixième"
    assert languages.translations("ru").pgettext(words.OBLIQUE, "sixth") == "шестой"
    assert languages.translations("en").gettext("held") == "held"
