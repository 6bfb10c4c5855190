"""The durable queue: a case queued while the API is down is delivered later, exactly once."""

from __future__ import annotations

import time

import httpx

from actions.clients.handoff import HandoffClient
from actions.clients.outbox import PendingCases, RetryWorker, deliver_pending
from tests.actions.handoff_contract import case_created, contract_transport, validation_error


class IdempotentAPI:
    """Stores cases by Idempotency-Key like the handoff API; can be down or lose answers.
    Its answers are checked against the real API's schema (contract_transport)."""

    def __init__(self) -> None:
        self.cases: dict[str, dict] = {}
        self.calls = 0
        self.mode = "down"  # "down" | "lose-answer" | "up"

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.mode == "down":
            raise httpx.ConnectError("connection refused", request=request)
        key = request.headers["Idempotency-Key"]
        created = key not in self.cases
        self.cases.setdefault(key, case_created(f"LOK-2026-{len(self.cases) + 1:06d}"))
        if self.mode == "lose-answer":
            # Stored, but the answer never reaches the action server.
            raise httpx.ReadTimeout("timed out", request=request)
        return httpx.Response(201 if created else 200, json=self.cases[key])


def client_for(api: IdempotentAPI) -> HandoffClient:
    return HandoffClient("http://handoff.test", transport=contract_transport(api))


def test_queue_keeps_one_entry_per_key(tmp_path):
    queue = PendingCases(tmp_path / "q.db")
    assert queue.add("k1", {"intake": {"text": "a"}})
    assert not queue.add("k1", {"intake": {"text": "a"}})
    assert queue.count() == 1


def test_queue_survives_a_restart(tmp_path):
    PendingCases(tmp_path / "q.db").add("k1", {"x": 1})
    assert PendingCases(tmp_path / "q.db").pending() == [("k1", {"x": 1})]


def test_retries_until_delivered_without_duplicates(tmp_path):
    api = IdempotentAPI()
    queue = PendingCases(tmp_path / "q.db")
    queue.add("k1", {"intake": {"text": "moestuin"}, "consent": True})

    assert deliver_pending(queue, client_for(api)) == 0  # API down
    assert queue.count() == 1

    api.mode = "lose-answer"  # the API stores it but the answer is lost
    assert deliver_pending(queue, client_for(api)) == 0
    assert queue.count() == 1
    assert len(api.cases) == 1

    api.mode = "up"  # the retry with the same key returns the case made before
    assert deliver_pending(queue, client_for(api)) == 1
    assert queue.count() == 0
    assert len(api.cases) == 1
    assert api.calls == 3


def test_rejected_case_is_not_retried_forever(tmp_path):
    queue = PendingCases(tmp_path / "q.db")
    queue.add("bad", {"intake": {}})
    rejected = validation_error("intake", "Field required")
    transport = contract_transport(lambda r: httpx.Response(422, json=rejected))
    assert deliver_pending(queue, HandoffClient("http://h.test", transport=transport)) == 0
    assert queue.count() == 0
    assert queue.count("rejected") == 1


def test_the_background_worker_delivers_when_the_api_comes_back(tmp_path):
    api = IdempotentAPI()
    queue = PendingCases(tmp_path / "q.db")
    queue.add("k1", {"intake": {"text": "moestuin"}, "consent": True})
    worker = RetryWorker(queue, lambda: client_for(api), interval=0.02)
    worker.start()
    try:
        time.sleep(0.1)
        assert queue.count() == 1
        api.mode = "up"
        deadline = time.monotonic() + 5
        while queue.count() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert queue.count() == 0
        assert len(api.cases) == 1
    finally:
        worker.stop()


def test_the_client_sends_the_service_token_from_the_environment_or_the_file(tmp_path, monkeypatch):
    from actions import services
    from actions.settings import get_settings, service_token

    seen: list[str | None] = []

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("X-Loket-Service-Token"))
        return httpx.Response(
            200, json={"department": "wijken", "working_days": 5, "reply_by": "2026-11-30"}
        )

    token_file = tmp_path / "service-token"
    monkeypatch.delenv("LOKET_SERVICE_TOKEN", raising=False)
    monkeypatch.setenv("LOKET_SERVICE_TOKEN_FILE", str(token_file))
    assert service_token() is None  # the API has not written it yet
    token_file.write_text("from-the-file\n")
    assert service_token() == "from-the-file"
    monkeypatch.setenv("LOKET_SERVICE_TOKEN", "from-the-env")
    assert service_token() == "from-the-env"

    get_settings.cache_clear()
    client = services.handoff_client()
    client.transport = contract_transport(api)
    client.reply_by("wijken")
    HandoffClient("http://h.test", transport=contract_transport(api)).reply_by("wijken")
    assert seen == ["from-the-env", None]
