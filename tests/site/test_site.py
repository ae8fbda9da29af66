"""The site built from the record: what its pages hold, checked against the
seed page they must reproduce; valid, escaped HTML; the same calendar file
as `calendar --ics`."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import pytest

from tests.cli.running import EXECUTABLE, run
from tests.importing import seed_page
from tests.seed_page import (
    announcement,
    documents_on_the_page,
    panels_on_the_page,
    past_meetings,
    statements_as_listed,
)
from tests.site.conftest import SIXTH, TODAY, WORKPLAN, Build, build
from tests.site.html import (
    check_page,
    dates_text,
    following,
    headings,
    items,
    next_to,
    parse,
    rows,
    text_of,
)

SEED_ADDRESS = (
    "https://www.unodc.org/unodc/en/organized-crime/open-ended-intergovernmental-"
    "expert-group-to-conduct-a-comprehensive-study-of-the-problem-of-cybercrime2020"
    ".html"
)
"""The seed page's address: the source the example record names for most
entries."""


def page(site: Path, path: Path | str = SIXTH) -> Element:
    return check_page((site / path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> str:
    return seed_page()


@pytest.fixture(scope="module")
def sixth(example_site: Path) -> Element:
    return page(example_site)


def files(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


# What the site holds.


def test_the_site_has_the_calendar_a_page_per_session_and_workplan_and_the_feed(
    example_site: Path,
) -> None:
    assert sorted(files(example_site)) == [
        "calendar.ics",
        *(f"cybercrime-egm/session-{n}.html" for n in range(1, 7)),
        "cybercrime-egm/workplan-2018-2021.html",
        "index.html",
        "style.css",
    ]


def test_every_page_is_valid_html5_in_english_with_its_headings_in_order(
    example_site: Path,
) -> None:
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) == 8
    for path in pages:
        root = page(example_site, path.relative_to(example_site))
        assert headings(root)[0][0] == 1


def test_every_link_of_every_page_leads_to_a_file_of_the_site(
    example_site: Path,
) -> None:
    for path in example_site.rglob("*.html"):
        root = parse(path.read_text(encoding="utf-8"))
        links = [e.get("href") for e in root.iter() if e.get("href")]
        assert links
        for link in links:
            assert link is not None
            assert not urlsplit(link).scheme, link
            target = (path.parent / link).resolve()
            assert target.is_file(), f"{path.name}: {link}"
            assert example_site.resolve() in target.parents


def test_the_sixth_session_page_opens_with_the_postponement_and_the_original_dates(
    sixth: Element, seed: str
) -> None:
    new, original, reason = announcement(seed)
    main = sixth.find("body/main")
    assert main is not None
    h1, notice = main[0], main[1]

    assert text_of(h1) == (
        "Sixth meeting of the Expert Group to Conduct a Comprehensive Study on "
        "Cybercrime"
    )
    assert notice.get("class") == "announcement"
    assert text_of(notice) == (
        f"Announcement: The sixth session had to be postponed to {dates_text(new)} "
        f"due to the impact of the {reason}. (Original dates: {dates_text(original)})"
    )


def test_the_sixth_session_page_gives_the_mandate_the_dates_venue_and_format(
    sixth: Element, seed: str
) -> None:
    new, original, _ = announcement(seed)
    text = text_of(sixth)

    purpose = "to conduct a comprehensive study of the problem of cybercrime"
    assert purpose in seed
    mandate = text_of(following(sixth, "Mandate"))
    assert 'Resolution 65/230 entitled "Twelfth United Nations Congress' in mandate
    assert purpose in mandate
    assert "Commission on Crime Prevention and Criminal Justice (CCPCJ)" in mandate
    assert (
        f"The sixth session took place from {dates_text(new)} in Vienna, Austria."
        in text
    )
    facts = next_to(sixth, following(sixth, "Dates and venue"))
    assert text_of(facts) == (
        f"Dates {dates_text(new)} Original dates {dates_text(original)} "
        "Venue Vienna, Austria Format hybrid: in person and online "
        "Status opened and closed"
    )


def test_the_sixth_session_page_lists_every_document_of_the_seed_page(
    sixth: Element, seed: str
) -> None:
    listed = items(sixth.find("body/main"))  # type: ignore[arg-type]

    for title in documents_on_the_page(seed):
        assert title in listed, title
    assert len(documents_on_the_page(seed)) == 14


def test_the_sixth_session_page_lists_each_delegations_statements_as_the_seed_page(
    sixth: Element, seed: str
) -> None:
    by_heading = {text.lower(): text for _, text in headings(sixth)}
    listed = statements_as_listed(seed)

    assert len(listed) == 3
    for heading, delegations in listed.items():
        ours = by_heading[heading.rstrip(":").lower()]
        assert items(following(sixth, ours)) == delegations
    assert "Russian Federation 1; 2" in listed["General Statements:"]


def test_the_sixth_session_page_lists_every_panelist_by_agenda_item(
    sixth: Element, seed: str
) -> None:
    panels = [
        rows(following(sixth, heading))
        for heading in (
            "Agenda item 2: International cooperation",
            "Agenda item 3: Prevention",
        )
    ]

    assert panels == [
        [list(panelist) for panelist in panel] for panel in panels_on_the_page(seed)
    ]
    assert [len(panel) for panel in panels] == [7, 6]


def test_the_sixth_session_page_gives_the_comment_deadlines_and_the_report(
    sixth: Element,
) -> None:
    comments = text_of(following(sixth, "Written comments"))
    report = text_of(following(sixth, "Report"))

    assert comments == (
        "Written comments for 2020 under the workplan for 2018-2021 were requested "
        "by Thursday, 12 March 2020. On 20 March 2020 (date assumed) the deadline "
        "was extended to "
        "Monday, 1 June 2020 (Postponement of the session caused by the outbreak of "
        "COVID-19). Comments were due by Monday, 1 June 2020."
    )
    assert report == "The report was adopted on 29 July 2020 (date assumed)."


def test_the_sixth_session_page_lists_its_sources_and_what_each_evidences(
    sixth: Element,
) -> None:
    sources = following(sixth, "Sources")
    listed = items(sources)

    assert listed[0] == (
        f"{SEED_ADDRESS}: the scheduling, the postponement, 14 documents, "
        "2 circulations, 13 panelists, the opening, 32 statements, "
        "the adoption of the report, the closing"
    )
    assert listed[1].startswith(f"{SEED_ADDRESS} (items 2 and 3; items 1, 4 and 5")
    assert listed[1].endswith(": the agenda")
    assert not list(sources.iter("a"))  # the site links only to its own pages


def test_a_date_the_record_assumed_is_marked_and_one_it_was_given_is_not(
    sixth: Element,
) -> None:
    documents = text_of(following(sixth, "Organization of work"))

    # The circulations' dates are on the seed page: they are not marked.
    assert (
        "shared with the extended Bureau on 13 July 2020 and circulated by "
        "Special Message to Member States on 14 July 2020"
    ) in documents
    assert "(date assumed)" not in documents
    assert text_of(following(sixth, "Workplan")).startswith(
        "At its fourth session, on 5 April 2018 (date assumed), the body adopted"
    )


def test_the_sixth_session_page_names_the_earlier_meetings_with_their_dates(
    sixth: Element, seed: str
) -> None:
    earlier = items(following(sixth, "Earlier sessions"))

    assert len(earlier) == 5
    for number, dates in past_meetings(seed).items():
        assert earlier[number - 1].endswith(
            f"held {dates_text(dates)} in Vienna, Austria"
        )


def test_the_index_lists_the_sessions_held_the_latest_first_each_with_its_page(
    example_site: Path,
) -> None:
    index = page(example_site, "index.html")
    past = following(index, "Past sessions")

    assert text_of(following(index, "Upcoming sessions")) == "No session is scheduled."
    numbers = [row[0] for row in rows(past)]
    assert numbers == ["6", "5", "4", "3", "2", "1"]
    assert rows(past)[0][2] == "27–29 July 2020 (originally 6–8 April 2020)"
    links = [a.get("href") for a in past.iter("a")]
    assert links == [f"cybercrime-egm/session-{n}.html" for n in range(6, 0, -1)]


def test_before_the_sixth_session_opened_the_index_shows_it_upcoming(
    example_store: str, tmp_path: Path
) -> None:
    site = build(example_store, tmp_path / "site", "--today", "2020-07-01")
    index = page(site, "index.html")

    [sixth] = rows(following(index, "Upcoming sessions"))
    assert sixth[0] == "6"
    # The record shows it opened and closed: the day splits lists only.
    assert sixth[-1] == "opened and closed"
    assert [r[0] for r in rows(following(index, "Past sessions"))] == [
        "5",
        "4",
        "3",
        "2",
        "1",
    ]


def test_the_workplan_page_gives_topics_deadlines_and_the_missed_milestone(
    example_site: Path,
) -> None:
    workplan = page(example_site, WORKPLAN)

    assert text_of(following(workplan, "Topics")) == (
        "2018 Legislation and frameworks; Criminalization "
        "2019 Law enforcement and investigations; Electronic evidence and "
        "criminal justice "
        "2020 International cooperation; Prevention"
    )
    assert text_of(following(workplan, "Comments for 2020")) == (
        "Requested on 10 January 2020 (date assumed) "
        "Original deadline Thursday, 12 March 2020 "
        "Extended on 20 March 2020 (date assumed) to Monday, 1 June 2020: "
        "Postponement of the "
        "session caused by the outbreak of COVID-19. "
        "Deadline in force Monday, 1 June 2020 (passed)"
    )
    assert text_of(following(workplan, "Submissions")) == (
        "No submission has been recorded."
    )
    assert items(following(workplan, "Milestones")) == [
        "A stocktaking meeting no later than 31 December 2021: overdue: no "
        "stocktaking session is recorded by 31 December 2021."
    ]


RECORD = """\
- {command: establish-body, code: cybercrime-egm, name: Expert Group, on: 2010-12-21}
- command: schedule-session
  body: cybercrime-egm
  number: 6
  title: Sixth meeting
  start: 2020-04-06
  end: 2020-04-08
  venue: Vienna, Austria
  on: 2019-12-02
