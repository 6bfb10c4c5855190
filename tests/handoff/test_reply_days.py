"""How soon a team answers a new case: its catalogue's `reply_days`, else the service's defaults
for the loket team and the other teams; the operator's setting `reply_days` overrides them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from handoff.app import create_app
from handoff.cases import reply_days
from handoff.workdays import add_working_days
from routing import Municipalities, load_catalogue
from tests.handoff.conftest import make_settings
from tests.routing.test_municipalities import root_with_fixture

ECONOMIE = "    name: Economie Lindendam\n"
SHOP = {"text": "Ik wil als ondernemer een winkel beginnen.", "municipality": "lindendam"}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Delft and the fixture municipality, whose team `economie` answers within 7 days."""
    root = root_with_fixture(tmp_path, "delft")
    path = root / "lindendam" / "catalogue.yml"
    text = path.read_text(encoding="utf-8")
    assert ECONOMIE in text
    path.write_text(text.replace(ECONOMIE, ECONOMIE + "    reply_days: 7\n"), encoding="utf-8")
    return root


def test_the_catalogue_gives_a_teams_days_and_the_operators_setting_wins(
    root: Path, tmp_path: Path
) -> None:
    catalogue = load_catalogue(root / "lindendam" / "catalogue.yml")
    settings = make_settings("sqlite://", tmp_path)
    assert reply_days(settings, catalogue, "economie") == 7
    assert reply_days(settings, catalogue, "stadsloket") == settings.reply_days_loket_team == 3
    assert reply_days(settings, catalogue, "groen") == settings.reply_days_default == 5
    assert reply_days(settings, catalogue, None) == 5
    override = make_settings("sqlite://", tmp_path, reply_days={"economie": 12, "groen": 2})
    assert reply_days(override, catalogue, "economie") == 12
    assert reply_days(override, catalogue, "groen") == 2


def test_the_operators_setting_is_empty_by_default(tmp_path: Path) -> None:
    assert make_settings("sqlite://", tmp_path).reply_days == {}


@pytest.fixture
def client(database_url: str, tmp_path: Path, root: Path) -> Iterator[TestClient]:
    from routing import get_router as engine

    app = create_app(make_settings(database_url, tmp_path, municipalities_dir=root))
    app.state.services.registry = Municipalities(root, "delft", pipeline=engine()._pipeline)
    with TestClient(app) as test_client:
        yield test_client


def test_the_api_and_a_new_case_use_the_catalogues_reply_days(client: TestClient) -> None:
    answer = client.get("/api/v1/departments/economie/reply-by?municipality=lindendam").json()
    assert answer["working_days"] == 7
    assert date.fromisoformat(answer["reply_by"]) == add_working_days(datetime.now(UTC).date(), 7)
    # Delft's team of the same ID has no reply_days of its own: the default
    delft = client.get("/api/v1/departments/economie/reply-by?municipality=delft").json()
    assert delft["working_days"] == 5
    assert client.get("/api/v1/departments/vergunningen/reply-by").json()["working_days"] == 10
    route = client.post("/api/v1/route", json=SHOP).json()
    assert route["departments"][0] == "economie", route
    before = datetime.now(UTC).date()
    response = client.post("/api/v1/cases", json={"intake": SHOP, "consent": True})
    assert response.status_code == 201, response.text
    days = {add_working_days(day, 7) for day in (before, datetime.now(UTC).date())}
    assert date.fromisoformat(response.json()["reply_by"]) in days
