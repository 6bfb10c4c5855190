"""Fixtures for the web tests: an app with the web router, a fake Rasa, live servers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from handoff.web import router
from handoff.web.settings import WebSettings, get_web_settings
from tests.web.fake_rasa import create_fake_rasa
from tests.web.servers import free_port, serve

ROOT = Path(__file__).resolve().parents[2]


def make_web_app(**settings: object) -> FastAPI:
    """The web router in a bare app, with settings overridden (the handoff app is separate)."""
    app = FastAPI()
    app.include_router(router)
    configured = WebSettings(routing_dir=str(ROOT / "data/routing"), **settings)  # type: ignore[arg-type]
    app.dependency_overrides[get_web_settings] = lambda: configured
    return app


@pytest.fixture
def web_client_factory() -> Callable[..., TestClient]:
    def factory(**settings: object) -> TestClient:
        return TestClient(make_web_app(**settings))

    return factory


@pytest.fixture(scope="session")
def fake_rasa_url() -> Iterator[str]:
    with serve(create_fake_rasa()) as url:
        yield url


@pytest.fixture
def dead_rasa_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    """Debian's Chromium: `playwright install` cannot download browsers here."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium"}


@pytest.fixture(scope="session")
def live_web_url(fake_rasa_url: str) -> Iterator[str]:
    """The web pages served by uvicorn on a free port, chatting with the fake Rasa."""
    with serve(make_web_app(rasa_url=fake_rasa_url)) as url:
        yield url
