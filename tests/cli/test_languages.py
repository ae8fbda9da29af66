"""The six languages as an officer records them on the command line: the
translations of titles and names, the languages a document is available in,
what the calendar, bodies and history then show, and what is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.cli.conftest import Run
from tests.cli.running import event_count, one_line_error
from tests.cli.test_commands import BODY, recorded  # noqa: F401

FRENCH = "Sixième réunion du Groupe d’experts sur la cybercriminalité"
SYMBOL = "UNODC/CCPCJ/EG.4/2020/2"
REPORT = [
    "issue-document", BODY, "6", "--kind", "report", "--title", "Report",
    "--symbol", SYMBOL, "--on", "2020-07-29",
]  # fmt: skip


def answer(run: Run, store: str, *args: str) -> Any:
    ran = run(*args, "--json", store=store)
    assert ran.code == 0, ran.err
    return json.loads(ran.out)


def the_sixth(run: Run, store: str, *options: str) -> dict[str, Any]:
    [session] = answer(run, store, "calendar", *options)["sessions"]
    assert isinstance(session, dict)
    return session


def test_a_title_translated_shows_in_the_calendar_as_of_any_date(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    assert the_sixth(run, recorded)["titles"] == {}
    moment = the_sixth(run, recorded)["recorded_at"]

    ran = run(
        "translate-session", BODY, "6", "--language", "fr", "--title", FRENCH,
        "--on", "2020-03-01", store=recorded,
    )  # fmt: skip

    assert ran.code == 0, ran.err
    assert ran.out == (
        "Translated the title of the 6th session of cybercrime-egm into French: "
        f"{FRENCH} (version 2).\n"
    )
    assert the_sixth(run, recorded)["titles"] == {"fr": FRENCH}
    assert the_sixth(run, recorded, "--as-of", "2019-12-02")["titles"] == {"fr": FRENCH}
    known_before = the_sixth(run, recorded, "--known-at", moment)
    assert known_before["titles"] == {}
    assert the_sixth(run, recorded)["title"].startswith("Sixth meeting")


def test_a_later_translation_corrects_the_earlier_and_the_titles_keep_their_order(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    for language, title in [("es", "Sexta reunion"), ("ar", "الاجتماع السادس"),
                            ("es", "Sexta reunión")]:  # fmt: skip
        ran = run(
            "translate-session", BODY, "6", "--language", language, "--title", title,
            "--on", "2020-03-01", store=recorded,
        )  # fmt: skip
        assert ran.code == 0, ran.err

    titles = the_sixth(run, recorded)["titles"]
    assert list(titles.items()) == [("ar", "الاجتماع السادس"), ("es", "Sexta reunión")]


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["translate-session", BODY, "6", "--language", "en", "--title", "x"], 2,
         "the record is kept in English"),
        (["translate-session", BODY, "6", "--language", "de", "--title", "x"], 2,
         "'de' is not one of"),
        (["translate-session", BODY, "6", "--language", "fr"], 2, "--title"),
        (["translate-session", BODY, "7", "--language", "fr", "--title", "x"], 1,
         "there is no 7th session"),
        (["translate-body", BODY, "--language", "en", "--name", "x"], 2,
         "the record is kept in English"),
        (["translate-body", BODY, "--language", "Français", "--name", "x"], 2,
         "is not one of"),
        (["translate-body", "nobody", "--language", "fr", "--name", "x"], 1,
         "there is no body 'nobody'"),
        (["issue-document", BODY, "6", "--kind", "guide", "--title", "Guide",
          "--language", "english"], 2, "is not one of"),
        (["publish-translation", BODY, "6", "--symbol", SYMBOL, "--language", "fr",
          "--on", "2020-07-30"], 1, "no document issued under the symbol"),
        (["publish-translation", BODY, "6", "--symbol", SYMBOL, "--language", "xx"], 2,
         "is not one of"),
    ],
)  # fmt: skip
def test_a_language_outside_the_six_or_a_record_that_is_not_there_is_refused(
    run: Run,
    recorded: str,  # noqa: F811
    args: list[str],
    code: int,
    said: str,
) -> None:
    before = event_count(recorded)

    ran = run(*args, store=recorded)

    one_line_error(ran, code, said)
    assert event_count(recorded) == before


def test_a_body_translated_lists_its_names_by_language(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    names = [("ru", "Группа экспертов по киберпреступности"),
             ("fr", "Groupe d’experts sur la cybercriminalité")]  # fmt: skip
    for language, name in names:
        ran = run(
            "translate-body", BODY, "--language", language, "--name", name,
            "--on", "2011-01-01", store=recorded,
        )  # fmt: skip
        assert ran.code == 0, ran.err

    [body] = answer(run, recorded, "bodies")["bodies"]

    assert body["name"] == "Expert Group on Cybercrime"
    assert list(body["names"]) == ["fr", "ru"]
    same = run(
        "translate-body", BODY, "--language", "fr", "--name",
        "Groupe d’experts sur la cybercriminalité", "--on", "2011-01-02",
        store=recorded,
    )  # fmt: skip
    one_line_error(same, 1, "already reads")


def test_each_language_version_of_a_document_is_dated_and_refused_twice(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    assert run(*REPORT, store=recorded).code == 0
    publish = ["publish-translation", BODY, "6", "--symbol", SYMBOL]

    ran = run(*publish, "--language", "fr", "--title", "Rapport", "--on", "2020-08-03",
              store=recorded)  # fmt: skip
    assert ran.code == 0, ran.err
    assert ran.out == (
        f"Published the French version of {SYMBOL} (Rapport), for the 6th session "
        "of cybercrime-egm (version 3).\n"
    )
    before = event_count(recorded)
    for language, on, said in [
        ("fr", "2020-08-04", "already available in French"),
        ("en", "2020-08-04", "already available in English"),
        ("ru", "2020-07-28", "before the document was issued (2020-07-29)"),
    ]:
        refused = run(*publish, "--language", language, "--on", on, store=recorded)
        one_line_error(refused, 1, said)
    assert event_count(recorded) == before


def test_the_history_says_when_each_language_version_became_available(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    issued_in_french = [*REPORT[:-2], "--language", "fr", "--on", "2020-07-29"]
    assert run(*issued_in_french, store=recorded).code == 0
    for language, on in [("en", "2020-08-03"), ("ar", "2020-08-10")]:
        ran = run("publish-translation", BODY, "6", "--symbol", SYMBOL,
                  "--language", language, "--on", on, store=recorded)  # fmt: skip
        assert ran.code == 0, ran.err

    table = run("history", BODY, "6", store=recorded)
    events = answer(run, recorded, "history", BODY, "6")["events"]

    assert [(e["event"], e["on"], e.get("language")) for e in events[1:]] == [
        ("DocumentIssued", "2020-07-29", "fr"),
        ("TranslationPublished", "2020-08-03", "en"),
        ("TranslationPublished", "2020-08-10", "ar"),
    ]
    assert events[2]["title"] is None
    lines = table.out.splitlines()
    assert "language: French" in lines[4]
    assert "English version published" in lines[5]
    assert "3 August 2020" in lines[5]
    assert "Arabic version published" in lines[6]


def test_the_session_says_its_titles_and_the_languages_of_its_documents(
    run: Run,
    recorded: str,  # noqa: F811
) -> None:
    symbol = "UNODC/CCPCJ/EG.4/2020/CRP.1"
    for args in (
        ["translate-session", BODY, "6", "--language", "fr", "--title", FRENCH,
         "--on", "2020-03-01"],
        ["issue-document", BODY, "6", "--kind", "other", "--title", "Note",
         "--symbol", symbol, "--language", "fr", "--on", "2020-07-10"],
        ["publish-translation", BODY, "6", "--symbol", symbol, "--language", "en",
         "--on", "2020-07-17"],
        ["issue-document", BODY, "6", "--kind", "guide", "--title", "Guide",
         "--on", "2020-07-17"],
    ):  # fmt: skip
        ran = run(*args, store=recorded)
        assert ran.code == 0, ran.err

    lines = run("session", BODY, "6", store=recorded).out.splitlines()

    assert lines[1] == f"Title in French: {FRENCH}"
    assert (
        f"  Other documents: Note ({symbol}), issued 10 July 2020 in French; "
        "English from 17 July 2020"
    ) in lines
    assert "  Guides for participants: Guide, issued 17 July 2020" in lines
