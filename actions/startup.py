"""Action-server start-up: load the routing engine, and drain the old queue of cases.

A rasa_sdk plugin (registered by the top-level `rasa_sdk_plugins` package, which
`python -m rasa_sdk` imports when it is on the path): it adds Sanic listeners that, in each
serving process, load the routing engine and drain what an older version queued
(actions/clients/legacy_queue.py), and stop that thread at shutdown. Importing `actions` starts
nothing. `LOKET_ACTIONS_RETRY_ON_START=false` leaves the old queue alone.

The routing engine (catalogue, rules, the Dutch spaCy pipeline) is loaded before the process
serves: loaded on first use instead, the first description of an initiative waited 1.3-2.5 s,
and so did every conversation on that process meanwhile, because loading blocks the event
loop. `/health` answers only after it, so `make run` waits for it.

rasa_sdk sets up logging in its main process only; Sanic starts the serving processes anew,
so there our INFO lines ("routing engine loaded", "old queue of cases: ...") went nowhere.
The hook gives such a process rasa_sdk's own log format and default level (INFO) when it has
no log handler yet.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pluggy

from actions import knowledge, logredact, services
from actions.settings import get_settings

log = logging.getLogger(__name__)
hookimpl = pluggy.HookimplMarker("rasa_sdk")


async def load_routing_engine(app: Any) -> None:
    """Load every municipality's router and run one analysis, so spaCy's lazy set-up is done
    too."""
    for municipality in knowledge.known_municipalities():
        router = knowledge.router(municipality)
        knowledge.analyse("Wij willen een buurtmoestuin beginnen in de wijk", municipality)
        log.info("routing engine loaded: %s (rules %s)", municipality, router.rules_version)


async def start_drain(app: Any) -> None:
    if not get_settings().retry_on_start:
        log.info("draining the old queue of cases is off (LOKET_ACTIONS_RETRY_ON_START)")
        return
    drain = services.start_legacy_drain()
    if drain is not None:
        log.info("draining the old queue of cases (every %s s)", drain.interval)


async def stop_drain(app: Any) -> None:
    # stop() joins the thread; a round in progress may wait on an HTTP timeout.
    await asyncio.to_thread(services.stop_legacy_drain)


def configure_logging() -> None:
    """rasa_sdk's log set-up, in a process that has none (a Sanic serving process), and no
    exception messages in any record (`actions.logredact`)."""
    logredact.install()
    if logging.getLogger().handlers:
        return
    from rasa_sdk.utils import configure_colored_logging

    configure_colored_logging(logging.INFO)  # type: ignore[no-untyped-call]  # rasa_sdk's default level


async def answer_errors_without_the_request(request: Any, response: Any) -> Any:
    """rasa_sdk answers an action that failed with the whole request it was given (the tracker:
    every message and contact detail of the conversation), and Rasa writes that answer into its
    log. A failure is answered without it; the action server's own log has the traceback, with
    no message (`actions.logredact`)."""
    if response.status < 500:
        return None
    from sanic.response import json

    return json({"error": "the action failed; see the action server's log"}, status=500)


@hookimpl
def attach_sanic_app_extensions(app: Any) -> None:
    """rasa_sdk calls this for the app of every process; listeners run in the serving ones."""
    configure_logging()
    app.register_middleware(answer_errors_without_the_request, "response")
    app.register_listener(load_routing_engine, "before_server_start")
    app.register_listener(start_drain, "before_server_start")
    app.register_listener(stop_drain, "after_server_stop")
