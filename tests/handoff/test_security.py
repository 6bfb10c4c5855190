"""Bad input and abuse: body size, no personal data in logs, private secret files."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from handoff.security import load_secret
from tests.handoff.conftest import FUNDING_INTAKE, new_case, sqlite_client
from tests.handoff.fixed_router import FixedRouter


def test_body_over_the_limit_is_refused_with_413(
    tmp_path: Path, catalogue_router: FixedRouter
) -> None:
    with sqlite_client(tmp_path, catalogue_router, max_body_bytes=2048) as client:
        big = {"intake": {**FUNDING_INTAKE, "text": "x" * 5000}, "consent": True}
        assert client.post("/api/v1/cases", json=big).status_code == 413

        def chunks() -> object:
            for _ in range(10):
                yield b"x" * 1024

        streamed = client.post(
            "/api/v1/route", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert streamed.status_code == 413


def test_logs_contain_no_names_emails_or_phone_numbers(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    contact = {"name": "Henk Jansen", "email": "info@voorbeeld.example", "phone": "0612345678"}
    with caplog.at_level(logging.DEBUG):
        created = new_case(client, contact=contact)
        client.get(f"/api/v1/cases/{created['reference']}", params={"token": created["token"]})
        client.post(
            "/api/v1/cases",
            json={"intake": FUNDING_INTAKE, "consent": False, "contact": contact},
        )
        access = logging.getLogger("uvicorn.access")
        path = f"/api/v1/cases/{created['reference']}?token={created['token']}"
        access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", path, "1.1", 200)
        logging.getLogger("handoff.test").info("mail to %s failed", contact["email"])
    # httpx lines are the test client's own; the service's loggers are what ships.
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name != "httpx")
    assert created["reference"] in logged  # the service does log, just not the person
    for value in contact.values():
        assert value not in logged
    assert created["token"] not in logged


def test_generated_staff_token_is_kept_private_and_not_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = tmp_path / "var" / "staff-token"
    with caplog.at_level(logging.DEBUG):
        token = load_secret(None, target, "LOKET_STAFF_TOKEN")
    assert target.stat().st_mode & 0o777 == 0o600
    assert load_secret(None, target, "LOKET_STAFF_TOKEN") == token
    assert token not in caplog.text
    assert str(target) in caplog.text
