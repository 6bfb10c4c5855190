"""The inwoner's side: creating a case with consent, idempotency, status link, erasure."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from handoff.models import Case, Delivery
from tests.handoff.conftest import FUNDING_INTAKE, new_case, services_of


def count(client: TestClient, model: type) -> int:
    with services_of(client).db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_case_with_consent_is_stored_and_routed(client: TestClient) -> None:
    created = new_case(client)
    assert re.fullmatch(r"LOK-\d{4}-\d{6}", created["reference"])
    assert created["lead"] == "publiek-ondernemen"
    assert created["lead_name"] == "Team Publiek Ondernemen"
    assert "delftse-fondsen" in created["route"]["partners"]
    assert date.fromisoformat(created["reply_by"]) > date.today() - timedelta(days=1)
    assert created["token"] in created["status_url"]
    assert count(client, Case) == 1


def test_case_without_consent_is_refused_and_nothing_is_stored(client: TestClient) -> None:
    response = client.post("/api/v1/cases", json={"intake": FUNDING_INTAKE, "consent": False})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "consent"]
    assert "Consent" in response.json()["detail"][0]["msg"]
    assert count(client, Case) == 0


def test_client_cannot_dictate_the_route(client: TestClient) -> None:
    body = {"intake": FUNDING_INTAKE, "consent": True, "route": {"partners": ["maex"]}}
    assert client.post("/api/v1/cases", json=body).status_code == 422


def test_unknown_need_is_refused_with_the_valid_values(client: TestClient) -> None:
    intake = {**FUNDING_INTAKE, "needs": ["toverstaf"]}
    response = client.post("/api/v1/cases", json={"intake": intake, "consent": True})
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", "intake", "needs"]
    assert "financiering" in error["ctx"]["valid"]
    assert count(client, Case) == 0


def test_same_idempotency_key_returns_the_same_case_never_a_duplicate(client: TestClient) -> None:
    body = {"intake": FUNDING_INTAKE, "consent": True}
    headers = {"Idempotency-Key": "conv-42-handoff-1"}
    first = client.post("/api/v1/cases", json=body, headers=headers)
    again = client.post("/api/v1/cases", json=body, headers=headers)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["reference"] == first.json()["reference"]
    assert again.json()["token"] == first.json()["token"]
    assert count(client, Case) == 1
    other = client.post("/api/v1/cases", json=body, headers={"Idempotency-Key": "conv-43-xyz"})
    assert other.json()["reference"] != first.json()["reference"]


def test_status_link_needs_the_right_token(client: TestClient) -> None:
    created = new_case(client)
    reference = created["reference"]
    ok = client.get(f"/api/v1/cases/{reference}", params={"token": created["token"]})
    assert ok.status_code == 200
    assert ok.json()["status"] == "nieuw"
    assert datetime.fromisoformat(ok.json()["created_at"]).utcoffset() == timedelta(0)
    assert ok.json()["parties"][0]["party"] == "publiek-ondernemen"
    wrong = client.get(f"/api/v1/cases/{reference}", params={"token": "x" * 32})
    assert wrong.status_code == 404


def test_only_the_contact_fields_given_are_stored(client: TestClient) -> None:
    created = new_case(client, contact={"email": "info@voorbeeld.example"})
    with services_of(client).db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == created["reference"])).one()
        assert case.contact_email == "info@voorbeeld.example"
        assert case.contact_name is None
        assert case.contact_phone is None


def test_malformed_contact_is_refused_field_by_field(client: TestClient) -> None:
    body = {"intake": FUNDING_INTAKE, "consent": True, "contact": {"email": "geen-adres"}}
    response = client.post("/api/v1/cases", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "contact", "email"]


def test_erasing_a_case_removes_it_and_its_deliveries(client: TestClient) -> None:
    created = new_case(client)
    assert count(client, Delivery) >= 1  # the team's catalogue mailbox at least
    url = f"/api/v1/cases/{created['reference']}"
    assert client.delete(url, params={"token": "wrong-token-123"}).status_code == 404
    assert client.delete(url, params={"token": created["token"]}).status_code == 204
    assert count(client, Case) == 0
    assert count(client, Delivery) == 0
    assert client.get(url, params={"token": created["token"]}).status_code == 404


def test_route_endpoint_returns_the_route_json(client: TestClient) -> None:
    response = client.post("/api/v1/route", json=FUNDING_INTAKE)
    assert response.status_code == 200
    assert response.json()["departments"][0] == "publiek-ondernemen"
    assert set(response.json()) >= {"in_scope", "partners", "reasons", "rules_version"}


def test_reply_by_of_a_department(client: TestClient) -> None:
    response = client.get("/api/v1/departments/vergunningen/reply-by")
    assert response.status_code == 200
    assert response.json()["working_days"] == 10
    assert client.get("/api/v1/departments/nergens/reply-by").status_code == 404


def test_health_reports_database_and_rules(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["database"] is True
    assert body["status"] == "ok"
    assert body["rules_version"]


def test_concurrent_retries_with_one_idempotency_key_make_one_case(client: TestClient) -> None:
    from concurrent.futures import ThreadPoolExecutor

    body = {"intake": FUNDING_INTAKE, "consent": True}
    headers = {"Idempotency-Key": "conv-77-handoff-1"}
    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(
            pool.map(lambda _: client.post("/api/v1/cases", json=body, headers=headers), range(6))
        )
    assert sorted(r.status_code for r in responses)[-1] in (200, 201)
    assert {r.status_code for r in responses} <= {200, 201}
    assert len({r.json()["reference"] for r in responses}) == 1
    assert len({r.json()["token"] for r in responses}) == 1
    assert count(client, Case) == 1


def test_idempotency_key_reused_with_another_request_is_a_conflict(client: TestClient) -> None:
    headers = {"Idempotency-Key": "conv-88-handoff-1"}
    first = client.post(
        "/api/v1/cases", json={"intake": FUNDING_INTAKE, "consent": True}, headers=headers
    )
    assert first.status_code == 201
    other = {"intake": {**FUNDING_INTAKE, "wijk": "Voorhof"}, "consent": True}
    response = client.post("/api/v1/cases", json=other, headers=headers)
    assert response.status_code == 409
    assert count(client, Case) == 1


def test_a_reference_already_taken_is_drawn_again_and_the_case_is_whole(
    client: TestClient, monkeypatch
) -> None:
    first = new_case(client)
    drawn = iter([first["reference"], "LOK-2026-424242"])
    monkeypatch.setattr("handoff.cases.new_reference", lambda now: next(drawn))
    second = new_case(client, contact={"name": "Sanne de Wit", "email": "buurt@example.nl"})
    assert second["reference"] == "LOK-2026-424242"
    assert second["route"] == first["route"]
    with services_of(client).db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == second["reference"])).one()
        assert case.contact_email == "buurt@example.nl"
        assert case.intake["wijk"] == "Tanthof"
        assert case.deliveries, "the retry plans the deliveries too"
    assert count(client, Case) == 2
