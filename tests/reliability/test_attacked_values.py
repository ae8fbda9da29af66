"""Values and import files an attacker wrote to slip past the checks: digits
that are not ASCII ones, texts that show nothing, YAML tags on values, files in
another encoding, a key given twice deep inside an entry. Each is refused with
exit 2 and one line, on every store, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.helpers import invoke, one_line_error, store_state
from tests.reliability.test_hostile_input import seeded  # noqa: F401

UNICODE_DIGITS = {
    "superscript period": (["adopt-workplan", "egm", "--period=¹⁹⁴⁵-²⁰²⁰",
                            "--at-session=1", "--topic=1945=Cooperation",
                            "--on=2020-02-01"], "YYYY-YYYY"),
    "arabic-indic period": (["adopt-workplan", "egm", "--period=٢٠١٨-٢٠٢١",
                             "--at-session=1", "--topic=2018=Cooperation",
                             "--on=2020-02-01"], "YYYY-YYYY"),
    "fullwidth period": (["adopt-workplan", "egm", "--period=２０３４-２０３５",
                          "--at-session=1", "--topic=2024=Cooperation",
                          "--on=2020-02-01"], "YYYY-YYYY"),
    "arabic-indic number": (["schedule-session", "egm", "٢", "--title=Second",
                             "--start=2020-06-01", "--end=2020-06-02",
                             "--venue=Vienna", "--on=2020-02-01"], "whole number"),
    "superscript number": (["open-session", "egm", "¹", "--on=2020-04-06"],
                           "whole number"),
    "arabic-indic date": (["open-session", "egm", "1", "--on=٢٠٣٠-٠٤-٠٦"],
                          "YYYY-MM-DD"),
    "one fullwidth digit in a date": (["open-session", "egm", "1",
                                       "--on=2020-04-0６"], "YYYY-MM-DD"),
    "arabic-indic item": (["issue-agenda", "egm", "1", "--item=١=Opening",
                           "--on=2020-02-01"], "N=TEXT"),
    "arabic-indic topic year": (["adopt-workplan", "egm", "--period=2024-2025",
                                 "--at-session=1", "--topic=٢٠٣٤=Cooperation",
                                 "--on=2020-02-01"], "N=TEXT"),
    "arabic-indic history": (["history", "egm", "١"], "whole number"),
    "history of session 0": (["history", "egm", "0"], "from 1"),
    "zero-width space name": (["establish-body", "egm2", "--name=\u200b",
                               "--on=2020-02-01"], "empty"),
    "zero-width joiners and marks": (["establish-body", "egm2",
                                      "--name=\u200d\u200c\u200f\u2060\ufeff",
                                      "--on=2020-02-01"], "empty"),
    "hangul filler venue": (["change-venue", "egm", "1",
                             "--venue=\u3164 \u2800", "--on=2020-02-01"],
                            "empty"),
}  # fmt: skip
"""Command lines each holding one value no store may take: before, the
superscript period and history of session 0 failed with exit 70 and 1, the
Arabic-Indic period was read as 2018-2021 and the invisible names recorded."""


@pytest.mark.parametrize(
    ("words", "reason"), UNICODE_DIGITS.values(), ids=UNICODE_DIGITS.keys()
)
def test_digits_other_than_ascii_and_texts_that_show_nothing_are_refused(
    seeded: str,  # noqa: F811
    words: list[str],
    reason: str,
) -> None:
    before = store_state(seeded)
    ran = invoke(*words, store=seeded)
    assert ran.code == 2, ran.err
    assert reason in one_line_error(ran.err)
    assert ran.out == ""
    assert store_state(seeded) == before


ENTRY = "{command: establish-body, code: egm3, on: 2020-02-01, name: Group}"

ATTACKED_FILES = {
    "a python call as a value": (
        "- {command: establish-body, code: egm3, on: 2020-02-01,"
        " name: !!python/object/apply:os.system ['touch {marker}']}\n",
        "tag",
    ),
    "a python call as a scalar value": (
        "- {command: establish-body, code: egm3, on: 2020-02-01,"
        " name: !!python/name:os.system Group}\n",
        "tag",
    ),
    "binary": (
        "- {command: establish-body, code: egm3, on: 2020-02-01,"
        " name: !!binary R3JvdXA=}\n",
        "tag",
    ),
    "a tag of its own": (
        "- {command: establish-body, code: egm3, on: 2020-02-01, name: !mine Group}\n",
        "tag",
    ),
    "a tag on a date": (
        "- {command: establish-body, code: egm3, on: !!timestamp 2020-02-01,"
        " name: Group}\n",
        "tag",
    ),
    "a tag on the entry": (f"- !!python/object:os.system {ENTRY}\n", "tag"),
    "an arabic-indic period": (
        "- {command: adopt-workplan, body: egm, period: ٢٠١٨-٢٠٢١, at-session: 1,"
        " topics: {2018: Cooperation}, on: 2020-02-01}\n",
        "period",
    ),
    "an arabic-indic item": (
        "- {command: issue-agenda, body: egm, number: 1, items: {١: Opening},"
        " on: 2020-02-01}\n",
        "N=TEXT",
    ),
    "a zero-width name": (
        "- {command: establish-body, code: egm3, on: 2020-02-01, name: \u200b}\n",
        "empty",
    ),
    "an item given twice": (
        f"- {ENTRY}\n- {{command: issue-agenda, body: egm, number: 1,"
        " items: {1: Opening, 1: Cooperation}, on: 2020-02-01}\n",
        "given twice",
    ),
    "an item given twice as text and number": (
        f"- {ENTRY}\n- {{command: issue-agenda, body: egm, number: 1,"
        " items: {1: Opening, '1': Cooperation}, on: 2020-02-01}\n",
        "given twice",
    ),
    "a key given twice deep inside": (
        f"- {ENTRY}\n- {{command: issue-agenda, body: egm, number: 1,"
        " items: {1: {a: 1, a: 2}}, on: 2020-02-01}\n",
        "given twice",
    ),
}
"""Files each refused whole: before, every tag was dropped silently (the value
read as if untagged), the Arabic-Indic period read as 2018-2021, the
zero-width name recorded, and the item given twice stopped the import with
exit 1 after the entry before it was written."""


@pytest.mark.parametrize(
    ("text", "reason"), ATTACKED_FILES.values(), ids=ATTACKED_FILES.keys()
)
def test_an_attacked_import_file_is_refused_whole(
    seeded: str,  # noqa: F811
    tmp_path: Path,
    text: str,
    reason: str,
) -> None:
    marker = tmp_path / "executed"
    path = tmp_path / "attacked.yaml"
    path.write_text(text.replace("{marker}", str(marker)), encoding="utf-8")
    before = store_state(seeded)
    ran = invoke("import", str(path), store=seeded)
    assert ran.code == 2, ran.err
    assert reason in one_line_error(ran.err)
    assert store_state(seeded) == before
    assert not marker.exists()


ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_an_import_file_in_another_encoding_than_utf8_is_refused(
    seeded: str,  # noqa: F811
    tmp_path: Path,
    encoding: str,
) -> None:
    """Before, a UTF-16 file (with its byte order mark) was read and applied."""
    path = tmp_path / "encoded.yaml"
    text = (
        "- {command: establish-body, code: egm3, on: 2020-02-01,"
        " name: Groupe d'experts sur la cybercriminalité}\n"
    )
    path.write_bytes(text.encode(encoding))
    before = store_state(seeded)
    ran = invoke("import", str(path), store=seeded)
    assert ran.code == 2, ran.err
    assert "UTF-8" in one_line_error(ran.err)
    assert store_state(seeded) == before


def test_an_import_file_in_utf8_with_a_byte_order_mark_is_read(
    seeded: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "marked.yaml"
    path.write_bytes(f"- {ENTRY}\n".encode("utf-8-sig"))
    ran = invoke("import", str(path), store=seeded)
    assert ran.code == 0, ran.err
    assert "1 applied" in ran.out
