"""docs/commands.md names every command the command line knows, with its
arguments and options, and nothing it does not know."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from adapters.cli import all_commands, cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "commands.md"
SHARED_SECTIONS = ("Options of every command", "Options of every recording command")
OPTION = re.compile(r"--[a-z][a-z-]*")


def sections(text: str) -> dict[str, str]:
    """Each heading's text, up to the next heading, by the heading's words."""
    found: dict[str, str] = {}
    parts = re.split(r"^(#{2,3} .+)$", text, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        found[heading.lstrip("#").strip()] = body
    return found


def commands() -> Iterator[tuple[str, click.Command]]:
    """Every command, subcommands by their full name (`projections run`)."""

    def walk(command: click.Command, name: str) -> Iterator[tuple[str, click.Command]]:
        if isinstance(command, click.Group):
            for sub_name, sub in command.commands.items():
                yield from walk(sub, f"{name} {sub_name}")
        else:
            yield name, command

    for command in all_commands():
        yield from walk(command, str(command.name))


def options(command: click.Command) -> dict[str, click.Option]:
    """A command's options by their long name, `--help` aside."""
    return {
        next(opt for opt in param.opts if opt.startswith("--")): param
        for param in command.params
        if isinstance(param, click.Option)
    }


def arguments(command: click.Command) -> list[str]:
    return [
        param.human_readable_name
        for param in command.params
        if isinstance(param, click.Argument)
    ]


DOCUMENTED = sections(DOC.read_text(encoding="utf-8"))
SHARED = {
    option
    for section in SHARED_SECTIONS
    for option in OPTION.findall(DOCUMENTED[section])
}
COMMANDS = dict(commands())


def command_section(name: str) -> str:
    section = DOCUMENTED.get(f"`{name}`")
    assert section is not None, f"docs/commands.md has no section `{name}`"
    return section


def usage(name: str) -> str:
    """The command's usage line: the first `secretariat NAME ...` of its section."""
    found = re.search(
        rf"`(secretariat {re.escape(name)}(?: [^`]*)?)`", command_section(name)
    )
    assert found, f"the section `{name}` has no usage line"
    return found.group(1)


def optional_in(line: str) -> dict[str, bool]:
    """Each option of a usage line, and whether it is written as optional
    (inside brackets) where it first appears."""
    depth = 0
    seen: dict[str, bool] = {}
    for token in re.findall(r"\[|\]|--[a-z][a-z-]*|[^\s\[\]]+", line):
        if token == "[":
            depth += 1
        elif token == "]":
            depth -= 1
        elif token.startswith("--"):
            seen.setdefault(token, depth > 0)
    return seen


def test_every_command_is_in_the_doc_and_every_command_there_exists() -> None:
    headings = {
        heading.strip("`")
        for heading in DOCUMENTED
        if heading.startswith("`") and heading.endswith("`")
    }
    assert headings == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_of_a_command_is_in_its_section_and_none_other(name: str) -> None:
    known = options(COMMANDS[name])
    written = set(OPTION.findall(command_section(name)))
    assert written - set(known) == set(), f"{name} has no such options"
    assert set(known) - written - SHARED == set(), f"{name}'s options left out"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_usage_line_gives_the_arguments_and_says_which_options_are_optional(
    name: str,
) -> None:
    line = usage(name)
    words = line.split()
    bare = [word.strip("[]") for word in words]
    positions = [
        words.index(argument) if argument in words else bare.index(argument)
        for argument in arguments(COMMANDS[name])
    ]
    assert positions == sorted(positions), f"{name}: arguments out of order"
    optional = optional_in(line)
    for option, param in options(COMMANDS[name]).items():
        if option in SHARED:
            continue
        assert option in optional, f"{name}: {option} is not in the usage line"
        assert optional[option] is not param.required, (
            f"{name}: {option} is written as "
            f"{'optional' if optional[option] else 'required'}"
        )


def test_the_options_of_every_command_are_options_of_commands() -> None:
    every = {option for command in COMMANDS.values() for option in options(command)}
    every |= {opt for param in cli.params for opt in param.opts}
    every |= set(cli.context_settings["help_option_names"])
    assert SHARED - every == set()
