"""Every municipality has its own site (/<id>/...) with its own name, numbers and mailboxes;
the chat proxy tells the assistant which one a conversation is on."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from routing import Municipalities

SITES = {
    # id: (name, general number, loket team, its mailbox)
    "delft": (
        "Gemeente Delft",
        "14 015",
        "Team Publiek Ondernemen",
        "publiekondernemen@gemeente.example",
    ),
    "haarlem": (
        "Gemeente Haarlem",
        "14 023",
        "Programma Sociaal Ondernemerschap",
        "sociaalondernemen@gemeente.example",
    ),
    "rotterdam": (
        "Gemeente Rotterdam",
        "14 010",
        "Activering en Welzijn",
        "maatschappelijkinitiatief@gemeente.example",
    ),
}
BELOW = ["", "privacy", "toegankelijkheid", "zo-werkt-het"]


@pytest.fixture
def client(
    several_municipalities: Municipalities, web_client_factory: Callable[..., TestClient]
) -> TestClient:
    return web_client_factory(several_municipalities.root)


@pytest.mark.parametrize("below", BELOW)
@pytest.mark.parametrize("municipality", list(SITES))
def test_each_page_of_a_municipality_has_its_name_number_and_team(
    client: TestClient, municipality: str, below: str
) -> None:
    name, number, team, mailbox = SITES[municipality]
    response = client.get(f"/{municipality}/{below}", follow_redirects=False)
    assert response.status_code == 200
    html = response.text
    assert name in html and number in html and team in html and mailbox in html
    assert f'href="tel:{number.replace(" ", "")}"' in html
    others = [n for m, (n, *_rest) in SITES.items() if m != municipality]
    assert not any(other in html for other in others)
    assert f'href="/{municipality}/privacy"' in html


@pytest.mark.parametrize("municipality", list(SITES))
def test_the_chat_page_tells_the_widget_its_municipality(
    client: TestClient, municipality: str
) -> None:
    html = client.get(f"/{municipality}/").text
    assert f'data-municipality="{municipality}"' in html
    assert f'data-contact="{SITES[municipality][1]}"' in html


def test_privacy_page_names_the_municipalitys_privacy_contact(
    client: TestClient, several_municipalities: Municipalities
) -> None:
    contact = several_municipalities.get("haarlem").catalogue.municipality.privacy_contact
    assert f'href="mailto:{contact}"' in client.get("/haarlem/privacy").text


def test_the_front_page_lists_every_municipality(client: TestClient) -> None:
    html = client.get("/").text
    for municipality, (name, *_rest) in SITES.items():
        assert f'href="/{municipality}/"' in html and name in html


@pytest.mark.parametrize("below", ["privacy", "toegankelijkheid", "zo-werkt-het"])
def test_older_paths_redirect_to_the_default_municipality(client: TestClient, below: str) -> None:
    response = client.get(f"/{below}", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == f"/delft/{below}"


def test_a_municipalitys_own_host_serves_its_site_at_the_root(
    several_municipalities: Municipalities, web_client_factory: Callable[..., TestClient]
) -> None:
    client = web_client_factory(
        several_municipalities.root, site_hosts={"loket.haarlem.example": "haarlem"}
    )
    html = client.get("/", headers={"host": "loket.haarlem.example"}).text
    assert "Gemeente Haarlem" in html and 'data-municipality="haarlem"' in html
    assert 'href="/privacy"' in html
    privacy = client.get("/privacy", headers={"host": "loket.haarlem.example"})
    assert privacy.status_code == 200 and "14 023" in privacy.text


@pytest.mark.parametrize("path", ["/atlantis/", "/atlantis/privacy", "/haarlem/geheim"])
def test_an_unknown_municipality_or_page_is_a_dutch_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text


def test_the_proxy_passes_the_municipality_to_rasa_as_metadata(
    several_municipalities: Municipalities,
    web_client_factory: Callable[..., TestClient],
    fake_rasa,
    fake_rasa_url: str,
) -> None:
    client = web_client_factory(several_municipalities.root, rasa_url=fake_rasa_url)
    fake_rasa.state.received.clear()
    for body in (
        {"sender": "haarlem-conversation-1", "message": "/greet", "municipality": "haarlem"},
        {"sender": "default-conversation-1", "message": "/greet"},
    ):
        assert client.post("/api/v1/chat", json=body).status_code == 200
    sent = [r.get("metadata") for r in fake_rasa.state.received]
    assert sent == [{"municipality": "haarlem"}, {"municipality": "delft"}]


def test_an_unknown_municipality_gets_422_naming_the_known_ones(client: TestClient) -> None:
    body = {"sender": "conversation-0001", "message": "hallo", "municipality": "atlantis"}
    response = client.post("/api/v1/chat", json=body)
    assert response.status_code == 422
    assert "delft, haarlem, rotterdam" in response.json()["detail"]


def test_rasa_down_gives_that_municipalitys_number(
    several_municipalities: Municipalities,
    web_client_factory: Callable[..., TestClient],
    dead_rasa_url: str,
) -> None:
    client = web_client_factory(several_municipalities.root, rasa_url=dead_rasa_url)
    body = {"sender": "conversation-0002", "message": "hallo", "municipality": "rotterdam"}
    response = client.post("/api/v1/chat", json=body)
    assert response.status_code == 503
    assert "14 010" in response.json()["detail"]
