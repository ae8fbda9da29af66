"""A body keeps its deadlines in its secretariat's zone (`establish-body
--timezone`, an IANA name; UTC when none is given, and for every body
established before bodies had zones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.store import parse_store_url
from domain.body import Body
from domain.errors import InvalidValueError
from domain.values import check_timezone
from tests.reliability.helpers import invoke, json_answer, one_line_error, store_state
from tests.reliability.test_schema_evolution import transplanted

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0.1.0"


def zones(store: str) -> dict[str, str]:
    answer = json_answer("bodies", store=store)
    return {body["code"]: body["timezone"] for body in answer["bodies"]}


@pytest.mark.parametrize(
    "name", ["Europe/Vienna", "America/New_York", "Asia/Bangkok", "UTC"]
)
def test_a_zone_of_the_iana_database_is_accepted(name: str) -> None:
    assert check_timezone(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "Not/AZone",
        "europe/vienna",
        "Europe",
        "../etc/passwd",
        "/etc/localtime",
        "localtime",
        "Europe/Vienna\x00",
        "UTC+1",
        "",
    ],
)
def test_a_zone_the_database_does_not_name_is_refused(name: str) -> None:
    with pytest.raises(InvalidValueError, match="is not an IANA time zone name"):
        check_timezone(name)


def test_a_body_is_established_in_its_zone_or_in_utc(sqlite_store: str) -> None:
    for args in (
        ["vienna-egm", "--name=Expert group", "--timezone=Europe/Vienna"],
        ["plain-egm", "--name=Expert group"],
    ):
        ran = invoke("establish-body", *args, "--on=2019-01-01", store=sqlite_store)
        assert ran.code == 0, ran.err
    assert zones(sqlite_store) == {"vienna-egm": "Europe/Vienna", "plain-egm": "UTC"}


def test_an_unknown_zone_is_refused_with_exit_2_and_nothing_written(
    sqlite_store: str,
) -> None:
    invoke("establish-body", "egm", "--name=Expert group", "--on=2019-01-01",
           store=sqlite_store)  # fmt: skip
    before = store_state(sqlite_store)
    ran = invoke(
        "establish-body", "other", "--name=Other", "--timezone=Europe/Viena",
        "--on=2019-01-01", store=sqlite_store,
    )  # fmt: skip
    assert ran.code == 2
    assert "'Europe/Viena' is not an IANA time zone name" in one_line_error(ran.err)
    assert store_state(sqlite_store) == before


def test_a_body_established_before_zones_keeps_its_deadlines_in_utc(
    store: str,
) -> None:
    path = parse_store_url(store).path
    if path is None:
        old = transplanted(FIXTURE / "store.sqlite", store)
    else:
        Path(path).write_bytes((FIXTURE / "store.sqlite").read_bytes())
        old = store
    found = zones(old)
    assert found
    assert set(found.values()) == {"UTC"}


def test_the_upcast_gives_a_stored_establishment_the_utc_zone() -> None:
    state: dict[str, object] = {"code": "egm"}
    Body.Established.upcast_v2_v3(state)
    assert state["timezone"] == "UTC"
