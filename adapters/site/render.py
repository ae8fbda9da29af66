"""The site's pages as HTML: Jinja2 templates, with every value escaped.

The templates (`templates/`) receive the application's page values and write
every text from the record through autoescaping; the filters turn dates,
numbers and codes into words (`application.wording`), and return plain text,
never markup.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from adapters.site import languages
from adapters.site.words import Words
from application import wording


def session_path(body: str, number: int) -> str:
    """Where a session's page is, from the site's root."""
    return f"{body}/session-{number}.html"


def workplan_path(body: str, period: str) -> str:
    return f"{body}/workplan-{period}.html"


def environment(language: str = languages.SOURCE) -> Environment:
    """The templates, writing the interface's words (`_(...)`, from the
    catalogs), dates and ordinals in `language`."""
    words = Words(language)
    env = Environment(
        loader=PackageLoader("adapters.site", "templates"),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_translations(  # type: ignore[attr-defined]
        words.translations, newstyle=True
    )
    env.filters.update(ordinal=wording.ordinal, **words.filters())
    env.globals.update(
        lang=language,
        dir=languages.direction(language),
        dates=words.dates,
        when=words.when,
        is_lapsed=wording.is_lapsed,
        lapsed_words=words.lapsed_words,
        assumed_words=words.assumed_words,
        has_moved=wording.has_moved,
        session_path=session_path,
        workplan_path=workplan_path,
    )
    return env


def render(env: Environment, template: str, *, root: str, **values: object) -> str:
    """One page; `root` is the way from the page back to the site's root."""
    return env.get_template(template).render(root=root, **values)
