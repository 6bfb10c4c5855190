"""The staff workspace: personal accounts, the list, the case page and its actions, and a
question registered by phone, mail or at the counter."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from tests.handoff.conftest import STAFF, new_case, partner_key, services_of
from tests.handoff.workspace_helpers import (
    PASSWORD,
    add_account,
    csrf_after_sign_in,
    csrf_of,
    sign_in,
)


def test_a_wrong_password_is_refused_and_login_is_rate_limited(client: TestClient) -> None:
    email = add_account(client, "medewerker")
    services_of(client).settings.login_attempts_per_minute = 3
    codes = [sign_in(client, email, "wrong-password-123") for _ in range(3)]
    assert codes == [401, 401, 401]
    assert sign_in(client, email) == 429  # even the right password waits now
    assert client.get("/medewerkers/aanvragen", follow_redirects=False).status_code == 303


def test_the_session_cookie_is_httponly_strict_and_secure_by_default(client: TestClient) -> None:
    email = add_account(client, "medewerker")
    settings = services_of(client).settings
    settings.session_cookie_secure = False  # to get the CSRF cookie back over plain HTTP
    csrf = csrf_of(client)
    settings.session_cookie_secure = True  # the default
    response = client.post(
        "/medewerkers/inloggen",
        data={"csrf": csrf, "email": email, "password": PASSWORD},
        follow_redirects=False,
    )
    assert response.status_code == 303
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and "loket-staff=" in v
    ).lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" in cookie


def test_a_form_without_the_csrf_token_is_refused(client: TestClient) -> None:
    email = add_account(client, "medewerker")
    assert sign_in(client, email) == 303
    created = new_case(client)
    response = client.post(
        f"/medewerkers/aanvragen/{created['reference']}/notitie", data={"text": "Hoi"}
    )
    assert response.status_code == 403
    detail = client.get(f"/api/v1/staff/cases/{created['reference']}", headers=STAFF).json()
    assert "notitie" not in [a["action"] for a in detail["audit"]]


def test_the_list_shows_what_the_initiative_is_and_searches_and_exports(
    client: TestClient,
) -> None:
    created = new_case(client)
    new_case(client, intake={"text": "Een repaircafé in de bibliotheek.", "needs": ["locatie"]})
    assert sign_in(client, add_account(client, "medewerker")) == 303
    page = client.get("/medewerkers/aanvragen").text
    assert "Wij willen een wormenhotel in de wijk beginnen en zoeken geld." in page
    assert "Tanthof" in page and "Nog niemand" in page
    found = client.get("/medewerkers/aanvragen", params={"q": "wormenhotel"}).text
    assert created["reference"] in found and "repaircafe" not in found
    exported = client.get("/medewerkers/aanvragen.csv", params={"q": "Repaircafé"})
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows[0][:3] == ["referentie", "initiatief", "wijk"]
    assert len(rows) == 2 and rows[1][1] == "Een repaircafé in de bibliotheek."
    assert "repaircaf" not in client.get("/medewerkers/aanvragen", params={"q": "100%"}).text


def test_a_medewerker_takes_a_case_and_notes_it_on_the_timeline(client: TestClient) -> None:
    created = new_case(client)
    assert sign_in(client, add_account(client, "medewerker", "Sanne de Wit")) == 303
    path = f"/medewerkers/aanvragen/{created['reference']}"
    page = client.get(path).text
    assert "Waarom deze route" in page and "Tijdlijn" in page
    csrf = csrf_of(client, path)
    client.post(f"{path}/oppakken", data={"csrf": csrf})
    client.post(f"{path}/notitie", data={"csrf": csrf, "text": "Inwoner gebeld."})
    page = client.get(path).text
    assert "Eigenaar: Sanne de Wit" in page and "Notitie: Inwoner gebeld." in page
    detail = client.get(f"/api/v1/staff/cases/{created['reference']}", headers=STAFF).json()
    assert detail["owner_name"] == "Sanne de Wit" and detail["status"] == "opgepakt"


def test_a_coordinator_assigns_and_closes_a_medewerker_may_not(client: TestClient) -> None:
    created = new_case(client)
    path = f"/medewerkers/aanvragen/{created['reference']}"
    add_account(client, "medewerker", "Karim Bouzid")
    csrf = csrf_after_sign_in(client, "medewerker", "Sanne de Wit", page=path)
    refused = client.post(f"{path}/sluiten", data={"csrf": csrf, "outcome": "afgerond"})
    assert refused.status_code == 403 and "Geen toegang" in refused.text

    assert sign_in(client, add_account(client, "coordinator", "Els Jansen")) == 303
    page = client.get(path).text
    assert "Karim Bouzid" in page
    import re

    karim = re.search(r'<option value="(\d+)">Karim Bouzid</option>', page)
    assert karim
    csrf = csrf_of(client, path)
    client.post(f"{path}/eigenaar", data={"csrf": csrf, "owner": karim.group(1)})
    client.post(f"{path}/sluiten", data={"csrf": csrf, "outcome": "afgerond", "text": "Klaar"})
    detail = client.get(f"/api/v1/staff/cases/{created['reference']}", headers=STAFF).json()
    assert detail["owner_name"] == "Karim Bouzid" and detail["status"] == "afgerond"
    owner_event = next(a for a in detail["audit"] if a["action"] == "eigenaar")
    assert owner_event["actor"] == "Els Jansen"


def test_a_declined_case_shows_the_reason_and_the_proposed_route(client: TestClient) -> None:
    created = new_case(client)
    client.post(
        f"/api/v1/partner/cases/{created['reference']}/status",
        json={"status": "niet passend", "note": "Geen budget dit jaar."},
        headers=partner_key(client, "delftse-fondsen"),
    )
    assert sign_in(client, add_account(client, "coordinator")) == 303
    page = client.get(f"/medewerkers/aanvragen/{created['reference']}").text
    assert "Teruggestuurd" in page and "Geen budget dit jaar." in page
    assert "Voorstel voor een nieuwe route" in page


def test_another_municipalitys_case_is_not_found(client: TestClient) -> None:
    created = new_case(client)
    assert sign_in(client, add_account(client, "beheerder", municipality="haarlem")) == 303
    assert client.get(f"/medewerkers/aanvragen/{created['reference']}").status_code == 404
    assert created["reference"] not in client.get("/medewerkers/aanvragen").text


def test_a_phone_question_goes_through_the_same_routing_and_records_the_consent(
    client: TestClient,
) -> None:
    csrf = csrf_after_sign_in(client, "medewerker", "Sanne de Wit", page="/medewerkers/nieuw")
    form = {
        "csrf": csrf,
        "channel": "telefoon",
        "text": "Wij willen een buurtmoestuin en zoeken geld.",
        "needs": ["financiering"],
        "contact_phone": "015 123 45 67",
    }
    refused = client.post("/medewerkers/nieuw", data=form)
    assert refused.status_code == 422 and "toestemming" in refused.text
    assert client.get("/api/v1/staff/cases", headers=STAFF).json() == []

    made = client.post(
        "/medewerkers/nieuw", data={**form, "consent": "ja", "consent_note": "Aan de telefoon"}
    )
    assert made.status_code == 201, made.text
    (case,) = client.get("/api/v1/staff/cases", headers=STAFF).json()
    assert case["reference"] in made.text and "/aanvraag/" in made.text
    assert case["lead"] == "publiek-ondernemen" and "delftse-fondsen" in case["partners"]
    detail = client.get(f"/api/v1/staff/cases/{case['reference']}", headers=STAFF).json()
    event = next(a for a in detail["audit"] if a["action"] == "geregistreerd")
    assert event["detail"] == {
        "kanaal": "telefoon",
        "toestemming_door": "Sanne de Wit",
        "toestemming": "Aan de telefoon",
    }


@pytest.mark.parametrize("bad_phone", ["abc", "1"])
def test_a_bad_contact_value_is_a_dutch_error_not_a_500(client: TestClient, bad_phone: str) -> None:
    csrf = csrf_after_sign_in(client, "medewerker", page="/medewerkers/nieuw")
    response = client.post(
        "/medewerkers/nieuw",
        data={
            "csrf": csrf,
            "channel": "balie",
            "text": "Een buurtfeest.",
            "contact_phone": bad_phone,
            "consent": "ja",
        },
    )
    assert response.status_code == 422 and "Controleer" in response.text


def test_a_beheerder_makes_an_account_that_can_sign_in(client: TestClient) -> None:
    csrf = csrf_after_sign_in(client, "beheerder", "Bea Beheer", page="/medewerkers/accounts")
    form = {
        "csrf": csrf,
        "name": "Nieuwe Collega",
        "email": "nieuwe.collega@example.nl",
        "role": "coordinator",
        "team": "publiek-ondernemen",
        "password": "kort",
    }
    short = client.post("/medewerkers/accounts", data=form)
    assert short.status_code == 422 and "minstens 12 tekens" in short.text
    made = client.post("/medewerkers/accounts", data={**form, "password": PASSWORD})
    assert made.status_code == 201 and "Nieuwe Collega" in made.text
    again = client.post("/medewerkers/accounts", data={**form, "password": PASSWORD})
    assert again.status_code == 422 and "al een account" in again.text
    client.cookies.clear()
    assert sign_in(client, "nieuwe.collega@example.nl") == 303
