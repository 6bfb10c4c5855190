"""The status page in headless Chromium: Dutch, accessible (axe), erasure by keyboard with a
confirm page, the 404 page; and erasure typed in the chat."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.web.browser import blocking_violations, has_horizontal_scroll, screenshot, tab_to

pytestmark = pytest.mark.browser

INTAKE = {
    "text": "Wij willen een repaircafé in het buurthuis, met vrijwilligers die meehelpen.",
    "needs": ["vrijwilligers", "locatie"],
    "wijk": "Tanthof",
}
JSON = {"Accept": "application/json"}


def new_case(base: str, **extra: Any) -> dict[str, Any]:
    body = {"intake": INTAKE, "consent": True, **extra}
    response = httpx.post(f"{base}/api/v1/cases", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def check_page(page: Page, name: str) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"{name}-{width}")
        assert not has_horizontal_scroll(page), f"{name} scrolls sideways at {width}px"
        assert blocking_violations(page) == [], f"{name} at {width}px"


def test_status_page_is_dutch_accessible_and_erases_after_confirmation(
    page: Page, live_web_url: str
) -> None:
    created = new_case(live_web_url)
    page.goto(created["status_url"])
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Uw aanvraag {created['reference']}")
    main = page.locator("main")
    expect(main).to_contain_text("repaircafé in het buurthuis")
    expect(main).to_contain_text(f"{created['lead_name']} heeft de regie")
    expect(main.get_by_role("link", name="publiekondernemen@gemeente.example")).to_be_visible()
    for party in created["route"]["departments"] + created["route"]["partners"]:
        expect(main).not_to_contain_text(party)  # names, never catalogue IDs
    check_page(page, "aanvraag")

    page.set_viewport_size({"width": 1280, "height": 900})
    tab_to(page, "main a.button-link")
    expect(page.locator(":focus")).to_have_text("Verwijder mijn aanvraag")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Weet u zeker dat u uw aanvraag wilt verwijderen?"
    )
    assert httpx.get(created["status_url"], headers=JSON).status_code == 200  # not yet
    check_page(page, "aanvraag-verwijderen")

    page.set_viewport_size({"width": 1280, "height": 900})
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw aanvraag is verwijderd")
    check_page(page, "aanvraag-verwijderd")
    assert httpx.get(created["status_url"], headers=JSON).status_code == 404

    response = page.goto(created["status_url"])
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Deze aanvraag kunnen wij niet vinden"
    )
    check_page(page, "aanvraag-niet-gevonden")


def test_typed_erasure_in_the_chat_erases_the_case_and_starts_over(
    page: Page, live_web_url: str
) -> None:
    page.goto(live_web_url + "/delft/")
    log = page.locator("#chat-log")
    page.get_by_role("button", name="Ik begrijp het, start de chat").click()
    expect(log).to_contain_text("Ik ben Loket")
    for text in ("We willen een wormenhotel beginnen", "/affirm", "Voorhof"):
        page.locator("#chat-input").fill(text)
        page.keyboard.press("Enter")
        expect(page.locator("#chat-status")).to_have_text("")
    log.get_by_role("button", name="Ja, stuur door").click()
    expect(log).to_contain_text("Uw kenmerk is LOK-")
    kase = json.loads(page.evaluate("() => sessionStorage.getItem('loket.case')"))
    first_sender = page.evaluate("() => sessionStorage.getItem('loket.sender')")
    status_url = f"{live_web_url}/api/v1/cases/{kase['reference']}?token={kase['token']}"
    assert httpx.get(status_url, headers=JSON).status_code == 200

    page.locator("#chat-input").fill("wis alles")
    page.keyboard.press("Enter")
    expect(log).to_contain_text("Weet u zeker")
    log.get_by_role("button", name="Ja, wis alles").click()
    expect(log.locator(".msg-system").first).to_have_text("Ik heb dit gesprek gewist.")
    expect(log).to_contain_text("Ik ben Loket")  # a new conversation
    expect(log).not_to_contain_text(kase["reference"])
    assert page.evaluate("() => sessionStorage.getItem('loket.case')") is None
    assert page.evaluate("() => sessionStorage.getItem('loket.sender')") != first_sender
    assert httpx.get(status_url, headers=JSON).status_code == 404
