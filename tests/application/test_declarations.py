"""Each command is declared once, and its faces are derived from that one
declaration: how it is decided, how its fields are written as text and read
back, and the schema of a request."""

from __future__ import annotations

import inspect
import re
from datetime import date
from typing import Any

import pytest

import application.commands
from application.commands import COMMANDS, Command, ReceiveSubmission, declarations
from application.commands.declaring import (
    Declaration,
    Face,
    Fallback,
    FieldsError,
    Param,
)
from application.commands.distribution import EMAIL
from application.commands.kinds import (
    CODE,
    COUNT,
    DATE,
    FLAG,
    NAME,
    PAIR,
    PERIOD,
    REASON,
    SOURCE,
    YEAR,
    Kind,
    choice,
)
from domain.values import DocumentKind, Format, Period, SubmitterKind

SAMPLES: dict[Kind[Any], Any] = {
    NAME: "Vienna, Austria",
    SOURCE: "UNODC/CCPCJ/EG.4/2020/2",
    REASON: "Due to the impact of the COVID-19 pandemic",
    CODE: "cybercrime-egm",
    COUNT: 6,
    YEAR: 2020,
    DATE: date(2020, 7, 27),
    PERIOD: Period(2018, 2021),
    FLAG: True,
    EMAIL: "focal.point@mission-austria.example",
    PAIR: [(2020, "International cooperation"), (2020, "Prevention"), (2021, "Law")],
}


def sample(param: Param) -> Any:
    """A valid value for `param`, of its kind."""
    if param.kind.choices:
        return param.kind.read(param.kind.choices[-1])
    return SAMPLES[param.kind]


def every_field_given(declaration: Declaration) -> Command:
    """The command with a value for each of its parameters, optional or not
    (of fields that exclude each other, the first)."""
    left_out = {field for group in declaration.command.exclusive for field in group[1:]}
    return declaration.build(
        {
            param.dest: sample(param)
            for param in declaration.params
            if param.dest not in left_out
        }
    )


DECLARED = {declaration.verb: declaration for declaration in declarations()}


def test_each_command_is_declared_once_by_its_name() -> None:
    assert list(DECLARED) == list(COMMANDS)
    assert len(DECLARED) == 25
    for verb, declaration in DECLARED.items():
        assert declaration.command.verb == verb
        assert declaration.command.declaration is declaration
        assert declaration.help, verb
        name = declaration.command.__name__
        assert getattr(application.commands, name) is declaration.command
        assert name in application.commands.__all__


@pytest.mark.parametrize("verb", sorted(DECLARED))
def test_the_domain_method_that_decides_a_command_takes_its_fields(verb: str) -> None:
    declaration = DECLARED[verb]
    command = every_field_given(declaration)
    arguments = declaration.arguments(command)

    decides = inspect.signature(declaration.decided_by)
    if declaration.creates:
        decides.bind(**arguments)
    else:
        decides.bind(object(), **arguments)  # the record it is about, as `self`
        assert not set(declaration.record.key) & set(arguments)
    assert {"on", "actor"} <= set(arguments)


@pytest.mark.parametrize(
    "kind",
    [*SAMPLES, *(choice(kind) for kind in (Format, DocumentKind, SubmitterKind))],
    ids=lambda kind: kind.metavar or "flag",
)
def test_each_kind_of_value_reads_back_what_it_writes(kind: Kind[Any]) -> None:
    values = [kind.read(text) for text in kind.choices] or [SAMPLES[kind]]
    for value in values:
        for each in value if kind is PAIR else [value]:
            assert kind.read(kind.format(each)) == each


@pytest.mark.parametrize("verb", sorted(DECLARED))
def test_a_command_written_as_fields_of_text_reads_back_the_same(verb: str) -> None:
    declaration = DECLARED[verb]
    command = every_field_given(declaration)

    written = declaration.write(command)

    assert all(isinstance(value, str | dict) for value in written.values())
    left_out = {field for group in declaration.command.exclusive for field in group[1:]}
    assert set(written) == {
        param.key
        for param in declaration.params_in(Face.FILE)
        if param.dest not in left_out
    }
    assert declaration.read(written, face=Face.FILE, fallbacks={}) == command


