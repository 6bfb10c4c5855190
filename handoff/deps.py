"""FastAPI dependencies: services of the app, a database session, the router, credentials."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from limits import RateLimitItem, RateLimitItemPerMinute, RateLimitItemPerSecond
from sqlalchemy.orm import Session

import routing
from handoff.conversations import ConversationEraser
from handoff.db import Database
from handoff.models import Partner
from handoff.ratelimit import RateLimiter, client_address
from handoff.routing_engine import RouterLike, municipalities
from handoff.security import partner_of_key, same_secret
from handoff.settings import Settings
from routing import Catalogue, Municipalities


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Everything a request may need, built once per app."""

    settings: Settings
    db: Database
    eraser: ConversationEraser
    staff_token: str
    secret_key: str
    service_token: str
    limiter: RateLimiter
    router: RouterLike | None = None  # replaces the default municipality's router (tests)
    registry: Municipalities | None = None
    # The time lifecycle decisions use (reply-by, overdue); tests move it forward.
    clock: Callable[[], datetime] = utc_now
    api_limits: list[RateLimitItem] = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.api_limits = [
            RateLimitItemPerMinute(self.settings.rate_limit_per_minute),
            RateLimitItemPerSecond(self.settings.rate_limit_burst),
        ]

    def municipalities(self) -> Municipalities:
        """The municipalities served (folders of `LOKET_MUNICIPALITIES_DIR`)."""
        with self._lock:
            if self.registry is None:
                settings = self.settings
                self.registry = municipalities(
                    settings.municipalities_dir, settings.default_municipality
                )
            return self.registry

    def router_for(self, municipality: str | None = None) -> RouterLike:
        """The router of a municipality ID (None: the default one); raises
        `routing.UnknownMunicipality` listing the known IDs."""
        default = self.settings.default_municipality
        if self.router is not None and municipality in (None, default):
            return self.router
        return self.municipalities().get(municipality)

    def catalogue_for(self, municipality: str | None = None) -> Catalogue:
        return self.router_for(municipality).catalogue

    def get_router(self) -> RouterLike:
        """The default municipality's router."""
        return self.router_for(None)


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_session(services: ServicesDep) -> Iterator[Session]:
    with services.db.session() as session:
        yield session


async def get_router(services: ServicesDep) -> RouterLike:
    return services.get_router()


async def get_engine(services: ServicesDep) -> routing.Router:
    """The app's router where the whole routing engine is read (its rules, signals and staff
    cases: the "zo werkt het" page, the staff case runner). A stand-in router (tests) has no
    rules; then the default engine answers these."""
    router = services.get_router()
    return router if isinstance(router, routing.Router) else routing.get_router()


SessionDep = Annotated[Session, Depends(get_session)]
RouterDep = Annotated[RouterLike, Depends(get_router)]
EngineDep = Annotated[routing.Router, Depends(get_engine)]


SERVICE_TOKEN_HEADER = "X-Loket-Service-Token"


async def rate_limited(request: Request, services: ServicesDep) -> None:
    """Limits per client address; the action server (with the service token) is exempt: it
    calls for every inwoner from one address, and the chat proxy already limits each
    conversation and each browser."""
    offered = request.headers.get(SERVICE_TOKEN_HEADER)
    if offered and hmac.compare_digest(
        offered.encode("utf-8"), services.service_token.encode("utf-8")
    ):
        return
    wait = services.limiter.hit(services.api_limits, "api", client_address(request))
    if wait is not None:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "Too many requests; try again later.",
            headers={"Retry-After": str(round(wait))},
        )


RateLimited = Depends(rate_limited)

_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="Partner API key")
_bearer = HTTPBearer(auto_error=False, description="Staff token")


@dataclass(frozen=True)
class PartnerUser:
    """A partner (or team) signed in with its API key: one party of one municipality."""

    municipality: str
    party: str


@dataclass(frozen=True)
class StaffUser:
    """Staff signed in with a token: of one municipality, or the admin of all (None). `name`
    is the staff member's own name (header X-Loket-Staff-Name) where they gave it."""

    municipality: str | None
    name: str | None = None

    @property
    def actor(self) -> str:
        return self.name or "staff"

    def sees(self, municipality: str) -> bool:
        return self.municipality is None or self.municipality == municipality


def current_partner(
    session: SessionDep,
    services: ServicesDep,
    key: Annotated[str | None, Security(_api_key)] = None,
) -> PartnerUser:
    """The partner of a valid API key: 401 without a key, 403 for a wrong one."""
    if not key:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Missing X-API-Key header",
            headers={"WWW-Authenticate": "APIKey"},
        )
    named, party = partner_of_key(key)
    municipality = named or services.settings.default_municipality
    row = session.get(Partner, (municipality, party)) if party else None
    if not same_secret(key, row.api_key_hash if row else None):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Invalid API key")
    return PartnerUser(municipality, party)


def _same(offered: str, token: str) -> bool:
    return bool(token) and hmac.compare_digest(offered.encode("utf-8"), token.encode("utf-8"))


STAFF_NAME_HEADER = "X-Loket-Staff-Name"


async def current_staff(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None,
    staff_name: Annotated[
        str | None,
        Header(
            alias=STAFF_NAME_HEADER,
            max_length=80,
            description="The staff member acting with the shared token (owner, timeline).",
        ),
    ] = None,
) -> StaffUser:
    """The admin token (`LOKET_STAFF_TOKEN`) or one municipality's (`LOKET_STAFF_TOKENS`)."""
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Missing bearer token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    offered = credentials.credentials
    name = (staff_name or "").strip() or None
    if _same(offered, services.staff_token):
        return StaffUser(municipality=None, name=name)
    # Each municipality's token is compared, so the time taken does not tell which matched.
    matched = [m for m, token in services.settings.staff_tokens.items() if _same(offered, token)]
    if matched:
        return StaffUser(municipality=matched[0], name=name)
    raise HTTPException(status.HTTP_403_FORBIDDEN, "Invalid staff token")


PartnerDep = Annotated[PartnerUser, Depends(current_partner)]
StaffDep = Annotated[StaffUser, Depends(current_staff)]
