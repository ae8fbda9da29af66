"""The site's pages as HTML: Jinja2 templates, with every value escaped.

The templates (`templates/`) receive the application's page values and write
every text from the record through autoescaping; the filters turn dates,
numbers and codes into words (`application.wording`), and return plain text,
never markup.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from application import wording


def session_path(body: str, number: int) -> str:
    """Where a session's page is, from the site's root."""
    return f"{body}/session-{number}.html"


def workplan_path(body: str, period: str) -> str:
    return f"{body}/workplan-{period}.html"


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("adapters.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        day=wording.day,
        weekday=wording.weekday,
        ordinal=wording.ordinal,
        ordinal_word=wording.ordinal_word,
        because=wording.because,
        sentence=wording.sentence,
        statement_numbers=wording.statement_numbers,
        kind_heading=wording.document_heading,
        format_words=wording.format_words,
        status_words=wording.status_words,
        submission_words=wording.submission_words,
        submitter_words=wording.submitter_words,
    )
    env.globals.update(
        dates=wording.dates,
        when=wording.when,
        is_lapsed=wording.is_lapsed,
        lapsed_words=wording.LAPSED_WORDS,
        assumed_words=wording.ASSUMED,
        has_moved=wording.has_moved,
        session_path=session_path,
        workplan_path=workplan_path,
    )
    return env


def render(env: Environment, template: str, *, root: str, **values: object) -> str:
    """One page; `root` is the way from the page back to the site's root."""
    return env.get_template(template).render(root=root, **values)
