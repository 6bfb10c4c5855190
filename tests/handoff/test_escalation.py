"""Reply-by: time-travel tests for overdue cases, the one escalation mail to the coördinator,
the list filter and the inwoner's honest status page."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime, time, timedelta
from email.policy import default as default_policy
from typing import Any

from fastapi.testclient import TestClient

from handoff.delivery import worker
from tests.handoff.conftest import FUNDING_INTAKE, STAFF, new_case, partner_key, services_of
from tests.handoff.receivers import smtp_server
from tests.handoff.test_delivery import free_port


def after_reply_by(created: dict[str, Any], days: int = 1) -> datetime:
    """Noon (Dutch time, roughly) `days` after the case's reply-by date."""
    day = date.fromisoformat(created["reply_by"]) + timedelta(days=days)
    return datetime.combine(day, time(11, 0), tzinfo=UTC)


def overdue_list(client: TestClient) -> list[str]:
    listed = client.get("/api/v1/staff/cases", params={"overdue": "true"}, headers=STAFF)
    assert listed.status_code == 200, listed.text
    return [c["reference"] for c in listed.json()]


def run_round(client: TestClient, now: datetime) -> dict[str, int]:
    services = services_of(client)
    catalogue = services.get_router().catalogue
    return worker.deliver_due(services.db, services.settings, catalogue, now=now)


def test_a_case_past_its_reply_by_date_is_overdue_in_the_list_and_on_the_status_page(
    client: TestClient,
) -> None:
    created = new_case(client)
    services = services_of(client)
    on_the_day = after_reply_by(created, days=0)
    services.clock = lambda: on_the_day
    assert overdue_list(client) == []
    services.clock = lambda: after_reply_by(created)
    assert overdue_list(client) == [created["reference"]]
    item = client.get("/api/v1/staff/cases", headers=STAFF).json()[0]
    assert item["overdue"] is True
    page = client.get(f"/aanvraag/{created['reference']}", params={"token": created["token"]}).text
    assert "Uw antwoord is te laat" in page
    public = client.get(
        f"/api/v1/cases/{created['reference']}", params={"token": created["token"]}
    ).json()
    assert public["overdue"] is True

    # The lead team answers: no longer overdue, and the page stops saying so.
    client.post(
        f"/api/v1/partner/cases/{created['reference']}/status",
        json={"status": "opgepakt"},
        headers=partner_key(client, "publiek-ondernemen"),
    )
    assert overdue_list(client) == []
    page = client.get(f"/aanvraag/{created['reference']}", params={"token": created["token"]}).text
    assert "te laat" not in page


def test_the_late_notice_gives_the_phone_number_of_the_cases_own_municipality(
    client: TestClient,
) -> None:
    haarlem = {**FUNDING_INTAKE, "municipality": "haarlem", "wijk": "Schalkwijk"}
    created = new_case(client, intake=haarlem)
    services = services_of(client)
    services.clock = lambda: after_reply_by(created)
    page = client.get(f"/aanvraag/{created['reference']}", params={"token": created["token"]}).text
    notice = page[page.index('class="notice notice-late"') :].split("</div>", 1)[0]
    number = services.catalogue_for("haarlem").general_contact
    assert f'<a href="tel:{number.replace(" ", "")}">{number}</a>' in notice
    delft = services.catalogue_for("delft").general_contact
    assert delft.replace(" ", "") not in page


def test_an_overdue_case_is_escalated_to_the_coordinator_once(client: TestClient) -> None:
    services = services_of(client)
    services.settings.coordinator_emails = {"delft": "coordinator@example.nl"}
    port = free_port()
    controller, box = smtp_server(port)
    try:
        services.settings.smtp_host, services.settings.smtp_port = "127.0.0.1", port
        created = new_case(client)
        run_round(client, after_reply_by(created, days=0))  # the summaries; not yet late
        assert box.messages and all(e.rcpt_tos != ["coordinator@example.nl"] for e in box.messages)
        sent_before = len(box.messages)
        run_round(client, after_reply_by(created))
        run_round(client, after_reply_by(created, days=2))  # a later round: no second mail
    finally:
        controller.stop()
    escalations = box.messages[sent_before:]
    assert [e.rcpt_tos for e in escalations] == [["coordinator@example.nl"]]
    message = email.message_from_bytes(escalations[0].content, policy=default_policy)  # type: ignore[arg-type]
    assert created["reference"] in message["Subject"] and "Te laat" in message["Subject"]
    body = message.get_body(("plain",))
    assert body is not None and "wormenhotel" not in body.get_content()  # no intake text
    detail = client.get(f"/api/v1/staff/cases/{created['reference']}", headers=STAFF).json()
    assert [a["action"] for a in detail["audit"]].count("geëscaleerd") == 1
    services.clock = lambda: after_reply_by(created)
    page = client.get(f"/aanvraag/{created['reference']}", params={"token": created["token"]}).text
    assert "coördinator" in page


def test_a_case_answered_in_time_is_never_escalated(client: TestClient) -> None:
    created = new_case(client)
    client.post(
        f"/api/v1/staff/cases/{created['reference']}/take",
        headers={**STAFF, "X-Loket-Staff-Name": "Sanne de Wit"},
    )
    run_round(client, after_reply_by(created, days=5))
    detail = client.get(f"/api/v1/staff/cases/{created['reference']}", headers=STAFF).json()
    assert "geëscaleerd" not in [a["action"] for a in detail["audit"]]
