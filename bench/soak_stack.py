"""What bench/soak.py needs around the load: this stack's processes, a webhook receiver, and
the checks on the case database. Processes are found by their listening ports, command line,
working folder and environment, so only the soaked stack's own processes are ever killed."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import uvicorn
from chat_load import _parent, _pids, listener_pids


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def api_worker_pids(port: int) -> set[int]:
    """uvicorn's worker processes: the children of the process serving the API port."""
    masters = {pid for pid in listener_pids({port}) if "uvicorn" in _cmdline(pid)}
    return {pid for pid in _pids() if _parent(pid) in masters and "spawn_main" in _cmdline(pid)}


def delivery_worker_pids(root: Path, api_port: int) -> set[int]:
    """`loket worker` processes started from this checkout for the stack on `api_port`."""
    found = set()
    for pid in _pids():
        if "loket worker" not in _cmdline(pid):
            continue
        try:
            if os.readlink(f"/proc/{pid}/cwd") != str(root):
                continue
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"LOKET_API_PORT={api_port}".encode() in environ:
            found.add(pid)
    return found


class Receiver:
    """Partners' webhooks on 127.0.0.1: answers 200 and counts each Idempotency-Key.

    One port per partner, as real partners have their own hosts: the delivery worker limits
    how many summaries it sends to one host at once."""

    def __init__(self, ports: int) -> None:
        self.keys: Counter[str] = Counter()
        self.sockets = [socket.create_server(("127.0.0.1", 0)) for _ in range(ports)]
        config = uvicorn.Config(self.app, log_level="warning", lifespan="off", interface="asgi3")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": self.sockets}, daemon=True
        )
        self.urls = [f"http://127.0.0.1:{s.getsockname()[1]}/loket" for s in self.sockets]

    async def app(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        headers = dict(scope["headers"])
        self.keys[headers.get(b"idempotency-key", b"").decode()] += 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    def start(self) -> Receiver:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        for sock in self.sockets:
            sock.close()

    def distinct(self) -> int:
        return len(self.keys)

    def resent(self) -> int:
        return sum(1 for count in self.keys.values() if count > 1)


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url, poolclass=sa.NullPool)


def pending_webhooks(url: str, references: list[str]) -> int:
    with _engine(url).connect() as db:
        return _count(
            db,
            "SELECT count(*) FROM deliveries d JOIN cases c ON c.id = d.case_id "
            "WHERE c.reference IN :refs AND d.channel = 'webhook' AND d.status = 'pending'",
            refs=references,
        )


def _count(db: sa.Connection, sql: str, **values: list[str]) -> int:
    """`SELECT count(*)` with each keyword a list bound to `:name` (an IN list)."""
    query = sa.text(sql).bindparams(*(sa.bindparam(k, expanding=True) for k in values))
    return int(db.execute(query, {k: v or [""] for k, v in values.items()}).scalar_one())


def database_counts(url: str, references: list[str], senders: list[str]) -> dict[str, int]:
    """Lost and duplicated cases and deliveries of the soak's conversations."""
    refs: sa.BindParameter[str] = sa.bindparam("refs", expanding=True)
    with _engine(url).connect() as db:
        found = _count(
            db,
            "SELECT count(DISTINCT reference) FROM cases WHERE reference IN :refs",
            refs=references,
        )
        duplicate_cases = _count(
            db,
            "SELECT count(*) FROM (SELECT conversation_id FROM cases "
            "WHERE conversation_id IN :senders GROUP BY conversation_id "
            "HAVING count(*) > 1) AS twice",
            senders=senders,
        )
        duplicate_deliveries = _count(
            db,
            "SELECT count(*) FROM (SELECT d.case_id FROM deliveries d "
            "JOIN cases c ON c.id = d.case_id WHERE c.reference IN :refs "
            "GROUP BY d.case_id, d.party, d.channel HAVING count(*) > 1) AS twice",
            refs=references,
        )
        rows = db.execute(
            sa.text(
                "SELECT d.channel, d.status, count(*) FROM deliveries d "
                "JOIN cases c ON c.id = d.case_id WHERE c.reference IN :refs "
                "GROUP BY d.channel, d.status"
            ).bindparams(refs),
            {"refs": references or [""]},
        ).all()
    by = {(channel, status): int(n) for channel, status, n in rows}
    return {
        "lost": len(set(references)) - found,
        "duplicate_cases": duplicate_cases,
        "duplicate_deliveries": duplicate_deliveries,
        "webhook_delivered": by.get(("webhook", "delivered"), 0),
        "webhook_pending": by.get(("webhook", "pending"), 0),
        "webhook_failed": by.get(("webhook", "failed"), 0),
        "email_rows": sum(n for (channel, _), n in by.items() if channel == "email"),
    }
