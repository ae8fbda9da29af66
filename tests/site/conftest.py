"""The site built as an officer builds it: the record imported, then
`secretariat site build`, each in its own process, on an SQLite file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.running import run
from tests.importing import EXAMPLE

TODAY = "2025-01-15"
"""The day the example's site is built on: every session of the example is past."""

SIXTH = Path("cybercrime-egm") / "session-6.html"
WORKPLAN = Path("cybercrime-egm") / "workplan-2018-2021.html"

Build = Callable[..., Path]


def build(store: str, out: Path, *options: str) -> Path:
    ran = run("site", "build", "--out", str(out), *options, store=store)
    assert ran.code == 0, ran.err
    return out


def imported(store: str, record: Path) -> str:
    ran = run("import", str(record), store=store)
    assert ran.code == 0, ran.err
    return store


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The example record, imported into an SQLite file."""
    folder = tmp_path_factory.mktemp("example")
    return imported(f"sqlite:///{folder / 'record.db'}", EXAMPLE)


@pytest.fixture(scope="session")
def example_site(example_store: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the example record, built on `TODAY`."""
    out = tmp_path_factory.mktemp("example-site") / "site"
    return build(example_store, out, "--today", TODAY)


@pytest.fixture
def site_of(tmp_path: Path) -> Build:
    """Import a record written in the import file's words, build its site."""

    def build_from(record: str, *options: str) -> Path:
        path = tmp_path / "record.yaml"
        path.write_text(record, encoding="utf-8")
        store = imported(f"sqlite:///{tmp_path / 'record.db'}", path)
        return build(store, tmp_path / "site", *options)

    return build_from


LANGUAGES = ("en", "fr", "ar")
"""The languages the example's site is built in for the language tests."""


@pytest.fixture(scope="session")
def example_site_languages(
    example_store: str, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The site of the example record in English, French and Arabic (a tree
    per language), built on `TODAY`."""
    out = tmp_path_factory.mktemp("example-site-languages") / "site"
    return build(
        example_store, out, "--today", TODAY, "--languages", ",".join(LANGUAGES)
    )