- command: adopt-workplan
  body: cybercrime-egm
  period: 2018-2021
  at-session: 4
  topics: {2020: [International cooperation, Prevention]}
  stocktaking-by: 2021
  on: 2018-04-05
- {command: request-comments, body: cybercrime-egm, period: 2018-2021, cycle: 2020,
   deadline: 2020-03-12, on: 2020-01-10}
- {command: receive-submission, body: cybercrime-egm, period: 2018-2021, cycle: 2020,
   from: Ecuador, as: member-state, on: 2020-03-10}
- {command: receive-submission, body: cybercrime-egm, period: 2018-2021, cycle: 2020,
   from: Council of Europe, as: observer, on: 2020-05-20}
- {command: receive-submission, body: cybercrime-egm, period: 2018-2021, cycle: 2020,
   from: Norway, as: member-state, on: 2020-06-15}
- {command: extend-deadline, body: cybercrime-egm, period: 2018-2021, cycle: 2020,
   to: 2020-06-01, reason: The postponement, on: 2020-03-20}
"""


def test_the_workplan_page_judges_each_submission_against_the_deadline_in_force(
    site_of: Build,
) -> None:
    site = site_of(RECORD, "--today", "2020-05-30")
    workplan = page(site, WORKPLAN)
    sixth = page(site)

    assert rows(next_to(workplan, following(workplan, "Submissions"))) == [
        ["Ecuador", "Member State", "10 March 2020", "on time"],
        ["Council of Europe", "Observer", "20 May 2020", "within the extension"],
        ["Norway", "Member State", "15 June 2020", "after the deadline"],
    ]
    assert "Monday, 1 June 2020 (2 days left)" in text_of(workplan)
    assert (
        "Submissions received: 1 on time, 1 within the extension, 1 after the "
        "deadline" in text_of(sixth)
    )
    assert items(following(workplan, "Milestones")) == [
        "A stocktaking meeting no later than 31 December 2021: no stocktaking "
        "session is recorded yet."
    ]


# The same record, the same files.


def test_calendar_ics_is_the_file_that_calendar_ics_writes_byte_for_byte(
    example_store: str, example_site: Path, tmp_path: Path
) -> None:
    def calendar(*options: str) -> bytes:
        return subprocess.run(
            [str(EXECUTABLE), "--store", example_store, "calendar", "--ics", *options],
            capture_output=True,
            check=True,
            env={"SECRETARIAT_LOG_LEVEL": "error", "PATH": ""},
        ).stdout

    one_body = build(
        example_store, tmp_path / "one", "--body", "cybercrime-egm", "--today", TODAY
    )

    assert (example_site / "calendar.ics").read_bytes() == calendar()
    assert (one_body / "calendar.ics").read_bytes() == calendar(
        "--body", "cybercrime-egm"
    )
    assert b"SUMMARY:Sixth meeting of the Expert Group" in calendar()


def test_building_the_same_record_again_writes_the_same_files(
    example_store: str, example_site: Path, tmp_path: Path
) -> None:
    again = build(example_store, tmp_path / "again", "--today", TODAY)
    over = build(example_store, example_site, "--today", TODAY)

    assert files(again) == files(example_site) == files(over)


# Safety.

HOSTILE = """\
- command: establish-body
  code: cybercrime-egm
  name: <b>Bold</b> & "quoted" body
  mandate: "</dd><script>alert('mandate')</script>"
  on: 2010-12-21
