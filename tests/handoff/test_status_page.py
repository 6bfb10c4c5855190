"""The status link in a browser: a Dutch page without IDs, erasure with a confirm step, 404 page."""

from __future__ import annotations

import re
from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from handoff.models import Case, Delivery
from handoff.web.status import STATUS_WORDS
from routing.dutch import dutch_date
from tests.handoff.conftest import new_case, partner_key, services_of

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
CATALOGUE_IDS = ("publiek-ondernemen", "delftse-fondsen", "voor-je-buurt", "subsidiescan")


def count(client: TestClient, model: type) -> int:
    with services_of(client).db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def visible_text(html: str) -> str:
    body = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", " ", body)


def test_status_link_in_a_browser_is_a_dutch_page_without_ids(client: TestClient) -> None:
    created = new_case(client)
    response = client.get(created["status_url"], headers=BROWSER)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    assert "Content-Security-Policy" in response.headers
    html = response.text
    assert '<html lang="nl">' in html
    text = visible_text(html)
    assert "Wij willen een wormenhotel in de wijk beginnen en zoeken geld." in text
    assert "Team Publiek Ondernemen" in text and "Delftse Fondsen" in text
    reply_by = date.fromisoformat(created["reply_by"])
    assert dutch_date(reply_by) in text
    assert STATUS_WORDS["nieuw"] in text
    assert "publiekondernemen@gemeente.example" in text
    assert "Verwijder mijn aanvraag" in text
    for internal in CATALOGUE_IDS:
        assert internal not in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # no ISO dates


def test_party_status_is_shown_in_words(client: TestClient) -> None:
    created = new_case(client)
    headers = partner_key(client, "delftse-fondsen")
    report = {"status": "in behandeling", "note": "We bellen u volgende week."}
    url = f"/api/v1/partner/cases/{created['reference']}/status"
    assert client.post(url, json=report, headers=headers).status_code == 200
    text = visible_text(client.get(created["status_url"], headers=BROWSER).text)
    assert "Mee bezig" in text
    assert "We bellen u volgende week." in text


def test_api_clients_keep_json(client: TestClient) -> None:
    created = new_case(client)
    for accept in ("application/json", "*/*"):
        response = client.get(created["status_url"], headers={"Accept": accept})
        assert response.headers["content-type"].startswith("application/json")
        assert response.json()["reference"] == created["reference"]


def test_unknown_token_gives_a_dutch_404_page(client: TestClient) -> None:
    created = new_case(client)
    url = f"/api/v1/cases/{created['reference']}"
    response = client.get(url, params={"token": "x" * 32}, headers=BROWSER)
    assert response.status_code == 404
    assert '<html lang="nl">' in response.text
    assert "Deze aanvraag kunnen wij niet vinden" in response.text
    assert client.get(f"/aanvraag/{created['reference']}", headers=BROWSER).status_code == 404
    json_404 = client.get(url, params={"token": "x" * 32}, headers={"Accept": "application/json"})
    assert json_404.status_code == 404
    assert json_404.json()["detail"]


def test_erasure_asks_for_confirmation_then_erases_everything(client: TestClient) -> None:
    created = new_case(client)
    reference, token = created["reference"], created["token"]
    page = client.get(created["status_url"], headers=BROWSER).text
    link = re.search(r'href="(/aanvraag/[^"]+/verwijderen\?token=[^"]+)"', page)
    assert link is not None
    confirm = client.get(link.group(1).replace("&amp;", "&"), headers=BROWSER)
    assert confirm.status_code == 200
    assert "Weet u zeker" in confirm.text
    assert count(client, Case) == 1  # looking at the confirm page erases nothing

    wrong = client.post(f"/aanvraag/{reference}/verwijderen", data={"token": "y" * 32})
    assert wrong.status_code == 404
    assert count(client, Case) == 1

    done = client.post(f"/aanvraag/{reference}/verwijderen", data={"token": token})
    assert done.status_code == 200
    assert "Uw aanvraag is verwijderd" in done.text
    assert count(client, Case) == 0
    assert count(client, Delivery) == 0
    after = client.get(created["status_url"], headers=BROWSER)
    assert after.status_code == 404
    assert "Deze aanvraag kunnen wij niet vinden" in after.text


def test_the_inwoner_turns_on_e_mails_on_the_status_page(client: TestClient) -> None:
    """The chat does not ask for e-mails: an inwoner who gave an address agrees here."""
    made = new_case(client, contact={"email": "sam.devries@example.nl"})
    page = f"/aanvraag/{made['reference']}?token={made['token']}"
    assert "Ja, mail mij als er iets verandert" in client.get(page).text
    url = f"/aanvraag/{made['reference']}/aanmelden"
    assert client.post(url, data={"token": "verkeerd"}).status_code == 404
    on = client.post(url, data={"token": made["token"]})
    assert on.status_code == 200 and "Ja, mail mij" not in on.text
    with services_of(client).db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == made["reference"])).one()
        assert case.notify
        assert [a.action for a in case.audit].count("aangemeld") == 1

    without = new_case(client)  # no e-mail address: nothing to agree to
    assert (
        "Ja, mail mij"
        not in client.get(f"/aanvraag/{without['reference']}?token={without['token']}").text
    )
    client.post(f"/aanvraag/{without['reference']}/aanmelden", data={"token": without["token"]})
    with services_of(client).db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == without["reference"])).one()
        assert not case.notify
