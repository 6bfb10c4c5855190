"""FastAPI dependencies: services of the app, a database session, the router, credentials."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from limits import RateLimitItem, RateLimitItemPerMinute, RateLimitItemPerSecond
from sqlalchemy.orm import Session

from handoff.conversations import ConversationEraser
from handoff.db import Database
from handoff.models import Partner
from handoff.ratelimit import RateLimiter, client_address
from handoff.routing_engine import RouterLike, default_router
from handoff.security import partner_of_key, same_secret
from handoff.settings import Settings


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
    router: RouterLike | None = None
    api_limits: list[RateLimitItem] = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.api_limits = [
            RateLimitItemPerMinute(self.settings.rate_limit_per_minute),
            RateLimitItemPerSecond(self.settings.rate_limit_burst),
        ]

    def get_router(self) -> RouterLike:
        with self._lock:
            if self.router is None:
                self.router = default_router()
            return self.router


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_session(services: ServicesDep) -> Iterator[Session]:
    with services.db.session() as session:
        yield session


async def get_router(services: ServicesDep) -> RouterLike:
    return services.get_router()


SessionDep = Annotated[Session, Depends(get_session)]
RouterDep = Annotated[RouterLike, Depends(get_router)]


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


def current_partner(
    session: SessionDep, key: Annotated[str | None, Security(_api_key)] = None
) -> str:
    """The partner ID of a valid API key: 401 without a key, 403 for a wrong one."""
    if not key:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Missing X-API-Key header",
            headers={"WWW-Authenticate": "APIKey"},
        )
    party = partner_of_key(key)
    row = session.get(Partner, party) if party else None
    if not same_secret(key, row.api_key_hash if row else None):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Invalid API key")
    return party


async def current_staff(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None,
) -> str:
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Missing bearer token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(
        credentials.credentials.encode("utf-8"), services.staff_token.encode("utf-8")
    ):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Invalid staff token")
    return "staff"


PartnerDep = Annotated[str, Depends(current_partner)]
StaffDep = Annotated[str, Depends(current_staff)]
