"""The views' tables: each table's columns are the fields of the row it holds,
so the rows the application's projectors make and the tables that keep them
cannot drift apart.

Dates and recording times are ISO text in every store (they compare as text);
the same DDL serves SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from operator import attrgetter
from typing import Any

import attrs

from application.projections import (
    CalendarRow,
    CallRow,
    ExtensionRow,
    PostponementRow,
    SubmissionRow,
    WorkplanRow,
)

SQL_TYPES = {"str": "TEXT", "int": "BIGINT", "bool": "BOOLEAN"}


def quoted(name: str) -> str:
    return f'"{name}"'


@attrs.frozen(slots=False)
class Table:
    """A view table holding rows of one attrs class."""

    name: str
    row: type[Any]
    key: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(field.name for field in attrs.fields(self.row))

    def column_list(self, alias: str = "") -> str:
        prefix = f"{alias}." if alias else ""
        return ", ".join(prefix + quoted(c) for c in self.columns)

    def create_statements(self, qualified: str, index_prefix: str) -> list[str]:
        definitions = []
        for field in attrs.fields(self.row):
            annotation = str(field.type)
            base = annotation.split("|", maxsplit=1)[0].strip()
            null = "" if "None" in annotation else " NOT NULL"
            definitions.append(f"{quoted(field.name)} {SQL_TYPES[base]}{null}")
        definitions.append(f"PRIMARY KEY ({', '.join(map(quoted, self.key))})")
        statements = [
            f"CREATE TABLE IF NOT EXISTS {qualified} ({', '.join(definitions)})"
        ]
        for columns in self.indexes:
            index = quoted(f"{index_prefix}{self.name}_{'_'.join(columns)}")
            statements.append(
                f"CREATE INDEX IF NOT EXISTS {index} "
                f"ON {qualified} ({', '.join(map(quoted, columns))})"
            )
        return statements

    def insert_statement(self, qualified: str) -> str:
        marks = ", ".join("?" for _ in self.columns)
        return f"INSERT INTO {qualified} ({self.column_list()}) VALUES ({marks})"

    def upsert_statement(self, qualified: str) -> str:
        updates = ", ".join(
            f"{quoted(c)} = excluded.{quoted(c)}"
            for c in self.columns
            if c not in self.key
        )
        return (
            f"{self.insert_statement(qualified)} "
            f"ON CONFLICT ({', '.join(map(quoted, self.key))}) DO UPDATE SET {updates}"
        )

    @cached_property
    def _values_of(self) -> Callable[[Any], tuple[Any, ...]]:
        # attrgetter of every column: several times faster than attrs.astuple.
        getter: Callable[[Any], tuple[Any, ...]] = attrgetter(*self.columns)
        return getter

    def values(self, rows: Iterable[Any]) -> list[tuple[Any, ...]]:
        return list(map(self._values_of, rows))

    def rows(self, records: Iterable[Sequence[Any]]) -> list[Any]:
        return [self.row(*record) for record in records]


CALENDAR_SESSIONS = Table(
    "calendar_sessions", CalendarRow, key=("session_id",), indexes=(("body",),)
)
"""The calendar as it stands: one row per session, its latest version."""

CALENDAR_VERSIONS = Table(
    "calendar_versions",
    CalendarRow,
    key=("session_id", "version"),
    indexes=(
        ("session_id", "effective_on", "version"),
        ("session_id", "recorded_at", "version"),
    ),
)
"""Every version of every session's calendar row, for "as of" and "known at"."""

POSTPONEMENTS = Table(
    "calendar_postponements",
    PostponementRow,
    key=("session_id", "version"),
    indexes=(("body",),),
)

DEADLINE_WORKPLANS = Table(
    "deadline_workplans", WorkplanRow, key=("workplan_id",), indexes=(("body",),)
)
DEADLINE_CALLS = Table(
    "deadline_calls", CallRow, key=("workplan_id", "cycle"), indexes=(("body",),)
)
DEADLINE_EXTENSIONS = Table(
    "deadline_extensions", ExtensionRow, key=("workplan_id", "version")
)
DEADLINE_SUBMISSIONS = Table(
    "deadline_submissions",
    SubmissionRow,
    key=("workplan_id", "version"),
    indexes=(("workplan_id", "cycle"),),
)
