"""The example record served: imported once per module into each store, and
a server started on it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from adapters.cli import cli
from tests.conftest import requires_postgres
from tests.http.server import Server, serving
from tests.importing import EXAMPLE
from tests.postgres import fresh_schema


def secretariat(store: str, *args: str) -> str:
    """Run `secretariat ARGS` on `store` (in this process); its output."""
    result = CliRunner().invoke(
        cli, [*args, "--store", store], env={"SECRETARIAT_ACTOR": "registrar"}
    )
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def cli_json(store: str, *args: str) -> Any:
    """The command line's JSON answer to `ARGS --json`."""
    return json.loads(secretariat(store, *args, "--json"))


def new_token(store: str, principal: str, *args: str) -> str:
    """`secretariat grant PRINCIPAL ARGS`: the token on its last line."""
    return secretariat(store, "grant", principal, *args).splitlines()[-1]


@pytest.fixture(scope="module")
def sqlite_example(tmp_path_factory: pytest.TempPathFactory) -> str:
    store = f"sqlite:///{tmp_path_factory.mktemp('served') / 'record.db'}"
    secretariat(store, "import", str(EXAMPLE))
    return store


@pytest.fixture(scope="module")
def postgres_example() -> Iterator[str]:
    with fresh_schema(requires_postgres()) as store:
        secretariat(store, "import", str(EXAMPLE))
        yield store


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def example_store(request: pytest.FixtureRequest) -> str:
    """The example record, on each store in turn."""
    return str(request.getfixturevalue(f"{request.param}_example"))


@pytest.fixture(scope="module")
def served(example_store: str) -> Iterator[Server]:
    """The example record served, on each store in turn."""
    with serving(example_store) as server:
        yield server


@pytest.fixture(scope="module")
def auditor(example_store: str, served: Server) -> str:
    """An auditor's token, granted while the server runs."""
    return new_token(example_store, "auditor@example.org", "--role", "auditor")
