"""Keyboard, axe-core and screenshot helpers for the browser tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Frame, Page, expect

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var/screenshots"
BLOCKING = {"serious", "critical"}


def tab_to(
    page: Page,
    selector: str,
    *,
    backwards: bool = False,
    limit: int = 60,
    frame: Frame | None = None,
) -> None:
    """Press (Shift+)Tab until the focused element matches `selector`: keyboard only.
    `frame`: the element is in that frame (the embedded chat), which must have the focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if focused(page, selector, frame):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{selector!r} not reachable with {key} in {limit} presses")


def focused(page: Page, selector: str, frame: Frame | None = None) -> bool:
    """The focused element matches `selector` (in `frame`, whose iframe has the page's focus)."""
    script = "s => document.activeElement?.matches(s) ?? false"
    if frame is None:
        return bool(page.evaluate(script, selector))
    in_frame = page.evaluate("() => document.activeElement?.tagName === 'IFRAME'")
    return bool(in_frame and frame.evaluate(script, selector))


def blocking_violations(page: Page | Frame) -> list[dict[str, Any]]:
    """axe-core (bundled by axe-playwright-python, injected by the test) serious/critical;
    a frame (the embedded chat) is checked on its own."""
    results = Axe().run(page)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
        if v.get("impact") in BLOCKING
    ]


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def has_horizontal_scroll(page: Page) -> bool:
    return bool(
        page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    )


def use_staff_token(page: Page, url: str, token: str) -> None:
    """Open a staff page and give it the staff token with the keyboard, as staff do."""
    page.goto(url)
    tab_to(page, "#staff-token")
    page.keyboard.type(token)
    page.keyboard.press("Enter")
    expect(page.locator("#token-status")).to_contain_text("Token wordt gebruikt")
