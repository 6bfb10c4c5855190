"""Helpers for the staff workspace tests: accounts and signing in through the real form."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from fastapi.testclient import TestClient

from handoff import accounts
from tests.handoff.conftest import services_of

PASSWORD = "een-lang-wachtwoord-42"
TEAMS = {"medewerker": "publiek-ondernemen", "coordinator": "publiek-ondernemen"}


def add_account(
    client: TestClient,
    role: str,
    name: str | None = None,
    municipality: str = "delft",
    team: str | None = "publiek-ondernemen",
) -> str:
    """A fresh account; returns its e-mail address."""
    name = name or f"Test {role.capitalize()}"
    email = f"{role}.{municipality}.{name.lower().replace(' ', '-')}@example.nl"
    with services_of(client).db.transaction() as session:
        accounts.create_account(
            session,
            email=email,
            name=name,
            municipality=municipality,
            role=role,
            team=team,
            password=PASSWORD,
            now=datetime.now(UTC),
        )
    return email


def csrf_of(client: TestClient, path: str = "/medewerkers/inloggen") -> str:
    page = client.get(path)
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, page.text[:500]
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> int:
    services_of(client).settings.session_cookie_secure = False  # the test client speaks HTTP
    csrf = csrf_of(client)
    response = client.post(
        "/medewerkers/inloggen",
        data={"csrf": csrf, "email": email, "password": password},
        follow_redirects=False,
    )
    return response.status_code


def csrf_after_sign_in(client: TestClient, role: str, name: str | None = None, *, page: str) -> str:
    """Signs a fresh account of `role` in; returns the CSRF token of the form on `page`."""
    assert sign_in(client, add_account(client, role, name)) == 303
    return csrf_of(client, page)