def test_a_request_gives_numbers_as_numbers_and_is_not_told_who_sends_it() -> None:
    declaration = ReceiveSubmission.declaration
    request = {
        "body": "cybercrime-egm",
        "period": "2018-2021",
        "cycle": 2020,
        "from": "Chile",
        "as": "member-state",
        "on": "2020-03-02",
    }

    command = declaration.read(
        request, face=Face.API, fallbacks={Fallback.ISSUER: lambda: "signed-in officer"}
    )

    assert command == ReceiveSubmission(
        body="cybercrime-egm",
        period=Period(2018, 2021),
        cycle=2020,
        submitter="Chile",
        submitter_kind=SubmitterKind.MEMBER_STATE,
        on=date(2020, 3, 2),
        actor="signed-in officer",
    )
    with pytest.raises(FieldsError, match="has no field 'actor'"):
        declaration.read(
            {**request, "actor": "someone else"}, face=Face.API, fallbacks={}
        )


@pytest.mark.parametrize(
    ("given", "refused"),
    [
        ({"cycle": "2020"}, None),  # a string of digits, as the design allows
        ({"cycle": 2020.0}, None),  # a whole number written as a float
        ({"cycle": 2020.5}, "cycle is a whole number, not 2020.5"),
        ({"cycle": True}, "cycle is a whole number, not True"),
        ({"from": 12}, "from is a string, not 12"),
        ({"from": False}, "from is a string, not False"),
        ({"assumed": "true"}, "assumed is true or false, not 'true'"),
        ({"assumed": True}, None),
    ],
)
def test_a_request_gives_each_field_in_its_json_type(
    given: dict[str, object], refused: str | None
) -> None:
    request = {
        "body": "cybercrime-egm",
        "period": "2018-2021",
        "cycle": 2020,
        "from": "Chile",
        "as": "member-state",
        "on": "2020-03-02",
        **given,
    }

    def read() -> Command:
        return ReceiveSubmission.declaration.read(
            request, face=Face.API, fallbacks={Fallback.ISSUER: lambda: "officer"}
        )

    if refused is None:
        assert read().cycle == 2020
    else:
        with pytest.raises(FieldsError) as raised:
            read()
        assert str(raised.value) == refused


def test_the_schema_of_a_request_is_derived_from_the_declaration() -> None:
    schemas = {verb: d.schema() for verb, d in DECLARED.items()}

    receive = schemas["receive-submission"]
    assert receive["required"] == ["body", "period", "cycle", "from", "as"]
    assert receive["additionalProperties"] is False
    properties = receive["properties"]
    assert "actor" not in properties
    assert properties["cycle"]["type"] == "integer"
    assert properties["on"] == {
        "type": "string",
        "format": "date",
        "pattern": "^(194[5-9]|19[5-9][0-9]|2[01][0-9][0-9]|2200)-",
        "description": "The date the decision or receipt took effect (YYYY-MM-DD).",
    }
    assert properties["as"]["enum"] == ["member-state", "observer"]
    assert properties["period"]["type"] == "string"
    assert properties["from"]["type"] == "string"
    assert properties["from"]["minLength"] == 1
    assert re.fullmatch(properties["from"]["pattern"], "Norway")
    assert not re.fullmatch(properties["from"]["pattern"], " \t")
    assert not re.fullmatch(properties["from"]["pattern"], "Nor\x00way")
    assert re.fullmatch(properties["period"]["pattern"], "2018-2021")
    assert not re.fullmatch(properties["period"]["pattern"], "1900-2021")
    assert schemas["change-venue"]["anyOf"] == [
        {"required": ["venue"]},
        {"required": ["format"]},
    ]
    assert schemas["postpone-session"]["dependentRequired"] == {
        "start": ["end"],
        "end": ["start"],
    }
    topics = schemas["adopt-workplan"]["properties"]["topics"]["propertyNames"]
    assert re.fullmatch(topics["pattern"], "2020")
    assert not re.fullmatch(topics["pattern"], "1")

    assert schemas["schedule-session"]["properties"]["number"]["type"] == "integer"
    assert schemas["schedule-session"]["properties"]["stocktaking"]["type"] == "boolean"
    assert schemas["adopt-workplan"]["properties"]["at-session"]["type"] == "integer"
    assert schemas["issue-agenda"]["properties"]["items"]["type"] == "object"
    assert schemas["adopt-workplan"]["properties"]["topics"]["type"] == "object"
    for verb, schema in schemas.items():
        assert schema["title"] == verb
        assert set(schema["required"]) <= set(schema["properties"])
        for key, property_ in schema["properties"].items():
            assert property_["type"] in ("string", "integer", "boolean", "object"), key
            assert property_["description"], (verb, key)
