"""A conversation to a reference in headless Chromium on each municipality's own site: the
page shows that municipality, and every turn reaches the assistant with its ID."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, expect

from routing import Municipalities
from tests.web.browser import blocking_violations, tab_to
from tests.web.conftest import make_web_app
from tests.web.fake_rasa import create_fake_rasa
from tests.web.servers import serve

pytestmark = pytest.mark.browser

SITES = {"delft": "14 015", "haarlem": "14 023", "rotterdam": "14 010"}


@pytest.fixture(scope="module")
def own_rasa() -> FastAPI:
    return create_fake_rasa()


@pytest.fixture(scope="module")
def own_web_url(own_rasa: FastAPI, municipalities_registry: Municipalities) -> Iterator[str]:
    """An app and fake Rasa of this module's own (its cases stay out of the other browser
    tests' lists), serving Delft, Haarlem and Rotterdam."""
    with serve(own_rasa) as rasa_url:
        app = make_web_app(municipalities_registry.root, rasa_url=rasa_url)
        with serve(app) as url:
            own_rasa.state.api_url = url
            yield url


@pytest.mark.parametrize("municipality", list(SITES))
def test_conversation_to_a_reference_on_each_municipalitys_site(
    page: Page,
    own_web_url: str,
    own_rasa: FastAPI,
    municipalities_registry: Municipalities,
    municipality: str,
) -> None:
    catalogue = municipalities_registry.get(municipality).catalogue
    received_before = len(own_rasa.state.received)
    page.goto(f"{own_web_url}/{municipality}/")
    expect(page.locator(".brand")).to_contain_text(catalogue.municipality.name)
    expect(page.locator(".site-footer")).to_contain_text(SITES[municipality])
    log = page.locator("#chat-log")

    tab_to(page, "#chat-start")
    page.keyboard.press("Enter")
    expect(log).to_contain_text("Ik ben Loket")
    answers = [
        ("We willen een wormenhotel beginnen voor de buurt", "Wat heeft u nodig?"),
        ("geld", "In welke wijk"),
        (catalogue.wijken[0], "Mogen we uw vraag doorsturen?"),
    ]
    for said, answer in answers:
        expect(page.locator("#chat-input")).to_be_focused()
        page.keyboard.type(said)
        page.keyboard.press("Enter")
        expect(log).to_contain_text(answer)
    expect(log.get_by_role("button", name="Ja, stuur door")).to_be_visible()
    log.get_by_role("button", name="Ja, stuur door").click()
    expect(log).to_contain_text("Uw kenmerk is LOK-")
    assert re.search(r"LOK-\d{4}-\d{6}", log.inner_text())

    turns = own_rasa.state.received[received_before:]
    assert len(turns) == 5  # greet, three answers, consent
    assert {t["metadata"]["municipality"] for t in turns} == {municipality}
    assert blocking_violations(page) == []
