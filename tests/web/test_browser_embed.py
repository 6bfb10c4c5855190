"""The chat embedded on a municipality's own website (another origin), in headless Chromium.

The example municipal website (loket.example_site, strict CSP without 'unsafe-inline') loads
/<id>/widget.js from Loket; the inwoner opens the chat from the launcher with the keyboard,
talks, closes it with Escape, and finds the conversation again on the site's other page. A
site whose origin is not allowed gets no chat. Screenshots of the three themes at 1280 and
320 px go to var/screenshots/. Loket answers with the scripted fake Rasa here; the
conversation with the real assistant is in test_browser_stack.py.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer

import pytest
from fastapi import FastAPI
from playwright.sync_api import Frame, Page, expect

from loket.example_site import handler_for
from routing import municipalities_dir
from routing.municipalities import discover
from tests.web.browser import (
    blocking_violations,
    focused,
    has_horizontal_scroll,
    screenshot,
    tab_to,
)
from tests.web.conftest import make_web_app
from tests.web.servers import free_port, serve

pytestmark = pytest.mark.browser

THEMES = ["delft", "haarlem", "rotterdam"]
FRAME = "iframe.loket-widget__frame"


@contextmanager
def example_site(loket_url: str, port: int) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", port), handler_for(loket_url))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def embed_app(fake_rasa_url: str, site_port: int) -> FastAPI:
    origin = f"http://127.0.0.1:{site_port}"
    return make_web_app(
        rasa_url=fake_rasa_url, embed_origins={m: [origin] for m in discover(municipalities_dir())}
    )


@pytest.fixture(scope="module")
def loket_url(embed_app: FastAPI) -> Iterator[str]:
    with serve(embed_app) as url:
        yield url


@pytest.fixture(scope="module")
def site_url(loket_url: str, site_port: int) -> Iterator[str]:
    with example_site(loket_url, site_port) as url:
        yield url


def chat_frame(page: Page) -> Frame:
    handle = page.wait_for_selector(FRAME)
    frame = handle.content_frame() if handle else None
    assert frame is not None, "the panel has a frame"
    return frame


def open_by_keyboard(page: Page) -> Frame:
    launcher = page.locator(".loket-widget__launcher")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    tab_to(page, ".loket-widget__launcher")
    page.keyboard.press("Enter")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    frame = chat_frame(page)
    expect(frame.locator("#chat-start")).to_be_visible()
    page.wait_for_function("() => document.querySelector('.loket-widget.is-ready') !== null")
    return frame


def start_chat(page: Page, frame: Frame) -> None:
    """Focus went into the chat by itself; Enter accepts the notice and starts it."""
    page.wait_for_function("() => document.activeElement?.tagName === 'IFRAME'")
    expect(frame.locator("#chat-start")).to_be_focused()
    page.keyboard.press("Enter")
    expect(frame.locator("#chat-log .msg-bot").first).to_be_visible()
    assert focused(page, "#chat-input", frame)


def test_keyboard_opens_the_chat_escape_closes_it_and_it_survives_navigation(
    page: Page, site_url: str
) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site_url + "/delft/")
    frame = open_by_keyboard(page)
    start_chat(page, frame)
    page.keyboard.type("We willen een wormenhotel beginnen voor de buurt")
    page.keyboard.press("Enter")
    log = frame.locator("#chat-log")
    expect(log.get_by_role("button", name="Geld")).to_be_visible()

    # Escape inside the chat closes the panel and puts focus back on the launcher.
    page.keyboard.press("Escape")
    launcher = page.locator(".loket-widget__launcher")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#loket-widget-panel")).to_be_hidden()
    expect(launcher).to_be_focused()

    # Reopen, then go to the site's other page: the panel and the conversation are still there.
    page.keyboard.press("Enter")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    page.goto(site_url + "/delft/ondernemen")
    expect(page.locator(".loket-widget__launcher")).to_have_attribute("aria-expanded", "true")
    frame = chat_frame(page)
    expect(frame.locator("#chat-log")).to_contain_text("wormenhotel")
    expect(frame.locator("#chat-log .button-reply")).to_have_count(2)
    # The close button closes too, from the keyboard.
    tab_to(page, ".loket-widget__close")
    page.keyboard.press("Enter")
    expect(page.locator(".loket-widget__launcher")).to_be_focused()
    assert not [e for e in errors if "Content Security Policy" in e], errors


@pytest.mark.parametrize("municipality", THEMES)
def test_host_page_with_the_chat_open_passes_axe_and_reflows(
    page: Page, site_url: str, municipality: str
) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(site_url + f"/{municipality}/")
        if width == 1280:
            frame = open_by_keyboard(page)
            start_chat(page, frame)
        else:  # the panel stays open on the next page load in this tab
            frame = chat_frame(page)
            expect(frame.locator("#chat-log .msg-bot").first).to_be_visible()
        expect(page.locator("#loket-widget-panel")).to_be_visible()
        box = page.locator("#loket-widget-panel").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1
        assert not has_horizontal_scroll(page), f"{municipality} at {width}px scrolls sideways"
        assert not blocking_violations(page), blocking_violations(page)
        assert not blocking_violations(frame), blocking_violations(frame)
        screenshot(page, f"embed-{municipality}-{width}")
    # 400 % zoom of a 1280 x 1024 window is 320 x 256 CSS pixels: the panel is the window.
    page.set_viewport_size({"width": 320, "height": 256})
    box = page.locator("#loket-widget-panel").bounding_box()
    assert box == {"x": 0, "y": 0, "width": 320, "height": 256}, box
    assert not has_horizontal_scroll(page)
    assert not frame.evaluate(
        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
    ), "the chat scrolls sideways at 400 % zoom"
    # The chat itself (Loket's page inside the frame), with the municipality's theme.
    assert frame.evaluate(
        "() => getComputedStyle(document.documentElement)"
        ".getPropertyValue('--loket-color-primary').trim()"
    )


def test_a_site_that_is_not_allowed_gets_no_chat(page: Page, loket_url: str) -> None:
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    with example_site(loket_url, free_port()) as other:
        page.goto(other + "/delft/")
        tab_to(page, ".loket-widget__launcher")
        page.keyboard.press("Enter")
        refused = page.locator(".loket-widget__refused")
        expect(refused).to_contain_text("niet worden getoond", timeout=30_000)
        expect(page.locator(FRAME)).to_have_count(0)
        expect(refused.get_by_role("link")).to_have_attribute("href", loket_url + "/delft/embed")
        screenshot(page, "embed-geweigerd-1280")
    # The browser itself refused the frame, by Loket's CSP.
    assert any("frame-ancestors" in line for line in console), console
