"""Erasing a conversation from Rasa's SQL tracker store when its case is erased."""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import Engine, bindparam, text

from handoff.db import make_engine

log = logging.getLogger(__name__)


class ConversationEraser(Protocol):
    def erase(self, conversation_ids: list[str]) -> int: ...


class NoConversationStore:
    """Used when no tracker store is configured: there is nothing to erase."""

    def erase(self, conversation_ids: list[str]) -> int:
        return 0


class SQLTrackerEraser:
    """Deletes the events of conversations from a Rasa 3.6 `SQLTrackerStore` (`events` table,
    one row per event, `sender_id` = conversation id)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.url)
        return self._engine

    def erase(self, conversation_ids: list[str]) -> int:
        if not conversation_ids:
            return 0
        statement = text("DELETE FROM events WHERE sender_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        with self.engine.begin() as connection:
            deleted = connection.execute(statement, {"ids": conversation_ids}).rowcount
        log.info("erased %d tracker events of %d conversations", deleted, len(conversation_ids))
        return int(deleted)


def make_eraser(tracker_database_url: str | None) -> ConversationEraser:
    if tracker_database_url:
        return SQLTrackerEraser(tracker_database_url)
    return NoConversationStore()
