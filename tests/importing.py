"""Import files the tests write: small records in the import file's own words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "expert-group-cybercrime.yaml"
SEED_NAME = "expert-group-cybercrime-6th-session.txt"


def seed_page() -> str:
    """The text of the seed page the example record is taken from.

    It is read where the project keeps it (`shared/seed/`, beside or above the
    checkout, or `$SECRETARIAT_SEED`), never from a copy, so that a test checks
    the example against the page itself.
    """
    candidates = (
        [Path(os.environ["SECRETARIAT_SEED"])]
        if "SECRETARIAT_SEED" in os.environ
        else []
    )
    candidates += [folder / "shared" / "seed" / SEED_NAME for folder in ROOT.parents]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    pytest.skip(f"the seed page {SEED_NAME} is not in shared/seed/ above {ROOT}")


SIXTH_SESSION = """\
- {command: establish-body, code: cybercrime-egm, name: Expert Group, on: 2010-12-21}
- command: schedule-session
  body: cybercrime-egm
  number: 6
  title: Sixth meeting
  start: 2020-04-06
  end: 2020-04-08
  venue: Vienna, Austria
  on: 2019-12-02
- command: issue-agenda
  body: cybercrime-egm
  number: 6
  items: {1: Organizational matters, 2: International cooperation, 3: Prevention}
  on: 2020-07-06
"""
"""Three entries (lines 1, 2 and 10): the body, the sixth session, its agenda."""


def statement(delegation: str, item: int | None = None) -> str:
    on_item = f", item: {item}" if item is not None else ""
    return (
        "- {command: record-statement, body: cybercrime-egm, number: 6, "
        f"delegation: {delegation}{on_item}, on: 2020-07-27}}\n"
    )


def write(folder: Path, text: str, name: str = "record.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
