"""The permission matrix: every role (and no sign-in) against every workspace page and action,
and every kind of credential against every staff and partner API endpoint."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from handoff import accounts
from handoff.web.workspace import ACTIONS
from handoff.web.workspace_accounts import ACCOUNT_ACTIONS
from tests.handoff.conftest import STAFF, new_case, partner_key, services_of
from tests.handoff.test_crafted_input import app_routes
from tests.handoff.workspace_helpers import add_account, csrf_of, sign_in

ROLES = [None, *accounts.ROLES]
# (method, path, permission, form): {ref} is a case of the signed-in staff's municipality.
WORKSPACE = [
    ("GET", "/medewerkers/aanvragen", "view", None),
    ("GET", "/medewerkers/aanvragen.csv", "view", None),
    ("GET", "/medewerkers/aanvragen/{ref}", "view", None),
    ("POST", "/medewerkers/aanvragen/{ref}/oppakken", "take", {}),
    ("POST", "/medewerkers/aanvragen/{ref}/notitie", "note", {"text": "Gebeld."}),
    ("POST", "/medewerkers/aanvragen/{ref}/opnieuw-versturen", "resend", {}),
    ("POST", "/medewerkers/aanvragen/{ref}/eigenaar", "assign", {"owner": "1"}),
    ("POST", "/medewerkers/aanvragen/{ref}/herrouteren", "reroute", {}),
    ("POST", "/medewerkers/aanvragen/{ref}/sluiten", "close", {"outcome": "afgerond"}),
    ("GET", "/medewerkers/nieuw", "register", None),
    (
        "POST",
        "/medewerkers/nieuw",
        "register",
        {"channel": "balie", "text": "Een buurtfeest.", "consent": "ja"},
    ),
    ("GET", "/medewerkers/accounts", "accounts", None),
    (
        "POST",
        "/medewerkers/accounts",
        "accounts",
        {
            "name": "Nieuwe Collega",
            "email": "nieuw@example.nl",
            "role": "medewerker",
            "team": "publiek-ondernemen",
            "password": "nog-een-lang-wachtwoord",
        },
    ),
    ("GET", "/medewerkers/accounts/{account}", "accounts", None),
    ("POST", "/medewerkers/accounts/{account}/deactiveren", "accounts", {}),
    ("POST", "/medewerkers/accounts/{account}/activeren", "accounts", {}),
    ("POST", "/medewerkers/accounts/{account}/wachtwoord", "accounts", {"password": "x" * 12}),
]
# Pages without a session: sign-in, and the two pages that ask for the staff token and call
# the staff API with it (the routing tester and the dashboard).
OPEN = {
    "/medewerkers",
    "/medewerkers/inloggen",
    "/medewerkers/uitloggen",
    "/medewerkers/dashboard",
    # Sign-in through the municipality's identity provider (tests/handoff/test_oidc.py).
    "/medewerkers/inloggen/gemeente/terug",
    "/medewerkers/inloggen/gemeente/{municipality}",
}


def test_the_matrix_covers_every_workspace_route_and_permission(client: TestClient) -> None:
    routes = {p for _, p in app_routes(client.app) if p.startswith("/medewerkers")}  # type: ignore[arg-type]
    listed = {
        p.replace("{ref}", "{reference}").replace("{account}", "{account_id}")
        for _, p, _, _ in WORKSPACE
    }
    actions = {p.rsplit("/", 1)[1] for _, p, _, _ in WORKSPACE if "{ref}/" in p}
    assert actions == set(ACTIONS)  # every action of the case page
    account_actions = {p.rsplit("/", 1)[1] for _, p, _, _ in WORKSPACE if "{account}/" in p}
    assert account_actions == set(ACCOUNT_ACTIONS)  # every action of the account page
    each_action = {
        "/medewerkers/aanvragen/{reference}/{action}",
        "/medewerkers/accounts/{account_id}/{action}",
    }
    assert routes - OPEN - each_action == {p for p in listed if p.count("/") < 4}
    assert {perm for _, _, perm, _ in WORKSPACE} == set(accounts.PERMISSIONS)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
def test_each_role_reaches_exactly_what_it_may(client: TestClient, role: str | None) -> None:
    if role is not None:
        assert sign_in(client, add_account(client, role)) == 303
    colleague = add_account(client, "medewerker", "Een Collega")
    with services_of(client).db.session() as session:
        found = accounts.account_by_email(session, colleague)
        assert found is not None
        account_id = str(found.id)
    for method, path, permission, form in WORKSPACE:
        reference = new_case(client)["reference"]
        url = path.replace("{ref}", reference).replace("{account}", account_id)
        if method == "GET":
            response = client.get(url, follow_redirects=False)
        else:
            csrf = csrf_of(client, "/medewerkers/inloggen")
            data: dict[str, Any] = {"csrf": csrf, **(form or {})}
            response = client.post(url, data=data, follow_redirects=False)
        what = f"{role} {method} {path}"
        if role is None:
            assert response.status_code == 303, what
            assert response.headers["location"] == "/medewerkers/inloggen", what
        elif accounts.may(role, permission):
            assert response.status_code in (200, 201, 303), (what, response.text[:300])
            assert response.headers.get("location") != "/medewerkers/inloggen", what
        else:
            assert response.status_code == 403, what


API = [
    (m, p)
    for m, p in sorted(
        {
            ("GET", "/api/v1/staff/cases"),
            ("GET", "/api/v1/staff/cases.csv"),
            ("GET", "/api/v1/staff/cases/{reference}"),
            ("POST", "/api/v1/staff/cases/{reference}/reroute"),
            ("POST", "/api/v1/staff/cases/{reference}/assign"),
            ("POST", "/api/v1/staff/cases/{reference}/resend"),
            ("POST", "/api/v1/staff/cases/{reference}/owner"),
            ("POST", "/api/v1/staff/cases/{reference}/take"),
            ("POST", "/api/v1/staff/cases/{reference}/close"),
            ("POST", "/api/v1/staff/cases/{reference}/notes"),
            ("GET", "/api/v1/staff/routing-cases"),
            ("GET", "/api/v1/staff/dashboard"),
            ("GET", "/api/v1/staff/dashboard.html"),
            ("GET", "/api/v1/staff/cases/{reference}/outcome"),
            ("PUT", "/api/v1/staff/cases/{reference}/outcome"),
            ("GET", "/api/v1/partner/cases"),
            ("GET", "/api/v1/partner/cases/{reference}"),
            ("POST", "/api/v1/partner/cases/{reference}/status"),
            ("POST", "/api/v1/partner/cases/{reference}/notes"),
        }
    )
]


def test_the_api_matrix_covers_every_staff_and_partner_endpoint(client: TestClient) -> None:
    routes = {
        (m, p)
        for m, p in app_routes(client.app)  # type: ignore[arg-type]
        if p.startswith(("/api/v1/staff", "/api/v1/partner"))
    }
    assert routes == set(API)


@pytest.mark.parametrize("credential", ["none", "session", "partner", "staff"])
def test_the_api_takes_only_its_own_credential(client: TestClient, credential: str) -> None:
    """Staff endpoints: the shared staff token (machine clients); partner endpoints: an API
    key. A workspace session opens neither."""
    headers: dict[str, str] = {}
    if credential == "session":
        assert sign_in(client, add_account(client, "beheerder")) == 303
    elif credential == "partner":
        headers = partner_key(client, "delftse-fondsen")
    elif credential == "staff":
        headers = dict(STAFF)
    for method, path in API:
        reference = new_case(client)["reference"]
        response = client.request(
            method, path.replace("{reference}", reference), headers=headers, json={}
        )
        is_partner_path = path.startswith("/api/v1/partner")
        allowed = (credential == "partner") if is_partner_path else (credential == "staff")
        what = f"{credential} {method} {path}"
        if allowed:
            assert response.status_code not in (401, 403), (what, response.text[:200])
        else:
            assert response.status_code in (401, 403), (what, response.status_code)


def test_the_owner_closes_their_own_case_another_medewerker_may_not(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    other = TestClient(client.app)
    assert sign_in(other, add_account(client, "medewerker", "Noor Bakker")) == 303
    assert sign_in(client, add_account(client, "medewerker", "Karim Bouzid")) == 303
    close = f"/medewerkers/aanvragen/{reference}/sluiten"
    form = {"outcome": "afgerond"}
    refused = other.post(close, data={"csrf": csrf_of(other), **form}, follow_redirects=False)
    assert refused.status_code == 403
    csrf = csrf_of(client)
    taken = client.post(
        f"/medewerkers/aanvragen/{reference}/oppakken", data={"csrf": csrf}, follow_redirects=False
    )
    assert taken.status_code == 303
    assert "Afsluiten" in client.get(f"/medewerkers/aanvragen/{reference}").text
    assert "Afsluiten" not in other.get(f"/medewerkers/aanvragen/{reference}").text
    refused = other.post(close, data={"csrf": csrf_of(other), **form}, follow_redirects=False)
    assert refused.status_code == 403
    closed = client.post(close, data={"csrf": csrf, **form}, follow_redirects=False)
    assert closed.status_code == 303
    assert client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()["status"] == (
        "afgerond"
    )
