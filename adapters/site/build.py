"""Build the site: have the application assemble the pages, render them,
write them.

Every page is rendered in memory before the first file is written, so a record
that cannot be read leaves the folder as it was; each file is then replaced
whole (written beside it, then renamed), so a browser never reads half a page.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from adapters.ical import calendar_file
from adapters.site.render import (
    environment,
    render,
    session_path,
    workplan_path,
)
from application.publishing import Publishing
from domain.limits import BODY_CODE

if TYPE_CHECKING:
    from application.ports import Views

SAFE_NAME = BODY_CODE
"""A body code as commands accept it: the only text from the record that names
a file or folder of the site, checked again here so that a record written by
some other means can never make the site write outside its folder."""


class UnsafeNameError(Exception):
    """Raised when the record holds a body code that cannot name a folder."""


class OutputError(Exception):
    """Raised when the site's folder cannot be created or written."""


def build_site(
    views: Views,
    out: Path,
    *,
    body: str | None = None,
    today: date,
) -> list[str]:
    """Write the site of `body` (or of every body) into `out`; return the
    files written, relative to `out`."""
    site = render_site(views, body=body, today=today)
    write_site(site, out)
    return sorted(site)


def render_site(views: Views, *, body: str | None, today: date) -> dict[str, bytes]:
    """Every file of the site, by its path from the site's root."""
    publishing = Publishing(views)
    listing = publishing.listing(body, today=today)
    for code in listing.codes:
        if not SAFE_NAME.fullmatch(code):
            raise UnsafeNameError(
                f"the record holds a body code that cannot name a folder: {code!r}"
            )
    pages = publishing.pages(listing)

    env = environment()
    common: dict[str, Any] = {"today": today, "several": len(pages.index.bodies) > 1}
    html: dict[str, str] = {
        "index.html": render(env, "index.html", root="", page=pages.index, **common)
    }
    for page in pages.sessions:
        row = page.session
        html[session_path(row.body, row.number)] = render(
            env, "session.html", root="../", page=page, **common
        )
    for page in pages.workplans:
        workplan = page.workplan
        html[workplan_path(workplan.body, workplan.period)] = render(
            env, "workplan.html", root="../", page=page, **common
        )
    site = {path: text.encode("utf-8") for path, text in html.items()}
    site["calendar.ics"] = calendar_file(views, body)
    site["style.css"] = (files("adapters.site") / "static" / "style.css").read_bytes()
    return site


def write_site(site: Mapping[str, bytes], out: Path) -> None:
    """Write each file into `out` (created with its parents if missing)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        for path, content in site.items():
            target = out / path
            target.parent.mkdir(exist_ok=True)
            partial = target.with_name(f".{target.name}.partial")
            try:
                partial.write_bytes(content)
                os.replace(partial, target)
            except OSError as error:
                partial.unlink(missing_ok=True)
                raise OutputError(
                    f"cannot write {target}: {error.strerror or error}"
                ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        where = f" ({error.filename})" if error.filename else ""
        raise OutputError(f"cannot write the site to {out}: {reason}{where}") from None
