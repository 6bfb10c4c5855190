"""`make run` keeps its data and log files private and personal data out of the API log."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.stack import RunningStack

pytestmark = pytest.mark.stack

CONTACT = {"name": "Fenna de Wit", "email": "fenna.dewit@example.nl", "phone": "0687654321"}
INTAKE = {"text": "Een buurtmoestuin met de school", "needs": ["locatie"], "wijk": "Voorhof"}


def test_data_and_log_files_are_for_their_owner_only(stack: RunningStack) -> None:
    stack.chat(f"files-{uuid.uuid4().hex[:8]}", "Hallo")  # Rasa writes its tracker store
    created = httpx.post(
        f"{stack.api_url}/api/v1/cases",
        json={"intake": INTAKE, "consent": True, "contact": CONTACT},
        timeout=60,
    )
    assert created.status_code == 201, created.text
    crafted = httpx.post(
        f"{stack.api_url}/api/v1/cases",
        content=b'{"intake": {"text": "x\\u0000"}, "consent": true}',
        headers={"content-type": "application/json"},
        timeout=60,
    )
    assert crafted.status_code == 422
    files = [p for p in stack.workdir.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"loket.db", "trackers.db", "api.log", "rasa.log", "actions.log"} <= names, names
    shared = {str(p): oct(p.stat().st_mode & 0o777) for p in files if p.stat().st_mode & 0o077}
    assert not shared, shared
    assert (stack.workdir / "log").stat().st_mode & 0o077 == 0
    api_log = (stack.workdir / "log" / "api.log").read_text()
    for value in CONTACT.values():
        assert value not in api_log
