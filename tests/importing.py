"""Import files the tests write: small records in the import file's own words."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "expert-group-cybercrime.yaml"
ARTEFACTS = ROOT / "artefacts"
"""Where tests leave files for people to look at (screenshots); not in git."""


SEED_PAGE = ROOT / "examples" / "expert-group-cybercrime-6th-session.txt"


def seed_page() -> str:
    """The text of the public meeting page the example record is taken from,
    kept beside the example so that the tests check the record against it."""
    return SEED_PAGE.read_text(encoding="utf-8")


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


OPENED_SIXTH_SESSION = SIXTH_SESSION.replace(
    "start: 2020-04-06\n  end: 2020-04-08", "start: 2020-07-27\n  end: 2020-07-29"
) + ("- {command: open-session, body: cybercrime-egm, number: 6, on: 2020-07-27}\n")
"""Four entries (lines 1, 2, 10 and 15): the body, the sixth session on the
days it met (27-29 July 2020), its agenda, and its opening on 27 July 2020,
from which statements are recorded."""


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
