"""The action server's former queue of cases (SQLite, `LOKET_ACTIONS_QUEUE`): drained, never
written.

Loket used to queue a case here when the handoff API was down. It no longer does: the API is
supervised and restarts in seconds, the action server waits for it a few seconds within the
turn, and otherwise tells the inwoner to send again (docs/handoff.md, "The action server
hands off to the API only"). A second store of personal data outside the API's retention
and erasure is gone with it.

What an older version left behind is sent once more, each row with its own Idempotency-Key
(so never twice): a row the API takes or refuses (4xx) is deleted, a row that fails on the
API's side (5xx) is skipped and tried in a later round, and rows older than the retention
period are deleted unsent. The file is removed once it is empty. Logs carry counts, never a
payload or an API answer.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from actions.clients.handoff import HandoffClient, HandoffRejected, HandoffUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DrainRound:
    delivered: int = 0
    refused: int = 0
    expired: int = 0
    left: int = 0


class LegacyQueue:
    """The old `pending_cases` table; every method opens its own connection."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def exists(self) -> bool:
        return self.path.exists()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def rows(self) -> list[tuple[str, str, float]]:
        """(key, payload JSON, created_at) of rows still to send, oldest first."""
        with closing(self._connect()) as db:
            return db.execute(
                "SELECT idempotency_key, payload, created_at FROM pending_cases ORDER BY created_at"
            ).fetchall()

    def delete(self, key: str) -> None:
        with closing(self._connect()) as db, db:
            db.execute("DELETE FROM pending_cases WHERE idempotency_key = ?", (key,))

    def remove_if_empty(self) -> bool:
        try:
            if self.rows():
                return False
        except sqlite3.OperationalError:  # no such table: nothing was ever queued
            pass
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        return True


def drain(
    queue: LegacyQueue, client: HandoffClient, retention_days: float, now: float | None = None
) -> DrainRound:
    """One round over the old rows; see the module docstring."""
    if not queue.exists():
        return DrainRound()
    now = time.time() if now is None else now
    delivered = refused = expired = left = 0
    try:
        rows = queue.rows()
    except sqlite3.OperationalError:
        rows = []
    for position, (key, payload, created_at) in enumerate(rows):
        if now - created_at > retention_days * 86400:
            queue.delete(key)
            expired += 1
            continue
        try:
            client.create_case(json.loads(payload), key)
        except HandoffUnavailable as exc:
            if exc.unreachable:  # the API is down: the other rows would fail the same way
                left += len(rows) - position
                break
            left += 1  # this row fails on the API's side: skip it, the others go on
            continue
        except (HandoffRejected, ValueError):
            queue.delete(key)  # the API will never take it (or it is not JSON): not kept
            refused += 1
            continue
        queue.delete(key)
        delivered += 1
    result = DrainRound(delivered, refused, expired, left)
    if delivered or refused or expired:
        log.info(
            "old queue of cases: %d delivered, %d refused, %d past retention, %d left",
            delivered,
            refused,
            expired,
            left,
        )
    if not left:
        queue.remove_if_empty()
    return result


class LegacyDrain:
    """A daemon thread that drains the old queue every `interval` seconds until it is gone."""

    def __init__(
        self,
        queue: LegacyQueue,
        client_factory: Callable[[], HandoffClient],
        interval: float,
        retention_days: float,
    ) -> None:
        self.queue = queue
        self.client_factory = client_factory
        self.interval = interval
        self.retention_days = retention_days
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running or not self.queue.exists():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="loket-old-queue", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set() and self.queue.exists():
            try:
                drain(self.queue, self.client_factory(), self.retention_days)
            except Exception as exc:  # the thread must survive anything a round throws
                log.error("old queue of cases: round failed (%s)", type(exc).__name__)
            self._stop.wait(self.interval)
