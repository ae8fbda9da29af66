"""The site's words in the page's language: statuses, formats, ordinals,
dates, reasons, and the record's own texts marked with their language.

English is written as `application.wording` writes it (the pages in English
read as they always have); every other language takes the interface's words
from its catalog (`adapters.site.languages`) and its dates from Babel. A
text of the record (a title, a venue, a reason) is English until a
translation is recorded: on a page in another language it is shown as it is,
marked `<span lang="en">`, so that a reader's browser, screen reader or
translator knows it.

The English words below are the catalogs' message ids; a test checks that
they are those `application.wording` writes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import attrs
from babel import Locale
from babel.support import Translations
from markupsafe import Markup, escape

from adapters.site import languages
from application import wording
from application.queries import titles_of
from domain.phrases import ordinal


def N_(message: str) -> str:
    """Marks a message for the catalogs; translated where it is shown."""
    return message


def NP_(context: str, message: str) -> str:
    """Marks a message with its context for the catalogs (extracted with
    `-k NP_:1c,2`, docs/translating.md)."""
    return message


STATUS_WORDS = {
    "scheduled": N_("scheduled"),
    "postponed": N_("postponed, new dates to be determined"),
    "cancelled": N_("cancelled"),
    "in-session": N_("in session"),
    "closed": N_("opened and closed"),
}
FORMAT_WORDS = {
    "in-person": N_("in person"),
    "hybrid": N_("hybrid: in person and online"),
    "online": N_("online"),
}
DOCUMENT_HEADINGS = {
    "annotated-agenda": N_("Annotated agenda"),
    "organization-of-work": N_("Organization of work"),
    "participants-list": N_("Participants"),
    "guide": N_("Guides for participants"),
    "code-of-conduct": N_("Code of conduct"),
    "background-paper": N_("Background papers"),
    "statement": N_("Statements"),
    "presentation": N_("Presentations"),
    "other": N_("Other documents"),
}
SUBMISSION_WORDS = {
    "on-time": N_("on time"),
    "within-extension": N_("within the extension"),
    "late": N_("after the deadline"),
}
SUBMITTER_WORDS = {"member-state": N_("Member State"), "observer": N_("Observer")}
LAPSED_WORDS = N_("lapsed: no opening is recorded")
ASSUMED = N_("(date assumed)")
ASSUMED_DAY = N_("%(day)s (date assumed)")
"""A day the record assumed, marked so (written without a space in Chinese)."""
UNDATED = N_("dates to be determined")
UNKNOWN_DAY = N_("to be determined")
ORDINAL_WORDS = (
    N_("first"),
    N_("second"),
    N_("third"),
    N_("fourth"),
    N_("fifth"),
    N_("sixth"),
    N_("seventh"),
    N_("eighth"),
    N_("ninth"),
    N_("tenth"),
    N_("eleventh"),
    N_("twelfth"),
    N_("thirteenth"),
    N_("fourteenth"),
    N_("fifteenth"),
    N_("sixteenth"),
    N_("seventeenth"),
    N_("eighteenth"),
    N_("nineteenth"),
    N_("twentieth"),
)
"""A session's ordinal, as it qualifies the word `session` in each language."""
LATER_ORDINAL = N_("%(number)sth")
"""A session's ordinal beyond the twentieth, in figures (English writes its
own: `21st`, `22nd`)."""
OBLIQUE = "of a session, in an oblique case"
"""The context of a session's ordinal where it does not name the subject of a
sentence (`at its sixth session`): Russian, say, declines it (`шестой`
where the subject is `шестая`)."""
OBLIQUE_ORDINAL_WORDS = (
    NP_("of a session, in an oblique case", "first"),
    NP_("of a session, in an oblique case", "second"),
    NP_("of a session, in an oblique case", "third"),
    NP_("of a session, in an oblique case", "fourth"),
    NP_("of a session, in an oblique case", "fifth"),
    NP_("of a session, in an oblique case", "sixth"),
    NP_("of a session, in an oblique case", "seventh"),
    NP_("of a session, in an oblique case", "eighth"),
    NP_("of a session, in an oblique case", "ninth"),
    NP_("of a session, in an oblique case", "tenth"),
    NP_("of a session, in an oblique case", "eleventh"),
    NP_("of a session, in an oblique case", "twelfth"),
    NP_("of a session, in an oblique case", "thirteenth"),
    NP_("of a session, in an oblique case", "fourteenth"),
    NP_("of a session, in an oblique case", "fifteenth"),
    NP_("of a session, in an oblique case", "sixteenth"),
    NP_("of a session, in an oblique case", "seventeenth"),
    NP_("of a session, in an oblique case", "eighteenth"),
    NP_("of a session, in an oblique case", "nineteenth"),
    NP_("of a session, in an oblique case", "twentieth"),
)
OBLIQUE_LATER_ORDINAL = NP_("of a session, in an oblique case", "%(number)sth")
EVIDENCED = {
    "Established": (N_("the establishment of the body"), N_("establishments")),
    "Scheduled": (N_("the scheduling"), N_("schedulings")),
    "Postponed": (N_("the postponement"), N_("postponements")),
    "Rescheduled": (N_("the new dates"), N_("reschedulings")),
    "VenueChanged": (
        N_("the change of venue or format"),
        N_("changes of venue or format"),
    ),
    "Cancelled": (N_("the cancellation"), N_("cancellations")),
    "AgendaIssued": (N_("the agenda"), N_("agendas")),
    "DocumentIssued": (N_("a document"), N_("documents")),
    "DocumentCirculated": (N_("a circulation of a document"), N_("circulations")),
    "StatementRecorded": (N_("a statement"), N_("statements")),
    "PanelistConfirmed": (N_("a panelist"), N_("panelists")),
    "Opened": (N_("the opening"), N_("openings")),
    "Closed": (N_("the closing"), N_("closings")),
    "ReportAdopted": (N_("the adoption of the report"), N_("adoptions of the report")),
    "Corrected": (N_("a correction"), N_("corrections")),
    "Struck": (N_("a strike of an entry recorded in error"), N_("strikes")),
    "Translated": (N_("a translation"), N_("translations")),
    "TranslationPublished": (
        N_("a language version of a document"),
        N_("language versions of documents"),
    ),
}
COUNTED = N_("%(things)s (%(count)s)")
"""Many events of a kind, where a source is listed, in a language other than
English (which writes `11 statements`)."""
REASON = N_("(reason: %(reason)s)")
"""A reason recorded in English, on a page in another language."""

