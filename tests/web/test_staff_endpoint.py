"""GET /api/v1/staff/routing-cases: staff-only runner of the routing cases."""

from __future__ import annotations

import copy
from collections.abc import Callable

from fastapi.testclient import TestClient

import routing
from tests.web.conftest import STAFF_TOKEN


def test_routing_cases_need_the_staff_token(web_client_factory: Callable[..., TestClient]) -> None:
    client = web_client_factory()
    assert client.get("/api/v1/staff/routing-cases").status_code == 401
    wrong = client.get("/api/v1/staff/routing-cases", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403


def test_routing_cases_report_pass_and_fail_per_case(
    web_client_factory: Callable[..., TestClient],
) -> None:
    client = web_client_factory()
    response = client.get(
        "/api/v1/staff/routing-cases", headers={"Authorization": f"Bearer {STAFF_TOKEN}"}
    )
    assert response.status_code == 200
    report = response.json()
    assert report["total"] == len(report["cases"]) > 10
    assert report["passed"] + report["failed"] == report["total"]
    assert {"name", "passed", "message", "fired"} <= set(report["cases"][0])
    assert "content-security-policy" in response.headers


def test_the_staff_runner_and_the_explanation_page_use_the_apps_router(
    web_client_factory: Callable[..., TestClient],
) -> None:
    class InjectedRouter(routing.Router):
        @property
        def rules_version(self) -> str:
            return "injected-rules"

    injected = copy.copy(routing.get_router())
    injected.__class__ = InjectedRouter
    client = web_client_factory()
    client.app.state.services.router = injected  # type: ignore[attr-defined]
    report = client.get(
        "/api/v1/staff/routing-cases", headers={"Authorization": f"Bearer {STAFF_TOKEN}"}
    ).json()
    assert report["rules_version"] == "injected-rules"
    assert "injected-rules" in client.get("/zo-werkt-het").text
