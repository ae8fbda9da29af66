"""What the seed page says, read from its text: the tests that check the
example record and the site built from it read their expectations here."""

from __future__ import annotations

import re
from datetime import datetime

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]


def day(text: str) -> str:
    """`27 July 2020` as `2020-07-27`."""
    return datetime.strptime(text, "%d %B %Y").date().isoformat()


def dates(start: str, end: str) -> dict[str, str]:
    return {"start": start, "end": end}


def past_meetings(page: str) -> dict[int, dict[str, str]]:
    """The dates of the meetings the page says were held, by number."""
    found = re.findall(
        r"(first|second|third|fourth|fifth) meeting[^.]*?(?:held|took place) "
        r"from (\d+)(?: to |-)(\d+) (\w+) (\d{4})",
        page,
    )
    return {
        ORDINALS.index(ordinal) + 1: dates(
            day(f"{first} {month} {year}"), day(f"{last} {month} {year}")
        )
        for ordinal, first, last, month, year in found
    }


def announcement(page: str) -> tuple[dict[str, str], dict[str, str], str]:
    """The sixth session's new dates, original dates and the reason."""
    found = re.search(
        r"postponed to (\d+) – (\d+) (\w+) (\d{4}) due to the impact of the "
        r"(.+?)\. \(Original dates: (\d+)-(\d+) (\w+) (\d{4})\)",
        page,
    )
    assert found, "the page's announcement"
    first, last, month, year, reason, *original = found.groups()
    o_first, o_last, o_month, o_year = original
    return (
        dates(day(f"{first} {month} {year}"), day(f"{last} {month} {year}")),
        dates(
            day(f"{o_first} {o_month} {o_year}"), day(f"{o_last} {o_month} {o_year}")
        ),
        reason,
    )


def delegations(line: str) -> list[str]:
    """`Russian Federation 1; 2` is two statements by the Russian Federation."""
    spoken = []
    for entry in line.split(", "):
        numbered = re.fullmatch(r"(.+?) (\d+(?:; \d+)+)", entry)
        if numbered:
            spoken += [numbered.group(1)] * len(numbered.group(2).split("; "))
        else:
            spoken.append(entry)
    return spoken


def statements_on_the_page(page: str) -> dict[int | None, list[str]]:
    lines = page.splitlines()
    by_item: dict[int | None, list[str]] = {}
    for at, line in enumerate(lines):
        if line == "General Statements:":
            by_item[None] = delegations(lines[at + 1])
        item = re.fullmatch(r"Statements on Agenda Item (\d+) \(.+\)", line)
        if item:
            by_item[int(item.group(1))] = delegations(lines[at + 1])
    return by_item


def items_on_the_page(page: str) -> dict[int, str]:
    return {
        int(number): title
        for number, title in re.findall(
            r"Statements on Agenda Item (\d+) \((.+)\)", page
        )
    }


def panels_on_the_page(page: str) -> list[list[tuple[str, str, str]]]:
    """Each panel: its panelists' names and delegations, then as many titles."""
    lines = page.splitlines()
    at = max(i for i, line in enumerate(lines) if line.startswith("Statements on")) + 2
    panels = []
    while at < len(lines):
        people = []
        while at + 1 < len(lines) and re.fullmatch(r"\(.+\)", lines[at + 1]):
            people.append((lines[at], lines[at + 1][1:-1]))
            at += 2
        titles = lines[at : at + len(people)]
        panels.append([(n, d, t) for (n, d), t in zip(people, titles, strict=True)])
        at += len(people)
    return panels


def documents_on_the_page(page: str) -> list[str]:
    lines = page.splitlines()
    first = next(i for i, line in enumerate(lines) if "will take place" in line) + 1
    last = lines.index("Statements reproduced as received")
    return [line for line in lines[first:last] if not line.startswith("Note:")]


def statements_as_listed(page: str) -> dict[str, list[str]]:
    """Each list of statements as the page writes it (`Russian Federation 1; 2`),
    by its heading (`General Statements:`)."""
    lines = page.splitlines()
    return {
        line: lines[at + 1].split(", ")
        for at, line in enumerate(lines)
        if line == "General Statements:" or line.startswith("Statements on Agenda")
    }
