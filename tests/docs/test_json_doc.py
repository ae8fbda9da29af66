"""docs/json.md lists every key of the JSON answers, with its type: each key
it lists is in the real answer, of that type, and each key of the answer is
listed.

The answers are those of the command line on the real record of the Expert
Group on Cybercrime (examples/), with a few decisions added of kinds the real
record never took (a postponement to dates to be determined, reschedulings,
a cancellation, a document and a report with their symbols, a submission, a
stocktaking meeting, a statement struck, a correction), so that every key
shows up with a value."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.cli.running import run
from tests.docs.test_commands_doc import sections
from tests.importing import EXAMPLE, write

DOC = Path(__file__).resolve().parents[2] / "docs" / "json.md"
DOCUMENTED = sections(DOC.read_text(encoding="utf-8"))

MORE = """\
- {command: admit-observer, body: cybercrime-egm, name: Council of Europe,
   kind: intergovernmental, on: 2020-12-01, decided-by: the Commission}
- command: schedule-session
  body: cybercrime-egm
  number: 7
  title: Seventh meeting
  start: 2021-04-06
  end: 2021-04-08
  venue: Vienna, Austria
  stocktaking: true
  timezone: Europe/Vienna
  hours: 10:00-13:00+15:00-18:00
  on: 2020-12-01
- command: postpone-session
  body: cybercrime-egm
  number: 7
  reason: Travel restrictions remain in force
  announced-in: Special Message of 1 February 2021
  source: Special Message of 1 February 2021
  decided-by: the extended Bureau
  on: 2021-02-01
- command: reschedule-session
  body: cybercrime-egm
  number: 7
  start: 2021-04-07
  end: 2021-04-09
  reason: New dates agreed with the extended Bureau
  on: 2021-03-01
- command: issue-document
  body: cybercrime-egm
  number: 7
  kind: background-paper
  title: Stocktaking of the work of the Expert Group
  symbol: UNODC/CCPCJ/EG.4/2021/1
  on: 2021-03-15
- command: issue-document
  body: cybercrime-egm
  number: 7
  kind: comments
  title: Comments received
  symbol: UNODC/CCPCJ/EG.4/2021/INF/1
  on: 2021-03-15
- command: change-venue
  body: cybercrime-egm
  number: 7
  format: hybrid
  on: 2021-03-20
- {command: open-session, body: cybercrime-egm, number: 7, on: 2021-04-07}
- command: record-statement
  body: cybercrime-egm
  number: 7
  delegation: Iraq
  on: 2021-04-07
- command: strike-entry
  body: cybercrime-egm
  number: 7
  version: 8
  reason: Iraq made no statement
  on: 2021-04-08
- command: adopt-report
  body: cybercrime-egm
  number: 7
  symbol: UNODC/CCPCJ/EG.4/2021/2
  on: 2021-04-09
- command: issue-document
  body: cybercrime-egm
  number: 7
  kind: report
  title: Report of the seventh meeting
  symbol: UNODC/CCPCJ/EG.4/2021/2
  on: 2021-04-09
- {command: close-session, body: cybercrime-egm, number: 7, on: 2021-04-09}
- command: correct-session
  body: cybercrime-egm
  number: 7
  title: Seventh meeting of the Expert Group
  venue: Vienna International Centre, Vienna, Austria
  reason: Written short when recorded
  on: 2021-04-10
- command: schedule-session
  body: cybercrime-egm
  number: 8
  title: Eighth meeting
  start: 2022-04-04
  end: 2022-04-06
  venue: Vienna, Austria
  on: 2021-06-01
- command: reschedule-session
  body: cybercrime-egm
  number: 8
  start: 2022-05-02
  end: 2022-05-04
  on: 2021-07-01
- command: cancel-session
  body: cybercrime-egm
  number: 8
  reason: Lack of funds
  on: 2021-09-01
- command: receive-submission
  body: cybercrime-egm
  period: 2018-2021
  cycle: 2020
  from: Norway
  as: member-state
  ref: NOR/2020/1
  source: NOR/2020/1
  decided-by: the Secretariat
  on: 2020-05-20
- {command: translate-session, body: cybercrime-egm, number: 7, language: ar,
   title: الاجتماع السابع, on: 2021-04-11}
- {command: translate-session, body: cybercrime-egm, number: 7, language: zh,
   title: 第七次会议, on: 2021-04-11}
- {command: translate-session, body: cybercrime-egm, number: 7, language: fr,
   title: Septième réunion, on: 2021-04-11}
