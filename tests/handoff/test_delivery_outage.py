"""A partner outage of days: retries go on for 72 hours (time moved by the worker's clock,
not slept), then the delivery fails visibly, the lead team gets an alert e-mail, and staff
re-send it (or a re-route does). One hanging partner never delays another."""

from __future__ import annotations

import email
import itertools
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.policy import default as default_policy

import pytest
from fastapi.testclient import TestClient

from handoff.delivery import worker
from tests.handoff.conftest import STAFF, new_case, services_of
from tests.handoff.receivers import WebhookReceiver, smtp_server
from tests.handoff.test_delivery import SECRET, run_round, use_webhook, webhook_rows
from tests.web.servers import free_port

OLD_WINDOW = timedelta(minutes=10.6)  # 8 attempts with the old settings


@pytest.fixture
def partner() -> Iterator[WebhookReceiver]:
    """The fund network's webhook; answers 503 while it is down."""
    server = WebhookReceiver(free_port(), SECRET, status=503).start()
    yield server
    server.stop()


def fail_for_good(client: TestClient, start: datetime) -> list[datetime]:
    """Rounds at each retry time until the delivery fails; returns the attempt times.
    Backoff as shipped (5 s doubling, at most 15 minutes)."""
    settings = services_of(client).settings
    settings.delivery_backoff_seconds, settings.delivery_backoff_max_seconds = 5, 900
    attempts = []
    now = start
    for _ in range(2000):
        outcome = run_round(client, now=now)
        attempts.append(now)
        if outcome.get("failed"):
            return attempts
        (row,) = webhook_rows(client)
        assert row.status == "pending"
        now = row.next_attempt_at + timedelta(seconds=1)
    raise AssertionError("the delivery never failed")


def test_a_three_day_outage_is_retried_then_alerts_the_lead_team_and_staff_resend_it(
    client: TestClient, partner: WebhookReceiver
) -> None:
    settings = services_of(client).settings
    use_webhook(client, partner.url)
    created = new_case(client, contact={"name": "Sanne de Vries", "phone": "015 222 33 44"})
    (row,) = webhook_rows(client)
    start = row.created_at

    attempts = fail_for_good(client, start)
    # Still retried long after the old window, and until 72 hours, not before.
    assert any(OLD_WINDOW < t - start < timedelta(hours=1) for t in attempts)
    assert attempts[-2] - start < timedelta(hours=72) <= attempts[-1] - start
    assert max(b - a for a, b in itertools.pairwise(attempts)) <= timedelta(seconds=901)
    (row,) = webhook_rows(client)
    assert row.status == "failed" and row.attempts == len(attempts) > 8
    assert row.last_error == "HTTP 503"
    failed_at = attempts[-1]

    # Visible to staff: in the list (and its filter) and in the detail, with an alert row.
    listed = client.get("/api/v1/staff/cases", headers=STAFF).json()
    assert listed[0]["failed_deliveries"] == 1
    only_failed = client.get("/api/v1/staff/cases?delivery=failed", headers=STAFF).json()
    assert [c["reference"] for c in only_failed] == [created["reference"]]
    detail = client.get(f"/api/v1/staff/cases/{created['reference']}", headers=STAFF).json()
    alert = next(d for d in detail["deliveries"] if d["kind"] == "alert")
    assert alert["party"] == "publiek-ondernemen" and alert["status"] == "pending"

    # The alert goes out through the mail path to the lead team's catalogue mailbox.
    port = free_port()
    controller, box = smtp_server(port)
    try:
        settings.smtp_host, settings.smtp_port = "127.0.0.1", port
        run_round(client, now=failed_at + timedelta(seconds=1))
    finally:
        controller.stop()
        settings.smtp_host = None
    alerts = [
        email.message_from_bytes(e.content, policy=default_policy)  # type: ignore[arg-type]
        for e in box.messages
        if b"Niet afgeleverd" in e.content
    ]
    assert len(alerts) == 1
    (message,) = alerts
    assert message["To"] == "publiekondernemen@gemeente.example"
    assert created["reference"] in message["Subject"]
    body = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Delftse Fondsen" in body or "delftse-fondsen" in body
    assert "Opnieuw versturen" in body and "HTTP 503" in body
    assert "Sanne" not in body and "015 222" not in body  # no contact details

    # The partner is back; staff re-send: delivered with the same idempotency key.
    partner.status = 200
    resent = client.post(f"/api/v1/staff/cases/{created['reference']}/resend", headers=STAFF)
    assert resent.status_code == 200
    assert resent.json()["failed_deliveries"] == 0
    assert resent.json()["audit"][-1]["action"] == "opnieuw verstuurd"
    assert run_round(client).get("delivered") == 1
    assert len(partner.processed) == 1 and len(set(partner.calls)) == 1
    again = client.post(f"/api/v1/staff/cases/{created['reference']}/resend", headers=STAFF)
    assert again.status_code == 409  # nothing failed any more


