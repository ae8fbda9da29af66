"""The seed's history, recorded through the application, for the read side's
tests: the sixth session postponed from April to July 2020, and the 2020 call
for comments whose deadline was extended."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from adapters.bootstrap import open_secretariat, open_views
from adapters.store import parse_store_url
from adapters.views.views import Views
from application.commands import (
    AdoptWorkplan,
    ConfirmPanelist,
    ExtendDeadline,
    PostponeSession,
    ReceiveSubmission,
    RequestComments,
)
from application.secretariat import Secretariat
from domain.values import CycleTopics, DateRange, Period, SubmitterKind
from tests.builders import BODY, JULY, OFFICER, establish, schedule_sixth

PERIOD = Period(2018, 2021)
D = date
POSTPONED_ON = date(2020, 3, 13)
ORIGINAL_DEADLINE = date(2020, 3, 12)
EXTENDED_TO = date(2020, 6, 1)
EXTENDED_ON = date(2020, 4, 1)


@contextmanager
def opened(store: str, **options: Any) -> Iterator[tuple[Secretariat, Views]]:
    """The Secretariat and its views on `store` (`page_size` for small pages)."""
    app = open_secretariat(parse_store_url(store), create=True)
    try:
        yield app, open_views(parse_store_url(store), app, **options)
    finally:
        app.close()


def postpone_sixth(
    app: Secretariat, dates: DateRange | None = JULY, on: date = POSTPONED_ON
) -> None:
    app.execute(
        PostponeSession(
            body=BODY,
            number=6,
            reason="Impact of the COVID-19 pandemic",
            dates=dates,
            on=on,
            actor=OFFICER,
        )
    )


def adopt_workplan(app: Secretariat) -> None:
    app.execute(
        AdoptWorkplan(
            body=BODY,
            period=PERIOD,
            at_session=4,
            topics=[CycleTopics(2020, ["International cooperation", "Prevention"])],
            stocktaking_by=2021,
            on=D(2018, 4, 5),
            actor=OFFICER,
        )
    )


def request_comments(app: Secretariat, deadline: date = ORIGINAL_DEADLINE) -> None:
    app.execute(
        RequestComments(
            body=BODY,
            period=PERIOD,
            cycle=2020,
            deadline=deadline,
            on=D(2019, 12, 1),
            actor=OFFICER,
        )
    )


def receive(
    app: Secretariat,
    submitter: str,
    on: date,
    kind: SubmitterKind = SubmitterKind.MEMBER_STATE,
) -> None:
    app.execute(
        ReceiveSubmission(
            body=BODY,
            period=PERIOD,
            cycle=2020,
            submitter=submitter,
            submitter_kind=kind,
            on=on,
            actor=OFFICER,
        )
    )


def extend(app: Secretariat, to: date = EXTENDED_TO, on: date = EXTENDED_ON) -> None:
    app.execute(
        ExtendDeadline(
            body=BODY,
            period=PERIOD,
            cycle=2020,
            to=to,
            reason="The postponement of the sixth session",
            on=on,
            actor=OFFICER,
        )
    )


def panelist(app: Secretariat, delegation: str) -> None:
    """A panelist of `delegation` confirmed for the sixth session: an entry of
    the session no view reads (a statement would need the session opened,
    which the calendar does read)."""
    app.execute(
        ConfirmPanelist(
            body=BODY,
            number=6,
            name=f"The panelist of {delegation}",
            delegation=delegation,
            item=2,
            title="International cooperation",
            on=D(2020, 3, 13),
            actor=OFFICER,
        )
    )


def seed(app: Secretariat) -> None:
    """The small example: the sixth session scheduled 6-8 April 2020 and
    postponed on 2020-03-13 to 27-29 July 2020; the 2018-2021 workplan's 2020
    call, deadline 2020-03-12 extended on 2020-04-01 to 2020-06-01, with one
    submission on time and one within the extension."""
    establish(app)
    schedule_sixth(app)
    postpone_sixth(app)
    adopt_workplan(app)
    request_comments(app)
    receive(app, "Ecuador", D(2020, 3, 10))
    receive(app, "Council of Europe", D(2020, 5, 20), SubmitterKind.OBSERVER)
    extend(app)
