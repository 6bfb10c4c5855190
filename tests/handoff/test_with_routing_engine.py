"""End to end with the real routing engine: a case reaches its partner as a Dutch summary."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from handoff.app import create_app
from handoff.settings import Settings
from tests.handoff.conftest import FUNDING_INTAKE, new_case, partner_key


@pytest.fixture
def real_client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


def test_case_reaches_the_fund_network_as_a_readable_dutch_summary(
    real_client: TestClient,
) -> None:
    created = new_case(real_client, contact={"name": "Anna de Vries"})
    assert "delftse-fondsen" in created["route"]["partners"]
    assert created["route"]["reasons"]
    headers = partner_key(real_client, "delftse-fondsen")
    listed = real_client.get("/api/v1/partner/cases", headers=headers).json()
    assert [c["reference"] for c in listed] == [created["reference"]]
    text = real_client.get(
        f"/api/v1/partner/cases/{created['reference']}",
        headers={**headers, "Accept": "text/markdown"},
    ).text
    assert "## Doel" in text and "wormenhotel" in text
    assert "Fondsenspreekuur" in text
    assert "Anna de Vries" in text
    assert "Graag reageren vóór" in text


def test_route_endpoint_gives_the_engines_route_json(real_client: TestClient) -> None:
    from routing import Intake, get_router

    expected = get_router().route(Intake.model_validate(FUNDING_INTAKE)).model_dump(mode="json")
    assert real_client.post("/api/v1/route", json=FUNDING_INTAKE).json() == expected


def test_unknown_wijk_is_refused_listing_the_wijken(real_client: TestClient) -> None:
    response = real_client.post("/api/v1/route", json={**FUNDING_INTAKE, "wijk": "Atlantis"})
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["body", "wijk"]
    assert "Tanthof" in detail["ctx"]["valid"]


def test_health_names_the_rules_version_and_pipeline(real_client: TestClient) -> None:
    from routing import get_router

    body = real_client.get("/health").json()
    assert body["rules_version"] == get_router().rules_version
    assert body["pipeline"] == get_router().pipeline
