"""Shared fixtures for routing tests: one router per session, and a scratch copy of the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from routing import Router, data_dir, get_router

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "routing"


@pytest.fixture(scope="session")
def router() -> Router:
    return get_router()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/routing, for tests that break or change rules."""
    target = tmp_path / "routing"
    shutil.copytree(data_dir(), target)
    return target
