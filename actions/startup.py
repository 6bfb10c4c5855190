"""Action-server start-up: deliver cases queued before a restart without waiting for a new one.

A rasa_sdk plugin (registered by the top-level `rasa_sdk_plugins` package, which
`python -m rasa_sdk` imports when it is on the path): it adds Sanic listeners that start the
retry thread in each serving process and stop it at shutdown. Importing `actions` starts
nothing. `LOKET_ACTIONS_RETRY_ON_START=false` turns it off.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pluggy

from actions import services
from actions.settings import get_settings

log = logging.getLogger(__name__)
hookimpl = pluggy.HookimplMarker("rasa_sdk")


async def start_retry(app: Any) -> None:
    if not get_settings().retry_on_start:
        log.info("retry of queued cases at start-up is off (LOKET_ACTIONS_RETRY_ON_START)")
        return
    worker = services.ensure_retry_worker()
    log.info("retry of queued cases started (every %s s)", worker.interval)


async def stop_retry(app: Any) -> None:
    # stop() joins the thread; a round in progress may wait on an HTTP timeout.
    await asyncio.to_thread(services.stop_retry_worker)


@hookimpl
def attach_sanic_app_extensions(app: Any) -> None:
    """rasa_sdk calls this for the app of every process; listeners run in the serving ones."""
    app.register_listener(start_retry, "before_server_start")
    app.register_listener(stop_retry, "after_server_stop")
