"""Fixtures for the web tests: the handoff app (with the web router), a fake Rasa, live servers."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from handoff.app import create_app
from handoff.partners import set_key
from handoff.settings import Settings
from routing import get_router
from tests.web.fake_rasa import create_fake_rasa
from tests.web.servers import free_port, serve

ROOT = Path(__file__).resolve().parents[2]
STAFF_TOKEN = "staff-test-token-0123456789"
# The public pages: rendered with a strict CSP (test_pages.py), and in Chromium free of serious
# axe violations at 1280 and 320 px (test_browser_widget.py).
PAGES = [
    "/",
    "/medewerkers",
    "/medewerkers/dashboard",
    "/partner",
    "/delft/",
    "/delft/privacy",
    "/delft/toegankelijkheid",
    "/delft/zo-werkt-het",
]


def make_web_app(municipalities_dir: Path | None = None, **web_settings: Any) -> FastAPI:
    """The real handoff app on a fresh SQLite file, with the web settings overridden (and
    the municipalities of `municipalities_dir`, default the repository's)."""
    tmp = Path(tempfile.mkdtemp(prefix="loket-web-"))
    settings = Settings(
        database_url=f"sqlite:///{tmp}/loket.db",
        migrate_on_start=True,
        staff_token=STAFF_TOKEN,
        secret_key="secret-key-for-web-tests",
        staff_token_file=tmp / "staff-token",
        secret_key_file=tmp / "secret-key",
        rate_limit_per_minute=1_000_000,
        rate_limit_burst=1_000_000,
        health_check_processes=False,  # no Rasa, action server or worker behind these pages
        municipalities_dir=municipalities_dir,
        **web_settings,
    )
    return create_app(settings)


def partner_key(app: FastAPI, party: str) -> str:
    with app.state.services.db.transaction() as session:
        key: str = set_key(session, party)
    return key


@pytest.fixture
def web_client_factory() -> Callable[..., TestClient]:
    def factory(municipalities_dir: Path | None = None, **settings: Any) -> TestClient:
        return TestClient(make_web_app(municipalities_dir, **settings))

    return factory


@pytest.fixture(scope="session")
def fake_rasa() -> FastAPI:
    return create_fake_rasa()


@pytest.fixture(scope="session")
def fake_rasa_url(fake_rasa: FastAPI) -> Iterator[str]:
    with serve(fake_rasa) as url:
        yield url


@pytest.fixture
def dead_rasa_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium: `playwright install` cannot download browsers here."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium"}


@pytest.fixture(scope="session")
def live_app(fake_rasa_url: str) -> FastAPI:
    get_router()  # load the routing engine (spaCy) once, before the first request times it
    return make_web_app(rasa_url=fake_rasa_url)


@pytest.fixture(scope="session")
def live_web_url(live_app: FastAPI, fake_rasa: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free port (lifespan runs: migrations), fake Rasa (which
    makes its cases through this app's API, as the action server does)."""
    with serve(live_app) as url:
        fake_rasa.state.api_url = url
        yield url
