"""A partner leaves a note for the case's owner without changing its status; the owner reads
it on the case's timeline. Only for the partner's own cases."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.handoff.conftest import STAFF, new_case, partner_key
from tests.handoff.workspace_helpers import add_account, sign_in


def test_a_partners_note_reaches_the_owners_timeline_and_changes_no_status(
    client: TestClient,
) -> None:
    reference = new_case(client)["reference"]
    key = partner_key(client, "delftse-fondsen")
    before = client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()
    noted = client.post(
        f"/api/v1/partner/cases/{reference}/notes",
        json={"text": "Wij missen nog een begroting."},
        headers=key,
    )
    assert noted.status_code == 201, noted.text
    assert noted.json()["party"] == "delftse-fondsen"
    after = client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()
    assert after["status"] == before["status"]
    assert after["parties"] == before["parties"]  # the partner's own status too
    inbox = client.get("/api/v1/partner/cases", headers=key).json()
    assert next(c for c in inbox if c["reference"] == reference)["party_status"] == "nieuw"

    assert sign_in(client, add_account(client, "medewerker")) == 303
    page = client.get(f"/medewerkers/aanvragen/{reference}")
    assert "voor de eigenaar: Wij missen nog een begroting." in page.text


def test_a_note_needs_text_and_the_partners_own_case(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    key = partner_key(client, "delftse-fondsen")
    url = f"/api/v1/partner/cases/{reference}/notes"
    assert client.post(url, json={"text": "  "}, headers=key).status_code == 422
    assert client.post(url, json={"text": "x" * 4001}, headers=key).status_code == 422
    other = partner_key(client, "maex")  # a funding question does not go to MAEX
    assert client.post(url, json={"text": "Hallo"}, headers=other).status_code == 404
    assert client.post(url, json={"text": "Hallo"}).status_code == 401
