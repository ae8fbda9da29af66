"""Import files: a YAML list of commands, read and checked whole before any is
applied, each entry as soon as it is read.

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

import functools
import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from adapters.cli.params import invoking_actor
from application.commands import COMMANDS, Command
from application.commands.declaring import Face, Fallback, Pairs, suggest
from application.imported import UNKEYED, Marks
from application.importing import Entry
from domain.errors import InvalidValueError

if TYPE_CHECKING:
    import yaml._yaml

    Mark: TypeAlias = yaml.Mark | yaml._yaml.Mark
    """Where an event is in the file: PyYAML's own parser marks it with
    `yaml.Mark`, libyaml's with a mark of its own."""

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


def read_import_file(
    path: Path, *, name: str | None = None, marks: Marks = UNKEYED
) -> list[Entry]:
    """Read, parse and check a whole import file, or raise `ImportFileError`.
    Its entries are known by the file's `name` (its own name when None)."""
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
    return parse_import(
        data, source=str(path), name=path.name if name is None else name, marks=marks
    )


def parse_import(
    data: bytes | str,
    *,
    source: str,
    name: str | None = None,
    marks: Marks = UNKEYED,
) -> list[Entry]:
    """Parse and check the text of an import file, or raise `ImportFileError`.

    The entries are checked and built into their commands as the parser reads
    them (`BUILT_TOGETHER` at a time), and only the commands are kept: a bad
    entry stops the reading near where it is, the first fault of the file is
    the one refused, and a large file costs its commands, not its text as
    Python objects.
    Its entries are known by `name` (`source` when None), their content and
    occurrence (`Marks`)."""
    reader = _Reader(source, source if name is None else name, marks)
    try:
        _compose(_text(data, source), source, reader)
    except ImportFileError:
        # An entry read before the fault is refused first, as when each
        # entry was built as soon as it was read.
        reader.build()
        raise
    reader.build()
    if not reader.started:
        raise ImportFileError(f"{source} holds no entries: {FORMAT_HINT}")
    return reader.entries


def _text(data: bytes | str, source: str) -> str:
    """The file's text: UTF-8 (after a byte order mark, if any), and nothing
    else; YAML parsers would also read UTF-16 and UTF-32."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{source}: not UTF-8 text (byte {error.start + 1} is "
            f"0x{data[error.start]:02x}); save the file as UTF-8"
        ) from None


class _Reader:
    """Turns the entries, as they are read, into their commands, a few dozen
    at a time (`BUILT_TOGETHER`)."""

    def __init__(self, source: str, name: str, marks: Marks) -> None:
        self.source = source
        self.name = name
        self.marks = marks
        self.started = False
        self.waiting: list[tuple[object, int]] = []
        """The entries read and not yet built, each with its line."""
        self.entries: list[Entry] = []
        self.seen: dict[bytes, int] = {}
        self.fallbacks = fallbacks()
        self.parsed: dict[tuple[Any, str], Any] = {}
        """The values read from the file's texts (`Declaration.read`)."""

    @property
    def read(self) -> int:
        """How many entries have been read."""
        return len(self.entries) + len(self.waiting)

    def entry(self, written: object, line: int) -> None:
        waiting = self.waiting
        waiting.append((written, line))
        if len(waiting) >= BUILT_TOGETHER:
            self.build()

    def build(self) -> None:
        """Build the entries read, in order, into their commands (raising the
        `ImportFileError` of the first that is not well formed)."""
        entries = self.entries
        seen = self.seen
        for written, line in self.waiting:
            index = len(entries) + 1
            try:
                content, command = _entry(written, self.fallbacks, self.parsed)
            except _EntryError as error:
                raise self.refused(index, line, error) from None
            digest = _sha256(content.encode("utf-8")).digest()
            occurrence = seen[digest] = seen.get(digest, 0) + 1
            marking = self.marks.of(self.name, digest, occurrence)
            entries.append(Entry(index, line, command, marking, digest, occurrence))
        self.waiting.clear()

    def refused(self, index: int, line: int, error: _EntryError) -> ImportFileError:
        return ImportFileError(
            f"{self.source}: entry {index} (line {line}"
            f"{', ' + error.verb if error.verb else ''}): {error}"
        )


_sha256 = hashlib.sha256

BUILT_TOGETHER = 100
"""Entries read before they are built: the parser and the building of
commands each run on a few dozen entries at a time rather than taking turns
at each one, which costs a tenth of the reading (each evicts the other's
memory from the processor's caches); a hundred entries of text are a few
tens of kilobytes."""

_Loader: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
"""Every scalar as text, read by libyaml when PyYAML has it (many times faster
than PyYAML's own parser)."""

MAX_DEPTH = 64
"""Nesting no import file needs: an entry is a mapping of scalars and small
mappings."""

