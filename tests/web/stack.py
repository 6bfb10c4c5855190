"""Start the whole Loket stack for a test session with scripts/run.sh (the `make run` starter)
on free loopback ports, and stop it with SIGINT like Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.web.servers import free_port

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class RunningStack:
    api_url: str
    rasa_url: str
    actions_url: str
    env: dict[str, str]


def stack_missing() -> str | None:
    """Why the real stack cannot start here, or None."""
    for path in ("bot/config.yml", "models/loket.tar.gz", ".venv-bot/bin/rasa", "handoff/main.py"):
        if not (ROOT / path).exists():
            return f"{path} is missing (make train / make setup)"
    return None


@contextmanager
def run_stack(tmp: Path, timeout: float = 300) -> Iterator[RunningStack]:
    api, rasa, actions = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "LOKET_API_PORT": str(api),
        "LOKET_RASA_PORT": str(rasa),
        "LOKET_ACTIONS_PORT": str(actions),
        "LOKET_DATABASE_URL": f"sqlite:///{tmp}/loket.db",
        "LOKET_BOT_TRACKER_URL": f"sqlite:///{tmp}/trackers.db",
        "LOKET_TRACKER_DATABASE_URL": f"sqlite:///{tmp}/trackers.db",
        "LOKET_ACTIONS_QUEUE": str(tmp / "pending_cases.db"),
        "LOKET_STAFF_TOKEN": "stack-staff-token",
        "LOKET_RUN_TIMEOUT": str(int(timeout)),
        "LOKET_LOG_DIR": str(tmp / "log"),
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
            proc.kill()
            raise RuntimeError("scripts/run.sh did not come up:\n" + "".join(lines[-40:]))
        time.sleep(0.5)
    try:
        yield RunningStack(
            api_url=f"http://127.0.0.1:{api}",
            rasa_url=f"http://127.0.0.1:{rasa}",
            actions_url=f"http://127.0.0.1:{actions}",
            env=env,
        )
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