ENGLISH: Mapping[str, tuple[Mapping[str, str], Mapping[str, str]]] = {
    "status": (STATUS_WORDS, wording.STATUS_WORDS),
    "format": (FORMAT_WORDS, wording.FORMAT_WORDS),
    "heading": (DOCUMENT_HEADINGS, wording.DOCUMENT_HEADINGS),
    "submission": (SUBMISSION_WORDS, wording.SUBMISSION_WORDS),
    "submitter": (SUBMITTER_WORDS, wording.SUBMITTER_WORDS),
}
"""Each table of words here, with the one `application.wording` writes in
English: the two must agree (a test checks it)."""


@attrs.frozen
class Words:
    """The site's words in one language."""

    language: str
    translations: Translations = attrs.field(
        default=attrs.Factory(
            lambda self: languages.translations(self.language), takes_self=True
        )
    )

    @property
    def english(self) -> bool:
        return self.language == languages.SOURCE

    def gettext(self, message: str) -> str:
        return str(self.translations.gettext(message))

    def own(self, text: str | None, language: str = languages.SOURCE) -> Markup:
        """A text of the record, marked with its language when the page is in
        another: `<span lang="en">Vienna</span>` (and its direction, where
        the page's is another: `dir="ltr"` on an Arabic page)."""
        if text is None:
            return Markup("")
        if language == self.language:
            return escape(text)
        if languages.direction(language) != languages.direction(self.language):
            # Isolated in its own direction: an English reason's closing
            # parenthesis or full stop stays at its end on an Arabic page.
            return Markup('<span lang="{}" dir="{}">{}</span>').format(
                language, languages.direction(language), text
            )
        return Markup('<span lang="{}">{}</span>').format(language, text)

    # The record's texts, in the page's language where a translation is
    # recorded (`titles`, `names`, a document's `titles`), else as recorded.

    def translated(
        self,
        text: str,
        translations: Mapping[str, str],
        recorded_in: str = languages.SOURCE,
    ) -> Markup:
        """`text`'s translation into the page's language, if recorded; else
        `text`, marked with the language it was recorded in."""
        if self.language in translations:
            return escape(translations[self.language])
        return self.own(text, recorded_in)

    def plain(self, text: str, translations: Mapping[str, str]) -> str:
        """The same, as plain text (a page's `<title>` holds no markup)."""
        return translations.get(self.language, text)

    def title(self, row: Any) -> Markup:
        """A session's title (a calendar row's, or its page's)."""
        return self.translated(row.title, titles_of(row))

    def title_text(self, row: Any) -> str:
        return self.plain(row.title, titles_of(row))

    def name(self, body: Any) -> Markup:
        """A body's name (its profile's)."""
        return self.translated(body.name, getattr(body, "names", {}))

    def name_text(self, body: Any) -> str:
        return self.plain(body.name, getattr(body, "names", {}))

    def document_title(self, document: Any) -> Markup:
        """A document's title: its published version's in the page's
        language, else as issued, marked with the language it was issued in."""
        editions = getattr(document, "languages", ())
        issued_in = editions[0].language if editions else languages.SOURCE
        return self.translated(
            document.title, getattr(document, "titles", {}), issued_in
        )

    def language_name(self, code: str) -> str:
        """A language's name in the page's language (Babel): `anglais`."""
        return str(Locale.parse(self.language).languages.get(code, code))

    # Sessions.

    def status_words(self, status: str) -> str:
        return self.gettext(STATUS_WORDS[status]) if status in STATUS_WORDS else status

    def format_words(self, format: str) -> str:
        return self.gettext(FORMAT_WORDS[format]) if format in FORMAT_WORDS else format

    def ordinal_word(self, number: int, oblique: bool = False) -> str:
        """`6` as `sixth`, `sixième`, `السادسة`; beyond the twentieth in
        figures. `oblique`: where the session is not the sentence's subject
        (`at its sixth session`)."""
        if self.english and not 1 <= number <= len(ORDINAL_WORDS):
            return ordinal(number)
        if 1 <= number <= len(ORDINAL_WORDS):
            word, later = ORDINAL_WORDS[number - 1], ""
        else:
            word, later = LATER_ORDINAL, "later"
        said = (
            str(self.translations.pgettext(OBLIQUE, word))
            if oblique
            else self.gettext(word)
        )
        return said % {"number": number} if later else said

    @property
    def lapsed_words(self) -> str:
        return self.gettext(LAPSED_WORDS)

    @property
    def assumed_words(self) -> str:
        return self.gettext(ASSUMED)

    # Dates, as the record stores them (ISO text).

    def dates(self, start: str | None, end: str | None) -> str:
        """A session's dates: `27–29 July 2020`, `27–29 juillet 2020`."""
        if start is None or end is None:
            return self.gettext(UNDATED)
        if self.english:
            return wording.dates(start, end)
        return languages.days(
            date.fromisoformat(start), date.fromisoformat(end), self.language
        )

    def day(self, iso: str | None) -> str:
        if iso is None:
            return self.gettext(UNKNOWN_DAY)
        return self.dates(iso, iso)

    def when(self, iso: str | None, assumed: bool) -> str:
        """A day, marked `(date assumed)` when the record assumed it."""
        if not assumed:
            return self.day(iso)
        if self.english:
            return wording.when(iso, assumed)
        return self.gettext(ASSUMED_DAY) % {"day": self.day(iso)}

    def weekday(self, iso: str) -> str:
        """`Thursday, 12 March 2020`, `jeudi 12 mars 2020`."""
        if self.english:
            return wording.weekday(iso)
        return languages.weekday(date.fromisoformat(iso), self.language)

    # Documents and comments.

    def document_heading(self, kind: str) -> str:
        if kind in DOCUMENT_HEADINGS:
            return self.gettext(DOCUMENT_HEADINGS[kind])
        return kind.replace("-", " ")

    def submission_words(self, status: str) -> str:
        if status in SUBMISSION_WORDS:
            return self.gettext(SUBMISSION_WORDS[status])
        return status

    def submitter_words(self, kind: str) -> str:
        return self.gettext(SUBMITTER_WORDS.get(kind, SUBMITTER_WORDS["observer"]))

    def evidenced(self, event: str, count: int) -> str:
        """What `count` events of a kind a source evidences are called."""
        if self.english:
            return wording.evidenced(event, count)
        one, many = EVIDENCED.get(event, (event, event))
        if count == 1:
            return self.gettext(one)
        return self.gettext(COUNTED) % {"things": self.gettext(many), "count": count}

    def evidence(self, said: str) -> str | Markup:
        """What a source evidences, as `application.wording` said it in
        English (`the postponement`, `11 statements`), in this language."""
        if self.english:
            return said
        count, _, things = said.partition(" ")
        for event, (one, many) in wording.EVIDENCED.items():
            if said == one:
                return self.evidenced(event, 1)
            if count.isdigit() and things == many:
                return self.evidenced(event, int(count))
        return self.own(said)  # words this module has no translation of

    # Sentences from the record's texts.

    def because(self, reason: str) -> str | Markup:
        """A reason as the end of a sentence (`due to the impact of ...`); in
        another language, the English reason marked, in parentheses."""
        if self.english:
            return wording.because(reason)
        text = reason.strip().rstrip(".")
        return escape(self.gettext(REASON)) % {"reason": self.own(text)}

    def sentence(self, text: str) -> str | Markup:
        """A text of the record ending with a full stop, once."""
        return self.own(wording.sentence(text))

    def filters(self) -> dict[str, Callable[..., Any]]:
        return {
            "day": self.day,
            "weekday": self.weekday,
            "ordinal_word": self.ordinal_word,
            "because": self.because,
            "sentence": self.sentence,
            "statement_numbers": wording.statement_numbers,
            "kind_heading": self.document_heading,
            "format_words": self.format_words,
            "status_words": self.status_words,
            "submission_words": self.submission_words,
            "submitter_words": self.submitter_words,
            "own": self.own,
            "title": self.title,
            "title_text": self.title_text,
            "name": self.name,
            "name_text": self.name_text,
            "document_title": self.document_title,
            "language_name": self.language_name,
            "evidence": self.evidence,
        }
