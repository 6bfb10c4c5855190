"""The staff dashboard's numbers equal hand-counted values of a fixture of records (#16)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.handoff.conftest import STAFF, services_of
from tests.handoff.monitoring_fixture import STILL_OPEN, add_record


@pytest.fixture
def filled(client: TestClient) -> TestClient:
    """Delft, by hand:

    A  2026-01 Tanthof  financiering  bewoner   lead publiek-ondernemen  geholpen  10 d  on time
       x2 (instrument subsidiescan); impact answers "gelukt" and "op-weg"
    B  2026-01 Hof van Delft  locatie  stichting  lead vastgoed  niet  30 d  late
       (instrument locatiescan); impact answer "gelukt"
    C  2026-02 Tanthof  financiering+locatie  bewoner  lead publiek-ondernemen  open,
       status "nieuw", late, no instrument offered
    D  2026-03 Tanthof  vergunning  bedrijf  lead vergunningen  open, status "niet passend",
       on time, no instrument offered
    E  2026-02 haarlem: never counted for delft
    """
    with services_of(client).db.transaction() as session:
        add_record(session, sdgs=("11", "12"), impact="gelukt")
        add_record(session, sdgs=("11", "12"), impact="op-weg")
        add_record(
            session,
            wijk="Hof van Delft",
            needs=("locatie",),
            organisation="stichting",
            lead="vastgoed",
            outcome="niet",
            lead_time_days=30,
            replied_in_time=False,
            instruments=("locatiescan",),
            offered=("locatiescan",),
            sdgs=("11",),
            impact="gelukt",
        )
        add_record(
            session,
            month="2026-02",
            needs=("financiering", "locatie"),
            status="nieuw",
            replied_in_time=False,
            sdgs=(),
            **STILL_OPEN,
        )
        add_record(
            session,
            month="2026-03",
            needs=("vergunning",),
            organisation="bedrijf",
            lead="vergunningen",
            status="niet passend",
            sdgs=("16",),
            **STILL_OPEN,
        )
        add_record(session, municipality="haarlem", month="2026-02", count=3, impact="niets")
    return client


def numbers(client: TestClient, **params: str) -> dict[str, Any]:
    response = client.get("/api/v1/staff/dashboard", params=params, headers=STAFF)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_dashboard_numbers_equal_the_hand_counted_values(filled: TestClient) -> None:
    body = numbers(filled, municipality="delft")
    assert body["demand_by_month"] == [["2026-01", 3], ["2026-02", 1], ["2026-03", 1]]
    assert body["demand_by_month_and_need"] == [
        ["2026-01", "financiering", 2],
        ["2026-01", "locatie", 1],
        ["2026-02", "financiering", 1],
        ["2026-02", "locatie", 1],
        ["2026-03", "vergunning", 1],
    ]
    assert body["demand"] == {
        "behoefte": [["financiering", 3], ["locatie", 2], ["vergunning", 1]],
        "sdg": [["11", 3], ["12", 2], ["16", 1]],
        "wijk": [["Tanthof", 4], ["Hof van Delft", 1]],
        "organisatie": [["bewoner", 3], ["bedrijf", 1], ["stichting", 1]],
    }
    assert body["teams"] == [
        {
            "team": "publiek-ondernemen",
            "cases": 3,
            "closed": 2,
            "mean_lead_time_days": 10.0,
            "replied_in_time": 2,
            "reply_compliance": 0.667,
        },
        {
            "team": "vastgoed",
            "cases": 1,
            "closed": 1,
            "mean_lead_time_days": 30.0,
            "replied_in_time": 0,
            "reply_compliance": 0.0,
        },
        {
            "team": "vergunningen",
            "cases": 1,
            "closed": 0,
            "mean_lead_time_days": None,
            "replied_in_time": 1,
            "reply_compliance": 1.0,
        },
    ]
    assert body["stalled"] == [["niet passend", 1], ["nieuw", 1]]
    assert body["instruments"] == [
        ["subsidiescan", {"geholpen": 2, "deels": 0, "niet": 0}],
        ["locatiescan", {"geholpen": 0, "deels": 0, "niet": 1}],
    ]
    assert body["unmet"] == [
        # locatie: B not helped, C without instrument
        {"need": "locatie", "cases": 2, "without_instrument": 1, "not_helped": 1, "unmet": 2},
        {"need": "financiering", "cases": 3, "without_instrument": 1, "not_helped": 0, "unmet": 1},
        {"need": "vergunning", "cases": 1, "without_instrument": 1, "not_helped": 1, "unmet": 1},
    ]
    assert body["outcomes"] == {"geholpen": 2, "deels": 0, "niet": 1}
    # Every answer, in the page's order; A and B answered, haarlem's "niets" is not Delft's.
    assert list(body["impact"].items()) == [
        ("gelukt", 2),
        ("op-weg", 1),
        ("niets", 0),
        ("gestopt", 0),
    ]


def test_the_period_filter_counts_only_its_months(filled: TestClient) -> None:
    body = numbers(filled, municipality="delft", since="2026-02", until="2026-02")
    assert body["demand_by_month"] == [["2026-02", 1]]
    assert body["outcomes"] == {"geholpen": 0, "deels": 0, "niet": 0}
    assert set(body["impact"].values()) == {0}
    assert body["stalled"] == [["nieuw", 1]]
    bad = filled.get(
        "/api/v1/staff/dashboard", params={"since": "2026-13"}, headers=STAFF
    ).status_code
    assert bad == 422
    reversed_ = filled.get(
        "/api/v1/staff/dashboard", params={"since": "2026-03", "until": "2026-01"}, headers=STAFF
    )
    assert reversed_.status_code == 422


def test_the_dashboard_is_for_staff_of_the_municipality_only(
    filled: TestClient, tmp_path: Any
) -> None:
    assert filled.get("/api/v1/staff/dashboard").status_code == 401
    assert filled.get("/api/v1/staff/dashboard.html").status_code == 401
    bad = {"Authorization": "Bearer wrong-token-0123456789"}
    assert filled.get("/api/v1/staff/dashboard", headers=bad).status_code == 403
    unknown = filled.get(
        "/api/v1/staff/dashboard", params={"municipality": "atlantis"}, headers=STAFF
    )
    assert unknown.status_code == 404


def test_the_dashboard_html_has_a_chart_and_a_table_for_each_view(filled: TestClient) -> None:
    response = filled.get(
        "/api/v1/staff/dashboard.html", params={"municipality": "delft"}, headers=STAFF
    )
    assert response.status_code == 200
    html = response.text
    charts = html.count('<svg class="chart-svg" role="img"')
    assert charts == 10
    assert html.count("<table") >= charts + 4
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert " style=" not in html and "<style" not in html  # the CSP allows no inline style
    # The hand-counted numbers appear in the tables.
    assert '<th scope="row">Tanthof</th><td>4</td>' in html
    assert '<th scope="row">SDG 11: Duurzame steden en gemeenschappen</th><td>3</td>' in html
    assert '<th scope="row">Mijn initiatief is gestart of gelukt</th><td>2</td>' in html
    assert '<th scope="row">Het heeft (nog) niets opgeleverd</th><td>0</td>' in html


def test_the_dashboard_page_is_served_without_data(client: TestClient) -> None:
    page = client.get("/medewerkers/dashboard")
    assert page.status_code == 200
    assert "Dashboard initiatieven" in page.text and "/static/dashboard.js" in page.text
    assert "Tanthof" not in page.text
