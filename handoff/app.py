"""The application factory: `create_app(settings)` wires settings, database, routers and workers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from sqlalchemy.exc import DataError, OperationalError
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from handoff import __version__, logs
from handoff.api import cases, owner, partners, route_and_health, staff
from handoff.conversations import ConversationEraser, make_eraser
from handoff.db import Database
from handoff.deps import Services
from handoff.headers import SecureResponses
from handoff.middleware import RequestGuard
from handoff.monitoring import routes as monitoring
from handoff.ratelimit import RateLimiter
from handoff.routing_engine import RouterLike
from handoff.security import load_secret
from handoff.settings import Settings
from handoff.web import router as web_router
from handoff.web.chat import CHAT_REFUSALS
from routing import IntakeError, UnknownMunicipality

log = logging.getLogger(__name__)

DOCS_ASSETS = "/docs-assets"


async def _delivery_loop(services: Services) -> None:
    from handoff.delivery.worker import DeliveryWorker, beat, utc_now
    from handoff.routing_engine import load_catalogues

    settings = services.settings
    catalogues = load_catalogues(settings.municipalities_dir)
    if services.router is not None:  # an injected router (tests) names its own parties
        catalogues[settings.default_municipality] = services.router.catalogue
    worker = DeliveryWorker(services.db, settings, catalogues)
    try:
        while True:
            try:
                await asyncio.to_thread(beat, services.db, utc_now())
                await asyncio.to_thread(worker.tick)
            except Exception:  # the loop must survive a bad round; the rows stay pending
                log.exception("delivery round failed")
            await asyncio.sleep(services.settings.delivery_interval_seconds)
    finally:
        await asyncio.to_thread(worker.close)


_UNAVAILABLE = (
    "could not connect",
    "connection refused",
    "connection is closed",
    "server closed the connection",
    "terminating connection",
    "the database system is",
    "database is locked",
    "unable to open database",
    "disk i/o error",
    "database or disk is full",
    "no space left",
)


def _unavailable(exc: OperationalError) -> bool:
    """The database cannot be reached or written now (as opposed to a failing statement)."""
    message = str(exc.orig).casefold()
    return exc.connection_invalidated or any(part in message for part in _UNAVAILABLE)


def _unknown_value(
    request: Request, field: str, message: str, kind: str, valid: list[str]
) -> JSONResponse:
    """A 422 in FastAPI's own `detail` shape for a value the catalogue does not know."""
    path = request.url.path
    loc = (
        ["body", "intake", field]
        if path.endswith("/cases")
        else ["query", field]
        if request.method == "GET"
        else ["body", field]
    )
    detail = {"loc": loc, "msg": message, "type": kind, "ctx": {"valid": valid}}
    return JSONResponse(status_code=422, content={"detail": [detail]})


def create_app(
    settings: Settings | None = None,
    *,
    router: RouterLike | None = None,
    eraser: ConversationEraser | None = None,
) -> FastAPI:
    """A configured app. `router` and `eraser` replace the defaults (tests, embedding)."""
    settings = settings or Settings()
    logs.install()
    services = Services(
        settings=settings,
        db=Database(settings.database_url),
        eraser=eraser or make_eraser(settings.tracker_database_url),
        staff_token=load_secret(
            settings.staff_token, settings.staff_token_file, "LOKET_STAFF_TOKEN"
        ),
        secret_key=load_secret(settings.secret_key, settings.secret_key_file, "LOKET_SECRET_KEY"),
        service_token=load_secret(
            settings.service_token, settings.service_token_file, "LOKET_SERVICE_TOKEN"
        ),
        limiter=RateLimiter(settings.rate_limit_storage),
        router=router,
    )

    # A default municipality or a staff token of a municipality without a folder is a
    # configuration error: stop here, naming the known municipalities.
    known = services.municipalities().ids
    for municipality in sorted(settings.staff_tokens):
        if municipality not in known:
            raise UnknownMunicipality(municipality, known)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Fewer threads than anyio's 40: the handlers are CPU-bound under the GIL, and many
        # threads only add switching and longer tails.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
        if settings.migrate_on_start:
            await asyncio.to_thread(services.db.upgrade)
        task = None
        if settings.delivery_in_process:
            task = asyncio.create_task(_delivery_loop(services))
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            services.db.dispose()

    # Swagger UI and ReDoc from the files fastapi-offline ships, not from a CDN.
    app = FastAPIOffline(
        title="Loket handoff API",
        version=__version__,
        description="Cases, intake summaries for partners, and the staff list of initiatives.",
        lifespan=lifespan,
        static_url=DOCS_ASSETS,
    )
    app.state.services = services

    @app.exception_handler(IntakeError)
    async def intake_error(request: Request, exc: IntakeError) -> JSONResponse:
        return _unknown_value(request, exc.field, str(exc), "unknown_value", exc.valid)

    @app.exception_handler(UnknownMunicipality)
    async def unknown_municipality(request: Request, exc: UnknownMunicipality) -> JSONResponse:
        return _unknown_value(request, "municipality", str(exc), "unknown_municipality", exc.known)

    @app.exception_handler(DataError)
    async def unstorable_value(request: Request, exc: DataError) -> JSONResponse:
        # The request guard refuses what no database takes; this catches what is left
        # (e.g. a value out of a column's range). Neither the answer nor the log names the
        # value: PostgreSQL quotes it in its message, so only the error's kind is logged.
        log.warning("database refused a value on %s: %s", request.url.path, type(exc.orig).__name__)
        return JSONResponse(
            status_code=422,
            content={"detail": "A value in the request cannot be stored (too long or invalid)."},
        )

    @app.exception_handler(OperationalError)
    async def database_unavailable(request: Request, exc: OperationalError) -> JSONResponse:
        # The database is down, unreachable, locked or full: nothing was stored, and trying
        # again later helps. Only the error's kind is logged (messages may quote values).
        # Any other operational error goes on to the logged 500 of handoff/headers.py.
        if not _unavailable(exc):
            raise exc
        log.error("database unavailable on %s: %s", request.url.path, type(exc.orig).__name__)
        if request.url.path.startswith("/api/v1/chat"):
            detail = (
                "Loket kan uw gegevens nu niet opslaan. Probeer het over een paar minuten opnieuw."
            )
        else:
            detail = "The database is unavailable; nothing was stored. Try again later."
        return JSONResponse(
            status_code=503, content={"detail": detail}, headers={"Retry-After": "30"}
        )

    for module in (route_and_health, cases, partners, staff, monitoring, owner):
        app.include_router(module.router)
    app.include_router(web_router)
    # Added last is outermost: headers wrap everything, proxy addresses are settled before
    # the guard and the rate limits look at the client.
    app.add_middleware(
        RequestGuard, max_bytes=settings.max_body_bytes, user_facing={"/api/v1/chat": CHAT_REFUSALS}
    )
    if settings.trusted_proxies.strip():
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)
    app.add_middleware(SecureResponses, frame_ancestors=settings.frame_ancestors)
    return app
