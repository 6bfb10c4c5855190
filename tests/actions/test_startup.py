"""Start-up: cases an older version queued are sent when the action server starts."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from rasa_sdk import Action
from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.plugin import plugin_manager

from actions import services, startup
from actions.clients.handoff import HandoffClient
from actions.clients.legacy_queue import LegacyQueue
from actions.settings import get_settings
from tests.actions.conftest import RecordingApp
from tests.actions.handoff_contract import case_created, contract_transport
from tests.actions.test_legacy_queue import OLD_SCHEMA


class UpAPI:
    def __init__(self) -> None:
        self.keys: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.keys.append(request.headers["Idempotency-Key"])
        return httpx.Response(201, json=case_created("LOK-2026-000001"))


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> UpAPI:
    fake = UpAPI()
    monkeypatch.setattr(
        services,
        "handoff_client",
        lambda: HandoffClient("http://handoff.test", transport=contract_transport(fake)),
    )
    return fake


def drain_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "loket-old-queue" and t.is_alive()]


def queue_old_case(key: str) -> LegacyQueue:
    path = get_settings().queue_path
    with sqlite3.connect(path) as db:
        db.execute(OLD_SCHEMA)
        db.execute(
            "INSERT INTO pending_cases (idempotency_key, payload, created_at) VALUES (?, ?, ?)",
            (key, json.dumps({"intake": {"text": "moestuin"}}), time.time()),
        )
    return LegacyQueue(path)


def test_importing_the_actions_starts_no_thread() -> None:
    # What `python -m rasa_sdk --actions actions` does before it starts the server.
    ActionExecutor().register_package("actions")
    assert services._drain is None
    assert drain_threads() == []


def test_rasa_sdk_finds_the_start_up_plugin() -> None:
    app = RecordingApp()
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    assert startup.start_drain in app.listeners["before_server_start"]
    assert startup.stop_drain in app.listeners["after_server_stop"]
    assert startup.answer_errors_without_the_request in app.middleware["response"]


class FailingAction(Action):
    def name(self) -> str:
        return "action_that_fails"

    async def run(self, dispatcher: Any, tracker: Any, domain: Any) -> list[Any]:
        raise ValueError("needs: unknown need 'Sanne de Vries'")


async def test_a_failed_action_is_answered_without_the_conversation_in_it() -> None:
    # rasa_sdk's own answer to a failure holds the whole request (the tracker), and Rasa logs it.
    executor = ActionExecutor()
    executor.register_action(FailingAction())
    app = create_app(executor)
    app.register_middleware(startup.answer_errors_without_the_request, "response")
    tracker = {"sender_id": "s1", "slots": {"contact_email": "sanne@example.nl"}, "events": []}
    async with asgi_lifespan(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://actions") as client:
            answer = await client.post(
                "/webhook",
                json={"next_action": "action_that_fails", "tracker": tracker, "domain": {}},
            )
    assert answer.status_code == 500
    assert "sanne" not in answer.text.casefold() and "Vries" not in answer.text
    assert answer.json() == {"error": "the action failed; see the action server's log"}


@contextlib.asynccontextmanager
async def asgi_lifespan(app: Any) -> AsyncIterator[None]:
    """Start and stop an ASGI app the way a server does (Sanic serves only after start-up)."""
    received: asyncio.Queue[dict[str, str]] = asyncio.Queue()
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await received.put({"type": "lifespan.startup"})
    running = asyncio.create_task(
        app({"type": "lifespan", "asgi": {"version": "3.0"}}, received.get, send)
    )
    while not sent:
        await asyncio.sleep(0.01)
    assert sent[0]["type"] == "lifespan.startup.complete", sent
    try:
        yield
    finally:
        await received.put({"type": "lifespan.shutdown"})
        await running


async def test_cases_an_older_version_queued_are_delivered_at_start_up(api: UpAPI) -> None:
    queue = queue_old_case("queued-before-upgrade")
    app = RecordingApp()
    startup.attach_sanic_app_extensions(app)

    await app.fire("before_server_start")

    deadline = time.monotonic() + 5
    while queue.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not queue.exists()
    assert api.keys == ["queued-before-upgrade"]
    await app.fire("after_server_stop")
    assert services._drain is not None and not services._drain.running


async def test_start_up_drain_can_be_switched_off(
    api: UpAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOKET_ACTIONS_RETRY_ON_START", "false")
    get_settings.cache_clear()
    queue = queue_old_case("queued-before-upgrade")
    app = RecordingApp()
    startup.attach_sanic_app_extensions(app)

    await app.fire("before_server_start")
    time.sleep(0.2)  # several rounds of the test settings

    assert services._drain is None
    assert len(queue.rows()) == 1
    assert api.keys == []


async def test_without_an_old_queue_nothing_starts(api: UpAPI) -> None:
    app = RecordingApp()
    startup.attach_sanic_app_extensions(app)
    await app.fire("before_server_start")
    assert services._drain is None and drain_threads() == []
    assert not get_settings().queue_path.exists()
