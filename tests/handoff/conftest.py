"""Fixtures: the app on SQLite and on a real PostgreSQL server, partners with keys, helpers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, MetaData, Table, create_engine, text

from handoff.app import create_app
from handoff.db import Database
from handoff.deps import Services, get_router
from handoff.models import Base
from handoff.partners import set_key
from handoff.settings import Settings
from routing import load_catalogue
from tests.handoff.fixed_router import FixedRouter
from tests.postgres import TempPostgres

ROOT = Path(__file__).resolve().parents[2]
STAFF_TOKEN = "staff-token-for-tests-0123456789"


@pytest.fixture(scope="session")
def catalogue_router() -> FixedRouter:
    """A router with fixed, rule-independent routes: tests don't break when rules change."""
    return FixedRouter(load_catalogue(ROOT / "data/municipalities/delft/catalogue.yml"))


@pytest.fixture(scope="session")
def postgres() -> Iterator[TempPostgres]:
    """One real PostgreSQL server for the session. No PostgreSQL installed: the tests fail."""
    with TempPostgres() as server:
        Database(server.url).upgrade()
        yield server


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database of its own (also on the session's PostgreSQL server) to migrate by hand."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path}/loket.db")
        yield db
        db.dispose()
        return
    server: TempPostgres = request.getfixturevalue("postgres")
    admin = create_engine(server.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS loket_migration"))
        connection.execute(text("CREATE DATABASE loket_migration"))
    db = Database(server.url.rsplit("/", 1)[0] + "/loket_migration")
    yield db
    db.dispose()
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE loket_migration"))
    admin.dispose()


def _empty(db: Database) -> None:
    with db.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(text(f"DELETE FROM {table.name}"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test using this runs twice: on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/loket.db"
        db = Database(url)
        db.upgrade()
        db.dispose()
        yield url
        return
    server: TempPostgres = request.getfixturevalue("postgres")
    db = Database(server.url)
    _empty(db)
    yield server.url
    db.dispose()


def make_settings(database_url: str, tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "migrate_on_start": False,
        "staff_token": STAFF_TOKEN,
        "secret_key": "secret-key-for-tests",
        "rate_limit_per_minute": 1_000_000,
        "rate_limit_burst": 1_000_000,
        "delivery_backoff_seconds": 0,
        "staff_token_file": tmp_path / "staff-token",
        "secret_key_file": tmp_path / "secret-key",
        "service_token_file": tmp_path / "service-token",
        # No Rasa, action server or worker runs here; tests/handoff/test_health.py checks them.
        "health_check_processes": False,
        **overrides,
    }
    return Settings(**values)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path)


@pytest.fixture
def client(settings: Settings, catalogue_router: FixedRouter) -> Iterator[TestClient]:
    app = create_app(settings)
    app.dependency_overrides[get_router] = lambda: catalogue_router
    app.state.services.router = catalogue_router
    with TestClient(app) as test_client:
        yield test_client


def services_of(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def partner_key(client: TestClient, party: str) -> dict[str, str]:
    """Headers with a fresh API key for `party`."""
    with services_of(client).db.transaction() as session:
        key = set_key(session, party)
    return {"X-API-Key": key}


STAFF = {"Authorization": f"Bearer {STAFF_TOKEN}"}

FUNDING_INTAKE = {
    "text": "Wij willen een wormenhotel in de wijk beginnen en zoeken geld.",
    "needs": ["financiering"],
    "stage": "idee",
    "organisation": "bewoner",
    "wijk": "Tanthof",
}


def new_case(client: TestClient, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"intake": FUNDING_INTAKE, "consent": True, **overrides}
    response = client.post("/api/v1/cases", json=body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def sqlite_client(tmp_path: Path, router: FixedRouter, **overrides: object) -> TestClient:
    """A client of an app on its own SQLite file, with settings overridden (not yet started)."""
    settings = make_settings(
        f"sqlite:///{tmp_path}/loket.db", tmp_path, migrate_on_start=True, **overrides
    )
    app = create_app(settings, router=router)
    app.dependency_overrides[get_router] = lambda: router
    return TestClient(app)


def insert_old_case(
    connection: Connection, reference: str, needs: str = ",", sdgs: str = ",", **values: Any
) -> int:
    """A case row as a migration before 0007 stored it (tags as ",a,b," strings); `values`
    adds or replaces columns."""
    now = datetime.now(UTC).replace(tzinfo=None)
    cases = Table("cases", MetaData(), autoload_with=connection)
    row = {
        "reference": reference,
        "token_hash": "0" * 64,
        "created_at": now,
        "updated_at": now,
        "status": "nieuw",
        "intake": {"text": "Een moestuin."},
        "route": {},
        "need_tags": needs,
        "sdg_tags": sdgs,
        "reply_by": "2026-12-01",
        "consent_at": now,
        **values,
    }
    result = connection.execute(cases.insert().values(**row))
    return int(result.inserted_primary_key[0])


def insert_old_assignment(
    connection: Connection, case_id: int, party: str, kind: str, position: int
) -> None:
    """An assignment row (status nieuw) as the migrations before 0008 stored it."""
    assignments = Table("assignments", MetaData(), autoload_with=connection)
    now = datetime.now(UTC).replace(tzinfo=None)
    connection.execute(
        assignments.insert().values(
            case_id=case_id,
            party=party,
            kind=kind,
            position=position,
            status="nieuw",
            updated_at=now,
        )
    )
