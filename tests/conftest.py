"""Session fixtures shared by the test packages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.stack import RunningStack, missing_prerequisites, run_stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    """One running Loket (Rasa, action server, API) for every `stack` test of the session."""
    missing = missing_prerequisites()
    if missing:
        pytest.fail(f"the real stack cannot start, missing: {', '.join(missing)}")
    with run_stack(tmp_path_factory.mktemp("stack")) as running:
        yield running
