"""The staff side: one list of all initiatives, filters, CSV, detail, re-route and assign."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from tests.handoff.conftest import STAFF, new_case, partner_key

WORK = {"text": "Leerwerkplekken.", "needs": ["personeel"], "wijk": "Voorhof"}


def references(response_json: list[dict[str, object]]) -> set[object]:
    return {c["reference"] for c in response_json}


def test_staff_list_needs_the_staff_token(client: TestClient) -> None:
    assert client.get("/api/v1/staff/cases").status_code == 401
    bad = {"Authorization": "Bearer not-the-token"}
    assert client.get("/api/v1/staff/cases", headers=bad).status_code == 403
    key = partner_key(client, "maex")
    assert client.get("/api/v1/staff/cases", headers=key).status_code == 401


def test_staff_filter_cases(client: TestClient) -> None:
    funding = new_case(client)["reference"]
    work = new_case(client, intake=WORK)["reference"]

    def listed(**params: object) -> set[object]:
        response = client.get("/api/v1/staff/cases", params=params, headers=STAFF)
        assert response.status_code == 200, response.text
        return references(response.json())

    assert listed() == {funding, work}
    assert listed(need="personeel") == {work}
    assert listed(wijk="Tanthof") == {funding}
    assert listed(partner="delftse-fondsen") == {funding}
    assert listed(department="werk-inkomen") == {work}
    assert listed(department="publiek-ondernemen") == {funding, work}
    assert listed(status="nieuw") == {funding, work}
    assert listed(status="afgerond") == set()
    assert listed(since="2000-01-01T00:00:00Z", until="2001-01-01T00:00:00Z") == set()


def test_staff_export_csv(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    response = client.get("/api/v1/staff/cases.csv", headers=STAFF)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[0]["referentie"] == reference
    assert rows[0]["regie"] == "Team Publiek Ondernemen"
    assert "info@" not in response.text


def test_staff_case_detail_has_reasons_statuses_and_deliveries(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    detail = client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()
    assert detail["route"]["reasons"][0]["reden"]
    assert detail["parties"][0]["party"] == "publiek-ondernemen"
    assert detail["deliveries"][0]["status"] == "pending"
    assert detail["audit"][0]["action"] == "aangemaakt"
    assert client.get("/api/v1/staff/cases/LOK-2000-000000", headers=STAFF).status_code == 404


def test_staff_assign_keeps_an_audit_trail_and_informs_the_new_partner(
    client: TestClient,
) -> None:
    reference = new_case(client)["reference"]
    response = client.post(
        f"/api/v1/staff/cases/{reference}/assign",
        json={"departments": ["wijken"], "partners": ["maex"], "note": "Past beter bij wijk"},
        headers=STAFF,
    )
    assert response.status_code == 200, response.text
    detail = response.json()
    assert detail["lead"] == "wijken"
    assert [p["party"] for p in detail["parties"]] == ["wijken", "maex"]
    assert detail["audit"][-1]["action"] == "toegewezen"
    assert detail["audit"][-1]["detail"]["voor"][0] == "publiek-ondernemen"
    maex = partner_key(client, "maex")
    assert client.get(f"/api/v1/partner/cases/{reference}", headers=maex).status_code == 200
    fund = partner_key(client, "delftse-fondsen")
    assert client.get(f"/api/v1/partner/cases/{reference}", headers=fund).status_code == 404


def test_staff_assign_refuses_unknown_ids(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    response = client.post(
        f"/api/v1/staff/cases/{reference}/assign",
        json={"departments": ["nergens"]},
        headers=STAFF,
    )
    assert response.status_code == 422
    assert "publiek-ondernemen" in response.json()["detail"][0]["msg"]


def test_staff_reroute_keeps_reported_statuses(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    fund = partner_key(client, "delftse-fondsen")
    client.post(
        f"/api/v1/partner/cases/{reference}/status", json={"status": "ontvangen"}, headers=fund
    )
    response = client.post(f"/api/v1/staff/cases/{reference}/reroute", headers=STAFF)
    assert response.status_code == 200
    parties = {p["party"]: p["status"] for p in response.json()["parties"]}
    assert parties["delftse-fondsen"] == "ontvangen"
    assert response.json()["audit"][-1]["action"] == "herrouterd"
