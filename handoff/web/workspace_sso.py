"""Workspace sign-in through the municipality's identity provider (handoff.oidc): a button on
the sign-in page per configured provider (LOKET_OIDC_PROVIDERS), the redirect to it, and the
callback that signs the staff member in."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated

import httpx
from fastapi import APIRouter, Depends, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from handoff import oidc
from handoff.deps import Services, ServicesDep, SessionDep
from handoff.web.desk import login_page, workspace_page
from handoff.web.session import sign_in

router = APIRouter(prefix="/medewerkers/inloggen/gemeente", include_in_schema=False)

PENDING_COOKIE = "loket-oidc"
PENDING_SECONDS = 600  # from the button to the provider's answer
Param = Annotated[str, Query(max_length=2000)]


def _serializer(services: Services) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(services.secret_key, salt="loket-oidc")


def _callback_url(request: Request, services: Services) -> str:
    base = (services.settings.public_base_url or str(request.base_url)).rstrip("/")
    return f"{base}{router.prefix}/terug"


def _http() -> httpx.Client:
    return httpx.Client(timeout=10.0, follow_redirects=False)


UNREACHABLE = "De inlogdienst van de gemeente is nu niet bereikbaar. Probeer het later opnieuw."


@dataclass(frozen=True)
class ProviderAnswer:
    """The query the provider sends the browser back with: a code and our state, or an error."""

    code: Param = ""
    state: Param = ""
    error: Param = ""


@router.get("/terug", response_class=HTMLResponse)
def callback(
    request: Request,
    session: SessionDep,
    services: ServicesDep,
    answer: Annotated[ProviderAnswer, Depends()],
) -> Response:
    """The provider sends the browser back here with a code (or an error)."""
    try:
        data = _serializer(services).loads(
            request.cookies.get(PENDING_COOKIE, ""), max_age=PENDING_SECONDS
        )
        pending = oidc.Pending(**data)
        provider = services.settings.oidc_providers[pending.municipality]
    except (BadSignature, TypeError, KeyError):
        return login_page(request, services, 400, "Het inloggen is verlopen. Probeer het opnieuw.")
    if answer.error or not answer.code:
        return login_page(request, services, 401, "De gemeente heeft het inloggen geweigerd.")
    now = services.clock()
    try:
        with _http() as http:
            claims = oidc.finish(
                provider,
                pending,
                code=answer.code,
                state=answer.state,
                redirect_uri=_callback_url(request, services),
                http=http,
                now=now,
            )
        account = oidc.account_for(session, provider, pending.municipality, claims, now)
    except oidc.SignInRefused as exc:
        session.rollback()
        return login_page(request, services, 401, str(exc.args[0]))
    except oidc.ProviderUnreachable:
        return login_page(request, services, 502, UNREACHABLE)
    session.commit()
    # A page of our own site, not a redirect: the browser comes from the provider's site, and
    # would not send the SameSite=Strict session cookie along a redirect from there.
    response = workspace_page(request, services, "werkplek-ingelogd.html", "Ingelogd", account)
    sign_in(response, services, account)
    response.delete_cookie(PENDING_COOKIE, path=router.prefix)
    return response


@router.get("/{municipality}")
def begin(request: Request, municipality: str, services: ServicesDep) -> Response:
    """To the municipality's identity provider, with state, nonce and a PKCE challenge."""
    provider = services.settings.oidc_providers.get(municipality)
    if provider is None:
        return login_page(
            request, services, 404, "Deze gemeente heeft geen inlogdienst voor Loket ingesteld."
        )
    try:
        with _http() as http:
            url, pending = oidc.start(
                provider, municipality, _callback_url(request, services), http
            )
    except oidc.ProviderUnreachable:
        return login_page(request, services, 502, UNREACHABLE)
    response = RedirectResponse(url, status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        PENDING_COOKIE,
        _serializer(services).dumps(asdict(pending)),
        max_age=PENDING_SECONDS,
        httponly=True,
        secure=services.settings.session_cookie_secure,
        samesite="lax",  # sent along the provider's redirect back (a top-level GET)
        path=router.prefix,
    )
    return response
