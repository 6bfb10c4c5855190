"""Delivery: outbox rows, signed webhooks, e-mail, retries with backoff, exactly once per key."""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.policy import default as default_policy
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from handoff.delivery import worker
from handoff.delivery.webhook import sign, verify
from handoff.models import Delivery
from handoff.partners import configure
from handoff.settings import Settings
from tests.handoff.conftest import new_case, services_of
from tests.handoff.receivers import WebhookReceiver, smtp_server
from tests.web.servers import free_port

SECRET = "webhook-secret-of-the-fund-network"


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    server = WebhookReceiver(free_port(), SECRET)
    yield server
    server.stop()


def use_webhook(client: TestClient, url: str, party: str = "delftse-fondsen") -> None:
    with services_of(client).db.transaction() as session:
        configure(session, party, webhook_url=url, webhook_secret=SECRET)


def run_round(client: TestClient, now: datetime | None = None) -> dict[str, int]:
    services = services_of(client)
    catalogue = services.get_router().catalogue
    return worker.deliver_due(services.db, services.settings, catalogue, now=now)


def webhook_rows(client: TestClient) -> list[Delivery]:
    with services_of(client).db.session() as session:
        return list(session.scalars(select(Delivery).where(Delivery.channel == "webhook")))


def test_signature_verifies_and_refuses_tampering_and_replay() -> None:
    body = b'{"a": 1}'
    now = 1_800_000_000
    signature = sign(SECRET, now, body)
    assert verify(SECRET, str(now), body, signature, now=now + 10)
    assert not verify(SECRET, str(now), b'{"a": 2}', signature, now=now)
    assert not verify("other", str(now), body, signature, now=now)
    assert not verify(SECRET, str(now), body, signature, now=now + 3600)  # replayed later


def test_summary_reaches_a_running_webhook_signed(
    client: TestClient, receiver: WebhookReceiver
) -> None:
    receiver.start()
    use_webhook(client, receiver.url)
    created = new_case(client)
    assert run_round(client).get("delivered") == 1
    (payload,) = receiver.processed.values()
    assert payload["summary"]["referentie"] == created["reference"]
    assert receiver.bad_signatures == 0
    assert webhook_rows(client)[0].status == "delivered"


def test_receiver_down_at_creation_gets_the_summary_after_it_comes_back(
    client: TestClient, receiver: WebhookReceiver
) -> None:
    use_webhook(client, receiver.url)  # configured, but nothing listens yet
    created = new_case(client)
    assert run_round(client).get("pending") == 1
    (row,) = webhook_rows(client)
    assert row.status == "pending" and row.attempts == 1 and row.last_error

    receiver.start()
    assert run_round(client).get("delivered") == 1
    (payload,) = receiver.processed.values()
    assert payload["summary"]["referentie"] == created["reference"]
    assert webhook_rows(client)[0].attempts == 2


