"""Keeps the inwoner's words out of the action server's logs.

Our own log lines name no personal data, but an unexpected error is logged by rasa_sdk and
Sanic with its traceback, and the last line of a traceback is the exception's message, which
may quote what the inwoner typed (a ValueError about a name or an e-mail address). Every
record that carries an exception keeps the frames and the exception's type, and loses its
message; a record whose message *is* an exception (rasa_sdk's `logger.error(e)`) keeps only the
type too. Installed in every process of the action server (`actions.startup`).
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable
from typing import Any

REDACTED = "[redacted]"


def _without_message(exc: BaseException) -> str:
    frames = "".join(traceback.format_tb(exc.__traceback__))
    head = "Traceback (most recent call last):\n" if frames else ""
    return f"{head}{frames}{type(exc).__name__}: {REDACTED}"


# A line of a formatted traceback that names the exception: at the start of the line, a
# dotted name, a colon and the message ("ValueError: cannot read …").
_EXCEPTION_LINE = re.compile(
    r"^(?!Traceback |During handling |The above exception )([\w.]+): .*$", re.M
)


def clean(record: logging.LogRecord) -> None:
    """Drop exception messages from a record (in place)."""
    if isinstance(record.msg, BaseException):
        record.msg = f"{type(record.msg).__name__}: {REDACTED}"
        record.args = None
    if record.exc_info and record.exc_info[1] is not None:
        # The text replaces the exception itself, so that no later formatter or factory
        # writes the message out again from `exc_info`.
        record.exc_text = _without_message(record.exc_info[1])
        record.exc_info = None
    elif record.exc_text:
        # Formatted already by another factory (handoff's, when both run in one process).
        record.exc_text = _EXCEPTION_LINE.sub(rf"\1: {REDACTED}", record.exc_text)


def _redacting(factory: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        clean(record)
        return record

    make.loket_drops_exception_messages = True  # type: ignore[attr-defined]
    return make


def install() -> None:
    """Clean every record made in this process from now on (idempotent: not twice, and again
    after someone put back another factory)."""
    current = logging.getLogRecordFactory()
    if not getattr(current, "loket_drops_exception_messages", False):
        logging.setLogRecordFactory(_redacting(current))
