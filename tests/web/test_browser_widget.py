"""The chat widget in headless Chromium: keyboard-only conversation, erasure, axe, screenshots."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Dialog, Page, Route, expect

from tests.web.browser import blocking_violations, has_horizontal_scroll, screenshot, tab_to
from tests.web.conftest import PAGES

pytestmark = pytest.mark.browser


def _say(page: Page, text: str) -> None:
    expect(page.locator("#chat-input")).to_be_focused()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_whole_conversation_by_keyboard_ends_in_reference(page: Page, live_web_url: str) -> None:
    page.goto(live_web_url + "/delft/")
    log = page.locator("#chat-log")
    expect(page.locator("#chat-main")).to_be_hidden()  # privacy notice comes first

    tab_to(page, "#chat-start")
    page.keyboard.press("Enter")
    expect(log).to_contain_text("Ik ben Loket, een computer")
    expect(log.get_by_role("link", name="privacyverklaring")).to_have_attribute("href", "/privacy")

    _say(page, "We willen een wormenhotel beginnen voor de buurt")
    expect(log.get_by_role("button", name="Geld")).to_be_visible()
    tab_to(page, "#chat-log .button-reply:first-child", backwards=True)
    page.keyboard.press("Enter")
    expect(log).to_contain_text("In welke wijk")
    expect(log.get_by_role("button")).to_have_count(0)  # used quick replies disappear

    _say(page, "Voorhof")
    expect(log.get_by_role("button", name="Ja, stuur door")).to_be_visible()
    tab_to(page, "#chat-log .button-reply:first-child", backwards=True)
    page.keyboard.press("Space")
    expect(log).to_contain_text("Uw kenmerk is LOK-")
    expect(page.locator("#chat-input")).to_be_focused()
    expect(log.locator(".msg-user")).to_have_count(4)
    screenshot(page, "home-gesprek-1280")

    storage = page.evaluate("() => ({session: {...sessionStorage}, local: localStorage.length})")
    assert storage["local"] == 0, "nothing in localStorage"
    kase = json.loads(storage["session"]["loket.case"])
    reference = kase["reference"]
    assert re.fullmatch(r"LOK-\d{4}-\d{6}", reference)
    # The status link comes from the proxy (custom payload), not from text in the conversation.
    link = log.get_by_role("link", name=f"Bekijk uw aanvraag {reference}")
    expect(link).to_have_attribute(
        "href", f"{live_web_url}/api/v1/cases/{reference}?token={kase['token']}"
    )
    assert blocking_violations(page) == [], "chat with a receipt and its status link"
    first_sender = storage["session"]["loket.sender"]

    # "Wis gesprek" asks before erasing the case, then starts a new conversation id.
    dialogs: list[str] = []

    def accept(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    tab_to(page, "#chat-clear")
    page.keyboard.press("Enter")
    expect(log).to_contain_text("Het gesprek is gewist")
    expect(log).not_to_contain_text(reference)
    assert dialogs and reference in dialogs[0]
    session = page.evaluate("() => ({...sessionStorage})")
    assert "loket.case" not in session
    expect(log).to_contain_text("Ik ben Loket")
    assert page.evaluate("() => sessionStorage.getItem('loket.sender')") != first_sender


def test_conversation_survives_reload_in_the_same_tab(page: Page, live_web_url: str) -> None:
    page.goto(live_web_url + "/delft/")
    page.get_by_role("button", name="Ik begrijp het, start de chat").click()
    expect(page.locator("#chat-log")).to_contain_text("Ik ben Loket")
    page.reload()
    expect(page.locator("#chat-main")).to_be_visible()
    expect(page.locator("#chat-log")).to_contain_text("Ik ben Loket")


def test_a_message_typed_while_loket_answers_goes_after_that_answer(
    page: Page, live_web_url: str
) -> None:
    page.goto(live_web_url + "/delft/")
    page.get_by_role("button", name="Ik begrijp het, start de chat").click()
    log = page.locator("#chat-log")
    expect(log).to_contain_text("Ik ben Loket")
    held: list[Route] = []
    # The next answer waits until it is released.
    page.route("**/api/v1/chat", lambda route: held.append(route), times=1)
    _say(page, "We willen een wormenhotel beginnen voor de buurt")
    expect(page.locator("#chat-status")).to_have_text("Loket typt…")
    page.keyboard.type("geld")
    page.keyboard.press("Enter")
    expect(page.locator("#chat-status")).to_contain_text("gaat daarna vanzelf")
    expect(page.locator("#chat-input")).to_have_value("geld")
    assert len(held) == 1
    held[0].continue_()
    expect(log).to_contain_text("In welke wijk")  # the fake's answer to the second message
    expect(log.locator(".msg-user")).to_have_text([re.compile("wormenhotel"), re.compile("geld$")])
    expect(page.locator("#chat-input")).to_have_value("")


def test_rasa_down_shows_dutch_error_in_alert(page: Page, live_web_url: str) -> None:
    page.route(
        "**/api/v1/chat",
        lambda route: route.fulfill(
            status=503,
            content_type="application/json",
            body='{"detail": "De chat werkt op dit moment niet. Bel 14 015."}',
        ),
    )
    page.goto(live_web_url + "/delft/")
    page.get_by_role("button", name="Ik begrijp het, start de chat").click()
    expect(page.get_by_role("alert")).to_have_text(re.compile("werkt op dit moment niet"))


FAILED_TURNS = {
    "no messages": {"status": 200, "content_type": "application/json", "body": '{"messages": []}'},
    "gateway error page": {"status": 502, "content_type": "text/html", "body": "<h1>502</h1>"},
}


@pytest.mark.parametrize("answer", FAILED_TURNS)
def test_a_turn_that_fails_shows_a_dutch_message_and_keeps_the_text(
    page: Page, live_web_url: str, answer: str
) -> None:
    page.goto(live_web_url + "/delft/")
    page.get_by_role("button", name="Ik begrijp het, start de chat").click()
    expect(page.locator("#chat-log")).to_contain_text("Ik ben Loket")
    page.route("**/api/v1/chat", lambda route: route.fulfill(**FAILED_TURNS[answer]))
    _say(page, "We willen een moestuin")
    expect(page.get_by_role("alert")).to_have_text(re.compile("niet verwerken.*Bel 14 015"))
    expect(page.locator("#chat-input")).to_have_value("We willen een moestuin")


def test_server_unreachable_does_not_blame_the_inwoners_internet(
    page: Page, live_web_url: str
) -> None:
    page.goto(live_web_url + "/delft/")
    page.get_by_role("button", name="Ik begrijp het, start de chat").click()
    expect(page.locator("#chat-log")).to_contain_text("Ik ben Loket")
    page.route("**/api/v1/chat", lambda route: route.abort("connectionrefused"))
    _say(page, "hallo")
    alert = page.get_by_role("alert")
    expect(alert).to_have_text(re.compile("even niet bereikbaar.*Bel 14 015"))
    expect(alert).not_to_contain_text("internet")


def test_focus_is_visible_on_keyboard_focus(page: Page, live_web_url: str) -> None:
    page.goto(live_web_url + "/delft/")
    tab_to(page, "#chat-start")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_axe_violations_and_reflows(
    page: Page, live_web_url: str, path: str
) -> None:
    name = path.strip("/").replace("/", "-") or "gemeenten"  # the screenshot's name
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_web_url + path)
        if path == "/delft/":  # the chat widget's home page
            page.get_by_role("button", name="Ik begrijp het, start de chat").click()
            expect(page.locator("#chat-log")).to_contain_text("Ik ben Loket")
            page.evaluate("() => sessionStorage.clear()")
        screenshot(page, f"{name}-{width}")
        assert not has_horizontal_scroll(page), f"{name} scrolls sideways at {width}px"
        assert blocking_violations(page) == [], f"{name} at {width}px"
