"""Value objects and the checks on what can never be valid."""

from __future__ import annotations

from datetime import date

import pytest

from application.commands import ChangeVenue, EstablishBody, RecordStatement
from domain.errors import InvalidValueError
from domain.limits import NAME_LIMIT
from domain.values import (
    AgendaItem,
    CycleTopics,
    DateOutOfRangeError,
    DateRange,
    EndBeforeStartError,
    InvalidNumberError,
    InvalidTextError,
    Period,
    check_text,
    describe_dates,
    ordinal,
)


@pytest.mark.parametrize(
    ("number", "written"),
    [
        *[(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th")],
        *[(13, "13th"), (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th")],
    ],
)
def test_session_numbers_are_written_as_english_ordinals(
    number: int, written: str
) -> None:
    assert ordinal(number) == written


def test_a_date_range_cannot_end_before_it_starts() -> None:
    with pytest.raises(EndBeforeStartError, match="2020-04-06 is before"):
        DateRange(date(2020, 4, 8), date(2020, 4, 6))
    one_day = DateRange(date(2020, 4, 6), date(2020, 4, 6))
    assert date(2020, 4, 6) in one_day
    assert date(2020, 4, 7) not in one_day


def test_dates_outside_the_years_of_the_record_are_typing_mistakes() -> None:
    with pytest.raises(DateOutOfRangeError, match="0020-04-06"):
        DateRange(date(20, 4, 6), date(2020, 4, 8))


@pytest.mark.parametrize(
    ("dates", "written"),
    [
        (DateRange(date(2020, 4, 6), date(2020, 4, 8)), "6–8 April 2020"),
        (DateRange(date(2020, 6, 30), date(2020, 7, 2)), "30 June–2 July 2020"),
        (
            DateRange(date(2020, 12, 30), date(2021, 1, 2)),
            "30 December 2020–2 January 2021",
        ),
        (DateRange(date(2020, 4, 6), date(2020, 4, 6)), "6 April 2020"),
        (None, "dates to be determined"),
    ],
)
def test_dates_are_written_as_the_secretariat_writes_them(
    dates: DateRange | None, written: str
) -> None:
    assert describe_dates(dates) == written


def test_a_period_is_read_from_yyyy_yyyy_and_runs_forwards() -> None:
    assert Period.parse("2018-2021") == Period(2018, 2021)
    assert str(Period(2018, 2021)) == "2018-2021"
    assert 2021 in Period(2018, 2021)
    with pytest.raises(EndBeforeStartError):
        Period.parse("2021-2018")
    for bad in ("2018", "18-21", "2018-20x1", "2018–2021"):
        with pytest.raises(InvalidValueError):
            Period.parse(bad)


def test_texts_must_be_present_short_enough_and_free_of_control_characters() -> None:
    mixed = "Türkiye \u200fمصر 🇺🇳"
    assert check_text(mixed, what="x") == mixed
    assert check_text("first line\nsecond\tline", what="x")
    with pytest.raises(InvalidTextError, match="must not be empty"):
        check_text("   ", what="the title")
    with pytest.raises(InvalidTextError, match="U\\+0000"):
        check_text("a\x00b", what="the title")
    with pytest.raises(InvalidTextError, match="1,001 characters long"):
        check_text("x" * (NAME_LIMIT + 1), what="the title")


def test_agenda_items_and_topics_check_their_parts() -> None:
    with pytest.raises(InvalidNumberError):
        AgendaItem(0, "Organizational matters")
    with pytest.raises(InvalidTextError):
        AgendaItem(1, "")
    with pytest.raises(InvalidValueError, match="no topics"):
        CycleTopics(2020, [])
    assert CycleTopics(2020, ["Prevention"]).topics == ("Prevention",)


def test_commands_refuse_malformed_input_before_reaching_the_record() -> None:
    on = date(2020, 7, 27)
    with pytest.raises(InvalidValueError, match="body code"):
        EstablishBody(code="Cyber Crime", name="x", on=on, actor="a")
    with pytest.raises(InvalidNumberError, match="the number"):
        RecordStatement(
            body="cybercrime-egm", number=0, delegation="x", on=on, actor="a"
        )
    with pytest.raises(InvalidNumberError, match="the item"):
        RecordStatement(
            body="cybercrime-egm", number=6, delegation="x", item=-1, on=on, actor="a"
        )
    with pytest.raises(InvalidTextError, match="the delegation"):
        RecordStatement(
            body="cybercrime-egm", number=6, delegation="", on=on, actor="a"
        )
    with pytest.raises(InvalidValueError, match="new venue, a new format"):
        ChangeVenue(body="cybercrime-egm", number=6, on=on, actor="a")
    with pytest.raises(DateOutOfRangeError):
        RecordStatement(
            body="cybercrime-egm", number=6, delegation="x", on=date(1, 1, 1), actor="a"
        )
