"""The API docs (Swagger UI and ReDoc) work in Chromium from this origin only, under the CSP."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "rendered"), [("/docs", ".opblock"), ("/redoc", "[data-section-id]")]
)
def test_api_docs_render_without_a_cdn(
    page: Page, live_web_url: str, path: str, rendered: str
) -> None:
    origin = urlsplit(live_web_url).netloc
    fetched: list[str] = []
    blocked: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.on("requestfailed", lambda request: blocked.append(str(request.failure)))
    page.goto(live_web_url + path)
    page.wait_for_selector(rendered, timeout=20_000)
    assert page.locator(rendered).count() > 3
    fetched = [url for url in fetched if not url.startswith(("data:", "blob:"))]
    assert fetched and all(urlsplit(url).netloc == origin for url in fetched), fetched
    # ReDoc's bundle links its maker's logo on a CDN: the CSP stops it before it leaves.
    assert all(failure == "csp" for failure in blocked), blocked
