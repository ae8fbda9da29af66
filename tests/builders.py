"""Records the tests start from, taken from the Expert Group on Cybercrime."""

from __future__ import annotations

from datetime import date

from application.commands import EstablishBody, OpenSession, ScheduleSession
from application.secretariat import Secretariat
from domain.values import DateRange

BODY = "cybercrime-egm"
OFFICER = "secretariat officer"
APRIL = DateRange(date(2020, 4, 6), date(2020, 4, 8))
JULY = DateRange(date(2020, 7, 27), date(2020, 7, 29))


def establish(app: Secretariat, code: str = BODY) -> None:
    app.execute(
        EstablishBody(
            code=code,
            name="Expert Group to Conduct a Comprehensive Study on Cybercrime",
            parent="Commission on Crime Prevention and Criminal Justice",
            mandate="General Assembly resolution 65/230",
            on=date(2010, 12, 21),
            actor=OFFICER,
        )
    )


def schedule_sixth(app: Secretariat, **changes: object) -> None:
    """The sixth session as first scheduled: 6-8 April 2020 in Vienna."""
    fields: dict[str, object] = {
        "body": BODY,
        "number": 6,
        "title": "Sixth meeting of the Expert Group on Cybercrime",
        "dates": APRIL,
        "venue": "Vienna, Austria",
        "on": date(2019, 12, 2),
        "actor": OFFICER,
    }
    fields.update(changes)
    app.execute(ScheduleSession(**fields))  # type: ignore[arg-type]


def open_sixth(app: Secretariat, on: date = APRIL.start) -> None:
    """The sixth session opened on its first day (April's dates, as first
    scheduled): a statement is recorded only once its session has opened."""
    app.execute(OpenSession(body=BODY, number=6, on=on, actor=OFFICER))