- command: schedule-session
  body: cybercrime-egm
  number: 6
  title: <script>alert(1)</script>
  start: 2020-04-06
  end: 2020-04-08
  venue: <img src=x onerror=alert(2)>
  on: 2019-12-02
- command: postpone-session
  body: cybercrime-egm
  number: 6
  reason: due to <iframe src="javascript:alert(3)"></iframe>
  start: 2020-07-27
  end: 2020-07-29
  on: 2020-03-13
- command: issue-agenda
  body: cybercrime-egm
  number: 6
  items: {1: "<h1>Item</h1>"}
  on: 2020-07-06
- {command: issue-document, body: cybercrime-egm, number: 6, kind: other,
   title: "</title><a href='javascript:alert(4)'>x</a>", on: 2020-07-06}
- {command: confirm-panelist, body: cybercrime-egm, number: 6, name: "<u>Name</u>",
   delegation: "&amp; Co", item: 1, title: "<svg onload=alert(6)>", on: 2020-07-06}
- {command: open-session, body: cybercrime-egm, number: 6, on: 2020-07-27}
- {command: record-statement, body: cybercrime-egm, number: 6,
   delegation: "<i onclick=alert(5)>Delegation</i>", item: 1, on: 2020-07-27}
"""


def test_text_from_the_record_is_shown_as_text_never_as_markup(
    site_of: Build,
) -> None:
    site = site_of(HOSTILE, "--today", TODAY)
    raw = (site / SIXTH).read_text(encoding="utf-8")
    sixth = page(site)  # no script, no handler, headings in order: checked here
    index = page(site, "index.html")

    assert "<script" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    title = sixth.find("head/title")
    assert title is not None
    assert text_of(title) == "<script>alert(1)</script>"
    assert headings(sixth)[0] == (1, "<script>alert(1)</script>")
    text = text_of(sixth)
    for shown in (
        '<b>Bold</b> & "quoted" body',
        "</dd><script>alert('mandate')</script>.",
        "<img src=x onerror=alert(2)>",
        'due to <iframe src="javascript:alert(3)"></iframe>',
        "<h1>Item</h1>",
        "</title><a href='javascript:alert(4)'>x</a>",
        "<i onclick=alert(5)>Delegation</i>",
    ):
        assert shown in text, shown
    assert rows(following(sixth, "Agenda item 1: <h1>Item</h1>")) == [
        ["<u>Name</u>", "&amp; Co", "<svg onload=alert(6)>"]
    ]
    assert "<script>alert(1)</script>" in text_of(index)
    assert [e.tag for e in sixth.iter() if e.tag in {"b", "i", "u", "img", "svg"}] == []


# Announcements.

CHANGES = """\
- {command: establish-body, code: cybercrime-egm, name: Expert Group, on: 2010-12-21}
- command: schedule-session
  body: cybercrime-egm
  number: 6
  title: Sixth meeting
  start: 2020-04-06
  end: 2020-04-08
  venue: Vienna, Austria
  on: 2019-12-02
