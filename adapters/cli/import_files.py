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
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

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
    if not isinstance(root, SequenceNode):
        raise ImportFileError(
            f"{source}: line {_line(root)}: this is not a list: {FORMAT_HINT}"
        )
    seen: Counter[str] = Counter()
    entries = []
    for index, node in enumerate(root.value, start=1):
        try:
            content, command = _entry(node)
        except _EntryError as error:
            raise ImportFileError(
                f"{source}: entry {index} (line {_line(node)}"
                f"{', ' + error.verb if error.verb else ''}): {error}"
            ) from None
        seen[content] += 1
        marking = entry_id(content, seen[content])
        entries.append(Entry(index, _line(node), command, marking))
    return entries


_Loader: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
"""Every scalar as text, read by libyaml when PyYAML has it (many times faster
than PyYAML's own parser)."""

MAX_DEPTH = 64
"""Nesting no import file needs: an entry is a mapping of scalars and small
mappings."""


class _TooDeepError(Exception):
    pass


def _check_events(data: bytes | str) -> None:
    """Refuse aliases, so that a few lines cannot expand into millions of
    entries (the 'billion laughs'), and nesting no entry needs, before
    anything is built."""
    depth = 0
    for event in yaml.parse(data, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                problem=(
                    f"the alias *{event.anchor} is not accepted in an import file; "
                    "write each entry out in full"
                ),
                problem_mark=event.start_mark,
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _TooDeepError
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _compose(data: bytes | str, source: str) -> Node | None:
    loader: yaml.BaseLoader | None = None
    try:
        _check_events(data)
        loader = _Loader(data)
        node: Node | None = loader.get_single_node()
        return node
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
    finally:
        if loader is not None:
            loader.dispose()


def _too_deep(source: str) -> str:
    return f"{source}: nested too deeply to be an import file: {FORMAT_HINT}"


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


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


def _entry(node: Node) -> tuple[str, Command]:
    """The entry's canonical content and its command."""
    if not isinstance(node, MappingNode):
        raise _EntryError(f"this entry is not a mapping of fields: {FORMAT_HINT}")
    verb = next(
        (
            str(value.value)
            for key, value in node.value
            if isinstance(key, ScalarNode)
            and key.value == "command"
            and isinstance(value, ScalarNode)
        ),
        None,
    )
    try:
        given = _mapping(node)
        if "command" not in given:
            raise _EntryError("this entry has no 'command:'")
        if verb is None:
            raise _EntryError("'command:' is the name of one command")
        if verb not in COMMANDS:
            raise _EntryError(f"there is no command {verb!r}{suggest(verb, COMMANDS)}")
        del given["command"]
        return _content(node), _build(verb, given)
    except _EntryError as error:
        raise _EntryError(str(error), verb if verb in COMMANDS else None) from None


def _mapping(node: MappingNode) -> dict[str, Node]:
    fields: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise _EntryError(f"line {_line(key_node)}: a field name is one word")
        key = str(key_node.value)
        if key in fields:
            raise _EntryError(f"the field {key!r} is given twice")
        fields[key] = value_node
    return fields


def _build(verb: str, given: dict[str, Node]) -> Command:
    declaration = COMMANDS[verb].declaration
    for param in declaration.params_in(Face.FILE):
        why = WHY_GIVEN.get(param.fallback) if param.fallback else None
        if why and param.required_in(Face.FILE) and param.key not in given:
            raise _EntryError(f"'{param.key}:' is missing: {why}")
    fields = {key: _value(node) for key, node in given.items()}
    try:
        return declaration.read(fields, face=Face.FILE, fallbacks=FALLBACKS)
    except InvalidValueError as error:
        raise _EntryError(str(error)) from None


class _Unreadable:
    """A mapping key that is not a scalar (a list, say): never a field."""


def _value(node: Node) -> object:
    """A field's value as written: a text, a list, or a mapping."""
    if isinstance(node, MappingNode):
        return Pairs(
            (
                str(key.value) if isinstance(key, ScalarNode) else _Unreadable(),
                _value(value),
            )
            for key, value in node.value
        )
    if isinstance(node, SequenceNode):
        return [_value(item) for item in node.value]
    return str(node.value)


def _content(node: Node) -> str:
    """The entry written canonically: the same fields and values, whatever their
    order, quoting or layout in the file, give the same text."""
    return json.dumps(_plain(node), sort_keys=True, ensure_ascii=False)


def _plain(node: Node) -> Any:
    if isinstance(node, MappingNode):
        return {str(k.value): _plain(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [_plain(item) for item in node.value]
    return str(node.value)
