"""`secretariat notifications`: the messages owed to the bodies' subscribers,
and `notifications send`, which delivers those that are due."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click
import structlog

from adapters.cli.params import BODY, invoking_actor
from adapters.cli.reading import emit_json, emit_table
from adapters.cli.running import (
    CommandGroup,
    Failure,
    Settings,
    global_options,
    poll_option,
    stopped_by_signals,
)
from adapters.failures import BAD_USAGE

if TYPE_CHECKING:
    from adapters.views.outbox import Outbox

log = structlog.get_logger("secretariat")

UNREACHABLE = 4
"""The exit code of `send --once` when the mail server cannot be reached
(as for a store that cannot be)."""


def open_outbox(settings: Settings, *, create: bool = False) -> Outbox:
    from adapters.bootstrap import open_outbox as opened

    return opened(settings.parsed_store(), settings.secretariat(create=create))


def answer(outbox: Outbox, body: str | None) -> dict[str, Any]:
    from adapters.mail.messages import subject
    from application.projections.outbox import message_answer

    return {
        "messages": [
            {**message_answer(row), "subject": subject(row)}
            for row in outbox.messages(body)
        ]
    }


@click.group("notifications", cls=CommandGroup, invoke_without_command=True)
@click.option("--body", type=BODY, help="Only the messages of this body.")
@click.option("--json", "as_json", is_flag=True, help="Write JSON instead of a table.")
@global_options
@click.pass_context
def notifications(ctx: click.Context, body: str | None, as_json: bool) -> None:
    """The messages owed to the subscribers of the bodies' distribution lists,
    oldest first, and what became of each: pending, sent or failed."""
    if ctx.invoked_subcommand is not None:
        return
    settings = ctx.ensure_object(Settings)
    if body is not None:
        settings.secretariat(create=False)._body(body)  # an unknown body: exit 1
    found = answer(open_outbox(settings), body)
    if as_json:
        emit_json(found)
        return
    emit_table(
        [
            (
                message["to"],
                message["subject"],
                len(message["events"]),
                message["status"],
                message["attempts"],
                message["sent_at"] or message["due_at"],
            )
            for message in found["messages"]
        ],
        ("to", "subject", "changes", "status", "attempts", "sent or due"),
    )


@notifications.command("show")
@click.option("--body", type=BODY, help="Only the messages of this body.")
@global_options
@click.pass_obj
def show(settings: Settings, body: str | None) -> None:
    """Print the messages waiting to be sent as their subscribers will receive
    them: the headers, the plain-text part, and the calendar entry attached."""
    import os

    from adapters.mail.messages import compose, received
    from adapters.mail.smtp import MAIL_FROM_VARIABLE
    from application.projections.outbox import PENDING

    if body is not None:
        settings.secretariat(create=False)._body(body)  # an unknown body: exit 1
    sender = os.environ.get(MAIL_FROM_VARIABLE) or "(${MAIL_FROM_VARIABLE})"
    for row in open_outbox(settings).messages(body, status=PENDING):
        message = received(compose(row, sender=sender))
        click.echo("=" * 72)
        for header in ("Message-ID", "From", "To", "Subject", "Content-Language"):
            click.echo(f"{header}: {message[header]}")
        text = message.get_body(("plain",))
        if text is not None:
            click.echo()
            click.echo(text.get_content().rstrip())
        for part in message.iter_attachments():
            click.echo()
            click.echo(
                f"[{part.get_filename()}: {part.get_content_type()}; "
                f"method={part.get_param('method')}]"
            )
            for line in str(part.get_content()).splitlines():
                if line.startswith(("METHOD", "UID", "SEQUENCE", "DTSTART", "STATUS")):
                    click.echo(f"  {line}")


@notifications.command("send")
@click.option(
    "--once",
    is_flag=True,
    help="Send what is due now, then exit; without it, keep sending until "
    "interrupted (Ctrl-C or SIGTERM).",
)
@poll_option("Without --once: also look for new messages every so many seconds.")
@global_options
@click.pass_obj
def send(settings: Settings, once: bool, poll_seconds: float) -> None:
    """Deliver the messages that are due through the mail server at
    $SECRETARIAT_SMTP_URL, from $SECRETARIAT_MAIL_FROM, recording what became
    of each (sent, tried again later, or failed)."""
    from adapters.mail.sender import Sender, retries_from_environment
    from adapters.mail.smtp import SMTPTransport, mail_from, smtp_settings
    from domain.errors import InvalidValueError

    try:
        sender_address = mail_from()
        smtp = smtp_settings()
        retries = retries_from_environment()
    except InvalidValueError as error:
        raise Failure(str(error), BAD_USAGE, "bad-usage") from None
    transport = SMTPTransport(smtp)
    sender = Sender(
        settings.secretariat(create=False),
        open_outbox(settings),
        transport,
        sender=sender_address,
        actor=invoking_actor(),
        retries=retries,
    )
    if once:
        try:
            done = sender.send_due()
        finally:
            transport.close()
        click.echo(
            f"{done.sent} sent, {done.deferred} to be tried again, {done.failed} failed"
        )
        if done.server_down is not None:
            raise Failure(done.server_down, UNREACHABLE, "unavailable")
        return
    _run(settings, sender, poll_seconds)


def _run(settings: Settings, sender: Any, poll_seconds: float) -> None:
    from adapters.logging import configure_logging

    configure_logging(json=settings.log_json)
    with stopped_by_signals() as stop:
        log.info("sending", poll_seconds=poll_seconds)
        sender.run(stop, poll_seconds=poll_seconds)


NOTIFICATION_COMMANDS = [notifications]
