"""Keeps what inwoners type out of the Rasa server's logs.

Rasa 3.6 logs message text with its structured (structlog) events, at ERROR level too: the
REST channel logs `rest.message.received.timeout` and `rest.message.received.failure` with
`text=` the inwoner's message. Its JSON renderer also writes tracebacks with every frame's
local variables, so the message is in there as well.

Rasa's log pipeline starts with one processor made for this, `rasa.utils.log_utils._anonymizer`
(it masks the fields Rasa lists as personal, but only when Rasa Plus supplies an anonymisation
pipeline). Rasa offers that pipeline as a plugin hook (`get_anonymization_pipeline`), but the
same hook makes every turn read the whole conversation back from the tracker store once more
(`MessageProcessor.run_anonymization_pipeline`), so it is not used. Instead `install()` puts
`redact` in the anonymiser's place before Rasa configures logging:

- every field that holds message text, slot values, entities, events or tracker state is
  replaced by `[redacted]` (Rasa's own list plus `parse_data`, `tracker`, `events`, `slots`,
  `metadata` and the like);
- an exception is written as a plain traceback: files, lines and functions, the exception's
  type, no local variables and no message (an exception's text may quote what was typed).

`install()` raises if Rasa's `configure_structlog` no longer calls `_anonymizer`: the Rasa
server does not start with logs that could leak.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, MutableMapping
from types import TracebackType
from typing import Any

REDACTED = "[redacted]"

# Rasa 3.6's `_anonymizer` list (rasa/utils/log_utils.py), plus the fields Rasa's
# structlog calls use for parse data, trackers, events and slots.
PERSONAL_FIELDS = frozenset(
    {
        # Rasa's list
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
        # and more of the same kind
        "parse_data",
        "latest_message",
        "tracker",
        "events",
        "event_data",
        "slots",
        "slot_value",
        "value",
        "entities",
        "metadata",
        "headers",
        "body",
    }
)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _exc_info(value: Any) -> ExcInfo | None:
    if isinstance(value, BaseException):
        return type(value), value, value.__traceback__
    if isinstance(value, tuple) and len(value) == 3 and value[0] is not None:
        return value
    if value is True:
        current = sys.exc_info()
        if current[0] is not None:
            return current
    return None


def plain_traceback(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Frames and the exception's type; no local variables, no exception message."""
    frames = "".join(traceback.format_tb(tb))
    return f"Traceback (most recent call last):\n{frames}{exc_type.__qualname__} (message left out)"


def redact(_logger: Any, method_name: str, event_dict: MutableMapping[str, Any]) -> Any:
    """structlog processor: masks personal fields and renders exceptions without locals."""
    for key in PERSONAL_FIELDS.intersection(event_dict):
        if event_dict[key] is not None:
            event_dict[key] = REDACTED
    exc_info = event_dict.get("exc_info")
    if exc_info is None and method_name == "exception":
        exc_info = True
    if exc_info is not None:
        found = _exc_info(exc_info)
        if found is not None:
            event_dict["exception"] = plain_traceback(found[0], found[2])
        # False (not popped): Rasa's later `set_exc_info` would put `True` back and its
        # renderer would write the traceback with the frames' local variables.
        event_dict["exc_info"] = False
    return event_dict


def clean_record(record: logging.LogRecord) -> None:
    """A record of Python's own logging (most of Rasa logs that way, e.g. "Encountered an
    exception while running action …", whose cause quotes the action server's answer) with its
    traceback written as `plain_traceback`, and what caused it by type only."""
    if isinstance(record.msg, BaseException):
        record.msg = f"{type(record.msg).__qualname__} (message left out)"
        record.args = None
    if record.exc_info and record.exc_info[0] is not None:
        exc_type, exc, tb = record.exc_info
        causes: list[str] = []
        cause = (exc.__cause__ or exc.__context__) if exc is not None else None
        while cause is not None and len(causes) < 5:
            causes.append(f"\ncaused by {type(cause).__qualname__} (message left out)")
            cause = cause.__cause__ or cause.__context__
        record.exc_text = plain_traceback(exc_type, tb) + "".join(causes)
        record.exc_info = None


def _cleaning(factory: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        clean_record(record)
        return record

    make.botserver_cleans = True  # type: ignore[attr-defined]
    return make


def install() -> None:
    """Make `redact` the first processor of the log pipeline Rasa configures at start-up, and
    clean every record of Python's own logging (`clean_record`)."""
    from rasa.utils import log_utils

    if not getattr(logging.getLogRecordFactory(), "botserver_cleans", False):
        logging.setLogRecordFactory(_cleaning(logging.getLogRecordFactory()))

    if "_anonymizer" not in log_utils.configure_structlog.__code__.co_names:
        raise RuntimeError(
            "botserver: rasa.utils.log_utils.configure_structlog no longer uses _anonymizer; "
            "message text could reach the logs, so the server does not start"
        )
    log_utils._anonymizer = redact  # type: ignore[assignment]
