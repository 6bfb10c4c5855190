"""The action server's start-up loads the routing engine before the first request."""

from __future__ import annotations

import asyncio
from typing import Any

from actions import knowledge, startup
from tests.actions.conftest import RecordingApp


def test_routing_engine_is_loaded_before_the_server_serves(router: Any) -> None:
    app = RecordingApp()
    startup.attach_sanic_app_extensions(app)
    assert startup.load_routing_engine in app.listeners["before_server_start"]

    knowledge.use_router(None)  # as in a fresh process: nothing loaded yet
    asyncio.run(startup.load_routing_engine(app))
    import routing

    registry = routing.get_municipalities()
    assert registry._routers.keys() == set(registry.ids)  # every municipality's router
    assert knowledge.catalogue().wijken
