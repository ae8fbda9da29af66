"""The sixth-session page as a browser shows it: headless Chromium opens the
built site from a local HTTP server; its rendered DOM must hold the
postponement notice, the new dates and the panels of the seed page, and its
screenshot is kept under `artefacts/` to be looked at."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.importing import ARTEFACTS, seed_page
from tests.seed_page import announcement, panels_on_the_page
from tests.site.browser import Request, browser, headless, serving
from tests.site.conftest import SIXTH
from tests.site.html import (
    dates_text,
    following,
    next_to,
    parse,
    rows,
    text_of,
)

SHOTS = ARTEFACTS / "browser"
WIDTH, HEIGHT = 1280, 4400
"""The window of the screenshot: tall enough for the whole page."""
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def url_of(root: str, path: Path) -> str:
    return root + path.as_posix()


def served(requests: list[Request]) -> set[tuple[str, int]]:
    return {(r.path, r.code) for r in requests}


@pytest.fixture
def chromium() -> str:
    return browser()


def test_a_browser_shows_the_postponement_the_new_dates_and_the_panels(
    chromium: str, example_site: Path, tmp_path: Path
) -> None:
    new, original, reason = announcement(seed_page())
    with serving(example_site) as (root, requests):
        dom = headless(
            chromium, url_of(root, SIXTH), "--dump-dom", profile=tmp_path / "profile"
        )
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "session-6.dom.html").write_text(dom, encoding="utf-8")
    rendered = parse(dom, strict=False)
    main = rendered.find("body/main")
    assert main is not None

    notice = main[1]
    assert notice.get("class") == "announcement"
    assert text_of(notice) == (
        f"Announcement: The sixth session had to be postponed to {dates_text(new)} "
        f"due to the impact of the {reason}. (Original dates: {dates_text(original)})"
    )
    facts = text_of(next_to(rendered, following(rendered, "Dates and venue")))
    assert facts.startswith(
        f"Dates {dates_text(new)} Original dates {dates_text(original)} Venue"
    )
    panels = [
        rows(following(rendered, f"Agenda item {item}: {title}"))
        for item, title in ((2, "International cooperation"), (3, "Prevention"))
    ]
    assert panels == [
        [list(panelist) for panelist in panel]
        for panel in panels_on_the_page(seed_page())
    ]
    # What the browser shows is the page as written: nothing runs to change it.
    written = parse((example_site / SIXTH).read_text(encoding="utf-8"))
    assert text_of(main) == text_of(written.find("body/main"))  # type: ignore[arg-type]
    assert {(f"/{SIXTH.as_posix()}", 200), ("/style.css", 200)} <= served(requests)


def test_a_browser_takes_a_screenshot_of_the_whole_sixth_session_page(
    chromium: str, example_site: Path, tmp_path: Path
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    screenshot = SHOTS / "session-6.png"
    screenshot.unlink(missing_ok=True)
    with serving(example_site) as (root, requests):
        headless(
            chromium,
            url_of(root, SIXTH),
            f"--screenshot={screenshot}",
            f"--window-size={WIDTH},{HEIGHT}",
            profile=tmp_path / "profile",
        )

    png = screenshot.read_bytes()
    assert png[:8] == PNG_SIGNATURE
    assert png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (WIDTH, HEIGHT)
    assert len(png) > 100_000, "a page of text, not a blank window"
    assert ("/style.css", 200) in served(requests)
