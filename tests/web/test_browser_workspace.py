"""The whole cycle in headless Chromium, with axe on every new page: an inwoner's case, a
coördinator signs in and assigns it, a partner accepts it, the inwoner is mailed and answers
the check-in, and the case is closed."""

from __future__ import annotations

import email
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.policy import default as default_policy
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, expect

from handoff import accounts
from handoff.delivery import worker
from tests.handoff.receivers import MailBox, smtp_server
from tests.web.browser import blocking_violations, screenshot
from tests.web.conftest import partner_key
from tests.web.servers import free_port

pytestmark = pytest.mark.browser
PASSWORD = "een-lang-wachtwoord-42"


INWONER = "inwoner.browser@example.nl"


@pytest.fixture
def mailbox(live_app: FastAPI) -> Iterator[MailBox]:
    """A real SMTP server for the worker's mails; public links point at the live server."""
    settings = live_app.state.services.settings
    port = free_port()
    controller, box = smtp_server(port)
    settings.smtp_host, settings.smtp_port = "127.0.0.1", port
    yield box
    controller.stop()
    settings.smtp_host = None


def mails(box: MailBox) -> list[Any]:
    return [
        email.message_from_bytes(e.content, policy=default_policy)  # type: ignore[arg-type]
        for e in box.messages
        if e.rcpt_tos == [INWONER]
    ]


def deliver_due(app: FastAPI, now: datetime) -> None:
    services = app.state.services
    worker.deliver_due(services.db, services.settings, services.catalogue_for(None), now=now)


@pytest.fixture
def workspace(live_app: FastAPI) -> Iterator[FastAPI]:
    """Accounts of Delft's loket team; the session cookie without Secure, as the live server
    speaks plain HTTP on 127.0.0.1 (the default, Secure, is tested in tests/handoff)."""
    settings = live_app.state.services.settings
    settings.session_cookie_secure = False
    with live_app.state.services.db.transaction() as session:
        for role, name in (
            ("coordinator", "Els Jansen"),
            ("medewerker", "Karim Bouzid"),
            ("beheerder", "Bea Beheer"),
        ):
            email = f"{role}.browser@example.nl"
            if accounts.authenticate(session, email, PASSWORD) is None:
                accounts.create_account(
                    session,
                    email=email,
                    name=name,
                    municipality="delft",
                    role=role,
                    team="publiek-ondernemen",
                    password=PASSWORD,
                    now=datetime.now(UTC),
                )
    yield live_app
    settings.session_cookie_secure = True


def assert_accessible(page: Page) -> None:
    violations = blocking_violations(page)
    assert not violations, violations


def test_the_whole_cycle_through_the_workspace_with_axe_on_every_page(
    page: Page, live_web_url: str, workspace: FastAPI, mailbox: MailBox
) -> None:
    workspace.state.services.settings.public_base_url = live_web_url
    created = httpx.post(
        live_web_url + "/api/v1/cases",
        json={
            "intake": {"text": "Een wormenhotel in Tanthof.", "needs": ["financiering"]},
            "consent": True,
            "contact": {"email": INWONER},
            "notify": True,
        },
    ).json()
    reference = created["reference"]

    page.goto(live_web_url + "/medewerkers/inloggen")
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill("coordinator.browser@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Initiatieven", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Een wormenhotel in Tanthof.").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "werkplek-lijst-1280")

    page.goto(live_web_url + f"/medewerkers/aanvragen/{reference}")
    expect(page.get_by_role("heading", name="Tijdlijn")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Eigenaar maken").select_option(label="Karim Bouzid")
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.locator(".timeline")).to_contain_text("Eigenaar: Karim Bouzid")

    key = partner_key(workspace, "delftse-fondsen")
    accepted = httpx.post(
        live_web_url + f"/api/v1/partner/cases/{reference}/status",
        json={"status": "opgepakt", "note": "Wij bellen deze week."},
        headers={"X-API-Key": key},
    )
    assert accepted.status_code == 200

    # The worker mails the inwoner the status change, and seven weeks on the check-in.
    deliver_due(workspace, datetime.now(UTC))
    notified = mails(mailbox)
    assert any(f"Nieuws over uw aanvraag {reference}" in m["Subject"] for m in notified)
    deliver_due(workspace, datetime.now(UTC) + timedelta(weeks=7))
    checkin = next(m for m in mails(mailbox) if "Hoe gaat het" in m["Subject"])
    link = re.search(r"http\S+/hoe-gaat-het\?t=\S+", checkin.get_body(("plain",)).get_content())
    assert link

    inwoner = page.context.browser.new_page()  # type: ignore[union-attr]
    inwoner.goto(live_web_url + f"/aanvraag/{reference}?token={created['token']}")
    expect(inwoner.get_by_text("Uw vaste aanspreekpunt is")).to_contain_text("Karim Bouzid")
    assert_accessible(inwoner)
    inwoner.goto(link.group(0))
    assert_accessible(inwoner)
    inwoner.get_by_label("Ik ben geholpen").check()
    inwoner.get_by_role("button", name="Versturen").click()
    expect(inwoner.get_by_role("heading", name="Dank u wel")).to_be_visible()
    assert_accessible(inwoner)
    inwoner.close()

    page.reload()
    expect(page.locator(".timeline")).to_contain_text("geholpen")
    page.get_by_label("Afgerond").check()
    page.get_by_role("button", name="Afsluiten").click()
    expect(page.locator(".lead")).to_contain_text("Klaar")

    page.goto(live_web_url + "/medewerkers/nieuw")
    expect(page.get_by_role("heading", name="Vraag registreren")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("telefoon", exact=True).check()
    page.get_by_label("Het initiatief in de woorden van de inwoner").fill(
        "Een buurtmoestuin bij de school."
    )
    page.get_by_label("De inwoner gaf toestemming", exact=False).check()
    page.get_by_role("button", name="Registreren en doorsturen").click()
    expect(page.get_by_role("heading", name="Vraag geregistreerd")).to_be_visible()
    assert_accessible(page)


def test_the_accounts_page_of_a_beheerder_passes_axe(
    page: Page, live_web_url: str, workspace: FastAPI
) -> None:
    page.goto(live_web_url + "/medewerkers/inloggen")
    page.get_by_label("E-mailadres").fill("beheerder.browser@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Accounts").click()
    expect(page.get_by_role("heading", name="Account toevoegen")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Karim Bouzid")
    assert_accessible(page)
