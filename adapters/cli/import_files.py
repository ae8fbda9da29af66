"""Import files: a YAML list of commands, read and checked whole, then applied
one entry at a time, each entry once.

An entry is `command:` plus the command's fields, named as the CLI names its
options (`at-session`, `from`, `on`), its arguments by their lower-case names
(`body`, `number`), repeatable options by their plural, as a mapping (`items:
{1: Organizational matters}`), flags as `true`/`false`. Each entry is turned
into the command line of its CLI command and built by that command, so a file
is checked by exactly the parsers and checks the CLI uses.

Every scalar is read as text (PyYAML's `BaseLoader`): YAML 1.1 would read
`on:` as true, `011` as 9 and fail on `2022-02-30` with an error of its own.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from uuid import UUID

import attrs
import click
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from adapters.cli.recording import RECORDING_COMMANDS, RecordingCommand
from application.commands import Command
from application.errors import ConflictError
from application.imported import entry_id
from application.secretariat import Secretariat
from domain.errors import DomainError, InvalidValueError

MAX_FILE_BYTES = 16 * 1024 * 1024
"""The largest import file read: a whole body's record is a few hundred kB."""

FORMAT_HINT = (
    "an import file is a YAML list of entries, "
    "each 'command:' plus the command's fields"
)


class ImportFileError(Exception):
    """Raised when an import file cannot be read, or one of its entries is not a
    well-formed command; nothing has been written."""


@attrs.frozen
class Entry:
    """One entry of an import file, checked and built into its command."""

    index: int
    """Its position in the file, from 1."""
    line: int
    """The line it starts on, from 1."""
    command: Command
    marking: UUID
    """The id that records it as applied (its content and occurrence)."""

    @property
    def position(self) -> str:
        return f"entry {self.index} (line {self.line}, {self.command.verb})"


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


@attrs.frozen
class _Field:
    """A field of an import entry: one parameter of a CLI command."""

    key: str
    param: click.Parameter

    @property
    def option(self) -> str:
        return self.param.opts[0]

    def argv(self, node: Node) -> list[str]:
        """The command-line words for this field's value."""
        param = self.param
        if isinstance(param, click.Option) and param.multiple:
            words = [f"{self.option}={value}" for value in self._assignments(node)]
            if not words:
                raise _EntryError(f"{self.key} is empty")
            return words
        value = self._scalar(node)
        if isinstance(param, click.Option) and param.is_flag:
            if value not in ("true", "false"):
                raise _EntryError(f"{self.key} is true or false, not {value!r}")
            return [self.option] if value == "true" else []
        if isinstance(param, click.Argument):
            return [value]
        return [f"{self.option}={value}"]

    def _scalar(self, node: Node) -> str:
        if not isinstance(node, ScalarNode):
            raise _EntryError(f"{self.key} is one value, not a list or a mapping")
        return str(node.value)

    def _assignments(self, node: Node) -> Iterable[str]:
        singular = self.option.removeprefix("--")
        if not isinstance(node, MappingNode):
            raise _EntryError(
                f"{self.key} is a mapping of numbers to texts, "
                f"like {self.key}: {{1: First text, 2: Second text}}"
            )
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _EntryError(f"{self.key} has a key that is not a number")
            values = (
                value_node.value
                if isinstance(value_node, SequenceNode)
                else [value_node]
            )
            for value in values:
                if not isinstance(value, ScalarNode):
                    raise _EntryError(
                        f"{self.key} {key_node.value}: each {singular} is one text"
                    )
                yield f"{key_node.value}={value.value}"


def _fields(command: RecordingCommand) -> dict[str, _Field]:
    """The fields an entry of `command` may have, by their names in the file."""
    fields: dict[str, _Field] = {}
    for param in command.params:
        if not param.expose_value or param.name is None:
            continue  # --store and --log-json belong to the whole import
        if isinstance(param, click.Argument):
            key = param.name
        elif isinstance(param, click.Option) and param.multiple:
            key = param.name  # the plural: --item is items, --topic is topics
        else:
            key = param.opts[0].removeprefix("--")
        fields[key] = _Field(key, param)
    return fields


