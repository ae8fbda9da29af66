"""`--dry-run` on a recording command: what it would record and touch, printed,
nothing written."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from adapters.cli.reading import emit_json

if TYPE_CHECKING:
    from adapters.cli.running import Settings
    from application.commands import Command


def dry_run(settings: Settings, command: Command, *, as_json: bool) -> None:
    from adapters.mail.messages import subject
    from application.impact import preview

    secretariat = settings.secretariat(create=False)
    found = preview(secretariat, settings.views(), command, today=date.today())
    answer: dict[str, Any] = {
        "events": found.events,
        "impact": {
            "notifications": [
                {"to": row.email, "subject": subject(row)} for row in found.messages
            ],
            "calls": found.calls,
            "panelists": found.panelists,
            "documents": found.documents,
            "milestones": found.milestones,
        },
    }
    if as_json:
        emit_json(answer)
        return
    for event in found.events:
        click.echo(f"Would record: {event['event']} (version {event['version']})")
    impact = answer["impact"]
    for call in impact["calls"]:
        click.echo(
            f"Call for comments: {call['cycle']} under the {call['period']} "
            f"workplan, due {call['deadline']}"
        )
    for panelist in impact["panelists"]:
        click.echo(
            f"Panelist: {panelist['name']} ({panelist['delegation']}), "
            f"item {panelist['item']}: {panelist['title']}"
        )
    for document in impact["documents"]:
        click.echo(f"Document: {document['title']}")
    for milestone in impact["milestones"]:
        before, after = milestone["met_by"], milestone["met_by_after"]
        click.echo(
            f"Milestone {milestone['milestone']} of the {milestone['period']} "
            f"workplan (due by {milestone['due_by']}): met by "
            f"{_session(before)} now, by {_session(after)} after"
        )
    for message in impact["notifications"]:
        click.echo(f"Message to {message['to']}: {message['subject']}")
    click.echo("Nothing was recorded (--dry-run).")


def _session(met: dict[str, Any] | None) -> str:
    return "no session" if met is None else f"session {met['number']}"
