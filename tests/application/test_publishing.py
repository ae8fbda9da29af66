"""What the public pages show, read from the record in memory and grouped:
statements, panelists, documents and the report of a session; a body's mandate;
a workplan's topics; and the pages put together with the views' answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

import attrs
import pytest

from application.commands import (
    AdoptReport,
    AdoptWorkplan,
    CancelSession,
    CirculateDocument,
    Command,
    ConfirmPanelist,
    IssueAgenda,
    IssueDocument,
    OpenSession,
    RecordStatement,
)
from application.projections.rows import CalendarRow
from application.publishing import (
    AgendaEntry,
    BodyProfile,
    Circulation,
    Document,
    Edition,
    Panelist,
    Publishing,
    Speaker,
    Statements,
    Topics,
    WorkplanProfile,
    index_page,
    is_past,
    session_page,
    workplan_page,
)
from application.secretariat import Secretariat
from domain.body import BodyNotFoundError
from domain.session import SessionNotFoundError
from domain.values import AgendaItem, CycleTopics, DocumentKind, Period
from domain.workplan import WorkplanNotFoundError
from tests.builders import APRIL, BODY, OFFICER, establish, schedule_sixth

ON = date(2020, 3, 1)
AGENDA = {1: "Organizational matters", 2: "International cooperation", 3: "Prevention"}


class Records:
    """The records of an in-memory Secretariat, as the `Views` port reads them."""

    def __init__(self, app: Secretariat) -> None:
        self.app = app

    def events_of(self, record_id: UUID) -> Sequence[Any]:
        return list(self.app.events.get(record_id))


def published(app: Secretariat) -> Publishing:
    return Publishing(Records(app))  # type: ignore[arg-type]


def record(app: Secretariat, *commands: Command) -> Secretariat:
    for command in commands:
        app.execute(command)
    return app


def agenda(items: dict[int, str] = AGENDA, on: date = ON) -> IssueAgenda:
    return IssueAgenda(
        body=BODY,
        number=6,
        items=[AgendaItem(n, t) for n, t in items.items()],
        on=on,
        actor=OFFICER,
    )


OPENED = APRIL.start
"""The sixth session opens on its first day: statements are recorded from then."""


def opened() -> OpenSession:
    return OpenSession(body=BODY, number=6, on=OPENED, actor=OFFICER)


def spoke(delegation: str, item: int | None = None) -> RecordStatement:
    return RecordStatement(
        body=BODY, number=6, delegation=delegation, item=item, on=OPENED, actor=OFFICER
    )


def issued(kind: str, title: str, symbol: str | None = None) -> IssueDocument:
    return IssueDocument(
        body=BODY,
        number=6,
        kind=DocumentKind(kind),
        title=title,
        symbol=symbol,
        on=ON,
        actor=OFFICER,
    )


def panelist(name: str, delegation: str, item: int, title: str) -> ConfirmPanelist:
    return ConfirmPanelist(
        body=BODY,
        number=6,
        name=name,
        delegation=delegation,
        item=item,
        title=title,
        on=ON,
        actor=OFFICER,
    )


@pytest.fixture
def sixth(secretariat: Secretariat) -> Secretariat:
    establish(secretariat)
    schedule_sixth(secretariat)
    return secretariat


# A session's record.


def test_statements_are_grouped_general_first_then_by_item_each_delegation_once(
    sixth: Secretariat,
) -> None:
    record(
        sixth,
        agenda(),
        opened(),
        spoke("Argentina", 3),
        spoke("Iraq"),
        spoke("Colombia", 2),
        spoke("Russian Federation"),
        spoke("Russian Federation", 3),
        spoke("Russian Federation"),
        spoke("Australia"),
        spoke("Russian Federation", 3),
    )

    statements = published(sixth).session_record(BODY, 6).statements

    assert statements == (
        Statements(
            item=None,
            title=None,
            speakers=(
                Speaker("Iraq", 1),
                Speaker("Russian Federation", 2),
                Speaker("Australia", 1),
            ),
        ),
        Statements(2, "International cooperation", (Speaker("Colombia", 1),)),
        Statements(
            3, "Prevention", (Speaker("Argentina", 1), Speaker("Russian Federation", 2))
        ),
    )


def test_a_delegation_is_listed_once_by_its_member_states_name_however_written(
    sixth: Secretariat,
) -> None:
    record(
        sixth,
        agenda(),
        opened(),
        spoke("Russian Federation"),
        spoke("Russia"),
        spoke("russian  federation"),
        spoke("People's Republic of China"),
        spoke("China"),
    )

    [general] = published(sixth).session_record(BODY, 6).statements

    assert general.speakers == (
        Speaker("Russian Federation", 3, ("Russia", "russian  federation")),
        Speaker("China", 2, ("People's Republic of China",)),
    )


def test_an_item_spoken_on_before_the_agenda_takes_its_title_from_the_agenda_issued(
    sixth: Secretariat,
) -> None:
    record(
        sixth,
        opened(),
        spoke("Greece", 2),
        spoke("Mexico", 9),
        agenda(on=OPENED),
        agenda({1: "Organizational matters", 2: "Cooperation, revised"}, on=OPENED),
    )

    page = published(sixth).session_record(BODY, 6)

    assert [(s.item, s.title) for s in page.statements] == [
        (2, "Cooperation, revised"),
        (9, None),
    ]
    assert page.agenda == (
        AgendaEntry(1, "Organizational matters"),
        AgendaEntry(2, "Cooperation, revised"),
    )


def test_documents_are_grouped_by_kind_with_comments_and_the_report_apart(
    sixth: Secretariat,
) -> None:
    record(
        sixth,
        issued("background-paper", "Gathering and sharing electronic evidence"),
        issued("comments", "Comments from Member States", "UNODC/CCPCJ/EG.4/2020/1"),
        issued("guide", "Participants Guide (Listening Function)"),
        issued("annotated-agenda", "Annotated Provisional Agenda"),
        issued("background-paper", "Report on the meetings of the Working Group"),
        issued("other", "Information for participants"),
        issued("comments", "Comments from Observers"),
        issued("report", "Report on the meeting", "UNODC/CCPCJ/EG.4/2020/2"),
    )

    page = published(sixth).session_record(BODY, 6)

    assert [(g.kind, [d.title for d in g.documents]) for g in page.documents] == [
        ("annotated-agenda", ["Annotated Provisional Agenda"]),
        ("guide", ["Participants Guide (Listening Function)"]),
        (
            "background-paper",
            [
                "Gathering and sharing electronic evidence",
                "Report on the meetings of the Working Group",
            ],
        ),
        ("other", ["Information for participants"]),
    ]
    assert [(d.title, d.symbol) for d in page.comments] == [
        ("Comments from Member States", "UNODC/CCPCJ/EG.4/2020/1"),
        ("Comments from Observers", None),
    ]
    assert [d.title for d in page.report.documents] == ["Report on the meeting"]
    assert page.report.adopted_on is None


def test_a_document_carries_its_circulations_in_the_order_made(
    sixth: Secretariat,
) -> None:
    title = "Proposed organization of work for the 6th session"

    def circulated(to: str, via: str | None, on: date) -> CirculateDocument:
        return CirculateDocument(
            body=BODY, number=6, title=title, to=to, via=via, on=on, actor=OFFICER
        )

    record(
        sixth,
        issued("organization-of-work", title),
        circulated("extended Bureau", None, date(2020, 7, 13)),
        circulated("Member States", "Special Message", date(2020, 7, 14)),
    )

    [group] = published(sixth).session_record(BODY, 6).documents

    assert group.documents == (
        Document(
            kind="organization-of-work",
            title=title,
            symbol=None,
            issued_on="2020-03-01",
            circulations=(
                Circulation("extended Bureau", None, "2020-07-13"),
                Circulation("Member States", "Special Message", "2020-07-14"),
            ),
            languages=(Edition("en", "2020-03-01"),),
        ),
    )


def test_panelists_are_grouped_by_item_in_the_order_confirmed(
    sixth: Secretariat,
) -> None:
    record(
        sixth,
        agenda(),
        panelist("Mr. Pedro Destino", "Angola", 3, "Challenges"),
        panelist("Mr. Markko Künnapu", "Estonia", 2, "International Cooperation"),
        panelist("Dr. Liyun Han", "China", 3, "Prevention"),
    )

    panels = published(sixth).session_record(BODY, 6).panels

    assert [(p.item, p.title, p.panelists) for p in panels] == [
        (
            2,
            "International cooperation",
            (
                Panelist(
                    "Mr. Markko Künnapu",
                    "Estonia",
                    "International Cooperation",
                    "Estonia",
                ),
            ),
        ),
        (
            3,
            "Prevention",
            (
                Panelist("Mr. Pedro Destino", "Angola", "Challenges", "Angola"),
                Panelist("Dr. Liyun Han", "China", "Prevention", "China"),
            ),
        ),
    ]


def test_the_report_says_when_it_was_adopted_and_under_which_symbol(
    sixth: Secretariat,
) -> None:
    opened = date(2020, 4, 6)
    record(
        sixth,
        OpenSession(body=BODY, number=6, on=opened, actor=OFFICER),
        AdoptReport(
            body=BODY,
            number=6,
            symbol="UNODC/CCPCJ/EG.4/2020/2",
            on=date(2020, 4, 8),
            actor=OFFICER,
        ),
    )

    report = published(sixth).session_record(BODY, 6).report

    assert (report.adopted_on, report.symbol) == (
        "2020-04-08",
        "UNODC/CCPCJ/EG.4/2020/2",
    )


def test_a_cancelled_session_keeps_the_reason_it_was_cancelled(
    sixth: Secretariat,
) -> None:
    assert published(sixth).session_record(BODY, 6).cancellation_reason is None
    record(
        sixth,
        CancelSession(
            body=BODY, number=6, reason="Due to the pandemic", on=ON, actor=OFFICER
        ),
    )

    assert (
        published(sixth).session_record(BODY, 6).cancellation_reason
        == "Due to the pandemic"
    )


def test_a_session_or_body_that_does_not_exist_is_named_in_the_error(
    secretariat: Secretariat,
) -> None:
    with pytest.raises(BodyNotFoundError, match="there is no body 'cybercrime-egm'"):
        published(secretariat).body_profile(BODY)
    establish(secretariat)
    with pytest.raises(SessionNotFoundError, match="no 6th session of cybercrime-egm"):
        published(secretariat).session_record(BODY, 6)
    with pytest.raises(WorkplanNotFoundError, match="no workplan for 2018-2021"):
        published(secretariat).workplan_profile(BODY, Period(2018, 2021))


def test_a_body_shows_its_name_parent_and_mandate(secretariat: Secretariat) -> None:
    establish(secretariat)

    assert published(secretariat).body_profile(BODY) == BodyProfile(
        code=BODY,
        name="Expert Group to Conduct a Comprehensive Study on Cybercrime",
        parent="Commission on Crime Prevention and Criminal Justice",
        mandate="General Assembly resolution 65/230",
        established_on="2010-12-21",
    )


def test_a_workplan_shows_where_it_was_adopted_and_its_topics_by_year(
    secretariat: Secretariat,
) -> None:
    establish(secretariat)
    record(
        secretariat,
        AdoptWorkplan(
            body=BODY,
            period=Period(2018, 2021),
            at_session=4,
            topics=[
                CycleTopics(2020, ["International cooperation", "Prevention"]),
                CycleTopics(2018, ["Criminalization"]),
            ],
            stocktaking_by=2021,
            on=date(2018, 4, 5),
            actor=OFFICER,
        ),
    )

    workplan = published(secretariat).workplan_profile(BODY, Period(2018, 2021))

    assert workplan == WorkplanProfile(
        body=BODY,
        period="2018-2021",
        at_session=4,
        adopted_on="2018-04-05",
        topics=(
            Topics(2018, ("Criminalization",)),
            Topics(2020, ("International cooperation", "Prevention")),
        ),
        stocktaking_by=2021,
    )
    assert workplan.topics_of(2020) == ("International cooperation", "Prevention")
    assert workplan.topics_of(2019) == ()


# The pages, put together with the views' answers.

ROW = CalendarRow(
    session_id="s",
    version=1,
    body=BODY,
    number=6,
    title="Sixth meeting",
    start="2020-07-27",
    end="2020-07-29",
    last_start="2020-07-27",
    last_end="2020-07-29",
    venue="Vienna, Austria",
    format="hybrid",
    venue_since=1,
    status="scheduled",
    original_start="2020-04-06",
    original_end="2020-04-08",
    postponements=1,
    sequence=1,
    stocktaking=False,
    report_adopted_on=None,
    postponement_reason="Due to the pandemic",
    cancellation_reason=None,
    event="Postponed",
    reason=None,
    effective_on="2020-03-13",
    recorded_at="2020-03-13T10:00:00.000000+00:00",
    actor=OFFICER,
)


def row(number: int, start: str | None, end: str | None, **changes: Any) -> CalendarRow:
    last = {"last_start": start, "last_end": end} if start else {}
    return ROW._replace(number=number, start=start, end=end, **{**last, **changes})


def test_a_session_is_past_once_closed_or_once_its_last_day_has_gone_by() -> None:
    today = date(2020, 7, 28)

    assert not is_past(row(6, "2020-07-27", "2020-07-29"), today)
    assert not is_past(row(6, "2020-07-27", "2020-07-28"), today)
    assert is_past(row(6, "2020-07-27", "2020-07-27"), today)
    assert is_past(row(6, "2020-07-27", "2020-07-29", status="closed"), today)
    assert not is_past(
        row(6, "2020-07-27", "2020-07-29", status="closed"), date(2020, 7, 1)
    )
    assert not is_past(row(6, None, None, status="postponed"), date(2030, 1, 1))


def test_the_index_lists_upcoming_sessions_by_date_and_past_ones_latest_first() -> None:
    sessions = [
        row(7, None, None, status="postponed", last_start="2021-04-06"),
        row(5, "2019-03-27", "2019-03-29", status="closed"),
        row(6, "2020-07-27", "2020-07-29"),
        row(4, "2018-04-03", "2018-04-05", status="closed"),
        row(8, "2021-01-10", "2021-01-12", status="cancelled"),
    ]

    page = index_page(sessions, [], {}, date(2020, 6, 1))

    assert [r.number for r in page.upcoming] == [6, 8, 7]
    assert [r.number for r in page.past] == [5, 4]


WORKPLAN = WorkplanProfile(
    body=BODY,
    period="2018-2021",
    at_session=4,
    adopted_on="2018-04-05",
    topics=(Topics(2020, ("International cooperation", "Prevention")),),
    stocktaking_by=2021,
)
CALL = {"body": BODY, "period": "2018-2021", "cycle": 2020, "extensions": []}


def test_a_session_page_takes_its_years_workplan_and_call_and_its_own_postponements(
    sixth: Secretariat,
) -> None:
    postponed = {
        "body": BODY,
        "number": 6,
        "on": "2020-03-13",
        "reason": "Due to the pandemic",
        "from": {"start": "2020-04-06", "end": "2020-04-08"},
        "to": {"start": "2020-07-27", "end": "2020-07-29"},
    }
    earlier = [row(5, "2019-03-27", "2019-03-29"), row(4, "2018-04-03", "2018-04-05")]
    later = row(7, "2021-04-06", "2021-04-08")
    other_body = earlier[0]._replace(body="other", number=1)

    page = session_page(
        ROW,
        body=published(sixth).body_profile(BODY),
        record=published(sixth).session_record(BODY, 6),
        calendar=[*earlier, ROW, later, other_body],
        postponements=[postponed, {**postponed, "number": 7}],
        workplans=[attrs.evolve(WORKPLAN, period="2022-2025"), WORKPLAN],
        calls=[{**CALL, "cycle": 2019}, CALL],
    )

    assert page.workplan == WORKPLAN
    assert page.call == CALL
    assert page.topics == ("International cooperation", "Prevention")
    assert [(p.on, p.from_start, p.to_start) for p in page.postponements] == [
        ("2020-03-13", "2020-04-06", "2020-07-27")
    ]
    assert [r.number for r in page.earlier] == [4, 5]
    assert page.moved


def test_a_session_on_its_first_dates_has_not_moved_and_one_postponed_sine_die_has(
    sixth: Secretariat,
) -> None:
    def page_of(session: CalendarRow) -> bool:
        return session_page(
            session,
            body=published(sixth).body_profile(BODY),
            record=published(sixth).session_record(BODY, 6),
            calendar=[],
            postponements=[],
            workplans=[],
            calls=[],
        ).moved

    assert not page_of(row(6, "2020-04-06", "2020-04-08"))
    assert page_of(
        row(
            6,
            None,
            None,
            status="postponed",
            last_start="2020-04-06",
            last_end="2020-04-08",
        )
    )


def test_a_workplan_page_holds_its_own_calls_and_milestones_by_cycle() -> None:
    body = BodyProfile(BODY, "Expert Group", None, None, "2010-12-21")
    milestone = {"body": BODY, "period": "2018-2021", "milestone": "stocktaking"}

    page = workplan_page(
        WORKPLAN,
        body=body,
        calendar=[row(4, "2018-04-03", "2018-04-05")],
        calls=[
            {**CALL, "cycle": 2021},
            {**CALL, "period": "2022-2025"},
            CALL,
        ],
        milestones=[milestone, {**milestone, "body": "other"}],
    )

    assert [c["cycle"] for c in page.calls] == [2020, 2021]
    assert page.milestones == (milestone,)
    assert page.adopted_at is not None
    assert page.adopted_at.number == 4
