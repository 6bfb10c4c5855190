"""The staff page in headless Chromium: the routing tester shows the route and its reasons."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, expect

from routing.staff_cases import case_paths, load_cases
from tests.web.browser import screenshot, use_staff_token
from tests.web.conftest import STAFF_TOKEN

pytestmark = pytest.mark.browser


def test_staff_tester_shows_route_with_reasons(page: Page, live_web_url: str) -> None:
    page.goto(live_web_url + "/medewerkers")
    page.get_by_label("Beschrijving van het initiatief").fill(
        "Wij zijn bewoners en willen een wormenhotel in Tanthof. We zoeken een kleine bijdrage."
    )
    page.get_by_role("checkbox", name="vrijwilligers").check()
    page.get_by_role("button", name="Bepaal route").click()
    result = page.locator("#route-result")
    expect(result.get_by_role("heading", name="Waarom")).to_be_visible(timeout=30_000)
    expect(result).to_contain_text("Leidend team")
    reasons = result.locator("ol.reasons li")
    expect(reasons.first).to_be_visible()
    assert reasons.count() >= 2
    expect(result).to_contain_text("Tanthof")
    screenshot(page, "medewerkers-route-1280")


def test_staff_runs_all_routing_cases_with_token(page: Page, live_web_url: str) -> None:
    page.goto(live_web_url + "/medewerkers")
    use_staff_token(page, STAFF_TOKEN)
    assert page.evaluate("() => sessionStorage.getItem('loket.staffToken')") == STAFF_TOKEN
    page.get_by_role("button", name="Testcases draaien").click()
    summary = page.locator("#cases-result p").first
    expect(summary).to_contain_text(re.compile(r"\d+ van \d+ testcases geslaagd"), timeout=60_000)
    found = re.search(r"(\d+) van (\d+) testcases geslaagd", summary.inner_text())
    assert found is not None
    passed, total = int(found[1]), int(found[2])
    staff_cases = len(load_cases(case_paths()))
    assert total == staff_cases > 0
    assert passed == total, summary.inner_text()
    expect(page.locator("#cases-result tbody tr")).to_have_count(staff_cases)


def test_staff_without_token_gets_dutch_refusal(page: Page, live_web_url: str) -> None:
    page.goto(live_web_url + "/medewerkers")
    page.get_by_role("button", name="Testcases draaien").click()
    expect(page.locator("#cases-result").get_by_role("alert")).to_contain_text("Geen toegang")


def test_staff_see_a_summary_that_did_not_arrive_and_send_it_again(
    page: Page, live_web_url: str, live_app: FastAPI
) -> None:
    import httpx
    from sqlalchemy import update

    from handoff.models import Delivery
    from handoff.partners import configure

    db = live_app.state.services.db
    with db.transaction() as session:
        configure(session, "delftse-fondsen", webhook_url="http://127.0.0.1:9/loket")
    created = httpx.post(
        live_web_url + "/api/v1/cases",
        json={"intake": {"text": "Een wormenhotel", "needs": ["financiering"]}, "consent": True},
    )
    reference = created.json()["reference"]
    with db.transaction() as session:  # as the worker leaves it after 72 hours of trying
        session.execute(
            update(Delivery).where(Delivery.channel == "webhook").values(status="failed")
        )

    page.goto(live_web_url + "/medewerkers")
    page.evaluate(f"() => sessionStorage.setItem('loket.staffToken', '{STAFF_TOKEN}')")
    page.get_by_label("Levering").select_option("failed")
    page.get_by_role("button", name="Toon initiatieven").click()
    row = page.locator("#list-result tr", has_text=reference)
    expect(row).to_contain_text("niet aangekomen (1)")
    screenshot(page, "medewerkers-levering-mislukt-1280")
    row.get_by_role("button", name=f"Opnieuw versturen: {reference}").click()
    expect(row.get_by_role("status")).to_contain_text("Opnieuw verstuurd")
    with db.session() as session:
        statuses = {d.status for d in session.query(Delivery).filter_by(channel="webhook")}
    assert statuses == {"pending"}