- {command: translate-session, body: cybercrime-egm, number: 7, language: ru,
   title: Седьмое совещание, on: 2021-04-11}
- {command: translate-session, body: cybercrime-egm, number: 7, language: es,
   title: Séptima reunión, on: 2021-04-11}
- {command: translate-body, body: cybercrime-egm, language: ar,
   name: فريق الخبراء المعني بالجريمة السيبرانية, on: 2021-04-11}
- {command: translate-body, body: cybercrime-egm, language: zh,
   name: 网络犯罪问题专家组, on: 2021-04-11}
- {command: translate-body, body: cybercrime-egm, language: fr,
   name: Groupe d’experts sur la cybercriminalité, on: 2021-04-11}
- {command: translate-body, body: cybercrime-egm, language: ru,
   name: Группа экспертов по киберпреступности, on: 2021-04-11}
- {command: translate-body, body: cybercrime-egm, language: es,
   name: Grupo de Expertos sobre el Delito Cibernético, on: 2021-04-11}
- {command: publish-translation, body: cybercrime-egm, number: 7,
   symbol: UNODC/CCPCJ/EG.4/2021/1, language: ar, on: 2021-04-12,
   title: حصيلة أعمال فريق الخبراء}
- {command: publish-translation, body: cybercrime-egm, number: 7,
   symbol: UNODC/CCPCJ/EG.4/2021/1, language: zh, on: 2021-04-12,
   title: 专家组工作总结}
- {command: publish-translation, body: cybercrime-egm, number: 7,
   symbol: UNODC/CCPCJ/EG.4/2021/1, language: fr, on: 2021-04-12,
   title: Bilan des travaux du Groupe d’experts}
- {command: publish-translation, body: cybercrime-egm, number: 7,
   symbol: UNODC/CCPCJ/EG.4/2021/1, language: ru, on: 2021-04-12,
   title: Подведение итогов работы Группы экспертов}
- {command: publish-translation, body: cybercrime-egm, number: 7,
   symbol: UNODC/CCPCJ/EG.4/2021/1, language: es, on: 2021-04-12,
   title: Balance de la labor del Grupo de Expertos}
- {command: issue-document, body: cybercrime-egm, number: 7, kind: other,
   title: Note du Secrétariat, symbol: UNODC/CCPCJ/EG.4/2021/CRP.1, language: fr,
   on: 2021-04-12}
- {command: publish-translation, body: cybercrime-egm, number: 7,
   symbol: UNODC/CCPCJ/EG.4/2021/CRP.1, language: en, on: 2021-04-13,
   title: Note by the Secretariat}
- {command: publish-translation, body: cybercrime-egm, number: 7,
   symbol: UNODC/CCPCJ/EG.4/2021/2, language: es, on: 2021-04-13}
- command: receive-submission
  body: cybercrime-egm
  period: 2018-2021
  cycle: 2020
  from: United States of America
  as: member-state
  on: 2020-05-20T23:30-05:00
"""


def is_date(value: Any) -> bool:
    return (
        isinstance(value, str)
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None
        and date.fromisoformat(value).isoformat() == value
    )


def is_moment(value: Any) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    return datetime.fromisoformat(value).tzinfo is not None


TYPES: dict[str, Callable[[Any], bool]] = {
    "text": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "date": is_date,
    "moment": is_moment,
    "object": lambda value: isinstance(value, dict),
    "list": lambda value: isinstance(value, list),
}


def table(section: str) -> list[list[str]]:
    """The rows of the tables of a section, headers left out, cells without
    their backquotes."""
    found = []
    for line in section.splitlines():
        if not line.startswith("|") or set(line) <= set("|- "):
            continue
        cells = [cell.strip().strip("`") for cell in line.strip("|").split("|")]
        if cells[0] in ("key", "event"):
            continue
        found.append(cells)
    return found


def keys_of(answer: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Each key of an answer by its path (`sessions[].start`), with its value."""
    if isinstance(answer, dict):
        for key, value in answer.items():
            path = f"{prefix}{key}"
            yield path, value
            if isinstance(value, dict):
                yield from keys_of(value, f"{path}.")
            elif isinstance(value, list):
                for item in value:
                    yield from keys_of(item, f"{path}[].")


