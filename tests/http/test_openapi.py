"""The OpenAPI document: each answer's schema holds exactly the keys and types
docs/json.md gives, and schemathesis runs the document against the live
server (bounded examples): no 5xx, and no answer that breaks its schema."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adapters.http.openapi import (
    BODY_EVENT_KEYS,
    EVENT_COMMON,
    EVENT_KEYS,
    openapi_document,
)
from tests.docs.test_json_doc import DOCUMENTED, documented_keys, table
from tests.http.conftest import new_token
from tests.http.server import serving

TYPES = {
    ("string", None): "text",
    ("string", "date"): "date",
    ("string", "date-time"): "moment",
    ("integer", None): "integer",
    ("boolean", None): "boolean",
    ("object", None): "object",
    ("array", None): "list",
}


def kind(schema: dict[str, Any]) -> str:
    """A schema's type in the words of docs/json.md."""
    if "const" in schema:
        return "text"
    if "enum" in schema:
        return "text or null" if None in schema["enum"] else "text"
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    said = TYPES[(types[0], schema.get("format"))]
    return f"{said} or null" if "null" in types else said


def keys(schema: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Each key a schema gives, by its path (`sessions[].start`), with its type."""
    for name, inner in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield path, kind(inner)
        if inner.get("type") in ("object", ["object", "null"]):
            yield from keys(inner, f"{path}.")
        elif inner.get("type") == "array":
            yield from keys(inner["items"], f"{path}[].")


def schema_of(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = openapi_document()["components"]["schemas"][name]
    return schema


@pytest.mark.parametrize(
    ("view", "schema"),
    [
        ("calendar", "Calendar"),
        ("deadlines", "Deadlines"),
        ("postponements", "Postponements"),
    ],
)
def test_each_answers_schema_has_the_keys_and_types_of_the_doc(
    view: str, schema: str
) -> None:
    assert dict(keys(schema_of(schema))) == documented_keys(view)


def test_the_history_schema_has_each_kind_of_event_with_its_keys() -> None:
    rows = table(DOCUMENTED["history"])
    common = {row[0]: row[1] for row in rows if len(row) == 3}
    by_kind: dict[str, dict[str, str]] = {kind: {} for kind in EVENT_KEYS}
    for event, key, type_, _ in (row for row in rows if len(row) == 4):
        by_kind[event][key] = type_
    history = schema_of("History")
    (events,) = [k for k in keys(history) if k[0] == "events"]

    assert {k: v for k, v in keys(history) if not k.startswith("events[].")} == {
        k: v for k, v in common.items() if not k.startswith("events[].")
    }
    assert events == ("events", "list")
    for variant in history["properties"]["events"]["items"]["oneOf"]:
        event = variant["properties"]["event"]["const"]
        given = dict(keys(variant))
        assert given == {
            **{
                k.removeprefix("events[]."): v
                for k, v in common.items()
                if k.startswith("events[].")
            },
            **by_kind[event],
        }, event
        assert set(variant["required"]) == set(EVENT_COMMON) | {
            k for k in by_kind[event] if "." not in k
        }


def test_the_body_history_schema_has_the_keys_of_the_doc_for_each_kind() -> None:
    documented = documented_keys("body history")
    history = schema_of("BodyHistory")
    variants = history["properties"]["events"]["items"]["oneOf"]
    given = {k: v for k, v in keys(history) if not k.startswith("events[].")}
    for variant in variants:
        given |= {f"events[].{k}": v for k, v in keys(variant)}

    assert given == documented
    assert {variant["properties"]["event"]["const"] for variant in variants} == set(
        BODY_EVENT_KEYS
    )
    for variant in variants:
        event = variant["properties"]["event"]["const"]
        assert set(variant["required"]) == set(EVENT_COMMON) | set(
            BODY_EVENT_KEYS[event]
        ), event


SCHEMATHESIS_VARIABLE = "SECRETARIAT_TEST_SCHEMATHESIS"
TOOL = Path(__file__).resolve().parents[2] / ".venv/tools/schemathesis/bin/schemathesis"
"""Where `make` installs schemathesis, in an environment of its own."""
CONFIG = Path(__file__).with_name("schemathesis.toml")
"""The statuses a command that keeps to its schema may still be answered."""


def schemathesis() -> Path:
    """`$SECRETARIAT_TEST_SCHEMATHESIS` when set (it must then exist, as under
    `make test`), else the one `make` installs; none: the test is skipped."""
    configured = os.environ.get(SCHEMATHESIS_VARIABLE)
    if configured:
        assert Path(configured).is_file(), f"${SCHEMATHESIS_VARIABLE}={configured}"
        return Path(configured)
    if not TOOL.is_file():
        pytest.skip(f"no schemathesis: `make pytest` installs it in {TOOL.parents[1]}")
    return TOOL


def test_the_service_keeps_to_its_contract(sqlite_example: str, tmp_path: Path) -> None:
    """schemathesis, every check, a bounded and repeatable number of cases,
    as an officer of every body: the reads, and every command."""
    tool = schemathesis()
    token = new_token(sqlite_example, "contract@example.org", "--role", "officer")
    with serving(sqlite_example) as server:
        ran = subprocess.run(
            [
                str(tool),
                "--config-file",
                str(CONFIG),
                "run",
                f"{server.url}api/openapi.json",
                "--checks",
                "all",
                "--max-examples",
                "30",
                "--seed",
                "1",
                "--workers",
                "1",
                "--generation-database",
                "none",
                "--no-color",
                # Texts are held to a pattern (no control character, not
                # blank) that most generated strings miss; a busy machine is slow.
                "--suppress-health-check",
                "filter_too_much,too_slow",
                "--header",
                f"Authorization: Bearer {token}",
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=300,
            check=False,
        )

    assert ran.returncode == 0, ran.stdout[-12000:]
    operations = len(openapi_document()["paths"])
    assert f"{operations} selected / {operations} total" in ran.stdout
    # Warnings may remain (most generated sessions do not exist: 404).
    assert "Failures:" not in ran.stdout
    assert "Errors:" not in ran.stdout
