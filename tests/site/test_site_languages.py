"""The site in several of the six official languages (`site build
--languages en,fr,ar`): a tree per language, each page in its language and
direction, its dates written by the locale's rules, the record's English
texts marked as English, and links between a page's versions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import pytest
from babel.dates import format_interval

from adapters.site.languages import days
from adapters.site.words import Words
from tests.cli.running import run
from tests.importing import EXAMPLE
from tests.site.conftest import LANGUAGES, SIXTH, TODAY, WORKPLAN, build, imported
from tests.site.html import following, parse, text_of

TITLE = (
    "Sixth meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime"
)


def files(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())


def page(site: Path, language: str, path: Path = SIXTH) -> Element:
    """A page of a language's tree, parsed strictly (any parse error fails)."""
    return parse((site / language / path).read_text(encoding="utf-8"))


def test_each_language_has_a_whole_site_of_its_own(
    example_site: Path, example_site_languages: Path
) -> None:
    one = files(example_site)
    assert files(example_site_languages) == sorted(
        ["index.html"]
        + [f"{language}/{path}" for language in LANGUAGES for path in one]
    )


def test_the_sites_root_leads_to_the_calendar_in_each_language(
    example_site_languages: Path,
) -> None:
    root = parse((example_site_languages / "index.html").read_text(encoding="utf-8"))
    links = {a.get("hreflang"): a.get("href") for a in root.iter("a")}
    assert links == {language: f"{language}/index.html" for language in LANGUAGES}
    for href in links.values():
        assert (example_site_languages / str(href)).is_file()
    h1 = root.find("body/main/h1")
    assert h1 is not None
    assert {span.get("lang"): text_of(span) for span in h1} == {
        "en": "Calendar of sessions",
        "fr": "Calendrier des sessions",
        "ar": "جدول الدورات",
    }
    arabic = [li for li in root.iter("li") if li.get("lang") == "ar"]
    assert [li.get("dir") for li in arabic] == ["rtl"]


def test_each_page_says_its_language_and_arabic_is_written_right_to_left(
    example_site_languages: Path,
) -> None:
    for language in LANGUAGES:
        for path in (example_site_languages / language).rglob("*.html"):
            root = parse(path.read_text(encoding="utf-8"))
            assert root.get("lang") == language, path
            assert root.get("dir") == ("rtl" if language == "ar" else None), path


def test_the_english_tree_reads_as_the_english_site(
    example_site: Path, example_site_languages: Path
) -> None:
    for path in example_site.rglob("*.html"):
        relative = path.relative_to(example_site)
        alone = parse(path.read_text(encoding="utf-8")).find("body/main")
        beside = page(example_site_languages, "en", relative).find("body/main")
        assert alone is not None
        assert beside is not None
        assert text_of(beside) == text_of(alone), relative


def test_the_dates_are_written_by_each_locales_rules(
    example_site_languages: Path,
) -> None:
    french = text_of(page(example_site_languages, "fr"))
    arabic = text_of(page(example_site_languages, "ar"))
    babel_arabic = format_interval(
        date(2020, 7, 27), date(2020, 7, 29), "yMMMd", locale="ar"
    )

    assert "27–29 juillet 2020" in french
    assert "(Dates initiales : 6–8 avril 2020)" in french  # a no-break space
    assert "27–29 July 2020" not in french
    assert babel_arabic == "27–29 يوليو 2020"
    assert babel_arabic in arabic
    workplan = text_of(page(example_site_languages, "fr", WORKPLAN))
    assert "jeudi 12 mars 2020" in workplan


def test_the_interface_speaks_the_pages_language(example_site_languages: Path) -> None:
    french = page(example_site_languages, "fr")
    arabic = page(example_site_languages, "ar")

    assert following(french, "Dates et lieu") is not None
    assert following(arabic, "المواعيد والمكان") is not None
    assert "La sixième session a dû être reportée" in text_of(french)
    assert "تعيَّن تأجيل الدورة السادسة" in text_of(arabic)
    assert "À sa quatrième session, le 5 avril 2018 (date présumée)" in text_of(french)


