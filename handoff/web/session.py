"""Workspace sessions: a signed, HttpOnly, SameSite=Strict cookie naming the staff account,
and CSRF protection for every form (a double-submit token: cookie and hidden field)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response, status
from itsdangerous import BadSignature, TimestampSigner

from handoff import accounts
from handoff.deps import Services, ServicesDep, SessionDep
from handoff.models import StaffAccount

SESSION_COOKIE = "loket-staff"
CSRF_COOKIE = "loket-csrf"
LOGIN_PATH = "/medewerkers/inloggen"


def _signer(services: Services) -> TimestampSigner:
    return TimestampSigner(services.secret_key, salt="loket-staff-session")


def _cookie(response: Response, services: Services, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        max_age=int(services.settings.session_hours * 3600),
        httponly=True,
        secure=services.settings.session_cookie_secure,
        samesite="strict",
        path="/medewerkers",
    )


def _session_value(account: StaffAccount) -> str:
    """The account and a fingerprint of its password hash: a new password ends every session
    made with the old one."""
    fingerprint = hashlib.sha256(account.password_hash.encode()).hexdigest()[:16]
    return f"{account.id}.{fingerprint}"


def sign_in(response: Response, services: Services, account: StaffAccount) -> None:
    token = _signer(services).sign(_session_value(account)).decode("ascii")
    _cookie(response, services, SESSION_COOKIE, token)


def sign_out(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/medewerkers")


def signed_in(request: Request, session: SessionDep, services: ServicesDep) -> StaffAccount | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    max_age = int(services.settings.session_hours * 3600)
    try:
        value = _signer(services).unsign(raw, max_age=max_age).decode("ascii")
        account = session.get(StaffAccount, int(value.split(".", 1)[0]))
    except (BadSignature, ValueError):
        return None
    # A deactivated account's sessions stop at its next request; so do sessions from before
    # a password reset.
    if account is None or not account.active or _session_value(account) != value:
        return None
    return account


def current_account(
    account: Annotated[StaffAccount | None, Depends(signed_in)],
) -> StaffAccount:
    """The signed-in account; a browser without one is sent to the sign-in page."""
    if account is None:
        raise HTTPException(status.HTTP_303_SEE_OTHER, headers={"Location": LOGIN_PATH})
    return account


AccountDep = Annotated[StaffAccount, Depends(current_account)]


def require(account: StaffAccount, permission: str) -> None:
    if not accounts.may(account.role, permission):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Uw rol mag dit niet.")


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser (made on its first workspace page)."""
    token: str = request.state.__dict__.setdefault(
        "csrf", request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
    )
    return token


def keep_csrf(request: Request, response: Response, services: Services) -> None:
    if request.cookies.get(CSRF_COOKIE) != csrf_token(request):
        _cookie(response, services, CSRF_COOKIE, csrf_token(request))


def check_csrf(request: Request, offered: str) -> None:
    cookie = request.cookies.get(CSRF_COOKIE) or ""
    if not cookie or not hmac.compare_digest(cookie.encode(), offered.encode()):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
        )
