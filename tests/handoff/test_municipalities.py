"""Several municipalities in one service: the API routes by the intake's municipality, and
partners and staff see only their own municipality's cases (the admin token sees all)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from handoff.app import create_app
from handoff.deps import get_router
from handoff.models import Case, Delivery
from handoff.partners import set_key
from routing import Municipalities
from tests.handoff.conftest import FUNDING_INTAKE, STAFF, make_settings, services_of
from tests.handoff.fixed_router import FixedRouter
from tests.routing.test_municipalities import root_with_fixture

DELFT_STAFF = {"Authorization": "Bearer delft-staff-token-0123456789"}
LINDENDAM_STAFF = {"Authorization": "Bearer lindendam-staff-token-0123456789"}
SHOP = {"text": "Ik wil als ondernemer een winkel beginnen.", "municipality": "lindendam"}
PASSPORT = "Hoe kan ik mijn paspoort verlengen?"


@pytest.fixture
def client(
    database_url: str, tmp_path: Path, catalogue_router: FixedRouter
) -> Iterator[TestClient]:
    """Delft (with the fixed stand-in router) and the fixture municipality Lindendam."""
    from routing import get_router as engine

    root = root_with_fixture(tmp_path, "delft")
    settings = make_settings(
        database_url,
        tmp_path,
        municipalities_dir=root,
        staff_tokens={
            "delft": DELFT_STAFF["Authorization"][7:],
            "lindendam": LINDENDAM_STAFF["Authorization"][7:],
        },
    )
    app = create_app(settings)
    app.dependency_overrides[get_router] = lambda: catalogue_router
    services = app.state.services
    services.router = catalogue_router
    services.registry = Municipalities(root, "delft", pipeline=engine()._pipeline)
    with TestClient(app) as test_client:
        yield test_client


def make_case(client: TestClient, intake: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/v1/cases", json={"intake": intake, "consent": True})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def key_of(client: TestClient, party: str, municipality: str) -> dict[str, str]:
    with services_of(client).db.transaction() as session:
        return {"X-API-Key": set_key(session, party, municipality)}


def references(response: Any) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["reference"] for item in response.json()}


def test_route_uses_the_intakes_municipality_and_the_default_without_one(
    client: TestClient,
) -> None:
    there = client.post("/api/v1/route", json={"text": PASSPORT, "municipality": "lindendam"})
    assert there.status_code == 200
    assert there.json()["municipality"] == "lindendam"
    assert there.json()["general_contact"] == "14 099"
    here = client.post("/api/v1/route", json={"text": PASSPORT})
    assert here.json()["municipality"] == "delft" and here.json()["general_contact"] == "14 015"


def test_an_unknown_municipality_is_422_listing_the_known_ones_and_nothing_is_stored(
    client: TestClient,
) -> None:
    routed = client.post("/api/v1/route", json={"text": "x", "municipality": "nergenshuizen"})
    assert routed.status_code == 422
    detail = routed.json()["detail"][0]
    assert detail["loc"] == ["body", "municipality"]
    assert detail["msg"] == (
        "unknown municipality 'nergenshuizen'; known municipalities: delft, lindendam"
    )
    assert detail["ctx"]["valid"] == ["delft", "lindendam"]
    body = {"intake": {**FUNDING_INTAKE, "municipality": "nergenshuizen"}, "consent": True}
    refused = client.post("/api/v1/cases", json=body)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "intake", "municipality"]
    assert client.get("/api/v1/staff/cases", headers=STAFF).json() == []


def test_a_case_belongs_to_its_municipality_and_uses_its_catalogue(client: TestClient) -> None:
    created = make_case(client, SHOP)
    assert created["municipality"] == "lindendam"
    assert created["lead"] == "economie" and created["lead_name"] == "Economie Lindendam"
    status = client.get(f"/api/v1/cases/{created['reference']}", params={"token": created["token"]})
    assert status.json()["municipality"] == "lindendam"
    with services_of(client).db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == created["reference"])).one()
        targets = set(session.scalars(select(Delivery.target).where(Delivery.case_id == case.id)))
    # Summaries go to Lindendam's mailboxes, not to Delft's teams of the same ID.
    assert targets == {"economie@lindendam.example"}
    delft = make_case(client, FUNDING_INTAKE)
    assert delft["municipality"] == "delft" and delft["lead"] == "publiek-ondernemen"


def test_a_partner_sees_only_its_own_municipalitys_cases(client: TestClient) -> None:
    lindendam = make_case(client, SHOP)["reference"]
    delft = make_case(client, FUNDING_INTAKE)["reference"]
    assigned = client.post(
        f"/api/v1/staff/cases/{delft}/assign",
        json={"departments": ["publiek-ondernemen", "economie"]},
        headers=STAFF,
    )
    assert assigned.status_code == 200
    # Both catalogues have a team `economie`: each key opens its own municipality's only.
    ours, theirs = key_of(client, "economie", "lindendam"), key_of(client, "economie", "delft")
    assert references(client.get("/api/v1/partner/cases", headers=ours)) == {lindendam}
    assert references(client.get("/api/v1/partner/cases", headers=theirs)) == {delft}
    assert client.get(f"/api/v1/partner/cases/{delft}", headers=ours).status_code == 404
    report = {"status": "ontvangen"}
    refused = client.post(f"/api/v1/partner/cases/{delft}/status", json=report, headers=ours)
    assert refused.status_code == 404
    summary = client.get(f"/api/v1/partner/cases/{lindendam}", headers=ours).json()
    assert "Economie Lindendam" in [t["naam"] for t in summary["teams"]]
    assert summary["algemeen_nummer"] == "14 099"


def test_staff_of_a_municipality_see_its_cases_only_and_the_admin_sees_all(
    client: TestClient,
) -> None:
    lindendam = make_case(client, SHOP)["reference"]
    delft = make_case(client, FUNDING_INTAKE)["reference"]
    listed = "/api/v1/staff/cases"
    assert references(client.get(listed, headers=DELFT_STAFF)) == {delft}
    assert references(client.get(listed, headers=LINDENDAM_STAFF)) == {lindendam}
    assert references(client.get(listed, headers=STAFF)) == {delft, lindendam}
    only = {"municipality": "lindendam"}
    assert references(client.get(listed, params=only, headers=STAFF)) == {lindendam}
    assert client.get(listed, params=only, headers=DELFT_STAFF).status_code == 403
    csv = client.get("/api/v1/staff/cases.csv", headers=LINDENDAM_STAFF).text
    assert lindendam in csv and delft not in csv and "Gemeente Lindendam" in csv
    other = f"/api/v1/staff/cases/{lindendam}"
    assert client.get(other, headers=DELFT_STAFF).status_code == 404
    assert client.post(f"{other}/reroute", headers=DELFT_STAFF).status_code == 404
    assign = {"departments": ["publiek-ondernemen"]}
    assert client.post(f"{other}/assign", json=assign, headers=DELFT_STAFF).status_code == 404
    assert client.get(other, headers=LINDENDAM_STAFF).status_code == 200
    assert client.get(other, headers=STAFF).json()["municipality"] == "lindendam"


def test_staff_reroute_and_assign_use_the_cases_own_catalogue(client: TestClient) -> None:
    lindendam = make_case(client, SHOP)["reference"]
    path = f"/api/v1/staff/cases/{lindendam}"
    rerouted = client.post(f"{path}/reroute", headers=LINDENDAM_STAFF)
    assert rerouted.status_code == 200 and rerouted.json()["lead"] == "economie"
    # `subsidies` is a Delft team, unknown in Lindendam's catalogue.
    wrong = client.post(f"{path}/assign", json={"departments": ["subsidies"]}, headers=STAFF)
    assert wrong.status_code == 422
    assert "stadsloket" in wrong.json()["detail"][0]["msg"]


def test_routing_cases_run_for_the_staff_tokens_municipality(client: TestClient) -> None:
    report = client.get("/api/v1/staff/routing-cases", headers=LINDENDAM_STAFF).json()
    assert report["municipality"] == "lindendam" and report["total"] == 4
    assert report["failed"] == 0
    refused = client.get(
        "/api/v1/staff/routing-cases", params={"municipality": "delft"}, headers=LINDENDAM_STAFF
    )
    assert refused.status_code == 403


def test_a_default_or_staff_token_of_an_unknown_municipality_stops_the_app(
    tmp_path: Path,
) -> None:
    from routing import UnknownMunicipality

    url = f"sqlite:///{tmp_path}/loket.db"
    with pytest.raises(UnknownMunicipality, match="'nergenshuizen'; known municipalities: delft"):
        create_app(make_settings(url, tmp_path, default_municipality="nergenshuizen"))
    with pytest.raises(UnknownMunicipality, match="'nergens'"):
        create_app(make_settings(url, tmp_path, staff_tokens={"nergens": "token-0123456789"}))
