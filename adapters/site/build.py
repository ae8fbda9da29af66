"""Build the site: have the application assemble the pages, render them,
write them.

Every page is rendered in memory before the first file is written, so a record
that cannot be read leaves the folder as it was; each file is then replaced
whole (written beside it, then renamed), so a browser never reads half a page,
and never through a link, so that nothing outside the folder is ever written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Mapping
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from adapters.ical import calendar_file
from adapters.site import languages as official
from adapters.site.render import (
    environment,
    render,
    session_path,
    workplan_path,
)
from adapters.site.words import Words
from application.publishing import Pages, Publishing
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
    languages: tuple[str, ...] = (official.SOURCE,),
) -> list[str]:
    """Write the site of `body` (or of every body) into `out`, in each of
    `languages` (one tree per language, `fr/...`, when more than one); return
    the files written, relative to `out`."""
    site = render_site(views, body=body, today=today, languages=languages)
    write_site(site, out)
    return sorted(site)


def render_site(
    views: Views,
    *,
    body: str | None,
    today: date,
    languages: tuple[str, ...] = (official.SOURCE,),
) -> dict[str, bytes]:
    """Every file of the site, by its path from the site's root: with one
    language, the site in it; with more, a tree per language (`fr/...`), each
    page linking to its versions in the others."""
    publishing = Publishing(views)
    listing = publishing.listing(body, today=today)
    for code in listing.codes:
        if not SAFE_NAME.fullmatch(code):
            raise UnsafeNameError(
                f"the record holds a body code that cannot name a folder: {code!r}"
            )
    pages = publishing.pages(listing)
    shared = {
        "calendar.ics": calendar_file(views, body),
        "style.css": (files("adapters.site") / "static" / "style.css").read_bytes(),
    }
    if len(languages) == 1:
        return {**render_pages(pages, today, languages[0], ()), **shared}
    site: dict[str, bytes] = {"index.html": choose_language(languages)}
    for language in languages:
        others = tuple(other for other in languages if other != language)
        tree = {**render_pages(pages, today, language, others), **shared}
        site.update({f"{language}/{path}": content for path, content in tree.items()})
    return site


def choose_language(languages: tuple[str, ...]) -> bytes:
    """The page at the root of a site in several languages: a link to the
    calendar in each, named in its own language."""
    versions = [
        {
            "language": language,
            "direction": official.direction(language),
            "name": official.endonym(language),
            "calendar": Words(language).gettext("Calendar of sessions"),
        }
        for language in languages
    ]
    env = environment(languages[0])
    return env.get_template("languages.html").render(versions=versions).encode()


def render_pages(
    pages: Pages, today: date, language: str, others: tuple[str, ...]
) -> dict[str, bytes]:
    """The site's pages in `language`, each linking to its version in each of
    `others` (in the tree beside this one)."""
    env = environment(language)
    common: dict[str, object] = {
        "today": today,
        "several": len(pages.index.bodies) > 1,
    }

    def page(template: str, path: str, value: object) -> str:
        root = "../" * path.count("/")
        versions = [
            Version(other, official.endonym(other), f"{root}../{other}/{path}")
            for other in others
        ]
        return render(env, template, root=root, page=value, versions=versions, **common)

    html: dict[str, str] = {"index.html": page("index.html", "index.html", pages.index)}
    for session_page in pages.sessions:
        row = session_page.session
        path = session_path(row.body, row.number)
        html[path] = page("session.html", path, session_page)
    for workplan_page in pages.workplans:
        workplan = workplan_page.workplan
        path = workplan_path(workplan.body, workplan.period)
        html[path] = page("workplan.html", path, workplan_page)
    return {path: text.encode("utf-8") for path, text in html.items()}


@attrs.frozen
class Version:
    """A page's version in another language: where it is, and the language's
    name in itself."""

    language: str
    name: str
    href: str


def write_site(site: Mapping[str, bytes], out: Path) -> None:
    """Write each file into `out` (created with its parents if missing).

    Each file is written into a new file of a random name in its own folder,
    created there (never opened if it exists), then renamed over the file:
    a link found in the file's place is replaced, never written through, and
    builds into the same folder at once never share a file half written.
    Every folder under `out` is opened without following a link, and one that
    is a link (or a file) is refused before the first file is written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        root = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise OutputError(
            f"cannot write the site to {out}: {error.strerror or error}{where}"
        ) from None
    folders: dict[str, int] = {"": root}

    def folder(name: str, *, create: bool) -> int | None:
        if name not in folders:
            parent, _, base = name.rpartition("/")
            above = folder(parent, create=create)
            opened = None
            if above is not None:
                opened = _open_folder(above, base, out / name, create=create)
            if opened is None:
                return None
            folders[name] = opened
        return folders[name]

    try:
        for path in site:  # first refuse a link, before anything is written
            folder(path.rpartition("/")[0], create=False)
        for path, content in site.items():
            parent, _, name = path.rpartition("/")
            into = folder(parent, create=True)
            assert into is not None
            _write_file(into, name, content, out / path)
    finally:
        for opened in folders.values():
            os.close(opened)


def _open_folder(parent: int, name: str, where: Path, *, create: bool) -> int | None:
    """The folder `name` in the folder `parent`, opened without following a
    link (None: it does not exist yet, and `create` is false)."""
    if create:
        try:
            os.mkdir(name, dir_fd=parent)
        except FileExistsError:
            pass  # another build made it, or it is a link: opening tells
        except OSError as error:
            raise OutputError(_cannot(f"create {where}", error)) from None
    try:
        return os.open(
            name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent
        )
    except FileNotFoundError:
        if create:
            raise OutputError(f"cannot create {where}: it was removed") from None
        return None
    except OSError as error:
        if error.errno == errno.ELOOP or where.is_symlink():
            raise OutputError(
                f"{where} is a link: the site is never written through a link; "
                "remove it, or build the site elsewhere"
            ) from None
        if error.errno == errno.ENOTDIR:
            raise OutputError(f"{where} is a file, not a folder") from None
        raise OutputError(_cannot(f"open {where}", error)) from None


def _write_file(folder: int, name: str, content: bytes, target: Path) -> None:
    """Write `name` in `folder` through a new file of its own, renamed over it."""
    partial = f".{name}.{secrets.token_hex(8)}.partial"
    try:
        descriptor = os.open(
            partial,
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
            0o666,
            dir_fd=folder,
        )
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(content)
            os.replace(partial, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(partial, dir_fd=folder)
            raise
    except OSError as error:
        raise OutputError(_cannot(f"write {target}", error)) from None


def _cannot(what: str, error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"cannot {what}: {reason}"
