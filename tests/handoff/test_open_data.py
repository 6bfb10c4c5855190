"""Open data: k-anonymous counts from the anonymised records, with a validated schema."""

from __future__ import annotations

import csv
import io
import json

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from handoff.monitoring.opendata import SCHEMA_FILE
from handoff.settings import Settings
from tests.handoff.conftest import services_of
from tests.handoff.monitoring_fixture import add_record


def fill(client: TestClient) -> None:
    with services_of(client).db.transaction() as session:
        # 6 helped in Tanthof (lead times 10 and 20: mean 15), published.
        add_record(session, count=3, lead_time_days=10)
        add_record(session, count=3, lead_time_days=20)
        # 4 in Hof van Delft: fewer than 5, left out.
        add_record(session, wijk="Hof van Delft", count=4)
        # 5 open cases with two needs each: one row per need, each of 5.
        add_record(
            session,
            month="2026-02",
            needs=("locatie", "vergunning"),
            outcome=None,
            lead_time_days=None,
            status="in behandeling",
            count=5,
        )
        # Another municipality's 9 records never show.
        add_record(session, municipality="haarlem", count=9)


def test_open_data_counts_suppress_small_cells_and_match_the_schema(client: TestClient) -> None:
    fill(client)
    response = client.get("/open-data/delft/cases.json")
    assert response.status_code == 200
    body = response.json()
    jsonschema_rs.validator_for(json.loads(SCHEMA_FILE.read_text())).validate(body)
    assert body["minimum_aantal"] == 5
    assert body["rijen"] == [
        {
            "maand": "2026-01",
            "wijk": "Tanthof",
            "behoefte": "financiering",
            "organisatie": "bewoner",
            "uitkomst": "geholpen",
            "aantal": 6,
            "doorlooptijd_dagen": 15.0,
        },
        *[
            {
                "maand": "2026-02",
                "wijk": "Tanthof",
                "behoefte": need,
                "organisatie": "bewoner",
                "uitkomst": "open",
                "aantal": 5,
                "doorlooptijd_dagen": None,
            }
            for need in ("locatie", "vergunning")
        ],
    ]
    assert all(row["aantal"] >= 5 for row in body["rijen"])
    served = client.get("/open-data/schema.json").json()
    assert served == json.loads(SCHEMA_FILE.read_text())


def test_csv_has_the_same_rows(client: TestClient) -> None:
    fill(client)
    response = client.get("/open-data/delft/cases.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["wijk"], r["behoefte"], r["aantal"]) for r in rows] == [
        ("Tanthof", "financiering", "6"),
        ("Tanthof", "locatie", "5"),
        ("Tanthof", "vergunning", "5"),
    ]
    assert rows[1]["doorlooptijd_dagen"] == ""


def test_the_threshold_is_a_setting(client: TestClient) -> None:
    fill(client)
    services = services_of(client)
    services.settings = services.settings.model_copy(update={"open_data_min_count": 3})
    body = client.get("/open-data/delft/cases.json").json()
    assert body["minimum_aantal"] == 3
    assert ("Hof van Delft", 4) in [(r["wijk"], r["aantal"]) for r in body["rijen"]]


def test_an_unknown_municipality_is_a_404(client: TestClient) -> None:
    page = client.get("/open-data/atlantis/cases.csv")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Deze gemeente kennen wij niet" in page.text and 'lang="nl"' in page.text
    data = client.get("/open-data/atlantis/cases.json")
    assert data.status_code == 404
    assert "atlantis" in data.json()["detail"] and "delft" in data.json()["detail"]


def test_the_threshold_is_read_from_loket_open_data_min_count(monkeypatch) -> None:
    monkeypatch.setenv("LOKET_OPEN_DATA_MIN_COUNT", "7")
    assert Settings(_env_file=None).open_data_min_count == 7  # type: ignore[call-arg]
    monkeypatch.setenv("LOKET_OPEN_DATA_MIN_COUNT", "1")
    with pytest.raises(ValidationError, match="open_data_min_count"):
        Settings(_env_file=None)  # type: ignore[call-arg]
