"""Shared fixtures for routing tests: one router per session, and a scratch copy of the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from routing import Router, data_dir, get_router

ROOT = Path(__file__).resolve().parents[2]
MUNICIPALITIES = ROOT / "data" / "municipalities"
DATA = MUNICIPALITIES / "delft"


@pytest.fixture(scope="session")
def router() -> Router:
    return get_router()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of Delft's data folder (with the shared vocabulary and signals beside
    it), for tests that break or change rules."""
    root = tmp_path / "municipalities"
    root.mkdir()
    for name in ("vocabulary.yml", "signalen.yml"):
        shutil.copy(MUNICIPALITIES / name, root / name)
    target = root / "delft"
    shutil.copytree(data_dir(), target)
    return target
