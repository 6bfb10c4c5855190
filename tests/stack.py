"""The whole Loket stack for a test session, started the way `make run` starts it.

`scripts/run.sh` (supervisord + Procfile) brings up the Rasa servers, the action server, the
API and the delivery worker on free loopback ports with their data in a temporary folder;
the `stack` fixture in tests/conftest.py shares one such stack between the REST conversation
tests and the browser tests. Missing prerequisites are a failure, never a skip: `make test`
builds them.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.web.servers import free_port

ROOT = Path(__file__).resolve().parents[1]
PREREQUISITES = {
    "bot/config.yml": "the Rasa project",
    "models/loket.tar.gz": "make train",
    ".venv-bot/bin/rasa": "make setup-bot",
    ".venv/bin/supervisord": "make setup-app",
}


@dataclass
class RunningStack:
    """URLs of the running services and what a test needs to act as staff or a partner."""

    api_url: str
    site_url: str  # the example municipal website that embeds the chat
    rasa_url: str
    actions_url: str
    env: dict[str, str]
    staff_token: str
    workdir: Path
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

    def supervisorctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        conf = Path(self.env["LOKET_RUN_DIR"]) / "supervisord.conf"
        return subprocess.run(
            [str(ROOT / ".venv/bin/supervisorctl"), "-c", str(conf), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )

    def pid(self, program: str) -> int:
        """The process ID of a running program (rasa, rasa2, actions, api, worker)."""
        result = self.supervisorctl("pid", program)
        return int(result.stdout.strip())

    def partner_key(self, party: str) -> str:
        """An API key for a partner or team, made once with `loket partners set-key`."""
        if party not in self._partner_keys:
            result = subprocess.run(
                [str(ROOT / ".venv/bin/loket"), "partners", "set-key", party],
                cwd=ROOT,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
            )
            self._partner_keys[party] = result.stdout.strip().splitlines()[0]
        return self._partner_keys[party]


def missing_prerequisites() -> list[str]:
    return [f"{path} ({how})" for path, how in PREREQUISITES.items() if not (ROOT / path).exists()]


def _descendants(pid: int) -> list[int]:
    """All processes below `pid` (from /proc), deepest last. supervisord starts the servers in
    process groups of their own, so killing run.sh's process group alone can orphan them."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _kill_all(proc: subprocess.Popen[str], run_dir: Path) -> None:
    """SIGKILL run.sh, its process group and every process it started."""
    from loket.processes import kill_tagged

    kill_tagged(f"{run_dir.resolve()}|")  # also the orphans of a server killed with SIGKILL
    pids = _descendants(proc.pid)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


@contextmanager
def run_stack(workdir: Path, timeout: float = 300, **extra_env: str) -> Iterator[RunningStack]:
    """Start scripts/run.sh on free ports; stop it with SIGINT, as Ctrl-C does."""
    api, rasa, rasa_2, actions = free_port(), free_port(), free_port(), free_port()
    site = free_port()  # the example municipal website, allowed to embed every chat
    site_origin = f"http://127.0.0.1:{site}"
    municipalities = sorted(p.name for p in (ROOT / "data/municipalities").glob("*/"))
    staff_token = uuid.uuid4().hex
    env = {
        **os.environ,
        "LOKET_API_PORT": str(api),
        "LOKET_RASA_PORT": str(rasa),
        "LOKET_RASA_PORT_2": str(rasa_2),  # the second Rasa server (LOKET_RASA_PROCESSES=2)
        "LOKET_ACTIONS_PORT": str(actions),
        "LOKET_SITE_PORT": str(site),
        "LOKET_EMBED_ORIGINS": json.dumps({m: [site_origin] for m in municipalities}),
        "LOKET_DATABASE_URL": f"sqlite:///{workdir}/loket.db",
        "LOKET_BOT_TRACKER_URL": f"sqlite:///{workdir}/trackers.db",
        "LOKET_TRACKER_DATABASE_URL": f"sqlite:///{workdir}/trackers.db",
        "LOKET_ACTIONS_QUEUE": str(workdir / "pending_cases.db"),
        "LOKET_ACTIONS_RETRY_SECONDS": "2",
        "LOKET_STAFF_TOKEN": staff_token,
        "LOKET_SECRET_KEY": uuid.uuid4().hex,
        "LOKET_STAFF_TOKEN_FILE": str(workdir / "staff-token"),
        "LOKET_SECRET_KEY_FILE": str(workdir / "secret-key"),
        "LOKET_SERVICE_TOKEN_FILE": str(workdir / "service-token"),  # API writes, actions read
        "LOKET_RUN_TIMEOUT": str(int(timeout)),
        "LOKET_LOG_DIR": str(workdir / "log"),
        # Scripted conversations type faster than people do.
        "LOKET_CHAT_TURNS_PER_MINUTE_PER_SENDER": "240",
        "LOKET_CHAT_TURNS_PER_MINUTE_PER_CLIENT": "6000",
        "LOKET_RUN_DIR": str(workdir / "run"),
        **extra_env,
    }
    proc = subprocess.Popen(
        ["scripts/run.sh"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if "Loket is running" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout + 30
    while not ready.is_set():
        if proc.poll() is not None or time.monotonic() > deadline:
            _kill_all(proc, workdir / "run")
            raise RuntimeError("scripts/run.sh did not come up:\n" + "".join(lines[-40:]))
        time.sleep(0.5)
    try:
        yield RunningStack(
            api_url=f"http://127.0.0.1:{api}",
            site_url=site_origin,
            rasa_url=f"http://127.0.0.1:{rasa}",
            actions_url=f"http://127.0.0.1:{actions}",
            env=env,
            staff_token=staff_token,
            workdir=workdir,
        )
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            _kill_all(proc, workdir / "run")
            proc.wait()