def failed_case(client: TestClient, partner: WebhookReceiver) -> dict[str, str]:
    """A case whose summary to the partner failed for good (a 1-hour window, to be quick)."""
    services_of(client).settings.delivery_max_age_hours = 1
    use_webhook(client, partner.url)
    created = new_case(client)
    fail_for_good(client, webhook_rows(client)[0].created_at)
    assert webhook_rows(client)[0].status == "failed"
    return created


def test_a_reroute_sends_a_failed_summary_again(
    client: TestClient, partner: WebhookReceiver
) -> None:
    created = failed_case(client, partner)

    partner.status = 200
    rerouted = client.post(f"/api/v1/staff/cases/{created['reference']}/reroute", headers=STAFF)
    assert rerouted.status_code == 200
    assert webhook_rows(client)[0].status == "pending"
    assert run_round(client).get("delivered") == 1
    assert len(partner.processed) == 1


def test_erasing_a_case_removes_its_failed_deliveries_and_alerts(
    client: TestClient, partner: WebhookReceiver
) -> None:
    from sqlalchemy import func, select

    from handoff.models import Delivery

    created = failed_case(client, partner)
    url = f"/api/v1/cases/{created['reference']}?token={created['token']}"
    assert client.delete(url).status_code == 204
    with services_of(client).db.session() as session:
        assert session.scalar(select(func.count()).select_from(Delivery)) == 0


def test_a_hanging_partner_does_not_delay_another_partner(
    client: TestClient, partner: WebhookReceiver
) -> None:
    services = services_of(client)
    services.settings.webhook_timeout_seconds = 5
    hanging = socket.socket()  # accepts connections (backlog) but never answers
    hanging.bind(("127.0.0.1", 0))
    hanging.listen(16)
    use_webhook(client, f"http://127.0.0.1:{hanging.getsockname()[1]}/loket", "delftse-fondsen")
    use_webhook(client, partner.url, "publiek-ondernemen")
    partner.status = 200
    delivery_worker = worker.DeliveryWorker(
        services.db, services.settings, services.get_router().catalogue
    )

    def delivered_within(reference: str) -> float:
        started = time.monotonic()
        while time.monotonic() - started < 5:
            if any(p["summary"]["referentie"] == reference for p in partner.processed.values()):
                return time.monotonic() - started
            time.sleep(0.01)
        raise AssertionError(f"{reference} not delivered within 5 s")

    try:
        first = new_case(client)
        delivery_worker.tick()  # starts both sends of the case
        assert delivered_within(first["reference"]) < 1.0
        # The hanging send is still in flight; a new case for the other partner goes out
        # on the next tick without waiting for it.
        assert not all(f.done() for f in delivery_worker.in_flight)
        second = new_case(client)
        delivery_worker.tick()
        assert delivered_within(second["reference"]) < 1.0
        assert not all(f.done() for f in delivery_worker.in_flight)
    finally:
        hanging.close()
        delivery_worker.drain(10)
        delivery_worker.close()
    rows = {r.party: r for r in webhook_rows(client)}
    assert rows["delftse-fondsen"].status == "pending"  # retried later, after its timeout
    assert rows["delftse-fondsen"].last_error


def test_one_host_gets_at_most_its_share_of_sends_at_once(
    client: TestClient, partner: WebhookReceiver
) -> None:
    from collections import Counter

    services = services_of(client)
    services.settings.delivery_per_target = 1
    use_webhook(client, partner.url, "delftse-fondsen")
    use_webhook(client, partner.url, "publiek-ondernemen")  # the same host
    new_case(client)
    now = datetime.now(UTC)
    claimed = worker._claim(services.db, services.settings, now, 10, Counter())
    assert len(claimed) == 1  # the second row waits for a free slot of that host
    (key,) = {k for _, k in claimed}
    assert worker._claim(services.db, services.settings, now, 10, Counter({key: 1})) == []
    assert worker.target_key("email", "a@Team.example") == "email:team.example"
