"""Logging: one canonical line per command, to standard error."""

from __future__ import annotations

import logging
import os
import sys

import structlog

LOG_LEVEL_VARIABLE = "SECRETARIAT_LOG_LEVEL"


def configure_logging(*, json: bool = False, level: str | None = None) -> None:
    """Write log lines to standard error: readable by default, JSON lines on request.

    `level` (default `$SECRETARIAT_LOG_LEVEL`, else `info`) hides quieter lines:
    `warning` keeps only the lines of commands that failed.
    """
    name = (level or os.environ.get(LOG_LEVEL_VARIABLE) or "info").upper()
    threshold = logging.getLevelNamesMapping().get(name, logging.INFO)
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer()
        if json
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(threshold),
        # Looked up at each line, so a caller that swaps sys.stderr is followed.
        logger_factory=lambda *_: structlog.PrintLogger(sys.stderr),
        cache_logger_on_first_use=False,
    )
