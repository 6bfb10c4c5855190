"""The partner inbox and the staff case list in headless Chromium, on the real handoff API."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, expect

from tests.web.browser import blocking_violations, screenshot, tab_to
from tests.web.conftest import STAFF_TOKEN, partner_key

pytestmark = pytest.mark.browser

INTAKE = {
    "text": "Wij willen wormenhotels in de buurt neerzetten. Zo is er minder gft-afval en "
    "leren buren elkaar kennen. We zoeken een kleine bijdrage en bekendheid.",
    "needs": ["financiering", "zichtbaarheid"],
    "stage": "opstart",
    "organisation": "bewoner",
    "wijk": "Tanthof",
}


@pytest.fixture(scope="module")
def case(live_web_url: str) -> dict[str, Any]:
    response = httpx.post(
        live_web_url + "/api/v1/cases",
        json={"intake": INTAKE, "consent": True, "contact": {"name": "Sam de Vries"}},
        timeout=60,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    detail = httpx.get(
        f"{live_web_url}/api/v1/staff/cases/{body['reference']}",
        headers={"Authorization": f"Bearer {STAFF_TOKEN}"},
        timeout=60,
    ).json()
    body["partners"] = detail["partners"]
    assert body["partners"], "the route names at least one partner"
    return body


def test_partner_reads_summary_and_reports_status_by_keyboard(
    page: Page, live_web_url: str, live_app: FastAPI, case: dict[str, Any]
) -> None:
    key = partner_key(live_app, case["partners"][0])
    page.goto(live_web_url + "/partner")
    tab_to(page, "#partner-key")
    page.keyboard.type(key)
    page.keyboard.press("Enter")
    inbox = page.locator("#inbox-list")
    expect(inbox).to_contain_text(case["reference"])
    assert page.evaluate("() => sessionStorage.getItem('loket.partnerKey')") == key
    assert page.evaluate("() => localStorage.length") == 0

    tab_to(page, f"#inbox-list button[data-reference='{case['reference']}']")
    page.keyboard.press("Enter")
    detail = page.locator("#detail")
    expect(detail).to_be_focused()
    expect(detail).to_contain_text("wormenhotels")
    expect(detail).to_contain_text("Graag reageren vóór")
    expect(detail).to_contain_text("Sam de Vries")  # contact shared with consent
    expect(detail.get_by_role("heading", name="Waarom")).to_be_visible()
    screenshot(page, "partner-samenvatting-1280")
    assert blocking_violations(page) == []

    page.get_by_label("Nieuwe status").select_option("in behandeling")
    tab_to(page, "#status-note")
    page.keyboard.type("We bellen volgende week.")
    tab_to(page, "#status-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("#status-result")).to_contain_text("Status opgeslagen: in behandeling")
    expect(inbox).to_contain_text("in behandeling")


def test_partner_with_wrong_key_sees_dutch_refusal(page: Page, live_web_url: str) -> None:
    page.goto(live_web_url + "/partner")
    page.get_by_label("Partnersleutel").fill("verkeerde-sleutel")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("#key-status")).to_contain_text("Geen toegang")
    expect(page.locator("#inbox")).to_be_hidden()


def test_staff_case_list_filters_and_shows_status(
    page: Page, live_web_url: str, case: dict[str, Any]
) -> None:
    page.goto(live_web_url + "/medewerkers")
    page.get_by_label("Medewerkerstoken").fill(STAFF_TOKEN)
    page.get_by_role("button", name="Token gebruiken").click()
    page.get_by_label("Wijk").nth(1).select_option("Tanthof")
    page.get_by_role("button", name="Toon initiatieven").click()
    result = page.locator("#list-result")
    expect(result).to_contain_text(case["reference"])
    expect(result.get_by_role("columnheader", name="Terugbellen")).to_be_visible()
    page.get_by_label("Wijk").nth(1).select_option("Voorhof")
    page.get_by_role("button", name="Toon initiatieven").click()
    expect(result).to_contain_text("Geen initiatieven gevonden")
    screenshot(page, "medewerkers-lijst-1280")
