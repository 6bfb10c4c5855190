"""Session fixtures shared by the test packages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import routing
from routing import Municipalities
from tests.municipalities import build as build_municipalities
from tests.stack import RunningStack, missing_prerequisites, run_stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    """One running Loket (Rasa, action server, API) for every `stack` test of the session,
    serving the repository's municipalities (tests/municipalities.py)."""
    missing = missing_prerequisites()
    if missing:
        pytest.fail(f"the real stack cannot start, missing: {', '.join(missing)}")
    municipalities = build_municipalities(tmp_path_factory.mktemp("stack-municipalities") / "m")
    workdir = tmp_path_factory.mktemp("stack")
    with run_stack(workdir, LOKET_MUNICIPALITIES_DIR=str(municipalities)) as running:
        yield running


@pytest.fixture(scope="session")
def municipalities_registry(tmp_path_factory: pytest.TempPathFactory) -> Municipalities:
    """The repository's municipalities (tests/municipalities.py); its routers are loaded once
    per session."""
    root = build_municipalities(tmp_path_factory.mktemp("municipalities") / "m")
    return Municipalities(root, routing.default_municipality())


@pytest.fixture
def several_municipalities(
    municipalities_registry: Municipalities, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Municipalities]:
    """The actions see the municipalities of `municipalities_registry` (an app sees them when
    made with `municipalities_dir=municipalities_registry.root`)."""
    monkeypatch.setattr(routing, "get_municipalities", lambda: municipalities_registry)
    yield municipalities_registry
