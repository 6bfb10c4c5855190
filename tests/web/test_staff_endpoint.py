"""GET /api/v1/staff/routing-cases: staff-only runner of the routing cases."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

TOKEN = "staff-secret-token"


def test_routing_cases_need_the_staff_token(web_client_factory: Callable[..., TestClient]) -> None:
    client = web_client_factory(staff_token=TOKEN)
    assert client.get("/api/v1/staff/routing-cases").status_code == 401
    wrong = client.get("/api/v1/staff/routing-cases", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert "medewerkerstoken" in wrong.json()["detail"]


def test_routing_cases_are_closed_when_no_token_is_configured(
    web_client_factory: Callable[..., TestClient],
) -> None:
    client = web_client_factory(staff_token=None)
    response = client.get("/api/v1/staff/routing-cases", headers={"Authorization": "Bearer "})
    assert response.status_code == 401


def test_routing_cases_report_pass_and_fail(
    web_client_factory: Callable[..., TestClient], cases_module: None
) -> None:
    client = web_client_factory(staff_token=TOKEN)
    response = client.get(
        "/api/v1/staff/routing-cases", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 200
    report = response.json()
    assert report["total"] == len(report["cases"]) > 0
    assert report["passed"] + report["failed"] == report["total"]
    assert {"name", "passed", "message"} <= set(report["cases"][0])