COMMANDS: dict[str, tuple[RecordingCommand, dict[str, _Field]]] = {
    str(command.name): (command, _fields(command)) for command in RECORDING_COMMANDS
}
"""Every command an import file may hold, with the fields of its entries."""


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
            raise _EntryError(f"there is no command {verb!r}{_suggest(verb, COMMANDS)}")
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
    command, fields = COMMANDS[verb]
    if "on" not in given:
        raise _EntryError(
            "'on:' is missing: in a file every entry says when it took effect"
        )
    words: dict[str, list[str]] = {}
    for key, node in given.items():
        field = fields.get(key)
        if field is None:
            raise _EntryError(f"{verb} has no field {key!r}{_suggest(key, fields)}")
        words[key] = field.argv(node)
    missing = [
        key
        for key, field in fields.items()
        if field.param.required and key not in given
    ]
    if missing:
        raise _EntryError(f"missing {_and(missing)}")
    options = [
        word
        for key in given
        if not isinstance(fields[key].param, click.Argument)
        for word in words[key]
    ]
    # Arguments in the command's order, after `--`, so that a value starting
    # with a hyphen is never taken for an option.
    arguments = [
        word
        for key, field in fields.items()
        if key in given and isinstance(field.param, click.Argument)
        for word in words[key]
    ]
    try:
        ctx = command.make_context(verb, [*options, "--", *arguments])
        return command.build(ctx)
    except click.BadParameter as error:
        raise _EntryError(_bad_parameter(error, fields)) from None
    except click.ClickException as error:
        raise _EntryError(_in_file_words(error.format_message(), fields)) from None
    except InvalidValueError as error:
        raise _EntryError(str(error)) from None


def _bad_parameter(error: click.BadParameter, fields: dict[str, _Field]) -> str:
    for key, field in fields.items():
        if field.param is error.param:
            if isinstance(error, click.MissingParameter):
                return f"missing {key!r}"
            return f"{key}: {error.message}"
    return _in_file_words(error.format_message(), fields)


def _in_file_words(message: str, fields: dict[str, _Field]) -> str:
    """A CLI message with its options named as the file names them."""
    by_option = {field.option: key for key, field in fields.items()}
    return re.sub(
        r"--[a-z][a-z-]*", lambda m: by_option.get(m.group(), m.group()), message
    )


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


def _suggest(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _and(keys: Sequence[str]) -> str:
    named = [f"'{key}'" for key in keys]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


# Applying the entries.


@attrs.frozen
class Imported:
    """What an import did."""

    applied: int
    already: int
    """Entries found already in the record, applied by an earlier import."""


class EntryFailedError(Exception):
    """Raised when an entry could not be applied; the entries before it are in
    the record, the entries after it were not tried."""

    def __init__(self, entry: Entry, error: Exception, done: Imported) -> None:
        super().__init__(f"{entry.position}: {error}")
        self.entry = entry
        self.error = error
        self.done = done


def apply_entries(
    secretariat: Secretariat,
    entries: Sequence[Entry],
    *,
    progress: Callable[[Entry], None] | None = None,
) -> Imported:
    """Apply each entry not yet in the record, in order, stopping at the first
    that fails (`EntryFailedError`)."""
    applied = already = 0
    for entry in entries:
        if secretariat.is_applied(entry.marking):
            already += 1
        else:
            try:
                secretariat.execute(entry.command, marking=entry.marking)
            except (DomainError, ConflictError) as error:
                # Someone importing the same entry at the same moment wins the
                # race: the entry is in the record once, which is what was asked.
                if not secretariat.is_applied(entry.marking):
                    raise EntryFailedError(
                        entry, error, Imported(applied, already)
                    ) from error
                already += 1
            except Exception as error:
                raise EntryFailedError(
                    entry, error, Imported(applied, already)
                ) from error
            else:
                applied += 1
        if progress is not None:
            progress(entry)
    return Imported(applied, already)


def count_applied(secretariat: Secretariat, entries: Iterable[Entry]) -> int:
    """How many of the entries are already in the record."""
    return sum(secretariat.is_applied(entry.marking) for entry in entries)