def test_a_text_recorded_only_in_english_is_marked_as_english(
    example_site_languages: Path,
) -> None:
    for language in ("fr", "ar"):
        root = page(example_site_languages, language)
        h1 = root.find("body/main/h1")
        assert h1 is not None
        [title] = list(h1)
        assert (title.tag, title.get("lang"), text_of(title)) == ("span", "en", TITLE)
        marked = {text_of(e) for e in root.iter("span") if e.get("lang") == "en"}
        assert "Vienna, Austria" in marked
        assert "Due to the impact of the COVID-19 pandemic" in marked
        assert "Russian Federation" in marked
    english = page(example_site_languages, "en")
    assert not [
        e
        for e in english.iter()
        if e.get("lang") and e.tag != "html" and e.get("lang") == "en"
    ]


def test_each_page_links_to_its_versions_in_the_other_languages(
    example_site_languages: Path,
) -> None:
    for language in LANGUAGES:
        for path in (example_site_languages / language).rglob("*.html"):
            root = parse(path.read_text(encoding="utf-8"))
            nav = root.find("body/header/nav[@class='languages']")
            assert nav is not None, path
            links = {a.get("hreflang"): a for a in nav.iter("a")}
            assert sorted(links) == sorted(set(LANGUAGES) - {language})
            for other, link in links.items():
                assert link.get("lang") == other
                target = (path.parent / str(link.get("href"))).resolve()
                relative = path.relative_to(example_site_languages / language)
                assert target == (example_site_languages / other / relative).resolve()
            for element in root.iter():
                href = element.get("href")
                if href and not urlsplit(href).scheme:
                    assert (path.parent / href).resolve().is_file(), (path, href)


def test_one_language_writes_its_site_at_the_root(
    example_store: str, tmp_path: Path, example_site: Path
) -> None:
    site = build(
        example_store, tmp_path / "site", "--today", TODAY, "--languages", "fr"
    )
    assert files(site) == files(example_site)
    root = parse((site / SIXTH).read_text(encoding="utf-8"))
    assert root.get("lang") == "fr"
    assert root.find("body/header/nav[@class='languages']") is None


@pytest.mark.parametrize("languages", ["en,xx", "EN", "", "en,,fr"])
def test_an_unknown_language_is_refused_before_anything_is_written(
    example_store: str, tmp_path: Path, languages: str
) -> None:
    out = tmp_path / "site"
    ran = run(
        "site",
        "build",
        "--out",
        str(out),
        "--languages",
        languages,
        store=example_store,
    )
    assert ran.code == 2
    assert ran.err.count("\n") == 1
    assert "unknown language" in ran.err
    assert not out.exists()


def test_ordinals_are_worded_in_each_language() -> None:
    assert [
        Words(lang).ordinal_word(6) for lang in ("en", "fr", "es", "ru", "ar", "zh")
    ] == [
        "sixth",
        "sixième",
        "sexto",
        "Шестая",
        "السادسة",
        "第六届",
    ]
    assert Words("ru").ordinal_word(6, oblique=True) == "шестой"
    assert [Words(lang).ordinal_word(21) for lang in ("en", "fr", "ru", "zh")] == [
        "21st",
        "21e",
        "21-я",
        "第21届",
    ]


def test_spans_of_days_name_the_month_in_full_where_the_locales_long_date_does() -> (
    None
):
    start, end = date(2020, 6, 30), date(2020, 7, 2)
    assert days(start, end, "fr") == "30 juin\u2009–\u20092 juillet 2020"
    assert days(date(2020, 7, 27), date(2020, 7, 29), "ru") == "27—29 июля 2020\u202fг."
    assert (
        days(date(2020, 7, 27), date(2020, 7, 29), "zh")
        == "2020年7月27日\u2009–\u200929日"
    )
    assert days(date(2020, 7, 27), date(2020, 7, 27), "es") == "27 de julio de 2020"


FRENCH_TITLE = "Sixième réunion du Groupe d’experts sur la cybercriminalité"
FRENCH_NAME = "Groupe d’experts chargé de réaliser une étude approfondie du problème"
PAPER = "UNODC/CCPCJ/EG.4/2021/1"
NOTE = "UNODC/CCPCJ/EG.4/2021/2"