def test_worker_restart_mid_delivery_delivers_exactly_once_per_key(
    client: TestClient, receiver: WebhookReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    receiver.start()
    use_webhook(client, receiver.url)
    new_case(client)

    def crash(*args: object, **kwargs: object) -> str:
        raise SystemExit("worker killed after sending, before recording")

    with monkeypatch.context() as patched:
        patched.setattr(worker, "_record", crash)
        assert run_round(client) == {}  # nothing recorded
    assert len(receiver.calls) == 1
    assert webhook_rows(client)[0].status == "pending"

    # A restarted worker doesn't touch the row while the dead one's lease runs...
    assert run_round(client) == {}
    # ...and afterwards sends it again with the same key, which the receiver dedupes.
    later = datetime.now(UTC) + timedelta(
        seconds=services_of(client).settings.delivery_lease_seconds + 1
    )
    assert run_round(client, now=later).get("delivered") == 1
    assert len(receiver.calls) == 2
    assert len(set(receiver.calls)) == 1
    assert len(receiver.processed) == 1
    assert run_round(client, now=later + timedelta(hours=1)) == {}
    assert len(receiver.calls) == 2


def test_an_attempt_cap_can_end_retries_before_the_age_limit(client: TestClient) -> None:
    failing = WebhookReceiver(free_port(), SECRET, status=500).start()
    try:
        services_of(client).settings.delivery_max_attempts = 3
        use_webhook(client, failing.url)
        new_case(client)
        outcomes = [run_round(client) for _ in range(4)]
    finally:
        failing.stop()
    assert outcomes[:3] == [{"pending": 1}, {"pending": 1}, {"failed": 1}]
    assert outcomes[3] == {}
    (row,) = webhook_rows(client)
    assert (row.status, row.attempts, row.last_error) == ("failed", 3, "HTTP 500")


def test_backoff_grows_exponentially_up_to_a_maximum() -> None:
    settings = Settings(delivery_backoff_seconds=5, delivery_backoff_max_seconds=60)
    delays = [worker.backoff(settings, n).total_seconds() for n in range(1, 6)]
    assert delays == [5, 10, 20, 40, 60]
    assert worker.backoff(settings, 10_000).total_seconds() == 60  # no overflow


def test_team_mailbox_receives_the_summary_by_smtp(client: TestClient) -> None:
    port = free_port()
    controller, box = smtp_server(port)
    try:
        settings = services_of(client).settings
        settings.smtp_host, settings.smtp_port = "127.0.0.1", port
        created = new_case(client, contact={"phone": "015 123 45 67"})
        outcome = run_round(client)
    finally:
        controller.stop()
    assert outcome.get("delivered") == 1  # the lead team's catalogue mailbox
    (envelope,) = box.messages
    assert envelope.rcpt_tos == ["publiekondernemen@gemeente.example"]
    message = email.message_from_bytes(envelope.content, policy=default_policy)  # type: ignore[arg-type]
    assert created["reference"] in message["Subject"]
    assert "reageren" in message["Subject"]
    plain = message.get_body(("plain",))
    assert plain is not None and "015 123 45 67" in plain.get_content()
    assert message.get_body(("html",)) is not None


def test_email_waits_while_no_smtp_server_is_configured(client: TestClient) -> None:
    new_case(client)
    assert run_round(client) == {}
    with services_of(client).db.session() as session:
        row = session.scalars(select(Delivery).where(Delivery.channel == "email")).one()
        assert row.status == "pending" and row.attempts == 0


def test_in_process_loop_delivers_without_a_separate_worker(
    database_url: str, tmp_path: Path, receiver: WebhookReceiver, catalogue_router: object
) -> None:
    import time

    from handoff.app import create_app
    from handoff.deps import get_router
    from tests.handoff.conftest import make_settings

    settings = make_settings(
        database_url, tmp_path, delivery_in_process=True, delivery_interval_seconds=0.05
    )
    app = create_app(settings, router=catalogue_router)  # type: ignore[arg-type]
    app.dependency_overrides[get_router] = lambda: catalogue_router
    receiver.start()
    with TestClient(app) as client:
        use_webhook(client, receiver.url)
        new_case(client)
        deadline = time.monotonic() + 10
        while not receiver.processed and time.monotonic() < deadline:
            time.sleep(0.05)
    assert len(receiver.processed) == 1


def test_partner_endpoints_can_come_from_a_yaml_file(
    database_url: str, tmp_path: Path, receiver: WebhookReceiver, catalogue_router: object
) -> None:
    from handoff.app import create_app
    from handoff.deps import get_router
    from tests.handoff.conftest import make_settings

    partners_file = tmp_path / "partners.yml"
    partners_file.write_text(
        f"partners:\n  delftse-fondsen:\n    webhook: {receiver.url}\n"
        f"    webhook_secret: {SECRET}\n",
        encoding="utf-8",
    )
    settings = make_settings(database_url, tmp_path, partners_file=partners_file)
    app = create_app(settings, router=catalogue_router)  # type: ignore[arg-type]
    app.dependency_overrides[get_router] = lambda: catalogue_router
    receiver.start()
    with TestClient(app) as client:
        created = new_case(client)
        assert run_round(client).get("delivered") == 1
    (payload,) = receiver.processed.values()
    assert payload["summary"]["referentie"] == created["reference"]
    assert receiver.bad_signatures == 0
