"""Consent per party: a case goes only to the teams and partners the inwoner agreed to."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from handoff.models import Case, Delivery
from handoff.partners import configure
from tests.handoff.conftest import FUNDING_INTAKE, STAFF, new_case, services_of

# FixedRouter's route of FUNDING_INTAKE: teams publiek-ondernemen (lead), subsidies;
# partners delftse-fondsen, voor-je-buurt.
ROUTE = ["publiek-ondernemen", "subsidies", "delftse-fondsen", "voor-je-buurt"]


def mailbox_for_every_party(client: TestClient) -> None:
    with services_of(client).db.transaction() as session:
        for party in ROUTE:
            configure(session, party, email=f"{party}@example.nl")


def parties_of_case(client: TestClient, reference: str) -> tuple[list[str], set[str]]:
    with services_of(client).db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        deliveries = session.scalars(select(Delivery).where(Delivery.case_id == case.id))
        return [a.party for a in case.assignments], {d.party for d in deliveries}


def test_without_a_list_the_case_goes_to_every_party_of_the_route(client: TestClient) -> None:
    mailbox_for_every_party(client)
    created = new_case(client)
    assigned, delivered = parties_of_case(client, created["reference"])
    assert assigned == ROUTE
    assert delivered == set(ROUTE)


def test_deliveries_are_exactly_the_consented_parties(client: TestClient) -> None:
    mailbox_for_every_party(client)
    consented = ["publiek-ondernemen", "delftse-fondsen"]
    created = new_case(client, recipients=consented)
    assigned, delivered = parties_of_case(client, created["reference"])
    assert assigned == consented
    assert delivered == set(consented)
    status = client.get(
        f"/api/v1/cases/{created['reference']}",
        params={"token": created["token"]},
        headers={"Accept": "application/json"},
    ).json()
    assert [p["party"] for p in status["parties"]] == consented


def test_leaving_out_the_lead_team_is_refused_and_nothing_is_stored(client: TestClient) -> None:
    body = {"intake": FUNDING_INTAKE, "consent": True, "recipients": ["subsidies"]}
    response = client.post("/api/v1/cases", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "recipients"]
    with services_of(client).db.session() as session:
        assert session.scalars(select(Case)).first() is None


def test_a_consented_party_outside_the_route_gets_nothing(client: TestClient) -> None:
    created = new_case(client, recipients=["publiek-ondernemen", "kvk"])
    assigned, _ = parties_of_case(client, created["reference"])
    assert assigned == ["publiek-ondernemen"]


def test_reroute_never_adds_a_party_the_inwoner_left_out(client: TestClient) -> None:
    mailbox_for_every_party(client)
    created = new_case(client, recipients=["publiek-ondernemen", "voor-je-buurt"])
    response = client.post(f"/api/v1/staff/cases/{created['reference']}/reroute", headers=STAFF)
    assert response.status_code == 200
    assigned, delivered = parties_of_case(client, created["reference"])
    assert assigned == ["publiek-ondernemen", "voor-je-buurt"]
    assert delivered == {"publiek-ondernemen", "voor-je-buurt"}
