"""The French and Arabic sixth-session pages as a browser shows them:
headless Chromium opens each from a local HTTP server, takes a screenshot of
the whole page, and reads, through a probe page that frames it, what the
browser computed: the page's language and direction (right to left for
Arabic, the announcement's rule on the side a reader starts from), the
texts marked English, and the dates as each locale writes them.

The screenshots are kept at `artefacts/browser/session-6.fr.png` and
`artefacts/browser/session-6.ar.png` (with the probes' readings beside them,
`session-6.fr.json`, `session-6.ar.json`), and copied into the folder
`$SECRETARIAT_TEST_SCREENSHOTS` names, when it is set."""

from __future__ import annotations

import json
import os
import shutil
import struct
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.dates import format_interval

from tests.importing import ARTEFACTS
from tests.site.browser import Request, browser, headless, serving
from tests.site.conftest import SIXTH
from tests.site.html import parse

SHOTS = ARTEFACTS / "browser"
SCREENSHOTS_VARIABLE = "SECRETARIAT_TEST_SCREENSHOTS"
WIDTH, HEIGHT = 1280, 4400
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

PROBE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Probe</title></head>
<body>
<iframe id="page" src="PAGE" width="1280" height="1200"></iframe>
<pre id="probe"></pre>
<script>
window.addEventListener("load", () => {
  const page = document.getElementById("page").contentDocument;
  const seen = (element) => page.defaultView.getComputedStyle(element);
  const root = page.documentElement;
  const notice = page.querySelector(".announcement");
  const facts = [...page.querySelectorAll("main dl")].map(
    (dl) => [...dl.querySelectorAll("dd")].map((e) => e.innerText)
  );
  document.getElementById("probe").textContent = JSON.stringify({
    lang: root.getAttribute("lang"),
    dir: root.getAttribute("dir"),
    direction: seen(root).direction,
    mainDirection: seen(page.querySelector("main")).direction,
    noticeRule: {
      left: seen(notice).borderLeftWidth,
      right: seen(notice).borderRightWidth,
    },
    title: {
      lang: page.querySelector("h1 > span").getAttribute("lang"),
      direction: seen(page.querySelector("h1 > span")).direction,
    },
    englishTexts: [...page.querySelectorAll("main [lang=en]")].map((e) => e.innerText),
    versions: [...page.querySelectorAll("nav.languages a")].map((a) => a.lang),
    notice: notice.innerText,
    facts: facts,
  });
});
</script>
</body>
</html>
"""


@pytest.fixture
def chromium() -> str:
    return browser()


@pytest.fixture
def served_site(example_site_languages: Path, tmp_path: Path) -> Path:
    """A copy of the site in en, fr and ar, with a probe page for each
    language beside the trees (the built site itself has no script)."""
    site = tmp_path / "site"
    shutil.copytree(example_site_languages, site)
    for language in ("fr", "ar"):
        probe = PROBE.replace("PAGE", f"{language}/{SIXTH.as_posix()}")
        (site / f"probe-{language}.html").write_text(probe, encoding="utf-8")
    return site


def read_probe(chromium: str, site: Path, language: str, profile: Path) -> Any:
    with serving(site) as (root, requests):
        dom = headless(
            chromium,
            f"{root}probe-{language}.html",
            "--dump-dom",
            "--virtual-time-budget=5000",
            profile=profile,
        )
    assert (f"/{language}/{SIXTH.as_posix()}", 200) in served(requests)
    [probe] = [
        e for e in parse(dom, strict=False).iter("pre") if e.get("id") == "probe"
    ]
    assert probe.text, "the probe read nothing"
    return json.loads(probe.text)


def screenshot(chromium: str, site: Path, language: str, profile: Path) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"session-6.{language}.png"
    shot.unlink(missing_ok=True)
    with serving(site) as (root, requests):
        headless(
            chromium,
            f"{root}{language}/{SIXTH.as_posix()}",
            f"--screenshot={shot}",
            f"--window-size={WIDTH},{HEIGHT}",
            profile=profile,
        )
    assert (f"/{language}/style.css", 200) in served(requests)
    return shot


def served(requests: list[Request]) -> set[tuple[str, int]]:
    return {(r.path, r.code) for r in requests}


def keep(path: Path) -> None:
    """Copy `path` into `$SECRETARIAT_TEST_SCREENSHOTS`, when it is set."""
    folder = os.environ.get(SCREENSHOTS_VARIABLE)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, Path(folder) / path.name)


def check_png(shot: Path) -> None:
    png = shot.read_bytes()
    assert png[:8] == PNG_SIGNATURE
    assert struct.unpack(">II", png[16:24]) == (WIDTH, HEIGHT)
    assert len(png) > 100_000, "a page of text, not a blank window"


@pytest.mark.parametrize(
    ("language", "direction", "rule_side", "dates", "original"),
    [
        ("fr", "ltr", "left", "27–29 juillet 2020", "6–8 avril 2020"),
        (
            "ar",
            "rtl",
            "right",
            format_interval(date(2020, 7, 27), date(2020, 7, 29), "yMMMd", locale="ar"),
            format_interval(date(2020, 4, 6), date(2020, 4, 8), "yMMMd", locale="ar"),
        ),
    ],
)
def test_a_browser_shows_the_sixth_session_in_its_language_and_direction(
    chromium: str,
    served_site: Path,
    tmp_path: Path,
    language: str,
    direction: str,
    rule_side: str,
    dates: str,
    original: str,
) -> None:
    shot = screenshot(chromium, served_site, language, tmp_path / "profile-shot")
    check_png(shot)
    keep(shot)
    seen = read_probe(chromium, served_site, language, tmp_path / "profile-probe")
    reading = SHOTS / f"session-6.{language}.json"
    reading.write_text(json.dumps(seen, ensure_ascii=False, indent=2), encoding="utf-8")
    keep(reading)

    assert (seen["lang"], seen["direction"], seen["mainDirection"]) == (
        language,
        direction,
        direction,
    )
    assert seen["dir"] == ("rtl" if language == "ar" else None)
    other = {"left": "right", "right": "left"}[rule_side]
    assert seen["noticeRule"][rule_side] != "0px"
    assert seen["noticeRule"][other] == "0px"
    assert seen["title"]["lang"] == "en"
    assert "Vienna, Austria" in seen["englishTexts"]
    assert sorted(seen["versions"]) == sorted({"en", "fr", "ar"} - {language})
    assert dates in seen["notice"]
    assert [dates, original] in [facts[:2] for facts in seen["facts"]]
