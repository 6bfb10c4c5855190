"""The `stack` fixture: the real Rasa server, action server and handoff API on free ports.

Session-scoped and reusable (the browser tests use it too). Everything binds 127.0.0.1,
keeps its data in a temporary folder, and is stopped with SIGTERM to its process group on
teardown (the action server forks workers). Tests that use it are marked `stack`.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "loket.tar.gz"
RASA = ROOT / ".venv-bot" / "bin" / "rasa"
APP_BIN = ROOT / ".venv" / "bin"
RASA_START_TIMEOUT = float(os.environ.get("LOKET_TEST_RASA_TIMEOUT", "240"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Service:
    name: str
    process: subprocess.Popen[bytes]
    log: Path

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@dataclass
class Stack:
    """URLs of the running services and what a test needs to act as staff or a partner."""

    rasa_url: str
    actions_url: str
    api_url: str | None
    workdir: Path
    env: dict[str, str]
    staff_token: str
    services: list[Service] = field(default_factory=list)
    _partner_keys: dict[str, str] = field(default_factory=dict)

    def chat(self, sender: str, message: str) -> list[dict[str, Any]]:
        """One turn over Rasa's REST channel; returns the bot's messages."""
        response = httpx.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        )
        response.raise_for_status()
        return list(response.json())

    def partner_key(self, party: str) -> str:
        """An API key for a partner or team (made once with `loket partners set-key`)."""
        if party not in self._partner_keys:
            result = subprocess.run(
                [str(APP_BIN / "loket"), "partners", "set-key", party],
                cwd=ROOT,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
            )
            self._partner_keys[party] = result.stdout.strip().splitlines()[0]
        return self._partner_keys[party]


def _start(name: str, command: list[str], env: dict[str, str], workdir: Path) -> Service:
    log = workdir / f"{name}.log"
    handle = log.open("wb")
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so teardown stops its children too
    )
    handle.close()
    return Service(name, process, log)


def _wait_until(service: Service, url: str, timeout: float, ok: Callable[[httpx.Response], bool]):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise RuntimeError(f"{service.name} exited early:\n{service.tail()}")
        try:
            if ok(httpx.get(url, timeout=2)):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{service.name} not healthy after {timeout:.0f}s:\n{service.tail()}")


def handoff_available() -> bool:
    return importlib.util.find_spec("handoff.main") is not None


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not RASA.exists():
        pytest.skip("no .venv-bot (make setup-bot)")
    if not MODEL.exists():
        pytest.skip("no trained model (make train)")
    workdir = tmp_path_factory.mktemp("stack")
    rasa_port, actions_port, api_port = free_port(), free_port(), free_port()
    tracker_file = workdir / "trackers.db"
    staff_token = uuid.uuid4().hex
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SANIC_HOST": "127.0.0.1",
        "LOKET_API_URL": f"http://127.0.0.1:{api_port}",
        "LOKET_ACTIONS_QUEUE": str(workdir / "pending_cases.db"),
        "LOKET_ACTIONS_RETRY_SECONDS": "2",
        "LOKET_ACTION_ENDPOINT_URL": f"http://127.0.0.1:{actions_port}/webhook",
        "LOKET_BOT_TRACKER_URL": f"sqlite:///{tracker_file}",
        "LOKET_DATABASE_URL": f"sqlite:///{workdir / 'loket.db'}",
        "LOKET_RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "LOKET_TRACKER_DATABASE_URL": f"sqlite:///{tracker_file}",
        "LOKET_STAFF_TOKEN": staff_token,
        "LOKET_SECRET_KEY": uuid.uuid4().hex,
        "LOKET_STAFF_TOKEN_FILE": str(workdir / "staff-token"),
        "LOKET_SECRET_KEY_FILE": str(workdir / "secret-key"),
        "LOKET_API_PORT": str(api_port),
    }
    with_api = handoff_available()
    result = Stack(
        rasa_url=f"http://127.0.0.1:{rasa_port}",
        actions_url=f"http://127.0.0.1:{actions_port}",
        api_url=f"http://127.0.0.1:{api_port}" if with_api else None,
        workdir=workdir,
        env=env,
        staff_token=staff_token,
    )
    try:
        if with_api:
            api = _start(
                "api",
                [
                    str(APP_BIN / "uvicorn"),
                    "handoff.main:app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(api_port),
                ],
                env,
                workdir,
            )
            result.services.append(api)
        actions = _start(
            "actions",
            [
                str(APP_BIN / "python"),
                "-m",
                "rasa_sdk",
                "--actions",
                "actions",
                "-p",
                str(actions_port),
            ],
            env,
            workdir,
        )
        result.services.append(actions)
        rasa = _start(
            "rasa",
            [
                str(RASA),
                "run",
                "--enable-api",
                "-m",
                str(MODEL),
                "--endpoints",
                "bot/endpoints.yml",
                "--credentials",
                "bot/credentials.yml",
                "-i",
                "127.0.0.1",
                "-p",
                str(rasa_port),
            ],
            env,
            workdir,
        )
        result.services.append(rasa)
        if with_api:
            _wait_until(api, f"{result.api_url}/health", 90, lambda r: r.status_code == 200)
        _wait_until(actions, f"{result.actions_url}/health", 90, lambda r: r.status_code == 200)
        _wait_until(
            rasa, f"{result.rasa_url}/status", RASA_START_TIMEOUT, lambda r: r.status_code == 200
        )
        yield result
    finally:
        for service in reversed(result.services):
            service.stop()
