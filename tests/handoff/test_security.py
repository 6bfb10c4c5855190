"""Bad input and abuse: body size, rate limit, no personal data in logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from handoff.app import create_app
from handoff.deps import get_router
from handoff.ratelimit import RateLimiter
from handoff.security import load_secret
from tests.handoff.conftest import FUNDING_INTAKE, make_settings, new_case
from tests.handoff.fixed_router import FixedRouter


def sqlite_client(tmp_path: Path, router: FixedRouter, **overrides: object) -> TestClient:
    settings = make_settings(
        f"sqlite:///{tmp_path}/loket.db", tmp_path, migrate_on_start=True, **overrides
    )
    app = create_app(settings, router=router)
    app.dependency_overrides[get_router] = lambda: router
    return TestClient(app)


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


def test_public_endpoints_are_rate_limited(tmp_path: Path, catalogue_router: FixedRouter) -> None:
    with sqlite_client(
        tmp_path, catalogue_router, rate_limit_per_minute=1, rate_limit_burst=3
    ) as client:
        codes = [client.post("/api/v1/route", json=FUNDING_INTAKE).status_code for _ in range(5)]
        assert codes == [200, 200, 200, 429, 429]
        limited = client.post("/api/v1/route", json=FUNDING_INTAKE)
        assert int(limited.headers["Retry-After"]) >= 1
        assert client.get("/health").status_code == 200  # not a limited endpoint


def test_the_action_server_with_the_service_token_is_not_limited(
    tmp_path: Path, catalogue_router: FixedRouter
) -> None:
    with sqlite_client(
        tmp_path, catalogue_router, rate_limit_per_minute=1, rate_limit_burst=2
    ) as client:
        token = (tmp_path / "service-token").read_text().strip()  # generated at start-up
        service = {"X-Loket-Service-Token": token}
        codes = [
            client.post("/api/v1/route", json=FUNDING_INTAKE, headers=service).status_code
            for _ in range(6)
        ]
        assert codes == [200] * 6
        wrong = {"X-Loket-Service-Token": token + "x"}
        codes = [
            client.post("/api/v1/route", json=FUNDING_INTAKE, headers=wrong).status_code
            for _ in range(3)
        ]
        assert codes == [200, 200, 429]  # a wrong token is just another client


def test_token_bucket_refills_over_time() -> None:
    limiter = RateLimiter(rate_per_minute=60, burst=1)
    assert limiter.allow("a", now=0.0)[0]
    assert not limiter.allow("a", now=0.5)[0]
    assert limiter.allow("b", now=0.5)[0]
    assert limiter.allow("a", now=1.6)[0]


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