def check(answers: list[Any], documented: dict[str, str], what: str) -> None:
    """Every key of the answers is documented, of its documented type, and every
    documented key shows up, with a value that is not null."""
    seen: dict[str, list[Any]] = defaultdict(list)
    for answer in answers:
        for path, value in keys_of(answer):
            seen[path].append(value)
    assert set(seen) - set(documented) == set(), f"{what}: keys not in docs/json.md"
    assert set(documented) - set(seen) == set(), f"{what}: keys not in the answer"
    for path, values in seen.items():
        kind, _, nullable = documented[path].partition(" or ")
        assert kind in TYPES, f"{what}: {path} has no type docs/json.md knows"
        for value in values:
            assert (value is None and nullable == "null") or TYPES[kind](value), (
                f"{what}: {path} is {value!r}, not {documented[path]}"
            )
        assert any(value is not None for value in values), (
            f"{what}: {path} is never given a value"
        )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("docs")
    url = f"sqlite:///{folder / 'record.db'}"
    for path in (EXAMPLE, write(folder, MORE, "more.yaml")):
        ran = run("import", str(path), store=url)
        assert ran.code == 0, ran
    return url


def answer(store: str, *args: str) -> Any:
    ran = run(*args, "--json", store=store)
    assert ran.code == 0, ran
    return json.loads(ran.out)


def documented_keys(view: str) -> dict[str, str]:
    return {row[0]: row[1] for row in table(DOCUMENTED[view])}


def test_the_calendar_answers_with_the_keys_of_the_doc(store: str) -> None:
    answers = [
        answer(store, "calendar"),
        answer(store, "calendar", "--as-of", "2020-03-01"),
        answer(store, "calendar", "--known-at", "2100-01-01T00:00+00:00"),
    ]
    check(answers, documented_keys("calendar"), "calendar")


def test_the_deadlines_answer_with_the_keys_of_the_doc(store: str) -> None:
    answers = [
        answer(store, "deadlines", "--today", "2020-06-15"),
        answer(store, "deadlines", "--today", "2022-01-25"),
    ]
    check(answers, documented_keys("deadlines"), "deadlines")


def test_the_postponements_answer_with_the_keys_of_the_doc(store: str) -> None:
    check(
        [answer(store, "postponements")],
        documented_keys("postponements"),
        "postponements",
    )


def test_a_history_answers_with_the_keys_of_the_doc_for_each_kind_of_event(
    store: str,
) -> None:
    histories = [
        answer(store, "history", "cybercrime-egm", str(number))
        for number in range(1, 9)
    ]
    rows = table(DOCUMENTED["history"])
    common = {row[0]: row[1] for row in rows if len(row) == 3}
    by_kind: dict[str, dict[str, str]] = defaultdict(dict)
    for kind, key, type_, _ in (row for row in rows if len(row) == 4):
        by_kind[kind][key] = type_
    without_keys = re.search(
        r"^(.*) have no keys of their own", DOCUMENTED["history"], re.MULTILINE
    )
    assert without_keys is not None
    for kind in re.findall(r"`(\w+)`", without_keys.group(1)):
        by_kind[kind] = {}
    check(
        [
            {
                **{key: value for key, value in history.items() if key != "events"},
                "events": [
                    {key: event[key] for key in event if f"events[].{key}" in common}
                    for event in history["events"]
                ],
            }
            for history in histories
        ],
        common,
        "history",
    )
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for history in histories:
        for event in history["events"]:
            events[event["event"]].append(
                {k: v for k, v in event.items() if f"events[].{k}" not in common}
            )
    assert set(events) == set(by_kind), "kinds of event"
    for kind, documented in by_kind.items():
        if documented:
            check(events[kind], documented, f"history, {kind}")
        else:
            assert all(event == {} for event in events[kind]), kind


def test_a_workplans_history_answers_with_the_keys_of_the_doc(store: str) -> None:
    check(
        [answer(store, "history", "cybercrime-egm", "--period", "2018-2021")],
        documented_keys("workplan history"),
        "workplan history",
    )


def test_a_bodys_history_answers_with_the_keys_of_the_doc(store: str) -> None:
    check(
        [answer(store, "history", "cybercrime-egm")],
        documented_keys("body history"),
        "body history",
    )


def test_the_bodies_answer_with_the_keys_of_the_doc(store: str) -> None:
    check([answer(store, "bodies")], documented_keys("bodies"), "bodies")


def test_a_session_answers_with_the_keys_of_the_doc(store: str) -> None:
    check(
        [answer(store, "session", "cybercrime-egm", str(n)) for n in (1, 6, 7, 8)],
        documented_keys("session"),
        "session",
    )
