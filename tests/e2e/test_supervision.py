"""Supervision: `kill -9` of any process of `make run` → it is restarted and Loket serves again.

Its own stack (one Rasa server, to spare memory): the kills would disturb the shared one.
Every partner and team gets summaries by webhook at a receiver of this test, so a restarted
delivery worker is seen delivering. Stopping the stack leaves nothing running.
"""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from loket.processes import tagged
from routing import load_catalogue
from tests.handoff.receivers import WebhookReceiver
from tests.stack import ROOT, RunningStack, missing_prerequisites, run_stack
from tests.web.servers import free_port

pytestmark = pytest.mark.stack

SECRET = "webhook-secret-of-the-supervision-test"
INTAKE = {
    "text": "Wij willen een buurtmoestuin beginnen in Voorhof en zoeken geld.",
    "needs": ["financiering"],
    "wijk": "Voorhof",
}


@pytest.fixture(scope="module")
def receiver() -> Iterator[WebhookReceiver]:
    server = WebhookReceiver(free_port(), SECRET).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def supervised(
    tmp_path_factory: pytest.TempPathFactory, receiver: WebhookReceiver
) -> Iterator[RunningStack]:
    missing = missing_prerequisites()
    if missing:
        pytest.fail(f"the real stack cannot start, missing: {', '.join(missing)}")
    workdir = tmp_path_factory.mktemp("supervised")
    catalogue = load_catalogue(ROOT / "data/municipalities/delft/catalogue.yml")
    parties = [*catalogue.departments, *catalogue.partners]
    (workdir / "partners.yml").write_text(
        "partners:\n"
        + "".join(
            f"  {p}: {{webhook: '{receiver.url}', webhook_secret: '{SECRET}'}}\n" for p in parties
        ),
        encoding="utf-8",
    )
    with run_stack(
        workdir,
        LOKET_RASA_PROCESSES="1",
        LOKET_PARTNERS_FILE=str(workdir / "partners.yml"),
        LOKET_DELIVERY_INTERVAL_SECONDS="0.5",
    ) as running:
        yield running
    # Ctrl-C stopped everything: no process of this run is left, no port still listens.
    assert tagged(f"{(workdir / 'run').resolve()}|") == []
    for url in (running.api_url, running.rasa_url, running.actions_url):
        with pytest.raises(httpx.ConnectError):
            httpx.get(url, timeout=2)


def wait_until(check: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.5)
    pytest.fail(f"not within {timeout:.0f} s: {what}")


def healthy(stack: RunningStack) -> bool:
    return httpx.get(f"{stack.api_url}/health", timeout=5).status_code == 200


def chat_turn(stack: RunningStack) -> list[dict[str, object]]:
    response = httpx.post(
        f"{stack.api_url}/api/v1/chat",
        json={"sender": f"supervised-{uuid.uuid4().hex[:12]}", "message": "/greet"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return list(response.json()["messages"])


def delivered_case(stack: RunningStack, receiver: WebhookReceiver) -> str:
    """A new case whose summary reaches the webhook receiver (through the delivery worker)."""
    response = httpx.post(
        f"{stack.api_url}/api/v1/cases", json={"intake": INTAKE, "consent": True}, timeout=30
    )
    assert response.status_code == 201, response.text
    reference = str(response.json()["reference"])
    wait_until(
        lambda: any(
            p["summary"]["referentie"] == reference for p in list(receiver.processed.values())
        ),
        60,
        f"the summary of {reference} delivered",
    )
    return reference


@pytest.mark.parametrize("program", ["worker", "api", "actions", "rasa"])
def test_a_process_killed_with_sigkill_is_restarted_and_loket_serves_again(
    supervised: RunningStack, receiver: WebhookReceiver, program: str
) -> None:
    wait_until(lambda: healthy(supervised), 240, "healthy before the kill")
    old = supervised.pid(program)
    os.kill(old, signal.SIGKILL)

    def restarted() -> bool:
        status = supervised.supervisorctl("status", program).stdout
        return "RUNNING" in status and supervised.pid(program) not in (0, old)

    wait_until(restarted, 60, f"supervisord restarts {program}")
    wait_until(lambda: healthy(supervised), 240, f"/health ok again after killing {program}")
    assert chat_turn(supervised), "a chat turn gets an answer"
    delivered_case(supervised, receiver)
    log = Path(supervised.env["LOKET_LOG_DIR"]) / "supervisord.log"
    assert f"exited: {program} (terminated by SIGKILL" in log.read_text(encoding="utf-8")
