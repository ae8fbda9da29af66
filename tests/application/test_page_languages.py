"""The pages' data in the six languages: what the site is given to write a
page in each (the session's titles, the body's names, each document's
languages and translated titles)."""

from __future__ import annotations

from datetime import date

from application.commands import (
    IssueDocument,
    PublishTranslation,
    StrikeEntry,
    TranslateBody,
    TranslateSession,
)
from application.publishing import BodyProfile, Edition, session_page
from application.secretariat import Secretariat
from domain.values import DocumentKind
from tests.application.test_publishing import ROW, published, record, sixth  # noqa: F401
from tests.builders import BODY, OFFICER

SYMBOL = "UNODC/CCPCJ/EG.4/2020/2"


def issued(language: str = "en", on: date = date(2020, 7, 29)) -> IssueDocument:
    return IssueDocument(
        body=BODY,
        number=6,
        kind=DocumentKind.REPORT,
        title="Report of the sixth meeting",
        symbol=SYMBOL,
        language=language,
        on=on,
        actor=OFFICER,
    )


def available(language: str, on: date, title: str | None = None) -> PublishTranslation:
    return PublishTranslation(
        body=BODY,
        number=6,
        symbol=SYMBOL,
        language=language,
        title=title,
        on=on,
        actor=OFFICER,
    )


def test_each_document_lists_its_languages_in_the_order_they_became_available(
    sixth: Secretariat,  # noqa: F811
) -> None:
    record(
        sixth,
        issued("fr"),
        available("en", date(2020, 8, 3), "Report of the sixth meeting (English)"),
        available("ar", date(2020, 8, 10)),
        available("zh", date(2020, 8, 10), "第六次会议报告"),
    )

    [report] = published(sixth).session_record(BODY, 6).report.documents

    assert report.languages == (
        Edition("fr", "2020-07-29"),
        Edition("en", "2020-08-03"),
        Edition("ar", "2020-08-10"),
        Edition("zh", "2020-08-10"),
    )
    assert list(report.titles.items()) == [
        ("zh", "第六次会议报告"),
        ("en", "Report of the sixth meeting (English)"),
    ]


def test_the_titles_of_a_document_are_in_the_order_of_the_six(
    sixth: Secretariat,  # noqa: F811
) -> None:
    record(
        sixth,
        issued(),
        available("es", date(2020, 8, 3), "Informe"),
        available("ar", date(2020, 8, 4), "تقرير"),
    )

    [report] = published(sixth).session_record(BODY, 6).report.documents

    assert list(report.titles.items()) == [("ar", "تقرير"), ("es", "Informe")]


def test_a_document_struck_takes_its_languages_with_it(
    sixth: Secretariat,  # noqa: F811
) -> None:
    record(sixth, issued(), available("ru", date(2020, 8, 3)))
    history = sixth.history(BODY, 6)["events"]
    [version] = [e["version"] for e in history if e["event"] == "DocumentIssued"]
    record(
        sixth,
        StrikeEntry(
            body=BODY,
            number=6,
            version=version,
            reason="issued in error",
            on=date(2020, 8, 4),
            actor=OFFICER,
        ),
    )

    assert published(sixth).session_record(BODY, 6).report.documents == ()


def test_the_body_gives_its_names_and_the_session_page_its_titles(
    sixth: Secretariat,  # noqa: F811
) -> None:
    record(
        sixth,
        TranslateBody(
            body=BODY,
            language="fr",
            name="Groupe d’experts sur la cybercriminalité",
            on=date(2020, 1, 1),
            actor=OFFICER,
        ),
        TranslateSession(
            body=BODY,
            number=6,
            language="ar",
            title="الاجتماع السادس",
            on=date(2020, 1, 1),
            actor=OFFICER,
        ),
    )
    publishing = published(sixth)
    body = publishing.body_profile(BODY)
    row = ROW._replace(titles='{"ar": "الاجتماع السادس"}')

    page = session_page(
        row,
        body=body,
        record=publishing.session_record(BODY, 6),
        calendar=[row],
        postponements=[],
        workplans=[],
        calls=[],
    )

    assert body.names == {"fr": "Groupe d’experts sur la cybercriminalité"}
    assert page.body.names == body.names
    assert page.titles == {"ar": "الاجتماع السادس"}
    assert (
        session_page(
            ROW,
            body=BodyProfile(BODY, "Expert Group", None, None, "2010-12-21"),
            record=publishing.session_record(BODY, 6),
            calendar=[ROW],
            postponements=[],
            workplans=[],
            calls=[],
        ).titles
        == {}
    )


def test_a_language_version_struck_leaves_the_page(
    sixth: Secretariat,  # noqa: F811
) -> None:
    record(sixth, issued(), available("ru", date(2020, 8, 3), "Доклад"))
    history = sixth.history(BODY, 6)["events"]
    [version] = [e["version"] for e in history if e["event"] == "TranslationPublished"]
    record(
        sixth,
        StrikeEntry(
            body=BODY,
            number=6,
            version=version,
            reason="not published yet",
            on=date(2020, 8, 4),
            actor=OFFICER,
        ),
    )

    [report] = published(sixth).session_record(BODY, 6).report.documents

    assert report.languages == (Edition("en", "2020-07-29"),)
    assert report.titles == {}
