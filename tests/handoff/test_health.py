"""/health tells the truth: a write to the database, each Rasa server, the action server and
the delivery worker's heartbeat; 503 naming what is wrong (no URLs' secrets, no paths)."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from handoff.app import create_app
from handoff.db import Database
from handoff.delivery.worker import beat
from handoff.deps import get_router
from tests.handoff.conftest import make_settings, services_of
from tests.web.servers import free_port


class Answering:
    """A stand-in for a Rasa server or the action server: 200 on every GET."""

    def __init__(self) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"Hello from Rasa")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def processes() -> Iterator[tuple[Answering, Answering]]:
    rasa, actions = Answering(), Answering()
    yield rasa, actions
    rasa.stop()
    actions.stop()


def checked_client(
    database_url: str, tmp_path: Path, catalogue_router: object, **overrides: object
) -> TestClient:
    values: dict[str, object] = {"health_check_processes": True, **overrides}
    settings = make_settings(database_url, tmp_path, **values)
    app = create_app(settings, router=catalogue_router)  # type: ignore[arg-type]
    app.dependency_overrides[get_router] = lambda: catalogue_router
    return TestClient(app)


def with_processes(
    database_url: str, tmp_path: Path, router: object, processes: tuple, rasa_url: str
) -> TestClient:
    """A client whose /health checks these Rasa servers and the (stand-in) action server."""
    actions = processes[1]
    return checked_client(
        database_url,
        tmp_path,
        router,
        rasa_url=rasa_url,
        action_endpoint_url=f"{actions.url}/webhook",
    )


def test_health_is_ok_when_every_part_answers_and_the_worker_beats(
    database_url: str, tmp_path: Path, catalogue_router: object, processes: tuple
) -> None:
    rasa = processes[0]
    rasa_url = f"{rasa.url},{rasa.url}"
    with with_processes(database_url, tmp_path, catalogue_router, processes, rasa_url) as client:
        beat(services_of(client).db, datetime.now(UTC))
        response = client.get("/health")
    assert response.status_code == 200, response.text
    assert response.json()["problems"] == []


def test_a_stale_worker_heartbeat_and_a_dead_rasa_server_give_503_naming_them(
    database_url: str, tmp_path: Path, catalogue_router: object, processes: tuple
) -> None:
    rasa, actions = processes
    dead = free_port()
    rasa_url = f"http://user:secret@127.0.0.1:{rasa.server.server_port},http://127.0.0.1:{dead}"
    with with_processes(database_url, tmp_path, catalogue_router, processes, rasa_url) as client:
        db = services_of(client).db
        beat(db, datetime.now(UTC) - timedelta(minutes=10))
        response = client.get("/health")
        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "degraded" and body["database"] is True
        problems = " | ".join(body["problems"])
        assert "delivery worker: last heartbeat 600 s ago" in problems
        assert f"rasa server 2 (127.0.0.1:{dead}): not reachable" in problems
        assert "rasa server 1" not in problems and "secret" not in response.text

        beat(db, datetime.now(UTC))
        actions.stop()  # now the action server is down too
        problems = " | ".join(client.get("/health").json()["problems"])
        assert "delivery worker" not in problems
        assert "action server" in problems and "rasa server 2" in problems


def test_no_heartbeat_at_all_is_degraded(
    database_url: str, tmp_path: Path, catalogue_router: object, processes: tuple
) -> None:
    rasa_url = processes[0].url
    with with_processes(database_url, tmp_path, catalogue_router, processes, rasa_url) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["problems"] == ["delivery worker: no heartbeat yet"]


def test_a_locked_sqlite_database_gives_503_within_seconds(
    tmp_path: Path, catalogue_router: object
) -> None:
    url = f"sqlite:///{tmp_path}/loket.db"
    Database(url).upgrade()
    client = checked_client(url, tmp_path, catalogue_router, health_check_processes=False)
    assert client.get("/health").status_code == 200
    holder = sqlite3.connect(tmp_path / "loket.db", timeout=1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        response = client.get("/health")
        elapsed = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert response.status_code == 503
    body = response.json()
    assert body["database"] is False
    assert body["problems"] == ["database: not writable (locked)"]
    assert "loket.db" not in response.text
    assert elapsed < 6
    assert client.get("/health").status_code == 200  # the lock is gone: healthy again


@pytest.mark.postgres
def test_a_locked_table_on_postgres_gives_503(
    postgres: object, tmp_path: Path, catalogue_router: object
) -> None:
    url = postgres.url  # type: ignore[attr-defined]
    with checked_client(url, tmp_path, catalogue_router, health_check_processes=False) as client:
        assert client.get("/health").status_code == 200
        engine = create_engine(url)
        with engine.connect() as holder, holder.begin():
            holder.execute(text("LOCK TABLE heartbeats IN ACCESS EXCLUSIVE MODE"))
            response = client.get("/health")
        engine.dispose()
        assert response.status_code == 503
        assert response.json()["problems"] == ["database: not writable (locked)"]
        assert client.get("/health").status_code == 200


def test_a_full_disk_gives_503(tmp_path: Path, catalogue_router: object) -> None:
    """The database on a 2 MiB file system (tmpfs, needs root as the tests have) filled up."""
    import os
    import subprocess

    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, f"cannot make a small file system here: {made.stderr}"
    try:
        url = f"sqlite:///{mount}/loket.db"
        Database(url).upgrade()
        with checked_client(url, tmp_path, catalogue_router, health_check_processes=False) as c:
            assert c.get("/health").status_code == 200
            fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
            try:
                while True:
                    os.write(fd, b"\0" * 65536)
            except OSError:
                pass  # the disk is full
            finally:
                os.close(fd)
            response = c.get("/health")
            assert response.status_code == 503
            assert response.json()["problems"] == ["database: not writable (disk is full)"]
            (mount / "filler").unlink()
            assert c.get("/health").status_code == 200
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.postgres
def test_postgresql_down_gives_503_and_nothing_half_stored_then_it_comes_back(
    tmp_path: Path, catalogue_router: object
) -> None:
    """PostgreSQL stopped under a running API: a new case and /health answer 503 (never a
    500), and once the server is back the same request makes the case."""
    from tests.handoff.conftest import FUNDING_INTAKE
    from tests.postgres import TempPostgres

    server = TempPostgres(database="down").start()
    pg_ctl = str(server.bin / "pg_ctl")
    body = {"intake": FUNDING_INTAKE, "consent": True, "conversation_id": "down-1"}
    headers = {"Idempotency-Key": "down-key-0001"}
    try:
        with checked_client(
            server.url,
            tmp_path,
            catalogue_router,
            health_check_processes=False,
            migrate_on_start=True,
        ) as client:
            first = client.get("/health")
            assert first.status_code == 200, first.json()
            server._run(pg_ctl, "-D", str(server.data), "-m", "fast", "stop")
            refused = client.post("/api/v1/cases", json=body, headers=headers)
            assert refused.status_code == 503
            assert "nothing was stored" in refused.json()["detail"]
            health = client.get("/health")
            assert health.status_code == 503
            assert any(p.startswith("database") for p in health.json()["problems"])
            options = f"-p {server.port} -k {server.dir} -c listen_addresses=127.0.0.1"
            log = str(server.dir / "server.log")
            server._run(pg_ctl, "-D", str(server.data), "-o", options, "-l", log, "-w", "start")
            made = client.post("/api/v1/cases", json=body, headers=headers)
            assert made.status_code == 201
            assert client.get("/health").status_code == 200
    finally:
        server.stop()
