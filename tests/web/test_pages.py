"""The pages render in Dutch, reference only local assets and carry a strict CSP."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from handoff.lifecycle import CASE_STATES
from tests.web.conftest import PAGES


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_dutch_html_with_strict_csp(
    web_client_factory: Callable[..., TestClient], path: str
) -> None:
    response = web_client_factory().get(path)
    assert response.status_code == 200
    assert '<html lang="nl">' in response.text
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_inline_script_style_or_remote_assets(
    web_client_factory: Callable[..., TestClient], path: str
) -> None:
    html = web_client_factory().get(path).text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    assert "<style" not in html
    assert " style=" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "no CDN or remote assets"


def test_home_has_accessible_chat_widget(web_client_factory: Callable[..., TestClient]) -> None:
    html = web_client_factory().get("/delft/").text
    assert 'role="log"' in html and 'aria-live="polite"' in html
    assert "Wis gesprek" in html
    assert 'href="/delft/privacy"' in html
    assert 'data-municipality="delft"' in html
    assert "Loket is een computer" in html


def test_how_it_works_is_built_from_the_catalogue(
    web_client_factory: Callable[..., TestClient],
) -> None:
    html = web_client_factory().get("/zo-werkt-het").text
    assert "Team Publiek Ondernemen" in html
    assert "Wijkzaken" in html
    assert "14 015" in html


def test_staff_status_filter_lists_the_lifecycle_states(
    web_client_factory: Callable[..., TestClient],
) -> None:
    html = web_client_factory().get("/medewerkers").text
    select = re.search(r'<select id="f-status".*?</select>', html, re.DOTALL)
    assert select is not None
    options = re.findall(r'<option value="([^"]*)">', select.group(0))
    assert options == ["", *CASE_STATES]
    assert "ontvangen" not in options  # the older word for "opgepakt"


def test_static_assets_are_served_and_paths_cannot_escape(
    web_client_factory: Callable[..., TestClient],
) -> None:
    client = web_client_factory()
    css = client.get("/static/loket.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/chat.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/..%2Fpages.py").status_code == 404
    assert client.get("/static/.hidden").status_code == 404


def test_how_it_works_lists_every_loaded_rule_in_dutch(
    web_client_factory: Callable[..., TestClient],
) -> None:
    from routing import get_router

    html = web_client_factory().get("/zo-werkt-het").text
    router = get_router()
    assert router.rules_version in html
    for rule in router.rules:
        assert f"<td>{rule.id}</td>" in html
    assert "geen andere regel heeft een trekkend team gekozen" in html  # the default rule
