"""Import files: a YAML list of commands, read and checked whole before any is
applied.

An entry is `command:` plus the command's fields, named as the CLI names its
options (`at-session`, `from`, `on`), its arguments by their lower-case names
(`body`, `number`), repeatable options by their plural, as a mapping (`items:
{1: Organizational matters}`), flags as `true`/`false`. The keys an entry may
have and the parser of each value come from the command's declaration, the
one the command line's options come from too.

Every scalar is read as text (PyYAML's `BaseLoader`): YAML 1.1 would read
`on:` as true, `011` as 9 and fail on `2022-02-30` with an error of its own.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from adapters.cli.params import invoking_actor
from application.commands import COMMANDS, Command
from application.commands.declaring import Face, Fallback, Pairs, suggest
from application.imported import entry_id
from application.importing import Entry
from domain.errors import InvalidValueError

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest import file read: a whole body's record is a few hundred kB."""

FORMAT_HINT = (
    "an import file is a YAML list of entries, "
    "each 'command:' plus the command's fields"
)


class ImportFileError(Exception):
    """Raised when an import file cannot be read, or one of its entries is not a
    well-formed command; nothing has been written."""


# Reading the file.


def read_import_file(path: Path) -> list[Entry]:
    """Read, parse and check a whole import file, or raise `ImportFileError`."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ImportFileError(
            f"cannot read {path}: {error.strerror or error}"
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; "
            "split it into several files"
        )
    return parse_import(data, source=str(path))


def parse_import(data: bytes | str, *, source: str) -> list[Entry]:
    """Parse and check the text of an import file, or raise `ImportFileError`."""
    root = _compose(data, source)
    if root is None:
        raise ImportFileError(f"{source} holds no entries: {FORMAT_HINT}")
    if not isinstance(root.value, list):
        raise ImportFileError(
            f"{source}: line {root.line}: this is not a list: {FORMAT_HINT}"
        )
    seen: Counter[str] = Counter()
    entries = []
    lines = root.lines
    for index, (written, line) in enumerate(zip(root.value, lines, strict=True), 1):
        try:
            content, command = _entry(written)
        except _EntryError as error:
            raise ImportFileError(
                f"{source}: entry {index} (line {line}"
                f"{', ' + error.verb if error.verb else ''}): {error}"
            ) from None
        seen[content] += 1
        marking = entry_id(content, seen[content])
        entries.append(Entry(index, line, command, marking))
    return entries


_Loader: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
"""Every scalar as text, read by libyaml when PyYAML has it (many times faster
than PyYAML's own parser)."""

MAX_DEPTH = 64
"""Nesting no import file needs: an entry is a mapping of scalars and small
mappings."""


class _TooDeepError(Exception):
    pass


class _Written:
    """The file's one value, as written, and the line it starts on: a text, a
    list of values, or a mapping (`Pairs`); a list keeps its items' lines."""

    __slots__ = ("line", "lines", "value")

    def __init__(self, line: int, value: object, lines: list[int]) -> None:
        self.line = line
        self.value = value
        self.lines = lines


class _Unreadable:
    """A mapping's key that is not a text (a list, say): never a field's name."""

    def __init__(self, line: int) -> None:
        self.line = line


def _compose(data: bytes | str, source: str) -> _Written | None:
    try:
        return _document(data)
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in str(error.problem):  # libyaml's own limit
            raise ImportFileError(_too_deep(source)) from None
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = " ".join(str(error.problem or error.context or error).split())
        raise ImportFileError(
            f"{source}: {where}not readable as YAML: {problem}"
        ) from None
    except yaml.YAMLError as error:
        reason = " ".join(str(error).split())
        raise ImportFileError(f"{source}: not readable as YAML: {reason}") from None
    except (_TooDeepError, RecursionError):
        raise ImportFileError(_too_deep(source)) from None


def _document(data: bytes | str) -> _Written | None:
    """The file's one document, built from the parser's events in one pass."""
    composer = _Composer()
    for event in yaml.parse(data, Loader=_Loader):
        kind = type(event)
        if kind is ScalarEvent:
            composer.scalar(event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            composer.start(event, mapping=kind is MappingStartEvent)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            composer.end()
        elif kind is AliasEvent:
            raise yaml.MarkedYAMLError(
                problem=(
                    f"the alias *{event.anchor} is not accepted in an import "
                    "file; write each entry out in full"
                ),
                problem_mark=event.start_mark,
            )
        elif kind is DocumentStartEvent:
            composer.document(event)
    if composer.refused is not None:
        raise composer.refused
    return composer.root


class _Composer:
    """Builds the document as its events come. Aliases are refused as they
    come, so that a few lines cannot expand into millions of entries (the
    'billion laughs'), and so is nesting no entry needs. What YAML's composer
    would refuse (a repeated anchor, a second document) is refused once the
    whole file has been read, as the composer refuses it after reading."""

    def __init__(self) -> None:
        self.root: _Written | None = None
        self.open: list[tuple[int, list[object], list[int], bool]] = []
        """The collections being read: their line, values, their values'
        lines, and whether each is a mapping."""
        self.anchors: dict[str, yaml.Mark] = {}
        self.first: yaml.Mark | None = None
        self.refused: yaml.YAMLError | None = None

    def scalar(self, event: ScalarEvent) -> None:
        if event.anchor is not None:
            self._anchored(event)
        self._add(event.start_mark.line + 1, event.value)

    def start(self, event: CollectionStartEvent, *, mapping: bool) -> None:
        if event.anchor is not None:
            self._anchored(event)
        if len(self.open) >= MAX_DEPTH:
            raise _TooDeepError
        self.open.append((event.start_mark.line + 1, [], [], mapping))

    def end(self) -> None:
        line, values, lines, mapping = self.open.pop()
        value = _collected(values, lines) if mapping else values
        if self.open:
            self._add(line, value)
        elif self.root is None:
            self.root = _Written(line, value, lines)

    def document(self, event: DocumentStartEvent) -> None:
        if self.first is None:
            self.first = event.start_mark
        else:
            self._refuse(
                "expected a single document in the stream",
                self.first,
                "but found another document",
                event.start_mark,
            )
        self.anchors = {}

    def _add(self, line: int, value: object) -> None:
        if self.open:
            _, values, lines, _ = self.open[-1]
            values.append(value)
            lines.append(line)
        elif self.root is None:
            self.root = _Written(line, value, [])

    def _anchored(self, event: NodeEvent) -> None:
        anchor = event.anchor
        if anchor in self.anchors:
            self._refuse(
                "found duplicate anchor; first occurrence",
                self.anchors[anchor],
                "second occurrence",
                event.start_mark,
            )
        self.anchors[anchor] = event.start_mark

    def _refuse(self, *reason: Any) -> None:
        if self.refused is None:
            self.refused = yaml.composer.ComposerError(*reason)


def _collected(values: list[object], lines: list[int]) -> Pairs:
    """A mapping's keys and values, read in pairs; a key that is not a text is
    never a field's name."""
    keys = [
        key if isinstance(key, str) else _Unreadable(line)
        for key, line in zip(values[0::2], lines[0::2], strict=True)
    ]
    return Pairs(zip(keys, values[1::2], strict=True))


def _too_deep(source: str) -> str:
    return f"{source}: nested too deeply to be an import file: {FORMAT_HINT}"


# Turning an entry into its command.


class _EntryError(Exception):
    """Why an entry is not a well-formed command."""

    def __init__(self, reason: str, verb: str | None = None) -> None:
        super().__init__(reason)
        self.verb = verb


FALLBACKS = {Fallback.ISSUER: invoking_actor}
"""Where a file's entry takes a value it does not give: who imports it."""

WHY_GIVEN = {Fallback.TODAY: "in a file every entry says when it took effect"}
"""Why a file gives what the command line may leave out."""


def _entry(written: object) -> tuple[str, Command]:
    """The entry's canonical content and its command."""
    if not isinstance(written, Pairs):
        raise _EntryError(f"this entry is not a mapping of fields: {FORMAT_HINT}")
    verb = next(
        (
            value
            for key, value in written.pairs
            if key == "command" and isinstance(value, str)
        ),
        None,
    )
    try:
        given = _fields(written)
        if "command" not in given:
            raise _EntryError("this entry has no 'command:'")
        if verb is None:
            raise _EntryError("'command:' is the name of one command")
        if verb not in COMMANDS:
            raise _EntryError(f"there is no command {verb!r}{suggest(verb, COMMANDS)}")
        del given["command"]
        return _content(written), _build(verb, given)
    except _EntryError as error:
        raise _EntryError(str(error), verb if verb in COMMANDS else None) from None


def _fields(written: Pairs) -> dict[str, object]:
    fields: dict[str, object] = {}
    for key, value in written.pairs:
        if isinstance(key, _Unreadable):
            raise _EntryError(f"line {key.line}: a field name is one word")
        assert isinstance(key, str)
        if key in fields:
            raise _EntryError(f"the field {key!r} is given twice")
        fields[key] = value
    return fields


def _build(verb: str, given: dict[str, object]) -> Command:
    declaration = COMMANDS[verb].declaration
    for param in declaration.params_in(Face.FILE):
        why = WHY_GIVEN.get(param.fallback) if param.fallback else None
        if why and param.required_in(Face.FILE) and param.key not in given:
            raise _EntryError(f"'{param.key}:' is missing: {why}")
    try:
        return declaration.read(given, face=Face.FILE, fallbacks=FALLBACKS)
    except InvalidValueError as error:
        raise _EntryError(str(error)) from None


def _content(written: Pairs) -> str:
    """The entry written canonically: the same fields and values, whatever their
    order, quoting or layout in the file, give the same text."""
    return json.dumps(_plain(written), sort_keys=True, ensure_ascii=False)


def _plain(written: object) -> object:
    if isinstance(written, Pairs):
        return {str(key): _plain(value) for key, value in written.pairs}
    if isinstance(written, list):
        return [_plain(item) for item in written]
    return written
