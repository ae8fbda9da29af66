"""The views' tables: each table's columns are the fields of the row it holds,
so the rows the application's projectors make and the tables that keep them
cannot drift apart; and each view's layout, the fingerprint of its tables.

Dates and recording times are ISO text in every store (they compare as text);
the same DDL serves SQLite and PostgreSQL. This module imports only the rows,
so that a query reading a view's table directly (`adapters.quick_reads`) knows
the tables, and their layout, as the views do.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ForwardRef, Generic, NamedTuple, TypeVar

from application.projections.rows import (
    CalendarRow,
    CallRow,
    ExtensionRow,
    PostponementRow,
    SubmissionRow,
    WorkplanRow,
)

SQL_TYPES = {"str": "TEXT", "int": "BIGINT", "bool": "BOOLEAN"}

R = TypeVar("R", bound=NamedTuple)
"""A table's row class."""


def quoted(name: str) -> str:
    return f'"{name}"'


def _type_text(annotation: object) -> str:
    """A column's declared type as written (`str | None`)."""
    if isinstance(annotation, ForwardRef):
        return annotation.__forward_arg__
    return str(annotation)


@dataclass(frozen=True)
class Table(Generic[R]):
    """A view table holding rows of one row class (a named tuple)."""

    name: str
    row: type[R]
    key: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return self.row._fields

    @cached_property
    def types(self) -> dict[str, str]:
        """Each column's declared type, as written (`str | None`)."""
        return {
            name: _type_text(annotation)
            for name, annotation in self.row.__annotations__.items()
        }

    def column_list(self, alias: str = "") -> str:
        prefix = f"{alias}." if alias else ""
        return ", ".join(prefix + quoted(c) for c in self.columns)

    def create_statements(self, qualified: str, index_prefix: str) -> list[str]:
        definitions = []
        for column in self.columns:
            annotation = self.types[column]
            base = annotation.split("|", maxsplit=1)[0].strip()
            null = "" if "None" in annotation else " NOT NULL"
            definitions.append(f"{quoted(column)} {SQL_TYPES[base]}{null}")
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
    def _flags(self) -> tuple[int, ...]:
        """The positions of the columns that hold a yes or no."""
        return tuple(
            i for i, column in enumerate(self.columns) if self.types[column] == "bool"
        )

    def rows(self, records: Iterable[Sequence[Any]]) -> list[R]:
        """The rows of records read from the store (whose yes or no may come
        back as 1 or 0)."""
        make = self.row._make
        flags = self._flags
        if not flags:
            return [make(record) for record in records]
        rows = []
        for record in records:
            values = list(record)
            for i in flags:
                values[i] = bool(values[i])
            rows.append(make(values))
        return rows


@dataclass(frozen=True)
class Layout:
    """A view's name and tables: its tracking table, and the fingerprint of
    its tables as this version defines them (a view built by a version whose
    tables differ is rebuilt)."""

    view_name: str
    tables: tuple[Table[Any], ...]

    @property
    def tracking_table(self) -> str:
        return f"{self.view_name}_tracking"

    @cached_property
    def fingerprint(self) -> str:
        statements = [
            statement
            for table in self.tables
            for statement in table.create_statements(table.name, "")
        ]
        return hashlib.sha256("\n".join(statements).encode()).hexdigest()[:16]

    @cached_property
    def sealed_fingerprint(self) -> str:
        """The fingerprint of the same tables holding encrypted text
        (`adapters.views.sealing`)."""
        marked = f"{self.fingerprint}\ntext encrypted: AES-GCM, body codes AES-SIV"
        return hashlib.sha256(marked.encode()).hexdigest()[:16]


LAYOUTS_TABLE = "view_layouts"
"""Each view's layout: the fingerprint of the tables it was built in."""

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

CALENDAR = Layout("calendar", (CALENDAR_SESSIONS, CALENDAR_VERSIONS, POSTPONEMENTS))
DEADLINES = Layout(
    "deadlines",
    (DEADLINE_WORKPLANS, DEADLINE_CALLS, DEADLINE_EXTENSIONS, DEADLINE_SUBMISSIONS),
)
