"""The secretariat officer of the feature files: issues commands to the
Secretariat and keeps what the last one did, for the Then steps to examine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from application.commands import Command
from application.secretariat import Recorded, Secretariat
from domain.errors import DomainError
from tests.bdd.vocabulary import Record

ACTOR = "secretariat officer"


@attrs.frozen
class Snapshot:
    """What the record held just before a command: the store's event count and
    the entries of the record the command is about."""

    event_count: int
    entries: list[dict[str, Any]]


@attrs.define
class Officer:
    secretariat: Secretariat
    recorded: Recorded | None = None
    rejection: DomainError | None = None
    unexamined: DomainError | None = None
    """A rejection no Then step has looked at yet: a scenario must not end, or
    go on to another command, without saying that it expected it."""
    subject: Record | None = None
    before: Snapshot | None = None
    outcome: Any = None
    """What the last import did, or the failure that stopped it."""

    def put_on_record(self, build: Callable[[], Command]) -> None:
        """A Given: the decision is on record already, so it must be accepted."""
        self.check_nothing_unexamined()
        try:
            self.secretariat.execute(build())
        except DomainError as error:
            pytest.fail(
                "a Given says what is already on record, "
                f"but the secretariat refused it: {error}"
            )

    def take(self, subject: Record, build: Callable[[], Command]) -> None:
        """A When: the officer takes the decision now; it may be refused."""
        self._start(subject)
        try:
            # Built inside the try: a value the secretariat can never accept
            # (an end before a start) is refused like any other rule.
            self.recorded = self.secretariat.execute(build())
        except DomainError as error:
            self.rejection = self.unexamined = error

    def import_entries(
        self,
        subject: Record,
        run: Callable[[], Any],
        failed: type[Exception],
    ) -> None:
        """A When: the officer imports entries; one may be refused (`failed`,
        whose `error` is the refusal)."""
        self._start(subject)
        try:
            self.outcome = run()
        except failed as failure:
            self.outcome = failure
            error = getattr(failure, "error", None)
            if isinstance(error, DomainError):
                self.rejection = self.unexamined = error

    def _start(self, subject: Record) -> None:
        self.check_nothing_unexamined()
        self.subject = subject
        self.before = self.snapshot(subject)
        self.recorded = self.rejection = self.unexamined = self.outcome = None

    def snapshot(self, subject: Record) -> Snapshot:
        return Snapshot(
            event_count=self.secretariat.event_count(),
            entries=subject.history(self.secretariat),
        )

    def history(self, record: Record) -> list[dict[str, Any]]:
        """The entries of `record`, for a Then step that expects the last
        command to have been accepted."""
        self.check_nothing_unexamined()
        return record.history(self.secretariat)

    def taken_now(self, record: Record) -> list[dict[str, Any]] | None:
        """The entries the last When recorded in `record`, or None when the
        last When was about another record (or there was none)."""
        if self.subject != record or self.before is None:
            return None
        return self.history(record)[len(self.before.entries) :]

    def examine_rejection(self) -> DomainError:
        if self.rejection is None:
            pytest.fail(
                "the command was not refused; it recorded "
                f"{self.recorded or self.outcome}"
            )
        self.unexamined = None
        return self.rejection

    def check_nothing_unexamined(self) -> None:
        if self.unexamined is not None:
            refused, self.unexamined = self.unexamined, None
            pytest.fail(f"the last command was refused: {refused}")