PLAIN_TAGS = frozenset(
    {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
)
"""The tags a file may write: they say what the reader reads anyway (a text, a
list, a mapping). Any other (`!!python/...`, `!!binary`, `!!int`, one of the
file's own) would ask for a value the reader never builds, so it is refused
rather than dropped."""


class _TooDeepError(Exception):
    pass


class _Unreadable:
    """A mapping's key that is not a text (a list, say): never a field's name."""

    def __init__(self, line: int) -> None:
        self.line = line


def _compose(text: str, source: str, reader: _Reader) -> None:
    composer = _Composer(source, reader)
    try:
        composer.read(text)
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


class _Composer:
    """Builds each entry of the file's one list as the parser's events come,
    and hands it to the reader when it ends: only the entry being read is ever
    held as written. Aliases are refused as they come, so that a few lines
    cannot expand into millions of entries (the 'billion laughs'), and so are
    tags, nesting no entry needs and a key given twice in a mapping."""

    def __init__(self, source: str, reader: _Reader) -> None:
        self.source = source
        self.reader = reader
        self.open: list[tuple[int, list[object], list[int], bool]] = []
        """The collections being read, the file's list first: their line,
        values, their values' lines, and whether each is a mapping."""
        self.anchors: dict[str, Mark] = {}
        self.first: Mark | None = None
        self.entry_line = 0

    def read(self, text: str) -> None:
        loader = _Loader(text)
        try:
            self._events(loader.get_event)
        finally:
            loader.dispose()

    def _events(self, next_event: Callable[[], Any]) -> None:
        # `yaml.parse` without its generator: the parser's events as it makes
        # them (None after the last), each told by its class (`Any`: the type
        # checker would want an isinstance test for each, where one identity
        # test of its class is quicker).
        open_ = self.open
        for event in iter(next_event, None):
            kind = type(event)  # the parsers make these classes, none derived
            if kind is ScalarEvent:  # most events: the quickest test first
                if event.tag is None and event.anchor is None and len(open_) > 1:
                    # A plain text inside an entry, kept with its line.
                    _, values, lines, _ = open_[-1]
                    values.append(event.value)
                    lines.append(event.start_mark.line + 1)
                else:
                    self.scalar(event)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self.end()
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                self.start(event, mapping=kind is MappingStartEvent)
            elif kind is AliasEvent:
                raise yaml.MarkedYAMLError(
                    problem=(
                        f"the alias *{event.anchor} is not accepted in an import "
                        "file; write each entry out in full"
                    ),
                    # PyYAML's stubs accept only its own marks; its errors take
                    # libyaml's as well (libyaml's parser raises them with its own).
                    problem_mark=_start(event),  # type: ignore[arg-type]
                )
            elif kind is DocumentStartEvent:
                self.document(event)

    def scalar(self, event: ScalarEvent) -> None:
        if event.tag is not None or event.anchor is not None:
            self._checked(event)
        line = _start(event).line + 1
        if not self.open:
            self._not_a_list(line)
        if len(self.open) == 1:
            self.reader.entry(event.value, line)
            return
        _, values, lines, _ = self.open[-1]
        values.append(event.value)
        lines.append(line)

    def start(self, event: CollectionStartEvent, *, mapping: bool) -> None:
        self._checked(event)
        line = _start(event).line + 1
        if not self.open:
            if mapping:
                self._not_a_list(line)
            self.reader.started = True
        elif len(self.open) == 1:
            self.entry_line = line
        if len(self.open) >= MAX_DEPTH:
            raise _TooDeepError
        self.open.append((line, [], [], mapping))

    def end(self) -> None:
        line, values, lines, mapping = self.open.pop()
        if not self.open:
            return
        if mapping:
            # An entry's own fields are checked by name, with the entry.
            value: object = self._collected(values, lines, fields=len(self.open) == 1)
        else:
            value = values
        self._add(line, value)

    def document(self, event: DocumentStartEvent) -> None:
        if self.first is not None:
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                self.first,  # type: ignore[arg-type]
                "but found another document",
                _start(event),  # type: ignore[arg-type]
            )
        self.first = _start(event)

    def _add(self, line: int, value: object) -> None:
        if len(self.open) == 1:
            self.reader.entry(value, line)
            return
        _, values, lines, _ = self.open[-1]
        values.append(value)
        lines.append(line)

    def _checked(self, event: ScalarEvent | CollectionStartEvent) -> None:
        mark = _start(event)
        if event.tag is not None and event.tag not in PLAIN_TAGS and event.tag != "!":
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise ImportFileError(
                f"{self.source}: line {mark.line + 1}: the tag {tag} is not "
                "accepted in an import file: every value is plain text"
            )
        if event.anchor is not None:
            if event.anchor in self.anchors:
                raise yaml.composer.ComposerError(
                    "found duplicate anchor; first occurrence",
                    self.anchors[event.anchor],  # type: ignore[arg-type]
                    "second occurrence",
                    mark,  # type: ignore[arg-type]
                )
            self.anchors[event.anchor] = mark

    def _not_a_list(self, line: int) -> None:
        raise ImportFileError(
            f"{self.source}: line {line}: this is not a list: {FORMAT_HINT}"
        )

    def _collected(
        self, values: list[object], lines: list[int], *, fields: bool
    ) -> Pairs:
        """A mapping's keys and values, read in pairs; a key that is not a text
        is never a field's name, and a key given twice is refused (a field
        given twice is refused with its entry)."""
        if fields:
            keys = values[0::2]
            for key in keys:
                if type(key) is not str:
                    break
            else:  # an entry's field names, all texts: as they are
                return Pairs(zip(keys, values[1::2], strict=True))
        keys = [
            key if isinstance(key, str) else _Unreadable(line)
            for key, line in zip(values[0::2], lines[0::2], strict=True)
        ]
        if not fields:
            given: set[str] = set()
            for key, line in zip(keys, lines[0::2], strict=True):
                if isinstance(key, str):
                    if key in given:
                        raise self.reader.refused(
                            self.reader.read + 1,
                            self.entry_line,
                            _EntryError(f"line {line}: the key {key!r} is given twice"),
                        )
                    given.add(key)
        return Pairs(zip(keys, values[1::2], strict=True))


