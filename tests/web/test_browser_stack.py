"""The real stack (scripts/run.sh: Rasa, action server, API) in headless Chromium.

An inwoner holds a whole Dutch conversation by keyboard only and gets a reference; the
partner the case went to reads the summary in the partner inbox and reports a status;
staff see the case in their list and the routing tester's reasons; "Wis gesprek" erases
the case again.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Frame, Page, expect

from tests.stack import RunningStack
from tests.web.browser import blocking_violations, focused, screenshot, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.stack]

REFERENCE = re.compile(r"LOK-\d{4}-\d{6}")
GOAL = "Met een paar buren willen we een moestuin aanleggen op het braakliggende veldje"

# What the inwoner answers when Loket asks something without buttons (first match wins).
ANSWERS = [
    ("wijk", "Voorhof"),
    ("fase", "We hebben alleen nog een idee"),
    ("organisatie", "We zijn een groep bewoners"),
    ("naam", "nee, liever niet"),
    ("e-mail", "nee"),
    ("telefoon", "nee"),
    ("contact", "nee, liever niet"),
    ("nodig", "We zoeken een stuk grond en wat geld"),
]
# Preferred quick replies, in order; otherwise the first button.
# "Geld" brings partners (fund network, crowdfunding) into the route, for the partner inbox.
PREFERRED = ["Ja, stuur", "Ja, dat klopt", "Geld", "Het is nog een idee", "Nee, liever niet"]


def _answer_by_keyboard(
    page: Page, bot_text: str, buttons: list[str], frame: Frame | None = None
) -> str:
    if buttons:
        choice = next((p for p in PREFERRED for b in buttons if b.startswith(p)), buttons[0])
        title = next(b for b in buttons if b.startswith(choice)) if choice in PREFERRED else choice
        index = buttons.index(title) + 1
        selector = f"#chat-log .quick-replies .button-reply:nth-child({index})"
        tab_to(page, selector, backwards=True, frame=frame)
        page.keyboard.press("Enter")
        return title
    lowered = bot_text.lower()
    text = next((a for key, a in ANSWERS if key in lowered), "ja")
    tab_to(page, "#chat-input", frame=frame)
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    return text


def _converse_until_reference(page: Page, limit: int = 16, frame: Frame | None = None) -> str:
    """By keyboard from the privacy notice to a reference; `frame`: the embedded chat, whose
    start button already has the focus."""
    chat = frame or page
    log = chat.locator("#chat-log")
    if frame is None:
        tab_to(page, "#chat-start")
    page.keyboard.press("Enter")
    expect(log.locator(".msg-bot").first).to_be_visible(timeout=30_000)
    expect(chat.locator("#chat-input")).to_be_focused()
    page.keyboard.type(GOAL + " in Voorhof")
    page.keyboard.press("Enter")
    for _ in range(limit):
        users = log.locator(".msg-user").count()
        expect(chat.locator("#chat-status")).to_have_text("", timeout=30_000)
        expect(log.locator(".msg-user")).to_have_count(users)
        last = log.locator(".msg-bot").last
        text = last.inner_text()
        found = REFERENCE.search(log.inner_text())
        if found:
            return found.group(0)
        buttons = [b.inner_text() for b in log.locator(".button-reply").all()]
        _answer_by_keyboard(page, text, buttons, frame)
        expect(log.locator(".msg-user")).to_have_count(users + 1)
    raise AssertionError("no reference after the conversation:\n" + log.inner_text())


def test_keyboard_conversation_partner_inbox_staff_and_erasure(
    page: Page, stack: RunningStack
) -> None:
    staff_headers = {"Authorization": f"Bearer {stack.staff_token}"}
    page.goto(stack.api_url + "/delft/")
    reference = _converse_until_reference(page)
    screenshot(page, "stack-gesprek-1280")

    # Staff see the case with its route; the partner it went to reads the summary.
    detail = httpx.get(f"{stack.api_url}/api/v1/staff/cases/{reference}", headers=staff_headers)
    assert detail.status_code == 200, detail.text
    partners = detail.json()["partners"]
    assert partners, "the route names at least one partner"
    key = stack.partner_key(partners[0])

    partner = page.context.new_page()
    partner.goto(stack.api_url + "/partner")
    partner.get_by_label("Partnersleutel").fill(key)
    partner.get_by_role("button", name="Inloggen").click()
    expect(partner.locator("#inbox-list")).to_contain_text(reference)
    partner.get_by_role("button", name=f"Bekijk {reference}").click()
    detail_view = partner.locator("#detail")
    expect(detail_view).to_contain_text("moestuin")
    expect(detail_view).to_contain_text("Graag reageren vóór")
    expect(detail_view.get_by_role("heading", name="Waarom")).to_be_visible()
    screenshot(partner, "stack-partner-1280")
    partner.get_by_label("Nieuwe status").select_option("in behandeling")
    partner.get_by_label("Toelichting").fill("We bellen volgende week.")
    partner.get_by_role("button", name="Status opslaan").click()
    expect(partner.locator("#status-result")).to_contain_text("Status opgeslagen")

    # Staff: the routing tester shows reasons; the list shows the case.
    staff = page.context.new_page()
    staff.goto(stack.api_url + "/medewerkers")
    staff.get_by_label("Medewerkerstoken").fill(stack.staff_token)
    staff.get_by_role("button", name="Token gebruiken").click()
    staff.get_by_label("Beschrijving van het initiatief").fill(GOAL + " in Voorhof")
    staff.get_by_role("button", name="Bepaal route").click()
    expect(staff.locator("#route-result ol.reasons li").first).to_be_visible(timeout=30_000)
    staff.get_by_role("button", name="Toon initiatieven").click()
    expect(staff.locator("#list-result")).to_contain_text(reference)
    screenshot(staff, "stack-medewerkers-1280")

    # "Wis gesprek" erases the case through its DELETE endpoint.
    page.bring_to_front()
    page.on("dialog", lambda dialog: dialog.accept())
    tab_to(page, "#chat-clear")
    page.keyboard.press("Enter")
    expect(page.locator("#chat-log")).to_contain_text("Het gesprek is gewist")
    gone = httpx.get(f"{stack.api_url}/api/v1/staff/cases/{reference}", headers=staff_headers)
    assert gone.status_code == 404


def test_conversation_in_the_chat_embedded_on_the_example_municipal_site(
    page: Page, stack: RunningStack
) -> None:
    """`make run`'s example site (another origin) embeds the chat with the one-line snippet;
    the inwoner opens it from the launcher and talks to a reference, keyboard only."""
    page.goto(stack.site_url + "/delft/")
    launcher = page.locator(".loket-widget__launcher")
    tab_to(page, ".loket-widget__launcher")
    page.keyboard.press("Enter")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    handle = page.wait_for_selector("iframe.loket-widget__frame")
    frame = handle.content_frame() if handle else None
    assert frame is not None
    page.wait_for_function("() => document.querySelector('.loket-widget.is-ready') !== null")
    page.wait_for_function("() => document.activeElement?.tagName === 'IFRAME'")
    assert focused(page, "#chat-start", frame), "focus moved into the chat"
    reference = _converse_until_reference(page, frame=frame)
    assert REFERENCE.fullmatch(reference)
    assert not blocking_violations(page), blocking_violations(page)
    assert not blocking_violations(frame), blocking_violations(frame)
    screenshot(page, "stack-embed-gesprek-1280")
    page.keyboard.press("Escape")
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


def test_run_sh_logs_each_process(stack: RunningStack) -> None:
    log_dir = Path(stack.env["LOKET_LOG_DIR"])
    for name in ("rasa", "rasa2", "actions", "api", "worker", "site", "supervisord"):
        assert (log_dir / f"{name}.log").exists(), name
    # our own INFO lines from the action server's serving processes reach its log
    assert "routing engine loaded" in (log_dir / "actions.log").read_text(encoding="utf-8")