- {command: postpone-session, body: cybercrime-egm, number: 6,
   reason: Due to the pandemic, on: 2020-03-13}
- command: schedule-session
  body: cybercrime-egm
  number: 7
  title: Seventh meeting
  start: 2021-04-06
  end: 2021-04-08
  venue: Vienna, Austria
  on: 2020-12-02
- {command: postpone-session, body: cybercrime-egm, number: 7,
   reason: Due to the pandemic, start: 2021-07-27, end: 2021-07-29, on: 2021-01-13}
- {command: reschedule-session, body: cybercrime-egm, number: 7,
   start: 2021-06-01, end: 2021-06-03, on: 2021-02-13}
- {command: cancel-session, body: cybercrime-egm, number: 7,
   reason: The budget was not approved, on: 2021-03-13}
"""


def test_a_session_postponed_sine_die_or_cancelled_says_so_at_the_top(
    site_of: Build,
) -> None:
    site = site_of(CHANGES, "--today", "2021-04-01")

    sixth = page(site).find("body/main/div")
    seventh = page(site, "cybercrime-egm/session-7.html").find("body/main/div")

    assert sixth is not None
    assert seventh is not None
    assert text_of(sixth) == (
        "Announcement: The sixth session had to be postponed, its new dates to be "
        "determined, due to the pandemic. (Original dates: 6–8 April 2020)"
    )
    assert text_of(seventh) == (
        "Announcement: The seventh session had to be postponed to 27–29 July 2021 "
        "due to the pandemic. It has since been cancelled for this reason: The "
        "budget was not approved. (Original dates: 6–8 April 2021)"
    )
    index = page(site, "index.html")
    assert [r[-1] for r in rows(following(index, "Upcoming sessions"))] == [
        "cancelled",
        "postponed, new dates to be determined",
    ]


def test_the_site_of_a_body_alone_leaves_out_the_others(site_of: Build) -> None:
    other = (
        "- {command: establish-body, code: other-body, name: Other, on: 2010-12-21}\n"
        "- {command: schedule-session, body: other-body, number: 1, title: First,"
        " start: 2020-01-06, end: 2020-01-07, venue: Geneva, on: 2019-12-02}\n"
    )
    site = site_of(CHANGES + other, "--body", "other-body", "--today", TODAY)

    assert sorted(files(site)) == [
        "calendar.ics",
        "index.html",
        "other-body/session-1.html",
        "style.css",
    ]
    index = page(site, "index.html")
    assert [r[0] for r in rows(following(index, "Past sessions"))] == ["1"]
    assert "Expert Group" not in text_of(index)


# Bad input: one line on standard error, a non-zero exit, nothing written.


def test_an_out_that_names_a_file_is_refused_and_the_file_left_as_it_was(
    example_store: str, tmp_path: Path
) -> None:
    existing = tmp_path / "notes.txt"
    existing.write_text("kept", encoding="utf-8")

    beside = run("site", "build", "--out", str(existing), store=example_store)
    under = run("site", "build", "--out", str(existing / "site"), store=example_store)

    assert (beside.code, beside.err) == (
        2,
        f"error: --out {existing} is a file, not a folder\n",
    )
    assert (under.code, under.err) == (
        2,
        f"error: --out {existing / 'site'} lies under {existing}, which is a file, "
        "not a folder\n",
    )
    assert existing.read_text(encoding="utf-8") == "kept"
    assert sorted(tmp_path.iterdir()) == [existing]


def test_a_page_that_cannot_be_written_is_named_and_leaves_no_partial_file(
    example_store: str, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    (out / "index.html").mkdir(parents=True)

    ran = run("site", "build", "--out", str(out), store=example_store)

    assert (ran.code, ran.err) == (
        2,
        f"error: cannot write {out / 'index.html'}: Is a directory\n",
    )
    assert [p.name for p in out.rglob("*")] == ["index.html"]


def test_without_a_store_nothing_is_written(tmp_path: Path) -> None:
    out = tmp_path / "site"

    ran = run("site", "build", "--out", str(out), store=f"sqlite:///{tmp_path}/no.db")

    assert ran.code == 4
    assert ran.err.splitlines()[-1] == f"error: no store at {tmp_path}/no.db"
    assert not out.exists()


def test_a_session_whose_dates_passed_without_an_opening_reads_lapsed(
    site_of: Build,
) -> None:
    site = site_of(
        "- {command: establish-body, code: egm, name: Expert group, on: 2019-01-01}\n"
        "- {command: schedule-session, body: egm, number: 1, title: First session, "
        "start: 2020-04-06, end: 2020-04-08, venue: Vienna, on: 2019-12-02}\n",
        "--today",
        "2020-05-01",
    )
    first = page(site, "egm/session-1.html")
    index = page(site, "index.html")

    assert text_of(following(first, "Dates and venue")) == (
        "The first session was to take place from 6–8 April 2020 in Vienna; "
        "no opening is recorded."
    )
    assert rows(following(index, "Past sessions"))[0][-1] == (
        "lapsed: no opening is recorded"
    )