def _start(event: Event) -> Mark:
    """Where `event` starts: the parsers mark every event they make (the
    stubs allow an event made without marks)."""
    mark = event.start_mark
    assert mark is not None
    return mark


def _too_deep(source: str) -> str:
    return f"{source}: nested too deeply to be an import file: {FORMAT_HINT}"


# Turning an entry into its command.


class _EntryError(Exception):
    """Why an entry is not a well-formed command."""

    def __init__(self, reason: str, verb: str | None = None) -> None:
        super().__init__(reason)
        self.verb = verb


def fallbacks() -> dict[Fallback, Callable[[], object]]:
    """Where a file's entries take a value they do not give: who imports it,
    found once for the whole file."""
    return {Fallback.ISSUER: functools.cache(invoking_actor)}


WHY_GIVEN = {Fallback.TODAY: "in a file every entry says when it took effect"}
"""Why a file gives what the command line may leave out."""


def _entry(
    written: object,
    found: Mapping[Fallback, Callable[[], object]],
    parsed: dict[tuple[Any, str], Any] | None = None,
) -> tuple[str, Command]:
    """The entry's canonical content and its command."""
    if not isinstance(written, Pairs):
        raise _EntryError(f"this entry is not a mapping of fields: {FORMAT_HINT}")
    verb: object = None
    try:
        given = _fields(written)
        if "command" not in given:
            raise _EntryError("this entry has no 'command:'")
        verb = given.pop("command")
        if not isinstance(verb, str):
            raise _EntryError("'command:' is the name of one command")
        if verb not in COMMANDS:
            raise _EntryError(f"there is no command {verb!r}{suggest(verb, COMMANDS)}")
        return _content(written), _build(verb, given, found, parsed)
    except _EntryError as error:
        # The command named, if any: the first 'command:' that names one.
        verb = next(
            (
                value
                for key, value in written.pairs
                if key == "command" and isinstance(value, str)
            ),
            None,
        )
        raise _EntryError(str(error), verb if verb in COMMANDS else None) from None


def _fields(written: Pairs) -> dict[str, object]:
    fields: dict[str, object] = {}
    for key, value in written.pairs:
        if type(key) is not str:
            if isinstance(key, _Unreadable):
                raise _EntryError(f"line {key.line}: a field name is one word")
            raise AssertionError(key)
        if key in fields:
            raise _EntryError(f"the field {key!r} is given twice")
        fields[key] = value
    return fields


def _build(
    verb: str,
    given: dict[str, object],
    found: Mapping[Fallback, Callable[[], object]],
    parsed: dict[tuple[Any, str], Any] | None = None,
) -> Command:
    declaration = COMMANDS[verb].declaration
    for key, why in _given_in_files(verb):
        if key not in given:
            raise _EntryError(f"'{key}:' is missing: {why}")
    try:
        return declaration.read(given, face=Face.FILE, fallbacks=found, parsed=parsed)
    except InvalidValueError as error:
        raise _EntryError(str(error)) from None


@functools.cache
def _given_in_files(verb: str) -> tuple[tuple[str, str], ...]:
    """The keys an entry of `verb` must give that the command line may leave
    out, each with why (`WHY_GIVEN`): found once for each command."""
    found = []
    for param in COMMANDS[verb].declaration.params_in(Face.FILE):
        why = WHY_GIVEN.get(param.fallback) if param.fallback else None
        if why and param.required_in(Face.FILE):
            found.append((param.key, why))
    return tuple(found)


def _content(written: Pairs) -> str:
    """The entry written canonically: the same fields and values, whatever their
    order, quoting or layout in the file, give the same text."""
    return _CANONICAL(_plain(written))


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode
"""`json.dumps(..., sort_keys=True, ensure_ascii=False)`, its encoder made
once."""


def _plain(written: object) -> object:
    if isinstance(written, Pairs):
        return {
            str(key): value if type(value) is str else _plain(value)
            for key, value in written.pairs
        }
    if isinstance(written, list):
        return [_plain(item) for item in written]
    return written
