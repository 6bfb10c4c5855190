"""Fixtures for the web tests: an app with the web router, a fake Rasa, live servers."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import Body, FastAPI
from fastapi.testclient import TestClient

from handoff.web import router
from handoff.web.settings import WebSettings, get_web_settings
from routing import get_router
from tests.web.fake_rasa import create_fake_rasa
from tests.web.servers import free_port, serve

ROOT = Path(__file__).resolve().parents[2]


def make_web_app(**settings: object) -> FastAPI:
    """The web router in a bare app, with settings overridden (the handoff app is separate)."""
    app = FastAPI()
    app.include_router(router)
    configured = WebSettings(**settings)  # type: ignore[arg-type]
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


STAFF_TOKEN = "staff-test-token"


def add_route_endpoint(app: FastAPI) -> None:
    """Stand-in for the handoff service's `POST /api/v1/route` (same contract: Route JSON)."""

    @app.post("/api/v1/route")
    def route(intake: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        return get_router().route(intake).model_dump(mode="json")


@pytest.fixture(scope="session")
def live_web_url(fake_rasa_url: str) -> Iterator[str]:
    """The web pages served by uvicorn on a free port, chatting with the fake Rasa."""
    app = make_web_app(rasa_url=fake_rasa_url, staff_token=STAFF_TOKEN)
    add_route_endpoint(app)
    with serve(app) as url:
        yield url


@dataclass
class FakeCaseResult:
    name: str
    passed: bool
    message: str


@pytest.fixture
def cases_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Use routing.cases when it exists; otherwise a stand-in with the contract's shape."""
    try:
        import routing.cases  # noqa: F401
    except ImportError:
        fake = types.ModuleType("routing.cases")
        fake.run_cases = lambda router, paths=None: [  # type: ignore[attr-defined]
            FakeCaseResult("wormenhotel", True, "ok"),
            FakeCaseResult("taste", False, "verwacht trekker vastgoed, kreeg wijken"),
        ]
        monkeypatch.setitem(sys.modules, "routing.cases", fake)
    yield