@pytest.fixture(scope="module")
def translated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example record with the sixth session's title and the body's name
    translated into French, a paper issued in English and published in
    French, and a note issued in French; its site in en, fr and ar."""
    folder = tmp_path_factory.mktemp("translated")
    store = imported(f"sqlite:///{folder / 'record.db'}", EXAMPLE)
    body = "cybercrime-egm"
    for command in (
        ("translate-session", body, "6", "--language", "fr", "--title", FRENCH_TITLE),
        ("translate-body", body, "--language", "fr", "--name", FRENCH_NAME),
        ("issue-document", body, "6", "--kind", "background-paper",
         "--title", "Background paper", "--symbol", PAPER, "--on", "2021-01-10"),
        ("issue-document", body, "6", "--kind", "background-paper",
         "--language", "fr", "--title", "Note du Secrétariat", "--symbol", NOTE,
         "--on", "2021-01-10"),
        ("publish-translation", body, "6", "--symbol", PAPER, "--language", "fr",
         "--title", "Document de référence", "--on", "2021-01-12"),
    ):  # fmt: skip
        on = () if "--on" in command else ("--on", "2021-01-10")
        ran = run(*command, *on, store=store)
        assert ran.code == 0, ran.err
    return build(store, folder / "site", "--today", TODAY, "--languages", "en,fr,ar")


def cited(root: Element) -> dict[str, Element]:
    return {text_of(c): c for c in root.iter("cite")}


def test_a_translated_title_and_name_are_shown_in_the_pages_language(
    translated_site: Path,
) -> None:
    french = page(translated_site, "fr")
    h1 = french.find("body/main/h1")
    assert h1 is not None
    assert (text_of(h1), list(h1)) == (FRENCH_TITLE, [])
    title = french.find("head/title")
    assert title is not None
    assert text_of(title) == FRENCH_TITLE
    assert FRENCH_NAME in text_of(following(french, "Mandat"))
    index = parse((translated_site / "fr" / "index.html").read_text(encoding="utf-8"))
    assert FRENCH_TITLE in text_of(index)
    arabic = page(translated_site, "ar")
    h1 = arabic.find("body/main/h1")
    assert h1 is not None
    [marked] = list(h1)
    assert (marked.get("lang"), text_of(marked)) == ("en", TITLE)


def test_a_documents_title_is_its_language_versions_or_marked_with_its_language(
    translated_site: Path,
) -> None:
    french = cited(page(translated_site, "fr"))
    english = cited(page(translated_site, "en"))
    arabic = cited(page(translated_site, "ar"))

    assert list(french["Document de référence"]) == []
    assert list(french["Note du Secrétariat"]) == []
    [note] = list(english["Note du Secrétariat"])
    assert note.get("lang") == "fr"
    [paper] = list(arabic["Background paper"])
    assert (paper.get("lang"), paper.get("dir")) == ("en", "ltr")
    assert (
        "Background paper (available in English from 10 January 2021, "
        "French from 12 January 2021)"
    ) in text_of(page(translated_site, "en"))
    assert (
        "Document de référence (disponible en : anglais depuis le 10 janvier 2021, "
        "français depuis le 12 janvier 2021)"
    ) in text_of(page(translated_site, "fr"))


def test_the_days_left_are_counted_by_each_languages_plural_rule(
    example_store: str, tmp_path: Path
) -> None:
    site = build(
        example_store, tmp_path / "site", "--today", "2020-05-30",
        "--languages", "en,ru,ar,zh",
    )  # fmt: skip
    deadline = {
        language: text_of(page(site, language, WORKPLAN))
        for language in ["en", "ru", "ar", "zh"]
    }
    assert "Monday, 1 June 2020 (2 days left)" in deadline["en"]
    assert "понедельник, 1 июня 2020 г. (осталось 2 дня)" in deadline["ru"]
    assert "(يتبقى يومان)" in deadline["ar"]
    assert "2020年6月1日星期一 （还剩2天）" in deadline["zh"]
