"""A durable local queue of cases the handoff API could not take yet, and its retry thread.

SQLite (stdlib) under var/, so a queued case survives a restart of the action server. Each
entry keeps its Idempotency-Key: a retry after a lost response returns the case the API
already made instead of a duplicate.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from actions.clients.handoff import HandoffClient, HandoffRejected, HandoffUnavailable

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pending_cases (
    idempotency_key TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    created_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'pending',
    last_error TEXT
)
"""


class PendingCases:
    """The queue. Every method opens its own connection, so threads can share one object."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10)
        connection.execute(_SCHEMA)
        return connection

    def add(self, idempotency_key: str, payload: dict[str, Any]) -> bool:
        """Queue a case; False when that key is already queued (nothing is added twice)."""
        with closing(self._connect()) as db, db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO pending_cases (idempotency_key, payload, created_at) "
                "VALUES (?, ?, ?)",
                (idempotency_key, json.dumps(payload), time.time()),
            )
            return cursor.rowcount == 1

    def pending(self) -> list[tuple[str, dict[str, Any]]]:
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT idempotency_key, payload FROM pending_cases "
                "WHERE status = 'pending' ORDER BY created_at"
            ).fetchall()
        return [(key, json.loads(payload)) for key, payload in rows]

    def count(self, status: str = "pending") -> int:
        with closing(self._connect()) as db:
            row = db.execute(
                "SELECT COUNT(*) FROM pending_cases WHERE status = ?", (status,)
            ).fetchone()
        return int(row[0])

    def delivered(self, idempotency_key: str) -> None:
        # Delivered cases are deleted: the contact details must not linger here.
        with closing(self._connect()) as db, db:
            db.execute("DELETE FROM pending_cases WHERE idempotency_key = ?", (idempotency_key,))

    def failed(self, idempotency_key: str, error: str, *, final: bool) -> None:
        with closing(self._connect()) as db, db:
            db.execute(
                "UPDATE pending_cases SET attempts = attempts + 1, last_error = ?, "
                "status = ? WHERE idempotency_key = ?",
                (error[:500], "rejected" if final else "pending", idempotency_key),
            )


def deliver_pending(queue: PendingCases, client: HandoffClient) -> int:
    """One retry round: send every pending case once; returns how many were delivered."""
    delivered = 0
    for key, payload in queue.pending():
        try:
            receipt = client.create_case(payload, key)
        except HandoffUnavailable as exc:
            queue.failed(key, str(exc), final=False)
            # The API is still down: the rest would fail the same way.
            break
        except HandoffRejected as exc:
            log.error("queued case %s rejected by the handoff API: %s", key, exc)
            queue.failed(key, str(exc), final=True)
            continue
        log.info("queued case %s delivered as %s", key, receipt.reference)
        queue.delivered(key)
        delivered += 1
    return delivered


class RetryWorker:
    """A daemon thread that runs `deliver_pending` every `interval` seconds."""

    def __init__(
        self, queue: PendingCases, client_factory: Callable[[], HandoffClient], interval: float
    ) -> None:
        self.queue = queue
        self.client_factory = client_factory
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="loket-case-retry", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                if self.queue.count():
                    deliver_pending(self.queue, self.client_factory())
            except Exception:  # the thread must survive anything a round throws
                log.exception("retry round of queued cases failed")
            self._stop.wait(self.interval)
