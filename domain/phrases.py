"""How the secretariat writes ordinals, sessions and dates: the phrases its
rules' messages share with every table, page and calendar file. Kept apart
from the values, and importing only the standard library, so that a query
writes them without loading the values themselves."""

from __future__ import annotations

from datetime import date

UNDATED = "dates to be determined"


def ordinal(number: int) -> str:
    """Return `number` as an English ordinal: 1st, 2nd, 3rd, 11th, 22nd."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def describe_session(body: str, number: int) -> str:
    """Name a session the way the secretariat speaks of it."""
    return f"the {ordinal(number)} session of {body}"


def describe_days(start: date, end: date) -> str:
    """Write the days from `start` to `end` as the secretariat does: 12 March
    2020, 6–8 April 2020, 30 June–2 July 2020."""
    if start == end:
        return f"{end.day} {end:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B}–{end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y}–{end.day} {end:%B %Y}"
