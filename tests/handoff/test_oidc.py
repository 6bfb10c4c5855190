"""Workspace sign-in through the municipality's identity provider: the whole authorization-code
flow against a real OpenID provider (oidc-provider-mock, in a thread), and the ID token checks
(state, signature, issuer, audience, expiry, nonce) against tokens made here."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import RSAKey
from oidc_provider_mock import User, run_server_in_thread

from handoff import accounts, oidc
from tests.handoff.conftest import services_of
from tests.handoff.workspace_helpers import add_account

ELS = User(sub="els-7", claims={"email": "Els.Jansen@example.nl", "name": "Els Jansen"})
NOOR = User(sub="noor-3", claims={"email": "noor.bakker@example.nl", "name": "Noor Bakker"})


@pytest.fixture(scope="module")
def issuer() -> Iterator[str]:
    """A real OpenID provider on a free port that insists on a nonce."""
    with run_server_in_thread(require_nonce=True, user_claims=[ELS, NOOR]) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso(client: TestClient, issuer: str) -> TestClient:
    settings = services_of(client).settings
    settings.session_cookie_secure = False  # the test client speaks HTTP
    settings.oidc_providers = {
        "delft": oidc.OidcProvider(issuer=issuer, client_id="loket", client_secret="geheim")
    }
    return client


def els_account(client: TestClient, role: str = "coordinator") -> None:
    with services_of(client).db.transaction() as session:
        accounts.create_account(
            session,
            email="els.jansen@example.nl",
            name="Els Jansen",
            municipality="delft",
            role=role,
            password="een-lang-wachtwoord-42",
            now=datetime.now(UTC),
        )


def to_provider(client: TestClient) -> str:
    start = client.get("/medewerkers/inloggen/gemeente/delft", follow_redirects=False)
    assert start.status_code == 303, start.text
    return start.headers["location"]


def provider_answer(authorize_url: str, sub: str) -> str:
    """The user signs in at the provider (its form); the path and query it sends back to."""
    answer = httpx.post(authorize_url, data={"sub": sub}, follow_redirects=False)
    assert answer.status_code in (302, 303), answer.text
    back = urlsplit(answer.headers["location"])
    assert back.path == "/medewerkers/inloggen/gemeente/terug"
    return f"{back.path}?{back.query}"


def test_a_known_staff_member_signs_in_through_the_provider(sso: TestClient) -> None:
    els_account(sso)
    authorize = to_provider(sso)
    asked = parse_qs(urlsplit(authorize).query)
    assert asked["code_challenge_method"] == ["S256"]
    assert asked["client_id"] == ["loket"] and "openid" in asked["scope"][0]
    assert asked["state"][0] and asked["nonce"][0] and asked["code_challenge"][0]

    signed = sso.get(provider_answer(authorize, ELS.sub))
    assert signed.status_code == 200, signed.text
    assert "U bent ingelogd" in signed.text
    cookie = signed.headers.get_list("set-cookie")
    assert any(c.startswith("loket-staff=") and "SameSite=strict" in c for c in cookie)
    listing = sso.get("/medewerkers/aanvragen", follow_redirects=False)
    assert listing.status_code == 200
    assert "Els Jansen" in listing.text and "coördinator" in listing.text


def test_the_sign_in_page_offers_the_provider(sso: TestClient) -> None:
    page = sso.get("/medewerkers/inloggen")
    assert 'href="/medewerkers/inloggen/gemeente/delft"' in page.text
    assert "Inloggen met uw gemeente-account" in page.text


def test_an_unknown_user_gets_no_account_without_sign_up(sso: TestClient) -> None:
    refused = sso.get(provider_answer(to_provider(sso), NOOR.sub))
    assert refused.status_code == 401
    assert "geen Loket-account" in refused.text
    assert sso.get("/medewerkers/aanvragen", follow_redirects=False).status_code == 303
    with services_of(sso).db.session() as session:
        assert accounts.account_by_email(session, NOOR.claims["email"]) is None


def test_sign_up_makes_an_audited_account_with_the_configured_role(sso: TestClient) -> None:
    provider = services_of(sso).settings.oidc_providers["delft"]
    provider.sign_up_role = "medewerker"
    assert sso.get(provider_answer(to_provider(sso), NOOR.sub)).status_code == 200
    with services_of(sso).db.session() as session:
        made = accounts.account_by_email(session, "noor.bakker@example.nl")
        assert made is not None
        assert (made.role, made.municipality, made.name) == ("medewerker", "delft", "Noor Bakker")
        assert [e.action for e in accounts.events_of(session, made)] == ["gemaakt bij inloggen"]


def test_an_account_of_another_municipality_or_deactivated_is_refused(sso: TestClient) -> None:
    add_account(sso, "medewerker", name="Noor Bakker", municipality="haarlem")
    with services_of(sso).db.transaction() as session:
        other = accounts.account_by_email(session, "medewerker.haarlem.noor-bakker@example.nl")
        assert other is not None
        other.email = "noor.bakker@example.nl"
    assert sso.get(provider_answer(to_provider(sso), NOOR.sub)).status_code == 401

    els_account(sso)
    with services_of(sso).db.transaction() as session:
        els = accounts.account_by_email(session, "els.jansen@example.nl")
        assert els is not None
        accounts.set_active(els, False, "Bea Beheer", datetime.now(UTC))
    refused = sso.get(provider_answer(to_provider(sso), ELS.sub))
    assert refused.status_code == 401 and "gedeactiveerd" in refused.text


def test_a_callback_with_another_state_is_refused(sso: TestClient) -> None:
    els_account(sso)
    back = provider_answer(to_provider(sso), ELS.sub)
    forged = back.replace("state=", "state=x")
    refused = sso.get(forged)
    assert refused.status_code == 401
    assert "niet vanuit Loket begonnen" in refused.text
    assert sso.get("/medewerkers/aanvragen", follow_redirects=False).status_code == 303


def test_a_callback_without_the_browsers_pending_sign_in_is_refused(sso: TestClient) -> None:
    els_account(sso)
    back = provider_answer(to_provider(sso), ELS.sub)
    sso.cookies.clear()  # another browser, or the ten minutes are over
    refused = sso.get(back)
    assert refused.status_code == 400 and "verlopen" in refused.text


def test_a_provider_that_names_another_issuer_is_not_trusted(sso: TestClient, issuer: str) -> None:
    provider = services_of(sso).settings.oidc_providers["delft"]
    provider.issuer = issuer + "/"  # the same discovery URL; its document names `issuer`
    refused = sso.get("/medewerkers/inloggen/gemeente/delft", follow_redirects=False)
    assert refused.status_code == 502
    assert "niet bereikbaar" in refused.text


def test_a_municipality_without_a_provider_has_no_sign_in_through_one(sso: TestClient) -> None:
    response = sso.get("/medewerkers/inloggen/gemeente/haarlem", follow_redirects=False)
    assert response.status_code == 404


# The ID token checks, with a provider answered by httpx's MockTransport and tokens signed here.
ISSUER = "https://login.delft.example"
KEY = RSAKey.generate_key(2048, parameters={"kid": "k1"})
PROVIDER = oidc.OidcProvider(issuer=ISSUER, client_id="loket")
PENDING = oidc.Pending("delft", state="s" * 32, nonce="n" * 32, verifier="v" * 64)


def token_provider(claims: dict[str, Any], key: RSAKey = KEY) -> httpx.Client:
    id_token = jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/.well-known/openid-configuration":
            return httpx.Response(
                200,
                json={
                    "issuer": ISSUER,
                    "authorization_endpoint": f"{ISSUER}/authorize",
                    "token_endpoint": f"{ISSUER}/token",
                    "jwks_uri": f"{ISSUER}/jwks",
                },
            )
        if path == "/token":
            form = parse_qs(request.content.decode())
            assert form["code_verifier"] == [PENDING.verifier]  # PKCE
            return httpx.Response(200, json={"id_token": id_token, "token_type": "Bearer"})
        return httpx.Response(200, json={"keys": [KEY.as_dict(private=False)]})

    return httpx.Client(transport=httpx.MockTransport(answer))


def claims(**changes: Any) -> dict[str, Any]:
    now = int(time.time())
    base = {
        "iss": ISSUER,
        "aud": "loket",
        "sub": "els-7",
        "email": "els.jansen@example.nl",
        "iat": now,
        "exp": now + 300,
        "nonce": PENDING.nonce,
    }
    return {k: v for k, v in {**base, **changes}.items() if v is not None}


def finish(http: httpx.Client, state: str = PENDING.state) -> dict[str, Any]:
    return oidc.finish(
        PROVIDER,
        PENDING,
        code="c",
        state=state,
        redirect_uri="https://loket.example/terug",
        http=http,
        now=datetime.now(UTC),
    )


def test_a_valid_id_token_gives_its_claims() -> None:
    assert finish(token_provider(claims()))["email"] == "els.jansen@example.nl"


@pytest.mark.parametrize(
    "changes",
    [
        {"aud": "another-client"},
        {"iss": "https://login.elders.example"},
        {"nonce": "replayed"},
        {"nonce": None},
        {"exp": int(time.time()) - 3600},
        {"sub": None},
    ],
    ids=["audience", "issuer", "nonce", "no-nonce", "expired", "no-subject"],
)
def test_an_id_token_with_a_wrong_claim_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(oidc.SignInRefused, match="geen geldig bewijs"):
        finish(token_provider(claims(**changes)))


def test_an_id_token_signed_with_another_key_is_refused() -> None:
    other = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    with pytest.raises(oidc.SignInRefused):
        finish(token_provider(claims(), key=other))


def test_a_wrong_state_is_refused_before_the_code_is_spent() -> None:
    def no_calls(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"called {request.url}")

    with pytest.raises(oidc.SignInRefused, match="niet vanuit Loket"):
        finish(httpx.Client(transport=httpx.MockTransport(no_calls)), state="t" * 32)


def test_the_settings_read_a_provider_per_municipality_from_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from handoff.settings import Settings

    value = {"delft": {"issuer": ISSUER, "client_id": "loket", "sign_up_role": "medewerker"}}
    monkeypatch.setenv("LOKET_OIDC_PROVIDERS", json.dumps(value))
    provider = Settings().oidc_providers["delft"]
    assert (provider.issuer, provider.sign_up_role, provider.email_claim) == (
        ISSUER,
        "medewerker",
        "email",
    )
