"""An owner for every case: assign or take it, every change on the timeline, and the inwoner
sees the owning team (and a named contact only where the municipality enables it)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.handoff.conftest import STAFF, new_case, services_of
from tests.handoff.fixed_router import FixedRouter

NAME = {"X-Loket-Staff-Name": "Sanne de Wit"}


def post(client: TestClient, path: str, body: Any = None, **headers: str) -> Any:
    return client.post(f"/api/v1/staff/cases/{path}", json=body, headers={**STAFF, **headers})


def public(client: TestClient, created: dict[str, Any], html: bool = False) -> Any:
    response = client.get(
        f"/api/v1/cases/{created['reference']}",
        params={"token": created["token"]},
        headers={"Accept": "text/html"} if html else {},
    )
    return response.text if html else response.json()


def test_a_coordinator_assigns_an_owner_and_the_change_is_on_the_timeline(
    client: TestClient,
) -> None:
    created = new_case(client)
    response = post(
        client,
        f"{created['reference']}/owner",
        {"name": "Karim Bouzid", "team": "publiek-ondernemen"},
        **{"X-Loket-Staff-Name": "Els Jansen"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["owner_name"] == "Karim Bouzid" and body["owner_team"] == "publiek-ondernemen"
    assert body["status"] == "opgepakt"  # someone of the lead team has it now
    event = next(a for a in body["audit"] if a["action"] == "eigenaar")
    assert event["actor"] == "Els Jansen"
    assert event["detail"]["na"] == {"team": "publiek-ondernemen", "naam": "Karim Bouzid"}
    listed = client.get("/api/v1/staff/cases", params={"owner": "Karim Bouzid"}, headers=STAFF)
    assert [c["reference"] for c in listed.json()] == [created["reference"]]


def test_a_medewerker_takes_a_case_themselves(client: TestClient) -> None:
    created = new_case(client)
    nameless = post(client, f"{created['reference']}/take")
    assert nameless.status_code == 422 and nameless.json()["detail"]
    taken = post(client, f"{created['reference']}/take", **NAME).json()
    assert taken["owner_name"] == "Sanne de Wit"
    again = post(client, f"{created['reference']}/owner", {"name": "Karim Bouzid"}, **NAME).json()
    owners = [a["detail"]["na"]["naam"] for a in again["audit"] if a["action"] == "eigenaar"]
    assert owners == ["Sanne de Wit", "Karim Bouzid"]


def test_only_the_lead_team_or_the_loket_team_can_own_a_case(client: TestClient) -> None:
    created = new_case(client)
    response = post(client, f"{created['reference']}/owner", {"name": "X Y", "team": "subsidies"})
    assert response.status_code == 422
    assert "publiek-ondernemen" in response.text


def test_another_municipalitys_staff_cannot_own_the_case(client: TestClient) -> None:
    services_of(client).settings.staff_tokens = {"haarlem": "haarlem-token-0123456789"}
    created = new_case(client)
    response = client.post(
        f"/api/v1/staff/cases/{created['reference']}/take",
        headers={"Authorization": "Bearer haarlem-token-0123456789", **NAME},
    )
    assert response.status_code == 404


def test_the_inwoner_sees_the_owning_team_and_the_named_contact_where_enabled(
    client: TestClient, catalogue_router: FixedRouter
) -> None:
    created = new_case(client)
    assert public(client, created)["owner_team"] is None
    post(client, f"{created['reference']}/take", **NAME)
    body = public(client, created)
    assert body["owner_team"] == "Team Publiek Ondernemen"
    assert body["contact_person"] == "Sanne de Wit"  # Delft enables a named contact
    page = public(client, created, html=True)
    assert "Uw vaste aanspreekpunt is <strong>Sanne de Wit</strong>" in page

    catalogue = catalogue_router.catalogue
    unnamed = catalogue.model_copy(
        update={"municipality": catalogue.municipality.model_copy(update={"named_contact": False})}
    )
    services_of(client).router = FixedRouter(unnamed)
    body = public(client, created)
    assert body["owner_team"] == "Team Publiek Ondernemen" and body["contact_person"] is None
    page = public(client, created, html=True)
    assert "Sanne de Wit" not in page and "Team Publiek Ondernemen" in page
