"""The whole cycle in headless Chromium, with axe on every new page: an inwoner's case, a
coördinator signs in and assigns it, a partner accepts it, the inwoner is mailed and answers
the check-in, and the case is closed."""

from __future__ import annotations

import email
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.policy import default as default_policy
from typing import Any

import pytest
from fastapi import FastAPI
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import Page, expect
from sqlalchemy import select

from handoff import accounts
from handoff.delivery import worker
from handoff.models import Case
from handoff.oidc import OidcProvider
from tests.handoff.receivers import MailBox, smtp_server
from tests.web.browser import blocking_violations
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


def sign_in_as(page: Page, base: str, email: str) -> None:
    page.goto(base + "/medewerkers/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Initiatieven", exact=True)).to_be_visible()


def chat_to_a_case(page: Page, base: str) -> dict[str, str]:
    """The inwoner's conversation on the municipality's site, to the receipt with its link."""
    page.goto(base + "/delft/")
    page.locator("#chat-start").click()
    log = page.locator("#chat-log")
    expect(log).to_contain_text("Ik ben Loket")
    for answer in ("We willen een wormenhotel beginnen voor de buurt", None, "Voorhof"):
        if answer is None:
            log.get_by_role("button", name="Geld").click()
        else:
            page.locator("#chat-input").fill(answer)
            page.keyboard.press("Enter")
    log.get_by_role("button", name="Ja, stuur door").click()
    expect(log).to_contain_text("Uw kenmerk is LOK-")
    case: dict[str, str] = json.loads(page.evaluate("() => sessionStorage.getItem('loket.case')"))
    return case


