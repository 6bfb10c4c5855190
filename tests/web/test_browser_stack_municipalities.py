"""The real stack in headless Chromium on each municipality's site: one trained model and
one action server hold the conversation with that municipality's wijken, team and numbers,
and the case made is that municipality's."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Page, expect

from routing import Municipalities
from tests.stack import RunningStack
from tests.web.test_browser_stack import GOAL, REFERENCE, _answer_by_keyboard

pytestmark = [pytest.mark.browser, pytest.mark.stack]

NUMBERS = {"delft": "14 015", "haarlem": "14 023", "rotterdam": "14 010"}


@pytest.mark.parametrize("municipality", list(NUMBERS))
def test_conversation_to_a_reference_on_each_municipalitys_site(
    page: Page, stack: RunningStack, municipality: str
) -> None:
    root = stack.env["LOKET_MUNICIPALITIES_DIR"]
    catalogue = Municipalities(root, "delft").get(municipality).catalogue
    assert catalogue.wijken, municipality
    page.goto(f"{stack.api_url}/{municipality}/")
    expect(page.locator(".site-footer")).to_contain_text(NUMBERS[municipality])
    log = page.locator("#chat-log")
    page.locator("#chat-start").click()
    expect(log.locator(".msg-bot").first).to_be_visible(timeout=30_000)
    expect(log.get_by_role("link", name=f"/{municipality}/privacy")).to_be_visible()
    page.locator("#chat-input").type(GOAL)
    page.keyboard.press("Enter")
    wijk_buttons: list[str] = []
    for _ in range(16):
        users = log.locator(".msg-user").count()
        expect(page.locator("#chat-status")).to_have_text("", timeout=30_000)
        if REFERENCE.search(log.inner_text()):
            break
        buttons = [b.inner_text() for b in log.locator(".button-reply").all()]
        if "De hele stad" in buttons:
            wijk_buttons = buttons
        _answer_by_keyboard(page, log.locator(".msg-bot").last.inner_text(), buttons)
        expect(log.locator(".msg-user")).to_have_count(users + 1)
    reference = REFERENCE.search(log.inner_text())
    assert reference, "no reference after the conversation:\n" + log.inner_text()
    assert wijk_buttons == [*catalogue.wijken, "De hele stad"], "that municipality's wijken"
    assert (
        catalogue.name_of(catalogue.loket_team) in log.inner_text()
        or NUMBERS[municipality] in log.inner_text()
    )

    staff = {"Authorization": f"Bearer {stack.staff_token}"}
    case = httpx.get(f"{stack.api_url}/api/v1/staff/cases/{reference.group(0)}", headers=staff)
    assert case.status_code == 200, case.text
    assert case.json()["municipality"] == municipality
