"""Cases queued before a restart are sent when the action server starts, not with the next one."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
import pytest
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.plugin import plugin_manager

from actions import services, startup
from actions.clients.handoff import HandoffClient
from actions.settings import get_settings
from tests.actions.handoff_contract import case_created, contract_transport


class RecordingApp:
    """Stands in for rasa_sdk's Sanic app: keeps the listeners a plugin registers."""

    def __init__(self) -> None:
        self.listeners: dict[str, list[Any]] = {}

    def register_listener(self, listener: Any, event: str) -> None:
        self.listeners.setdefault(event, []).append(listener)

    async def fire(self, event: str) -> None:
        for listener in self.listeners.get(event, []):
            await listener(self)


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


def retry_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "loket-case-retry" and t.is_alive()]


def wait_until_empty(timeout: float = 5.0) -> int:
    deadline = time.monotonic() + timeout
    while services.pending_cases().count() and time.monotonic() < deadline:
        time.sleep(0.02)
    return services.pending_cases().count()


def test_importing_the_actions_starts_no_thread() -> None:
    # What `python -m rasa_sdk --actions actions` does before it starts the server.
    ActionExecutor().register_package("actions")
    assert services._worker is None
    assert retry_threads() == []


def test_rasa_sdk_finds_the_start_up_plugin() -> None:
    app = RecordingApp()
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    assert startup.start_retry in app.listeners["before_server_start"]
    assert startup.stop_retry in app.listeners["after_server_stop"]


async def test_cases_queued_before_a_restart_are_delivered_at_start_up(api: UpAPI) -> None:
    # Queued by an earlier process; nothing is queued in this one.
    services.pending_cases().add("queued-before-restart", {"intake": {"text": "moestuin"}})
    app = RecordingApp()
    startup.attach_sanic_app_extensions(app)

    await app.fire("before_server_start")

    assert wait_until_empty() == 0
    assert api.keys == ["queued-before-restart"]
    await app.fire("after_server_stop")
    assert services._worker is not None and not services._worker.running


async def test_start_up_retry_can_be_switched_off(
    api: UpAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOKET_ACTIONS_RETRY_ON_START", "false")
    get_settings.cache_clear()
    services.pending_cases().add("queued-before-restart", {"intake": {"text": "moestuin"}})
    app = RecordingApp()
    startup.attach_sanic_app_extensions(app)

    await app.fire("before_server_start")
    time.sleep(0.2)  # several retry intervals of the test settings

    assert services._worker is None
    assert services.pending_cases().count() == 1
    assert api.keys == []