def test_the_whole_cycle_through_the_ui_with_axe_on_every_page(
    page: Page, live_web_url: str, workspace: FastAPI, mailbox: MailBox, fake_rasa: FastAPI
) -> None:
    """inwoner → case (chat) → coördinator assigns (/medewerkers) → partner accepts (partner
    inbox) → inwoner mailed → check-in answered on the status page → closed by the owner."""
    services = workspace.state.services
    services.settings.public_base_url = live_web_url
    browser = page.context.browser
    assert browser is not None

    # The inwoner chats, gives an e-mail address, and turns on e-mails on the status page.
    fake_rasa.state.contact = {"email": INWONER}
    try:
        case = chat_to_a_case(page, live_web_url)
    finally:
        fake_rasa.state.contact = None
    reference = case["reference"]
    status_link = f"{live_web_url}/aanvraag/{reference}?token={case['token']}"
    page.goto(status_link)
    assert_accessible(page)
    page.get_by_role("button", name="Ja, mail mij als er iets verandert").click()
    expect(page.get_by_role("button", name="Ja, mail mij")).to_have_count(0)

    # Three weeks on, nobody has replied: the status page says so honestly (time travel).
    real_clock = services.clock
    services.clock = lambda: real_clock() + timedelta(weeks=3)
    try:
        page.goto(status_link)
        expect(page.locator(".notice-late")).to_contain_text("Uw antwoord is te laat")
        assert_accessible(page)
    finally:
        services.clock = real_clock

    # The coördinator assigns it to Karim in the workspace.
    staff = browser.new_page()
    sign_in_as(staff, live_web_url, "coordinator.browser@example.nl")
    staff.locator("tr", has_text=reference).get_by_role("link").first.click()
    expect(staff.get_by_role("heading", name="Tijdlijn")).to_be_visible()
    assert_accessible(staff)
    staff.get_by_label("Eigenaar maken").select_option(label="Karim Bouzid")
    staff.get_by_role("button", name="Toewijzen").click()
    expect(staff.locator(".timeline")).to_contain_text("Eigenaar: Karim Bouzid")
    staff.close()

    # A partner of the route accepts it in the partner inbox, and leaves a note.
    with services.db.session() as session:
        found = session.scalars(select(Case).where(Case.reference == reference)).one()
        party = next(a.party for a in found.assignments if a.kind == "partner")
    partner = browser.new_page()
    partner.goto(live_web_url + "/partner")
    partner.get_by_label("Partnersleutel").fill(partner_key(workspace, party))
    partner.get_by_role("button", name="Inloggen").click()
    partner.locator(f"#inbox-list button[data-reference='{reference}']").click()
    expect(partner.locator("#detail")).to_contain_text("wormenhotel")
    partner.get_by_label("Nieuwe status").select_option("opgepakt")
    partner.get_by_role("button", name="Status opslaan").click()
    expect(partner.locator("#status-result")).to_contain_text("Status opgeslagen: opgepakt")
    partner.get_by_label("Notitie", exact=True).fill("Wij bellen de inwoner deze week.")
    partner.get_by_role("button", name="Notitie versturen").click()
    expect(partner.locator("#note-result")).to_contain_text("Notitie verstuurd")
    assert_accessible(partner)
    partner.close()

    # The worker mails the inwoner the status change, and seven weeks on the check-in.
    deliver_due(workspace, datetime.now(UTC))
    notified = mails(mailbox)
    news = next(m for m in notified if f"Nieuws over uw aanvraag {reference}" in m["Subject"])
    unsubscribe = re.search(r"http\S+/afmelden\?t=\S+", news.get_body(("plain",)).get_content())
    assert unsubscribe
    deliver_due(workspace, datetime.now(UTC) + timedelta(weeks=7))
    checkin = next(m for m in mails(mailbox) if "Hoe gaat het" in m["Subject"])
    assert re.search(r"http\S+/hoe-gaat-het\?t=\S+", checkin.get_body(("plain",)).get_content())

    # The inwoner answers the check-in on the status page.
    page.goto(status_link)
    expect(page.get_by_text("Uw vaste aanspreekpunt is")).to_contain_text("Karim Bouzid")
    block = page.locator("section[aria-labelledby='checkin-titel']")
    expect(block).to_be_visible()
    assert_accessible(page)
    block.get_by_label("Ik ben geholpen").check()
    block.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", name="Dank u wel")).to_be_visible()
    assert_accessible(page)

    # The unsubscribe link of the mail: its confirm page and its result.
    page.goto(unsubscribe.group(0))
    assert_accessible(page)
    page.get_by_role("button", name="Ja, meld mij af").click()
    expect(page.get_by_role("heading", name="U bent afgemeld")).to_be_visible()
    assert_accessible(page)

    # Karim, the owner, reads the partner's note and the answer, and closes the case.
    owner = browser.new_page()
    sign_in_as(owner, live_web_url, "medewerker.browser@example.nl")
    owner.goto(live_web_url + f"/medewerkers/aanvragen/{reference}")
    timeline = owner.locator(".timeline")
    expect(timeline).to_contain_text("voor de eigenaar: Wij bellen de inwoner deze week.")
    expect(timeline).to_contain_text("geholpen")
    owner.get_by_label("Afgerond").check()
    owner.get_by_role("button", name="Afsluiten").click()
    expect(owner.locator(".lead")).to_contain_text("Klaar")

    # A medewerker may not manage accounts: the Dutch "Geen toegang" page.
    owner.goto(live_web_url + "/medewerkers/accounts")
    expect(owner.get_by_role("heading", name="Geen toegang")).to_be_visible()
    assert_accessible(owner)

    owner.goto(live_web_url + "/medewerkers/nieuw")
    expect(owner.get_by_role("heading", name="Vraag registreren")).to_be_visible()
    assert_accessible(owner)
    owner.get_by_label("telefoon", exact=True).check()
    owner.get_by_label("Het initiatief in de woorden van de inwoner").fill(
        "Een buurtmoestuin bij de school."
    )
    owner.get_by_label("De inwoner gaf toestemming", exact=False).check()
    owner.get_by_role("button", name="Registreren en doorsturen").click()
    expect(owner.get_by_role("heading", name="Vraag geregistreerd")).to_be_visible()
    assert_accessible(owner)
    owner.close()


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
    page.get_by_role("link", name="Karim Bouzid").click()
    expect(page.get_by_role("heading", name="Account van Karim Bouzid")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Account deactiveren").click()
    expect(page.get_by_role("status")).to_contain_text("gedeactiveerd")
    expect(page.locator(".timeline")).to_contain_text("Bea Beheer")
    assert_accessible(page)
    page.get_by_role("button", name="Account activeren").click()
    expect(page.get_by_role("status")).to_contain_text("weer actief")


def test_a_staff_member_signs_in_through_the_municipalitys_provider(
    page: Page, live_web_url: str, workspace: FastAPI
) -> None:
    """The button on the sign-in page, the provider's own form, and back in the workspace."""
    settings = workspace.state.services.settings
    user = User(sub="els-7", claims={"email": "coordinator.browser@example.nl"})
    with run_server_in_thread(require_nonce=True, user_claims=[user]) as server:
        settings.oidc_providers = {
            "delft": OidcProvider(
                issuer=f"http://localhost:{server.server_port}",
                client_id="loket",
                client_secret="geheim",
                label="Inloggen met uw Delft-account",
            )
        }
        try:
            page.goto(live_web_url + "/medewerkers/inloggen")
            assert_accessible(page)
            page.get_by_role("link", name="Inloggen met uw Delft-account").click()
            # "U bent ingelogd" refreshes at once to the list: hold that request back so axe
            # can check the page in between, then let it through.
            page.route("**/medewerkers/aanvragen", lambda route: route.abort("aborted"))
            with page.expect_event("requestfailed"):  # the refresh, held back
                page.locator("button[name='sub'][value='els-7']").click()  # the provider's form
            expect(page.get_by_role("heading", name="U bent ingelogd")).to_be_visible()
            assert_accessible(page)
            page.unroute("**/medewerkers/aanvragen")
            page.get_by_role("link", name="Verder naar de initiatieven").click()
            expect(page.get_by_role("heading", name="Initiatieven", exact=True)).to_be_visible()
            expect(page.locator(".workspace-nav")).to_contain_text("Els Jansen")
        finally:
            settings.oidc_providers = {}
