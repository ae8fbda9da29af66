"""Build the site: ask the views and the record, lay out the pages, write them.

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
from application.pages import index_page, session_page, workplan_page
from application.secretariat import Secretariat
from domain.limits import BODY_CODE
from domain.values import Period

if TYPE_CHECKING:
    from adapters.views import Views

SAFE_NAME = BODY_CODE
"""A body code as commands accept it: the only text from the record that names
a file or folder of the site, checked again here so that a record written by
some other means can never make the site write outside its folder."""


class UnsafeNameError(Exception):
    """Raised when the record holds a body code that cannot name a folder."""


class OutputError(Exception):
    """Raised when the site's folder cannot be created or written."""


def build_site(
    secretariat: Secretariat,
    views: Views,
    out: Path,
    *,
    body: str | None = None,
    today: date,
) -> list[str]:
    """Write the site of `body` (or of every body) into `out`; return the
    files written, relative to `out`."""
    site = render_site(secretariat, views, body=body, today=today)
    write_site(site, out)
    return sorted(site)


def render_site(
    secretariat: Secretariat, views: Views, *, body: str | None, today: date
) -> dict[str, bytes]:
    """Every file of the site, by its path from the site's root."""
    sessions = views.calendar_rows(body)
    deadlines = views.deadlines(body, today=today)
    postponements = views.postponements(body)["postponements"]
    codes = sorted(
        {row.body for row in sessions}
        | {w["body"] for w in deadlines["workplans"]}
        | ({body} if body else set())
    )
    for code in codes:
        if not SAFE_NAME.fullmatch(code):
            raise UnsafeNameError(
                f"the record holds a body code that cannot name a folder: {code!r}"
            )
    bodies = {code: secretariat.body_profile(code) for code in codes}
    workplans = [
        secretariat.workplan_profile(w["body"], Period.parse(w["period"]))
        for w in deadlines["workplans"]
    ]

    env = environment()
    common: dict[str, Any] = {"today": today, "several": len(bodies) > 1}
    pages: dict[str, str] = {
        "index.html": render(
            env,
            "index.html",
            root="",
            page=index_page(sessions, workplans, bodies, today),
            **common,
        )
    }
    for row in sessions:
        page = session_page(
            row,
            body=bodies[row.body],
            record=secretariat.session_record(row.body, row.number),
            calendar=sessions,
            postponements=postponements,
            workplans=workplans,
            calls=deadlines["calls"],
        )
        pages[session_path(row.body, row.number)] = render(
            env, "session.html", root="../", page=page, **common
        )
    for workplan in workplans:
        page = workplan_page(
            workplan,
            body=bodies[workplan.body],
            calendar=sessions,
            calls=deadlines["calls"],
            milestones=deadlines["milestones"],
        )
        pages[workplan_path(workplan.body, workplan.period)] = render(
            env, "workplan.html", root="../", page=page, **common
        )
    site = {path: html.encode("utf-8") for path, html in pages.items()}
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
