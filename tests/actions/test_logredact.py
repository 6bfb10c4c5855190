"""The action server's logs keep no exception messages (they may quote the inwoner)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest

from actions import logredact, startup

SECRET = "Henk de Vries, henk@example.nl"


def _log_failure(logger: logging.Logger) -> None:
    try:
        raise ValueError(f"cannot read {SECRET}")
    except ValueError:
        logger.exception("action failed")
    try:
        raise KeyError(SECRET)
    except KeyError as exc:
        logger.error(exc)  # rasa_sdk's endpoint logs some errors like this


@pytest.fixture
def action_server_logging() -> Iterator[None]:
    """The action server's process: plain records (this test process may also hold the
    API's own redacting factory, which the action server never imports)."""
    before = logging.getLogRecordFactory()
    logging.setLogRecordFactory(logging.LogRecord)
    try:
        yield
    finally:
        logging.setLogRecordFactory(before)


@pytest.mark.usefixtures("action_server_logging")
def test_a_traceback_keeps_its_frames_and_type_but_not_the_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    startup.configure_logging()  # what every serving process of the action server runs
    logger = logging.getLogger("rasa_sdk.endpoint")
    with caplog.at_level(logging.INFO):
        _log_failure(logger)
    text = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    assert "Henk" not in text and "example.nl" not in text
    assert "ValueError: [redacted]" in text
    assert "KeyError: [redacted]" in text
    assert "_log_failure" in text  # the frames stay, for debugging


def test_a_traceback_formatted_by_another_factory_loses_its_message_too() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, None)
    record.exc_text = f"Traceback (most recent call last):\n  File ...\nValueError: {SECRET}"
    logredact.clean(record)
    assert "Henk" not in record.exc_text and "ValueError: [redacted]" in record.exc_text


def test_plain_rasa_sdk_logging_would_leak_the_message() -> None:
    """The control: without the cleaning, the formatted record holds the message."""
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, None)
    try:
        raise ValueError(SECRET)
    except ValueError:
        record.exc_info = sys.exc_info()
    assert "Henk" in logging.Formatter().format(record)
    logredact.clean(record)
    assert "Henk" not in logging.Formatter().format(record)
