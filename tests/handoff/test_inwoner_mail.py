"""E-mails to the inwoner who agreed to them: a status change, the unsubscribe link, and the
check-in after some weeks whose answer lands in the case (time-travel tests)."""

from __future__ import annotations

import email
import re
from datetime import UTC, datetime, timedelta
from email.policy import default as default_policy
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.handoff.conftest import STAFF, new_case, partner_key, services_of
from tests.handoff.receivers import MailBox, smtp_server
from tests.handoff.test_delivery import free_port
from tests.handoff.test_escalation import run_round

ADDRESS = "inwoner@example.nl"


def mails_to(box: MailBox, address: str) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(e.content, policy=default_policy)  # type: ignore[arg-type,misc]
        for e in box.messages
        if e.rcpt_tos == [address]
    ]


def text_of(message: Any) -> str:
    return str(message.get_body(("plain",)).get_content())


def with_smtp(client: TestClient) -> tuple[Any, MailBox]:
    port = free_port()
    controller, box = smtp_server(port)
    settings = services_of(client).settings
    settings.smtp_host, settings.smtp_port = "127.0.0.1", port
    settings.public_base_url = "https://loket.example"
    return controller, box


def path_of(link: str) -> str:
    return link.removeprefix("https://loket.example")


@pytest.mark.parametrize("consent", ["notify", "impact_question"])
def test_consent_to_emails_needs_an_email_address(client: TestClient, consent: str) -> None:
    response = client.post(
        "/api/v1/cases",
        json={
            "intake": {"text": "Een moestuin."},
            "consent": True,
            consent: True,
            "contact": {"phone": "015 123 45 67"},
        },
    )
    assert response.status_code == 422 and f"{consent} needs contact.email" in response.text


def test_a_status_change_is_mailed_with_an_unsubscribe_link_that_works(
    client: TestClient,
) -> None:
    controller, box = with_smtp(client)
    try:
        created = new_case(client, contact={"email": ADDRESS}, notify=True)
        quiet = new_case(client, contact={"email": "stil@example.nl"})  # did not agree
        for case in (created, quiet):
            client.post(
                f"/api/v1/partner/cases/{case['reference']}/status",
                json={"status": "opgepakt"},
                headers=partner_key(client, "publiek-ondernemen"),
            )
        run_round(client, datetime.now(UTC))
        (message,) = mails_to(box, ADDRESS)
        assert mails_to(box, "stil@example.nl") == []
        assert created["reference"] in message["Subject"]
        body = text_of(message)
        assert "opgepakt" in body
        link = re.search(r"Meld u af: (\S+)", body)
        assert link and message["List-Unsubscribe"] == f"<{link.group(1)}>"

        page = client.get(path_of(link.group(1)))
        assert page.status_code == 200 and "Ja, meld mij af" in page.text
        token = link.group(1).split("t=", 1)[1]
        forged = client.post(
            f"/aanvraag/{quiet['reference']}/afmelden", data={"t": token}
        )  # another case's reference with this token
        assert forged.status_code == 404
        done = client.post(f"/aanvraag/{created['reference']}/afmelden", data={"t": token})
        assert done.status_code == 200 and "U bent afgemeld" in done.text

        client.post(
            f"/api/v1/partner/cases/{created['reference']}/status",
            json={"status": "in behandeling"},
            headers=partner_key(client, "publiek-ondernemen"),
        )
        run_round(client, datetime.now(UTC))
    finally:
        controller.stop()
    assert len(mails_to(box, ADDRESS)) == 1  # nothing after unsubscribing


def test_the_check_in_comes_after_n_weeks_once_and_its_answer_lands_in_the_case(
    client: TestClient,
) -> None:
    controller, box = with_smtp(client)
    services_of(client).settings.checkin_weeks = 4
    try:
        created = new_case(client, contact={"email": ADDRESS}, notify=True)
        start = datetime.now(UTC)
        run_round(client, start + timedelta(weeks=3))
        assert [m["Subject"] for m in mails_to(box, ADDRESS)] == []
        run_round(client, start + timedelta(weeks=4, days=1))
        run_round(client, start + timedelta(weeks=6))  # once only
    finally:
        controller.stop()
    checkins = [m for m in mails_to(box, ADDRESS) if "Hoe gaat het" in m["Subject"]]
    assert len(checkins) == 1
    link = re.search(
        r"(https://loket\.example/aanvraag/\S+/hoe-gaat-het\?t=\S+)", text_of(checkins[0])
    )
    assert link
    page = client.get(path_of(link.group(1)))
    assert page.status_code == 200 and "Ik ben geholpen" in page.text
    token = link.group(1).split("t=", 1)[1]
    wrong = client.post(
        f"/aanvraag/{created['reference']}/hoe-gaat-het", data={"t": token, "answer": "x"}
    )
    assert wrong.status_code == 422
    answered = client.post(
        f"/aanvraag/{created['reference']}/hoe-gaat-het",
        data={"t": token, "answer": "nieuwe vraag", "question": "Kan ik ook een ruimte huren?"},
    )
    assert answered.status_code == 200 and "Dank u wel" in answered.text
    detail = client.get(f"/api/v1/staff/cases/{created['reference']}", headers=STAFF).json()
    assert detail["checkin_answer"] == "nieuwe vraag"
    event = next(a for a in detail["audit"] if a["action"] == "check-in beantwoord")
    assert event["detail"] == {"antwoord": "nieuwe vraag", "vraag": "Kan ik ook een ruimte huren?"}


def test_a_wrong_check_in_token_finds_no_case(client: TestClient) -> None:
    created = new_case(client)
    response = client.get(f"/aanvraag/{created['reference']}/hoe-gaat-het", params={"t": "x.y"})
    assert response.status_code == 404


def test_after_the_check_in_the_status_page_asks_the_same_question_until_answered(
    client: TestClient,
) -> None:
    created = new_case(client, contact={"email": ADDRESS}, notify=True)
    path = f"/aanvraag/{created['reference']}"
    params = {"token": created["token"]}
    assert "Hoe gaat het met uw initiatief?" not in client.get(path, params=params).text
    run_round(client, datetime.now(UTC) + timedelta(weeks=7))  # queues the check-in
    page = client.get(path, params=params).text
    assert "Hoe gaat het met uw initiatief?" in page
    token = re.search(r'name="t" value="([^"]+)"', page)
    assert token
    answered = client.post(
        f"{path}/hoe-gaat-het", data={"t": token.group(1), "answer": "wacht nog"}
    )
    assert answered.status_code == 200
    assert "Hoe gaat het met uw initiatief?" not in client.get(path, params=params).text
    listed = client.get("/api/v1/staff/cases", headers=STAFF).json()
    assert listed[0]["checkin_answer"] == "wacht nog"
