"""Keeps secrets and personal data out of logs: status tokens, e-mail addresses, phone numbers."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

_PATTERNS = [
    (re.compile(r"(token=)[^&\s\"']+"), r"\1[redacted]"),
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(?<![\w-])\+?\d[\d ()-]{8,}\d(?![\w-])"), "[telefoon]"),
]

# uvicorn's access log has the query string (status tokens); the others log what they are given.
REDACTED_LOGGERS = ("uvicorn", "handoff")


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _redacting(factory: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        if record.name.startswith(REDACTED_LOGGERS):
            message = record.getMessage()
            cleaned = redact(message)
            if cleaned != message:
                record.msg, record.args = cleaned, None
        return record

    make_record.loket_redacting = True  # type: ignore[attr-defined]
    return make_record


def install() -> None:
    """Redact records of the service's and uvicorn's loggers (child loggers included).

    A record factory rather than a logger filter, because filters don't apply to children.
    """
    factory = logging.getLogRecordFactory()
    if not getattr(factory, "loket_redacting", False):
        logging.setLogRecordFactory(_redacting(factory))
