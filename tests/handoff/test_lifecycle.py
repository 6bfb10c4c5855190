"""The case lifecycle: each party has its own status and the case status is derived from them
(and from the owner's actions), never taken from whoever reported last."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.handoff.conftest import STAFF, new_case, partner_key


def report(client: TestClient, party: str, reference: str, status: str, **extra: Any) -> Any:
    response = client.post(
        f"/api/v1/partner/cases/{reference}/status",
        json={"status": status, **extra},
        headers=partner_key(client, party),
    )
    assert response.status_code == 200, response.text
    return response.json()


def case_status(client: TestClient, reference: str) -> str:
    detail = client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()
    return str(detail["status"])


def test_partner_in_behandeling_does_not_become_the_case_status_before_the_lead_replies(
    client: TestClient,
) -> None:
    created = new_case(client)
    report(client, "delftse-fondsen", created["reference"], "in behandeling")
    assert case_status(client, created["reference"]) == "nieuw"


LEAD = "publiek-ondernemen"
FUND = "delftse-fondsen"


def staff_post(client: TestClient, path: str, body: Any = None, name: str | None = None) -> Any:
    headers = {**STAFF, **({"X-Loket-Staff-Name": name} if name else {})}
    response = client.post(f"/api/v1/staff/cases/{path}", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_case_moves_through_the_lifecycle_by_its_parties_statuses(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    report(client, LEAD, reference, "opgepakt")
    assert case_status(client, reference) == "opgepakt"
    report(client, FUND, reference, "in behandeling")
    assert case_status(client, reference) == "doorverwezen"
    report(client, LEAD, reference, "in behandeling")
    assert case_status(client, reference) == "in behandeling"
    report(client, LEAD, reference, "afgerond")
    assert case_status(client, reference) == "doorverwezen"  # the fund still has it
    report(client, FUND, reference, "afgerond")
    detail = client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()
    assert detail["status"] == "afgerond"
    changes = [a["detail"]["na"] for a in detail["audit"] if a["action"] == "status gewijzigd"]
    assert changes == ["opgepakt", "doorverwezen", "in behandeling", "doorverwezen", "afgerond"]


def test_the_older_word_ontvangen_counts_as_picked_up(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    report(client, LEAD, reference, "ontvangen")
    assert case_status(client, reference) == "opgepakt"


def test_a_decline_needs_a_reason(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    response = client.post(
        f"/api/v1/partner/cases/{reference}/status",
        json={"status": "niet passend"},
        headers=partner_key(client, FUND),
    )
    assert response.status_code == 422
    assert "reason" in response.text


def test_a_decline_returns_the_case_to_its_owner_with_a_route_without_that_party(
    client: TestClient,
) -> None:
    reference = new_case(client)["reference"]
    report(client, FUND, reference, "niet passend", note="Wij doen geen wormenhotels.")
    detail = client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()
    assert detail["returned"] is True
    assert detail["returned_by"] == FUND
    assert detail["returned_reason"] == "Wij doen geen wormenhotels."
    assert detail["status"] == "nieuw"  # the lead team has still not replied
    proposal = detail["proposal"]
    assert proposal is not None and FUND not in proposal["partners"]
    assert proposal["departments"][0] == LEAD
    assert any(r["rule"] == "uitgesloten" for r in proposal["reasons"])
    listed = client.get("/api/v1/staff/cases", headers=STAFF).json()
    assert listed[0]["returned"] is True

    rerouted = staff_post(client, f"{reference}/reroute", name="Sanne de Wit")
    assert FUND not in [p["party"] for p in rerouted["parties"]]
    assert rerouted["returned"] is False and rerouted["proposal"] is None
    assert rerouted["audit"][-1]["actor"] == "Sanne de Wit"


def test_the_owner_closes_the_case_whatever_the_parties_said(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    report(client, FUND, reference, "in behandeling")
    closed = staff_post(client, f"{reference}/close", {"outcome": "afgerond", "note": "Klaar."})
    assert closed["status"] == "afgerond"
    report(client, FUND, reference, "opgepakt")
    assert case_status(client, reference) == "afgerond"
