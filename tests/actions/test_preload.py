"""The action server's start-up loads the routing engine before the first request."""

from __future__ import annotations

import asyncio
from typing import Any

from actions import knowledge, startup


class RecordingApp:
    def __init__(self) -> None:
        self.listeners: list[tuple[Any, str]] = []

    def register_listener(self, listener: Any, event: str) -> None:
        self.listeners.append((listener, event))


def test_routing_engine_is_loaded_before_the_server_serves(router: Any) -> None:
    app = RecordingApp()
    startup.attach_sanic_app_extensions(app)
    before_start = [listener for listener, event in app.listeners if event == "before_server_start"]
    assert startup.load_routing_engine in before_start

    knowledge.use_router(None)  # as in a fresh process: nothing loaded yet
    asyncio.run(startup.load_routing_engine(app))
    import routing

    registry = routing.get_municipalities()
    assert registry._routers.keys() == set(registry.ids)  # every municipality's router
    assert knowledge.catalogue().wijken
