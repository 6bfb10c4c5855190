"""The staff dashboard and the yearly impact page in headless Chromium, with axe-core."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, expect

from handoff.delivery import inwoner
from tests.handoff.monitoring_fixture import add_record
from tests.web.browser import blocking_violations, screenshot, use_staff_token
from tests.web.conftest import STAFF_TOKEN

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def records(live_app: FastAPI, live_web_url: str) -> str:
    with live_app.state.services.db.transaction() as session:
        add_record(session, month="2025-04", count=6, impact="gelukt")
        add_record(
            session,
            month="2025-05",
            wijk="Hof van Delft",
            needs=("locatie",),
            outcome="niet",
            instruments=("locatiescan",),
            offered=(),
            count=5,
        )
        add_record(session, month="2025-06", status="nieuw", outcome=None, lead_time_days=None)
    return live_web_url


def test_dashboard_shows_charts_with_tables_and_passes_axe(page: Page, records: str) -> None:
    page.goto(records + "/medewerkers/dashboard")
    use_staff_token(page, STAFF_TOKEN)
    page.get_by_label("Vanaf maand").fill("2025-01")
    page.get_by_label("Tot en met maand").fill("2025-12")
    page.get_by_role("button", name="Toon dashboard").click()
    board = page.locator("#dashboard")
    expect(board.get_by_role("heading", name="Waar aanvragen blijven hangen")).to_be_visible()
    expect(board.get_by_role("img", name="Aanvragen per wijk")).to_be_visible()
    board.get_by_text("Aanvragen per wijk: tabel").click()
    expect(board.locator("#per-wijk table")).to_contain_text("Hof van Delft")
    expect(board.get_by_role("heading", name="Wat heeft de hulp opgeleverd?")).to_be_visible()
    board.get_by_text("Antwoorden van inwoners: tabel").click()
    expect(board.locator("#impact-antwoorden table")).to_contain_text("gestart of gelukt")
    assert board.locator("svg[role=img]").count() == 10
    assert not blocking_violations(page), blocking_violations(page)
    screenshot(page, "medewerkers-dashboard-1280")


def test_dashboard_without_token_gets_dutch_refusal(page: Page, records: str) -> None:
    page.goto(records + "/medewerkers/dashboard")
    page.evaluate("() => sessionStorage.clear()")
    page.get_by_role("button", name="Toon dashboard").click()
    expect(page.locator("#dashboard").get_by_role("alert")).to_contain_text("Geen toegang")


def test_impact_page_passes_axe_and_prints(page: Page, records: str) -> None:
    page.goto(records + "/impact/delft/2025")
    expect(page.get_by_role("heading", name="Impact van initiatieven in 2025")).to_be_visible()
    assert not blocking_violations(page), blocking_violations(page)
    page.emulate_media(media="print")
    expect(page.locator(".site-header nav")).to_be_hidden()
    expect(page.locator("#impact-wijk table")).to_be_visible()
    expect(page.locator("#impact-answers table")).to_contain_text("gestart of gelukt")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.emulate_media(media="screen")
    screenshot(page, "impact-2025-1280")


def closed_case(base: str) -> dict[str, str]:
    """A case with an e-mail address, closed with its outcome, through the API."""
    created = httpx.post(
        base + "/api/v1/cases",
        json={
            "intake": {"text": "Een wormenhotel in Tanthof.", "needs": ["financiering"]},
            "consent": True,
            "contact": {"email": "impact.browser@example.nl"},
        },
    )
    assert created.status_code == 201, created.text
    body: dict[str, str] = created.json()
    closed = httpx.put(
        base + f"/api/v1/staff/cases/{body['reference']}/outcome",
        json={"result": "geholpen", "reason": "Subsidie gekregen"},
        headers={"Authorization": f"Bearer {STAFF_TOKEN}"},
    )
    assert closed.status_code == 200, closed.text
    return body


def test_impact_question_consent_and_answer_pass_axe(
    page: Page, live_app: FastAPI, records: str
) -> None:
    """Consent on the status page, then the question (its mail queued seven months after the
    outcome) answered; every page without serious axe violations."""
    created = closed_case(records)
    reference = created["reference"]
    page.goto(records + f"/aanvraag/{reference}?token={created['token']}")
    expect(page.get_by_role("heading", name="Later één vraag")).to_be_visible()
    assert not blocking_violations(page), blocking_violations(page)
    page.get_by_role("button", name="Ja, stel mij later die vraag").click()
    expect(page.get_by_role("button", name="Ik wil deze vraag niet krijgen")).to_be_visible()

    services = live_app.state.services
    with services.db.transaction() as session:
        later = datetime.now(UTC) + timedelta(days=7 * 31)
        asked = inwoner.plan_impact_questions(session, services.settings, later)
        assert [c.reference for c in asked] == [reference]
    link = inwoner.link_token(services.secret_key, "impact", reference)
    page.goto(records + f"/aanvraag/{reference}/wat-heeft-het-opgeleverd?t={link}")
    expect(page.get_by_role("heading", name="Wat heeft de hulp opgeleverd?")).to_be_visible()
    assert not blocking_violations(page), blocking_violations(page)
    screenshot(page, "impactvraag-1280")
    page.get_by_label("Ik ben op weg, maar nog niet klaar").check()
    page.get_by_label("Wilt u er iets over vertellen?").fill("Het loopt goed.")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", name="Dank u wel")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Ik ben op weg, maar nog niet klaar")
    assert not blocking_violations(page), blocking_violations(page)
