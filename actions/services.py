"""The action server's long-lived objects, created on first use: API client, queue, retry thread."""

from __future__ import annotations

import threading

from actions.clients.handoff import HandoffClient
from actions.clients.outbox import PendingCases, RetryWorker
from actions.settings import get_settings, service_token

_lock = threading.Lock()
_queue: PendingCases | None = None
_worker: RetryWorker | None = None


def handoff_client() -> HandoffClient:
    settings = get_settings()
    # The token is read on each use: the API writes its file when it first starts.
    return HandoffClient(
        settings.api_url, timeout=settings.api_timeout, service_token=service_token()
    )


def pending_cases() -> PendingCases:
    global _queue
    with _lock:
        if _queue is None:
            _queue = PendingCases(get_settings().queue_path)
        return _queue


def ensure_retry_worker() -> RetryWorker:
    """Start the retry thread once per process; its first round runs at once, so cases queued
    before a restart are sent without waiting for a new one."""
    global _worker
    queue = pending_cases()
    with _lock:
        if _worker is None:
            _worker = RetryWorker(queue, handoff_client, get_settings().retry_seconds)
        _worker.start()
        return _worker


def stop_retry_worker() -> None:
    """Stop the retry thread of this process, if one runs (at action-server shutdown)."""
    with _lock:
        worker = _worker
    if worker is not None:
        worker.stop()
