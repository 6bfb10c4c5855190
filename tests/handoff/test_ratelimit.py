"""Rate limits: per client address, not forgeable with X-Forwarded-For, shared through Redis."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from limits import RateLimitItemPerMinute

from handoff.ratelimit import RateLimiter
from tests.handoff.conftest import FUNDING_INTAKE, sqlite_client
from tests.handoff.fixed_router import FixedRouter
from tests.web.servers import free_port


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A real Redis server (Debian's redis-server) on a free loopback port, no persistence."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="loket-redis-")
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", workdir],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


def test_public_endpoints_are_rate_limited(tmp_path: Path, catalogue_router: FixedRouter) -> None:
    with sqlite_client(tmp_path, catalogue_router, rate_limit_per_minute=3) as client:
        codes = [client.post("/api/v1/route", json=FUNDING_INTAKE).status_code for _ in range(5)]
        assert codes == [200, 200, 200, 429, 429]
        limited = client.post("/api/v1/route", json=FUNDING_INTAKE)
        assert int(limited.headers["Retry-After"]) >= 1
        assert client.get("/health").status_code == 200  # not a limited endpoint


def test_a_burst_within_one_second_is_limited(
    tmp_path: Path, catalogue_router: FixedRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite_client(tmp_path, catalogue_router, rate_limit_burst=2) as client:
        # The three requests fall in one second of the limiter's clock, however slow the
        # machine (on a loaded CI machine they once spanned more than a second).
        monkeypatch.setattr(time, "time", lambda: 1_800_000_000.25)
        codes = [client.post("/api/v1/route", json=FUNDING_INTAKE).status_code for _ in range(3)]
        assert codes == [200, 200, 429]


def test_the_action_server_with_the_service_token_is_not_limited(
    tmp_path: Path, catalogue_router: FixedRouter
) -> None:
    with sqlite_client(tmp_path, catalogue_router, rate_limit_per_minute=2) as client:
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


def test_rotating_x_forwarded_for_from_a_local_client_is_still_limited(
    tmp_path: Path, catalogue_router: FixedRouter
) -> None:
    with sqlite_client(tmp_path, catalogue_router, rate_limit_per_minute=2) as client:
        codes = [
            client.post(
                "/api/v1/route",
                json=FUNDING_INTAKE,
                headers={"X-Forwarded-For": f"198.51.100.{i}"},
            ).status_code
            for i in range(4)
        ]
        assert codes == [200, 200, 429, 429]


def test_x_forwarded_for_counts_only_from_a_configured_proxy(
    tmp_path: Path, catalogue_router: FixedRouter
) -> None:
    # The test client connects as "testclient": here it plays the trusted reverse proxy.
    with sqlite_client(
        tmp_path, catalogue_router, rate_limit_per_minute=2, trusted_proxies="testclient"
    ) as client:

        def post(forwarded_for: str) -> int:
            headers = {"X-Forwarded-For": forwarded_for}
            return client.post("/api/v1/route", json=FUNDING_INTAKE, headers=headers).status_code

        assert [post("203.0.113.7") for _ in range(3)] == [200, 200, 429]
        assert post("203.0.113.8") == 200  # another inwoner behind the proxy
        # The proxy appends the address it saw; what the client wrote before it is ignored.
        assert [post(f"10.9.9.{i}, 203.0.113.8") for i in range(2)] == [200, 429]


def test_two_workers_share_the_limit_through_redis(
    tmp_path: Path, catalogue_router: FixedRouter, redis_url: str
) -> None:
    """Two apps stand for two API worker processes: their counts add up in Redis."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    limits = {"rate_limit_per_minute": 3, "rate_limit_storage": redis_url}
    with (
        sqlite_client(one, catalogue_router, **limits) as first,
        sqlite_client(two, catalogue_router, **limits) as second,
    ):
        codes = [
            client.post("/api/v1/route", json=FUNDING_INTAKE).status_code
            for client in (first, second, first, second)
        ]
        assert codes == [200, 200, 200, 429]


def test_an_unreachable_limit_store_does_not_take_the_api_down(
    tmp_path: Path, catalogue_router: FixedRouter, caplog: pytest.LogCaptureFixture
) -> None:
    dead = f"redis://127.0.0.1:{free_port()}/0"
    with sqlite_client(
        tmp_path, catalogue_router, rate_limit_per_minute=1, rate_limit_storage=dead
    ) as client:
        codes = [client.post("/api/v1/route", json=FUNDING_INTAKE).status_code for _ in range(2)]
    assert codes == [200, 200]
    assert "rate limit storage unavailable" in caplog.text


def test_an_exact_limit_holds_where_two_windows_meet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three sign-ins at the end of a minute and one just after: the counter lets the fourth
    pass (it weighs the previous minute), the exact moving window used for sign-in does not."""
    end_of_a_minute = 60 * 1_000_000 + 59.5
    clock = [end_of_a_minute]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    limit = [RateLimitItemPerMinute(3)]
    for exact, fourth in ((False, None), (True, 58.0)):
        clock[0] = end_of_a_minute
        limiter = RateLimiter()
        assert [limiter.hit(limit, "login", exact=exact) for _ in range(3)] == [None] * 3
        clock[0] += 2
        assert limiter.hit(limit, "login", exact=exact) == fourth
