"""The action server's long-lived objects, created on first use: the API client, and the drain
of the old queue of cases (actions/clients/legacy_queue.py)."""

from __future__ import annotations

import threading

from actions.clients.handoff import HandoffClient
from actions.clients.legacy_queue import LegacyDrain, LegacyQueue
from actions.settings import get_settings, service_token

# How long a hand-off waits for an API that is unavailable (e.g. restarting under
# supervision) before the inwoner is told to send again; well within the chat's 20 s.
HANDOFF_PATIENCE_SECONDS = 10.0

_lock = threading.Lock()
_drain: LegacyDrain | None = None


def handoff_client() -> HandoffClient:
    settings = get_settings()
    # The token is read on each use: the API writes its file when it first starts.
    return HandoffClient(
        settings.api_url,
        timeout=settings.api_timeout,
        service_token=service_token(),
        patience=HANDOFF_PATIENCE_SECONDS,
    )


def start_legacy_drain() -> LegacyDrain | None:
    """Drain what an older version queued, once per process; None when nothing is left."""
    global _drain
    settings = get_settings()
    queue = LegacyQueue(settings.queue_path)
    if not queue.exists():
        return None
    retention = settings.retention_days

    def client() -> HandoffClient:
        made = handoff_client()
        made.patience = 0.0  # one try per row and round: the thread waits between rounds
        return made

    with _lock:
        if _drain is None:
            _drain = LegacyDrain(queue, client, settings.retry_seconds, retention)
        _drain.start()
        return _drain


def stop_legacy_drain() -> None:
    """Stop this process's drain thread, if one runs (at action-server shutdown)."""
    with _lock:
        drain = _drain
    if drain is not None:
        drain.stop()
