"""A recording command answers with a sentence in the officer's words, never
with its command's name: every event a command records has its words."""

from __future__ import annotations

from eventsourcing.domain import Aggregate

from application.wording import SAYINGS, recorded_sentence
from domain.body import Body
from domain.distribution import DistributionList
from domain.session import Session
from domain.workplan import Workplan

RECORDS: tuple[type[Aggregate], ...] = (Body, Session, Workplan, DistributionList)
UNSAID = {"Started", "Created"}
"""A distribution list's start is recorded with its first subscription,
which says it; `Created` is the library's own name for a first event, which
every record here names otherwise."""


def recorded_events(record: type[Aggregate]) -> set[str]:
    return {
        name
        for name, value in vars(record).items()
        if isinstance(value, type)
        and issubclass(value, record.Event)  # type: ignore[attr-defined]
        and value is not record.Event  # type: ignore[attr-defined]
    }


def test_every_event_a_command_records_is_said_in_words() -> None:
    recorded = set().union(*(recorded_events(record) for record in RECORDS))
    assert {"Corrected", "Struck", "Subscribed", "ObserverAdmitted"} <= recorded
    assert recorded - UNSAID - set(SAYINGS) == set()


def test_a_correction_and_a_strike_are_said_as_what_they_did() -> None:
    record = "the 6th session of cybercrime-egm"
    corrected = recorded_sentence(
        record,
        {"event": "Corrected", "title": "Sixth meeting", "venue": None},
        69,
        verb="correct-session",
    )
    assert corrected == (
        'Corrected the title of the 6th session of cybercrime-egm to "Sixth '
        'meeting" (version 69).'
    )
    struck = recorded_sentence(
        record,
        {
            "event": "Struck",
            "entry": "StatementRecorded",
            "entry_version": 36,
            "reason": "recorded in error",
        },
        70,
        verb="strike-entry",
    )
    assert struck == (
        "Struck the statement at version 36 of the 6th session of "
        "cybercrime-egm: recorded in error (version 70)."
    )


def test_a_sender_written_otherwise_is_set_off_by_commas() -> None:
    record = "the 2018-2021 workplan of cybercrime-egm"
    received = {"event": "SubmissionReceived", "cycle": 2020, "unlisted": False}
    as_listed = {**received, "submitter": "Chile", "submitter_as_written": "Chile"}
    written = {**received, "submitter": "China"}
    written["submitter_as_written"] = "People's Republic of China"

    assert recorded_sentence(record, as_listed, 4, verb="receive-submission") == (
        "Received the comments of Chile for 2020 under the 2018-2021 workplan "
        "of cybercrime-egm (version 4)."
    )
    assert recorded_sentence(record, written, 5, verb="receive-submission") == (
        'Received the comments of China, written "People\'s Republic of China", '
        "for 2020, under the 2018-2021 workplan of cybercrime-egm (version 5)."
    )
