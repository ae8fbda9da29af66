"""`secretariat site build`: the public web site, built from the record."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
import structlog

from adapters.cli.params import BODY, DATE
from adapters.cli.running import CommandGroup, Failure, Settings, global_options
from adapters.failures import BAD_USAGE, STORE_FAILED


@click.group("site", cls=CommandGroup)
def site() -> None:
    """Publish the record as a static web site.

    Example:

    \b
      secretariat site build --out site
    """


@site.command("build")
@click.option(
    "--out",
    required=True,
    metavar="DIR",
    type=click.Path(path_type=Path),
    help="The folder to write the site into (created if missing).",
)
@click.option("--body", type=BODY, help="Only this body.")
@click.option(
    "--today",
    type=DATE,
    default=date.today,
    show_default="the real today",
    help="The day that splits upcoming from past sessions and counts the days "
    "left to a deadline (YYYY-MM-DD).",
)
@click.option(
    "--languages",
    "languages_text",
    default="en",
    show_default=True,
    metavar="L[,L…]",
    help="The languages to write the pages in, of the six official ones: "
    "ar, zh, en, fr, ru, es (with more than one, a tree per language: "
    "DIR/fr/…).",
)
@global_options
@click.pass_obj
def site_build(
    settings: Settings,
    out: Path,
    body: str | None,
    today: date,
    languages_text: str,
) -> None:
    """Write the calendar (index.html), a page per session and per workplan,
    and calendar.ics into DIR; open DIR/index.html in a browser.

    Example:

    \b
      secretariat site build --body cybercrime-egm --out site --today 2020-07-01
      secretariat site build --out site --languages en,fr,ar
    """
    from adapters.site.languages import UnknownLanguageError, parse_languages

    try:
        languages = parse_languages(languages_text)
    except UnknownLanguageError as error:
        raise Failure(f"--languages: {error}", BAD_USAGE, "bad-usage") from None
    if body:
        structlog.contextvars.bind_contextvars(body=body)
    _check_out(out)
    views = settings.views()
    from adapters.site import OutputError, UnsafeNameError, build_site

    try:
        written = build_site(views, out, body=body, today=today, languages=languages)
    except OutputError as error:
        raise Failure(str(error), BAD_USAGE, "bad-usage") from None
    except UnsafeNameError as error:
        raise Failure(str(error), STORE_FAILED, "store-failed") from None
    pages = sum(1 for path in written if path.endswith(".html"))
    if len(languages) == 1:
        click.echo(f"Wrote {pages} pages and calendar.ics to {out}")
        click.echo(f"Open {out / 'index.html'} in a browser")
        return
    click.echo(
        f"Wrote {pages} pages in {len(languages)} languages "
        f"({', '.join(languages)}) to {out}"
    )
    for language in languages:
        click.echo(f"Open {out / language / 'index.html'} in a browser")


def _check_out(out: Path) -> None:
    """Refuse at once an --out that names a file, or lies under one."""
    for folder in (out, *out.parents):
        if folder.exists() or folder.is_symlink():
            if not folder.is_dir():
                where = "is" if folder == out else f"lies under {folder}, which is"
                raise Failure(
                    f"--out {out} {where} a file, not a folder",
                    BAD_USAGE,
                    "bad-usage",
                )
            return
