"""Workspace sign-in through a municipality's identity provider: OpenID Connect's
authorization-code flow with state, nonce and PKCE (S256).

Authlib makes the tokens, the PKCE challenge and the authorization URL; joserfc (Authlib's
JOSE library) checks the ID token's signature against the provider's keys and its claims
(issuer, audience, expiry, nonce); httpx talks to the provider. The provider's user is mapped
to an existing staff account of that municipality by a claim (default `email`); an unknown
user gets an account only when the provider's `sign_up_role` says so.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import httpx
from authlib.common.security import generate_token
from authlib.common.urls import add_params_to_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from handoff import accounts
from handoff.models import StaffAccount

SCOPE = "openid email profile"
SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"]
LEEWAY_SECONDS = 60  # clock difference with the provider


class OidcProvider(BaseModel):
    """One municipality's identity provider (a value of LOKET_OIDC_PROVIDERS)."""

    model_config = ConfigDict(extra="forbid")

    issuer: str = Field(
        description="The provider's issuer URL; its discovery document is "
        "<issuer>/.well-known/openid-configuration."
    )
    client_id: str
    client_secret: str = Field(default="", description="Empty: a public client (PKCE only).")
    email_claim: str = Field(
        default="email",
        description="The ID token claim that holds the staff account's e-mail address "
        "(e.g. email, preferred_username, upn).",
    )
    sign_up_role: Literal["medewerker", "coordinator", "beheerder"] | None = Field(
        default=None,
        description="Role of an account made for a provider user without one; default none: "
        "only existing accounts sign in.",
    )
    label: str = "Inloggen met uw gemeente-account"


class SignInRefused(Exception):
    """The sign-in cannot go on; `args[0]` is a Dutch message for the staff member."""


class ProviderUnreachable(Exception):
    """The identity provider did not answer, or not as OpenID Connect says."""


@dataclass(frozen=True)
class Pending:
    """What the browser carries (signed) from the start to the callback."""

    municipality: str
    state: str
    nonce: str
    verifier: str


def _json(response: httpx.Response) -> dict[str, Any]:
    response.raise_for_status()
    body = response.json()
    if not isinstance(body, dict):
        raise ValueError("not a JSON object")
    return body


def discover(provider: OidcProvider, http: httpx.Client) -> dict[str, Any]:
    """The provider's discovery document (fetched at each sign-in: they are rare, and a
    provider may rotate its endpoints or keys at any time)."""
    url = provider.issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        meta = _json(http.get(url))
    except (httpx.HTTPError, ValueError) as exc:
        raise ProviderUnreachable(url) from exc
    if meta.get("issuer") != provider.issuer:
        raise ProviderUnreachable(f"discovery names issuer {meta.get('issuer')!r}")
    return meta


def start(
    provider: OidcProvider, municipality: str, redirect_uri: str, http: httpx.Client
) -> tuple[str, Pending]:
    """The provider's authorization URL and what the callback must check against."""
    meta = discover(provider, http)
    pending = Pending(municipality, generate_token(32), generate_token(32), generate_token(64))
    url = add_params_to_uri(
        str(meta["authorization_endpoint"]),
        [
            ("response_type", "code"),
            ("client_id", provider.client_id),
            ("redirect_uri", redirect_uri),
            ("scope", SCOPE),
            ("state", pending.state),
            ("nonce", pending.nonce),
            ("code_challenge", create_s256_code_challenge(pending.verifier)),
            ("code_challenge_method", "S256"),
        ],
    )
    return url, pending


def finish(
    provider: OidcProvider,
    pending: Pending,
    *,
    code: str,
    state: str,
    redirect_uri: str,
    http: httpx.Client,
    now: datetime,
) -> dict[str, Any]:
    """The ID token's claims, after exchanging the code; SignInRefused when the state, the
    token's signature, issuer, audience, expiry or nonce is wrong."""
    if not state or not hmac.compare_digest(state.encode(), pending.state.encode()):
        raise SignInRefused("Het inloggen is niet vanuit Loket begonnen. Probeer het opnieuw.")
    meta = discover(provider, http)
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "code_verifier": pending.verifier,
        "client_id": provider.client_id,
    }
    # client_secret_basic; a public client (no secret) proves itself with PKCE only.
    auth: httpx.Auth | None = None
    if provider.client_secret:
        auth = httpx.BasicAuth(provider.client_id, provider.client_secret)
    try:
        answer = http.post(
            str(meta["token_endpoint"]), data=form, auth=auth or httpx.USE_CLIENT_DEFAULT
        )
        if answer.status_code in (400, 401):  # an expired or reused code, a wrong secret
            raise SignInRefused("De gemeente weigert het inloggen. Probeer het opnieuw.")
        id_token = str(_json(answer)["id_token"])
        keys = KeySet.import_key_set(_json(http.get(str(meta["jwks_uri"]))))  # type: ignore[arg-type]
    except (httpx.HTTPError, ValueError, KeyError) as exc:
        raise ProviderUnreachable("token or keys") from exc
    try:
        token = jwt.decode(id_token, keys, algorithms=SIGNING_ALGORITHMS)
        jwt.JWTClaimsRegistry(
            now=int(now.timestamp()),
            leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": provider.issuer},
            aud={"essential": True, "value": provider.client_id},
            sub={"essential": True},
            exp={"essential": True},
            nonce={"essential": True, "value": pending.nonce},
        ).validate(token.claims)
    except (JoseError, ValueError) as exc:
        raise SignInRefused("De gemeente gaf geen geldig bewijs van inloggen.") from exc
    return dict(token.claims)


def account_for(
    session: Session,
    provider: OidcProvider,
    municipality: str,
    claims: dict[str, Any],
    now: datetime,
) -> StaffAccount:
    """The staff account of the provider's user: an existing, active account of this
    municipality, or (with `sign_up_role`) a new one."""
    email = claims.get(provider.email_claim)
    if not isinstance(email, str) or "@" not in email:
        raise SignInRefused("Uw account bij de gemeente heeft geen e-mailadres voor Loket.")
    account = accounts.account_by_email(session, email)
    if account is None and provider.sign_up_role is not None:
        name = claims.get("name")
        account = accounts.create_account(
            session,
            email=email,
            name=name if isinstance(name, str) and name.strip() else email,
            municipality=municipality,
            role=provider.sign_up_role,
            # Never told to anyone: this account signs in through the provider only.
            password=secrets.token_urlsafe(32),
            now=now,
        )
        accounts.record(account, "inlogdienst gemeente", "gemaakt bij inloggen", now)
    if account is None or account.municipality != municipality:
        raise SignInRefused(
            "Er is geen Loket-account voor u bij deze gemeente. Vraag een beheerder om er een."
        )
    if not account.active:
        raise SignInRefused("Uw account is gedeactiveerd. Vraag een beheerder.")
    return account
