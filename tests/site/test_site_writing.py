"""How `site build` writes its files: each through a fresh file of its own in
the same folder, renamed over the page, never through a link; a folder of the
site that is a link is refused before anything is written; builds into one
folder at once all succeed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli.running import EXECUTABLE, environment, one_line_error, run
from tests.site.conftest import TODAY, build

BUILDS = 20
"""Builds of the same site into one folder, all started at once."""


def site_files(site: Path) -> dict[str, bytes]:
    """Every file under `site`, links included (as the link's own text)."""
    found: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        name = str(path.relative_to(site))
        if path.is_symlink():
            found[name] = b"-> " + str(path.readlink()).encode()
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


@pytest.fixture
def expected(
    example_store: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, bytes]:
    """The files of the example's site, built into a new folder."""
    out = tmp_path_factory.mktemp("expected") / "site"
    return site_files(build(example_store, out, "--today", TODAY))


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the site, holding a file the site must never touch."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text("kept", encoding="utf-8")
    return folder


def test_a_page_that_is_a_link_is_replaced_and_its_target_left_untouched(
    example_store: str, expected: dict[str, bytes], outside: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    (out / "cybercrime-egm").mkdir(parents=True)
    for name in expected:
        (out / name).symlink_to(outside / "secret.txt")

    build(example_store, out, "--today", TODAY)

    assert (outside / "secret.txt").read_text(encoding="utf-8") == "kept"
    assert site_files(out) == expected
    assert not any(path.is_symlink() for path in out.rglob("*"))


def test_a_link_that_leads_nowhere_is_replaced_and_nothing_created_where_it_led(
    example_store: str, expected: dict[str, bytes], outside: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").symlink_to(outside / "created.html")

    build(example_store, out, "--today", TODAY)

    assert not (outside / "created.html").exists()
    assert site_files(out) == expected


def test_links_named_as_the_partial_files_of_earlier_versions_are_never_followed(
    example_store: str, expected: dict[str, bytes], outside: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    (out / "cybercrime-egm").mkdir(parents=True)
    links = []
    for name in expected:
        link = out / Path(name).with_name(f".{Path(name).name}.partial")
        link.symlink_to(outside / "secret.txt")
        links.append(str(link.relative_to(out)))

    build(example_store, out, "--today", TODAY)

    assert (outside / "secret.txt").read_text(encoding="utf-8") == "kept"
    written = site_files(out)
    assert {name: written[name] for name in expected} == expected
    assert sorted(set(written) - set(expected)) == sorted(links)  # left as they were


def test_a_body_folder_that_is_a_link_is_refused_and_nothing_is_written(
    example_store: str, outside: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "cybercrime-egm").symlink_to(outside, target_is_directory=True)

    ran = run("site", "build", "--out", str(out), "--today", TODAY, store=example_store)

    one_line_error(ran, 2, f"{out / 'cybercrime-egm'} is a link")
    assert [p.name for p in outside.iterdir()] == ["secret.txt"]
    assert (outside / "secret.txt").read_text(encoding="utf-8") == "kept"
    assert [p.name for p in out.iterdir()] == ["cybercrime-egm"]


def test_a_body_folder_that_is_a_file_is_refused_and_nothing_is_written(
    example_store: str, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "cybercrime-egm").write_text("kept", encoding="utf-8")

    ran = run("site", "build", "--out", str(out), "--today", TODAY, store=example_store)

    one_line_error(ran, 2, f"{out / 'cybercrime-egm'} is a file, not a folder")
    assert site_files(out) == {"cybercrime-egm": b"kept"}


@pytest.mark.reliability
def test_builds_into_one_folder_at_once_all_succeed(
    example_store: str, expected: dict[str, bytes], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    command = [str(EXECUTABLE), "site", "build", "--out", str(out), "--today", TODAY]
    builds = [
        subprocess.Popen(
            command,
            env=environment(store=example_store),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(BUILDS)
    ]
    errors = [process.communicate(timeout=300)[1] for process in builds]

    failed = [
        (p.returncode, e) for p, e in zip(builds, errors, strict=True) if p.returncode
    ]
    print(f"{BUILDS} builds into one folder at once: {len(failed)} failed")
    assert not failed, failed[:3]
    assert site_files(out) == expected  # no file left half written, none left over


def test_a_bad_body_code_is_bad_usage_as_for_every_command(
    example_store: str, tmp_path: Path
) -> None:
    out = tmp_path / "site"

    ran = run("site", "build", "--out", str(out), "--body", "Bad", store=example_store)
    calendar = run("calendar", "--body", "Bad", store=example_store)

    message = one_line_error(ran, 2, "a body code is lower-case letters")
    assert message == one_line_error(calendar, 2)
    assert not out.exists()
