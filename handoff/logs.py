"""Keeps secrets and personal data out of logs: status tokens, e-mail addresses, phone numbers,
names in key-value text, and the values databases quote in their errors.

Every record is cleaned when it is made, its message and its traceback alike: a database error
carries the SQL parameters or the failing row in its text, and a traceback is written out
whole. The engines also hide parameters (`hide_parameters=True` in `handoff.db`); this is the
second layer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

_NAMED_FIELD = r"(?:contact_)?(?:name|naam|e-?mail|phone|telefoon)"

_PATTERNS = [
    (re.compile(r"(token=)[^&\s\"']+"), r"\1[redacted]"),
    # SQLAlchemy's "[parameters: (...)]" line, should an engine not hide them.
    (re.compile(r"\[parameters: [^\n]*"), "[parameters: redacted]"),
    # PostgreSQL's DETAIL lines quote values: "Failing row contains (...)", "Key (x)=(...)".
    (re.compile(r"(Failing row contains )\(.*\)"), r"\1(redacted)"),
    (
        re.compile(r"(Key \([^)]*\)=)\(.*?\)( already exists| is not present|\.|$)", re.M),
        r"\1(redacted)\2",
    ),
    # name='Henk', "naam": "Henk", contact_email=... (quoted values of personal fields).
    (
        re.compile(rf"(?i)(['\"]?{_NAMED_FIELD}['\"]?\s*[:=]\s*)(['\"])[^'\"\n]*\2"),
        r"\1\2[redacted]\2",
    ),
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(?<![\w-])\+?\d[\d ()-]{8,}\d(?![\w-])"), "[telefoon]"),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


_formatter = logging.Formatter()


def _clean(record: logging.LogRecord) -> None:
    message = record.getMessage()
    cleaned = redact(message)
    if cleaned != message:
        record.msg, record.args = cleaned, None
    if record.exc_info and record.exc_info[0] is not None:
        # Formatted now and redacted; handlers print `exc_text` and never see the exception.
        record.exc_text = redact(_formatter.formatException(record.exc_info))
        record.exc_info = None
    elif record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def _redacting(factory: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        _clean(record)
        return record

    make_record.loket_redacting = True  # type: ignore[attr-defined]
    return make_record


def install() -> None:
    """Redact every record of this process (all loggers: uvicorn, SQLAlchemy, the service).

    A record factory rather than a logger filter, because filters don't apply to children.
    """
    factory = logging.getLogRecordFactory()
    if not getattr(factory, "loket_redacting", False):
        logging.setLogRecordFactory(_redacting(factory))
