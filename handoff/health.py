"""What /health checks: a write to the database, each Rasa server, the action server and the
delivery worker's heartbeat. Each check returns None when fine, else a short English problem
that names the part (never a URL's credentials, a query or its parameters)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Connection, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from handoff.db import Database
from handoff.delivery.worker import HEARTBEAT
from handoff.models import Heartbeat
from handoff.settings import Settings

PROBE = "health-probe"


def _where(url: str) -> str:
    """host:port of a URL, without credentials or path."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


def _upsert_probe(connection: Connection, now: datetime) -> None:
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    statement = insert(Heartbeat).values(name=PROBE, beat_at=now)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["name"], set_={"beat_at": now})
    )


def database_problem(db: Database, timeout: float) -> str | None:
    """Write one row and commit: a locked, read-only, corrupt or full database fails here."""
    millis = max(1, int(timeout * 1000))
    try:
        with db.engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:  # wait for a lock at most `timeout`, not the app's 10 s
                connection.exec_driver_sql(f"PRAGMA busy_timeout={millis}")
                connection.commit()
            try:
                with connection.begin():
                    if not sqlite:
                        connection.execute(text(f"SET LOCAL lock_timeout = {millis}"))
                        connection.execute(text(f"SET LOCAL statement_timeout = {2 * millis}"))
                    _upsert_probe(connection, datetime.now(UTC))
            finally:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA busy_timeout=10000")
                    connection.commit()
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).splitlines()[0].lower()
        if "lock" in reason:  # SQLite "database is locked", PostgreSQL "lock timeout"
            return "database: not writable (locked)"
        if "timeout" in reason:
            return "database: not writable (too slow)"
        for known in ("readonly", "read-only", "disk is full", "not a database", "malformed"):
            if known in reason:
                return f"database: not writable ({known})"
        return f"database: not writable ({type(getattr(exc, 'orig', exc)).__name__})"
    return None


def worker_problem(db: Database, settings: Settings) -> str | None:
    try:
        with db.session() as session:
            row = session.get(Heartbeat, HEARTBEAT)
    except SQLAlchemyError:
        return None  # the database check reports it
    if row is None:
        return "delivery worker: no heartbeat yet"
    age = (datetime.now(UTC) - row.beat_at).total_seconds()
    if age > settings.delivery_heartbeat_max_age_seconds:
        return f"delivery worker: last heartbeat {int(age)} s ago"
    return None


async def _answers(client: httpx.AsyncClient, name: str, url: str) -> str | None:
    try:
        response = await client.get(url)
    except httpx.HTTPError as exc:
        return f"{name} ({_where(url)}): not reachable ({type(exc).__name__})"
    if response.status_code != 200:
        return f"{name} ({_where(url)}): HTTP {response.status_code}"
    return None


async def process_problems(settings: Settings, rasa_urls: list[str]) -> list[str]:
    """Each Rasa server and the action server, asked at the same time."""
    checks = [
        (f"rasa server {n}" if len(rasa_urls) > 1 else "rasa server", url.rstrip("/") + "/")
        for n, url in enumerate(rasa_urls, start=1)
    ]
    if settings.action_endpoint_url:
        base = settings.action_endpoint_url.rstrip("/").removesuffix("/webhook")
        checks.append(("action server", base + "/health"))
    async with httpx.AsyncClient(timeout=settings.health_timeout_seconds) as client:
        answers = await asyncio.gather(*(_answers(client, n, u) for n, u in checks))
    return [a for a in answers if a]


async def problems(db: Database, settings: Settings, rasa_urls: list[str]) -> list[str]:
    """Everything that is wrong now; empty when Loket is healthy."""
    found = []
    database = await asyncio.to_thread(database_problem, db, settings.health_timeout_seconds)
    if database:
        found.append(database)
    if settings.health_check_processes:
        found += await process_problems(settings, rasa_urls)
        worker = await asyncio.to_thread(worker_problem, db, settings)
        if worker:
            found.append(worker)
    return found
