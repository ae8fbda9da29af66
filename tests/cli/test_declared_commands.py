"""The command line's recording commands and the import file's entries are
derived from the commands' declarations: every declared command has both,
with the parameters its declaration gives it."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from adapters.cli import cli
from adapters.cli.import_files import ImportFileError, parse_import
from adapters.cli.recording import RECORDING_COMMANDS
from application.commands import declarations
from application.commands.declaring import Face
from tests.application.test_declarations import every_field_given

DECLARED = {declaration.verb: declaration for declaration in declarations()}
ON_THE_COMMAND_LINE = {str(command.name): command for command in RECORDING_COMMANDS}


def test_every_declared_command_is_a_command_of_the_command_line() -> None:
    assert list(ON_THE_COMMAND_LINE) == list(DECLARED)


@pytest.mark.parametrize("verb", sorted(DECLARED))
def test_a_commands_options_are_its_declared_parameters(verb: str) -> None:
    declared = DECLARED[verb].params_in(Face.CLI)
    command = ON_THE_COMMAND_LINE[verb]
    # --store and --log-json first: every command takes them.
    params = [param for param in command.params if param.expose_value]

    assert len(params) == len(declared)
    for param, option in zip(declared, params, strict=True):
        if param.positional:
            assert isinstance(option, click.Argument)
            assert option.name == param.name
        else:
            assert isinstance(option, click.Option)
            assert option.opts == [f"--{param.name}"]
            assert option.required == param.required
            assert option.multiple == (param.plural is not None)
            assert option.is_flag == param.flag
            assert option.help == param.help


@pytest.mark.parametrize("verb", sorted(DECLARED))
def test_a_commands_help_shows_its_declared_help(verb: str) -> None:
    shown = CliRunner().invoke(cli, [verb, "--help"])

    assert shown.exit_code == 0
    text = " ".join(shown.output.split())
    assert " ".join(DECLARED[verb].help.split()) in text
    for param in DECLARED[verb].params_in(Face.CLI):
        if not param.positional:
            assert f"--{param.name}" in text
            assert " ".join(param.help.split())[:30] in text


@pytest.mark.parametrize("verb", sorted(DECLARED))
def test_an_entry_written_from_a_declaration_is_imported_as_the_same_command(
    verb: str,
) -> None:
    declaration = DECLARED[verb]
    command = every_field_given(declaration)
    entry = {"command": verb, **declaration.write(command)}

    (imported,) = parse_import(f"- {json.dumps(entry)}\n", source="f")

    assert imported.command == command


@pytest.mark.parametrize("verb", sorted(DECLARED))
def test_an_entry_takes_the_keys_its_command_declares_and_no_other(verb: str) -> None:
    declaration = DECLARED[verb]
    entry = {"command": verb, **declaration.write(every_field_given(declaration))}
    left_out = {field for group in declaration.command.exclusive for field in group[1:]}

    assert set(entry) - {"command"} == {
        param.key
        for param in declaration.params_in(Face.FILE)
        if param.dest not in left_out
    }
    with pytest.raises(ImportFileError, match=f"{verb} has no field 'colour'"):
        parse_import(f"- {json.dumps({**entry, 'colour': 'red'})}\n", source="f")
