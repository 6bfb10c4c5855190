"""The hand-off waits a few seconds for a restarting API; the old queue is drained, never fed.

The old queue's rows are sent once more with their own key (never twice), a row the API
refuses or one past retention is deleted, a row the API fails on is skipped without holding
up the others, and nothing personal reaches the log.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from pathlib import Path

import httpx
import pytest

from actions.clients.handoff import HandoffClient, HandoffRejected, HandoffUnavailable
from actions.clients.legacy_queue import LegacyDrain, LegacyQueue, drain
from tests.actions.handoff_contract import case_created, contract_transport

# The old table, as versions before this one wrote it.
OLD_SCHEMA = """
CREATE TABLE pending_cases (
    idempotency_key TEXT PRIMARY KEY, payload TEXT NOT NULL, created_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'pending', last_error TEXT
)
"""
CONTACT = {"name": "Karin Bos", "email": "karin@voorbeeld.nl"}


def old_queue(path: Path, rows: list[tuple[str, dict, float]]) -> LegacyQueue:
    with sqlite3.connect(path) as db:
        db.execute(OLD_SCHEMA)
        db.executemany(
            "INSERT INTO pending_cases (idempotency_key, payload, created_at) VALUES (?, ?, ?)",
            [(key, json.dumps(payload), at) for key, payload, at in rows],
        )
    return LegacyQueue(path)


class API:
    """The handoff API by Idempotency-Key: down, or per key 201 / 500 / 422."""

    def __init__(self) -> None:
        self.down = False
        self.answers: dict[str, int] = {}
        self.calls: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        key = request.headers["Idempotency-Key"]
        self.calls.append(key)
        status = self.answers.get(key, 201)
        if status == 422:
            body = json.loads(request.content)
            detail = [{"loc": ["body", "contact", "email"], "type": "value_error", "input": body}]
            return httpx.Response(422, json={"detail": detail})
        if status >= 500:
            return httpx.Response(status, text="Internal Server Error")
        return httpx.Response(201, json=case_created(f"LOK-2026-{len(self.calls):06d}"))


def client_for(api: API, **kwargs: object) -> HandoffClient:
    return HandoffClient("http://handoff.test", transport=httpx.MockTransport(api), **kwargs)  # type: ignore[arg-type]


def test_create_case_waits_for_a_restarting_api_within_its_patience() -> None:
    api = API()
    api.down = True
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        if sum(slept) >= 3:
            api.down = False  # supervisord has restarted the API

    client = client_for(api, patience=10, sleep=sleep)
    receipt = client.create_case({"intake": {"text": "moestuin"}, "consent": True}, "k1")
    assert receipt.reference.startswith("LOK-")
    assert slept == [0.5, 1.0, 2.0] and api.calls == ["k1"]


def test_create_case_gives_up_after_its_patience() -> None:
    api = API()
    api.down = True
    started = time.monotonic()
    with pytest.raises(HandoffUnavailable) as raised:
        client_for(api, patience=1.0).create_case({"intake": {}}, "k1")
    assert 0.4 < time.monotonic() - started < 3
    assert raised.value.unreachable


def test_a_refusal_names_the_fields_but_never_their_values() -> None:
    api = API()
    api.answers["k1"] = 422
    with pytest.raises(HandoffRejected) as raised:
        client_for(api).create_case({"contact": CONTACT}, "k1")
    assert "body.contact.email: value_error" in str(raised.value)
    assert "karin" not in str(raised.value).lower()


def test_drain_sends_each_old_row_once_and_a_poison_row_holds_up_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    now = time.time()
    queue = old_queue(
        tmp_path / "pending.db",
        [
            ("poison", {"contact": {**CONTACT, "name": "Karin\u0000Bos"}}, now - 30),
            ("refused", {"contact": CONTACT}, now - 20),
            ("good", {"intake": {"text": "moestuin"}, "contact": CONTACT}, now - 10),
            ("too-old", {"contact": CONTACT}, now - 400 * 86400),
        ],
    )
    api = API()
    api.answers.update({"poison": 500, "refused": 422})
    with caplog.at_level(logging.DEBUG):
        result = drain(queue, client_for(api), retention_days=365, now=now)
    assert (result.delivered, result.refused, result.expired, result.left) == (1, 1, 1, 1)
    assert [key for key, _, _ in queue.rows()] == ["poison"]  # only the one to try again
    assert "too-old" not in api.calls
    assert "karin" not in caplog.text.lower() and "voorbeeld" not in caplog.text

    api.answers["poison"] = 201  # the API was fixed
    assert drain(queue, client_for(api), retention_days=365, now=now).delivered == 1
    assert not queue.exists()  # empty: the file is gone
    assert api.calls.count("good") == 1


def test_drain_stops_a_round_when_the_api_is_down_and_keeps_every_row(tmp_path: Path) -> None:
    queue = old_queue(tmp_path / "pending.db", [("a", {}, time.time()), ("b", {}, time.time())])
    api = API()
    api.down = True
    result = drain(queue, client_for(api), retention_days=365)
    assert result.left == 2 and len(queue.rows()) == 2


def test_the_drain_thread_empties_the_old_queue_and_ends(tmp_path: Path) -> None:
    queue = old_queue(tmp_path / "pending.db", [("k1", {"intake": {}}, time.time())])
    api = API()
    worker = LegacyDrain(queue, lambda: client_for(api), interval=0.02, retention_days=365)
    worker.start()
    deadline = time.monotonic() + 5
    while worker.running and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not worker.running and not queue.exists()
    assert api.calls == ["k1"]


def test_no_old_queue_starts_no_thread(tmp_path: Path) -> None:
    worker = LegacyDrain(LegacyQueue(tmp_path / "none.db"), lambda: client_for(API()), 0.02, 365)
    worker.start()
    assert not worker.running and not (tmp_path / "none.db").exists()


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
