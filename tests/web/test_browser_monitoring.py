"""The staff dashboard and the yearly impact page in headless Chromium, with axe-core."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, expect

from tests.handoff.monitoring_fixture import add_record
from tests.web.browser import blocking_violations, screenshot, use_staff_token
from tests.web.conftest import STAFF_TOKEN

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def records(live_app: FastAPI, live_web_url: str) -> str:
    with live_app.state.services.db.transaction() as session:
        add_record(session, month="2025-04", count=6)
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
    assert board.locator("svg[role=img]").count() == 9
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
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.emulate_media(media="screen")
    screenshot(page, "impact-2025-1280")
