"""The partner's side: own cases only, readable Dutch summaries, status reports, keys."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.handoff.conftest import STAFF, new_case, partner_key

WORK_INTAKE = {"text": "Leerwerkplekken voor statushouders.", "needs": ["personeel"]}


def test_case_shows_up_in_the_partners_list(client: TestClient) -> None:
    created = new_case(client)
    headers = partner_key(client, "delftse-fondsen")
    listed = client.get("/api/v1/partner/cases", headers=headers)
    assert listed.status_code == 200
    assert [c["reference"] for c in listed.json()] == [created["reference"]]
    assert listed.json()[0]["needs"] == ["financiering"]


def test_partner_cannot_read_other_partners_case(client: TestClient) -> None:
    funding = new_case(client)
    work = new_case(client, intake=WORK_INTAKE)
    fund = partner_key(client, "delftse-fondsen")
    other = partner_key(client, "vrijwilligerscentrale")
    assert client.get("/api/v1/partner/cases", headers=other).json() == []
    for reference in (funding["reference"], work["reference"]):
        response = client.get(f"/api/v1/partner/cases/{reference}", headers=other)
        assert response.status_code == 404
    assert client.get(f"/api/v1/partner/cases/{work['reference']}", headers=fund).status_code == 404
    post = client.post(
        f"/api/v1/partner/cases/{funding['reference']}/status",
        json={"status": "ontvangen"},
        headers=other,
    )
    assert post.status_code == 404


def test_summary_is_readable_dutch_in_json_markdown_and_html(client: TestClient) -> None:
    created = new_case(client, contact={"name": "Anna de Vries", "email": "info@voorbeeld.example"})
    url = f"/api/v1/partner/cases/{created['reference']}"
    headers = partner_key(client, "delftse-fondsen")

    summary = client.get(url, headers=headers).json()
    assert summary["referentie"] == created["reference"]
    assert summary["doel"].startswith("Wij willen een wormenhotel")
    assert summary["wijk"] == "Tanthof"
    assert summary["fase"]["naam"] == "Er is een idee, nog niets gestart"
    assert summary["contact"] == {
        "naam": "Anna de Vries",
        "email": "info@voorbeeld.example",
        "telefoon": None,
        "voorkeur": None,
    }
    assert summary["reageren_voor"] == created["reply_by"]

    markdown = client.get(url, headers={**headers, "Accept": "text/markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    text = markdown.text
    assert f"# Intake {created['reference']}" in text
    assert "Graag reageren vóór" in text
    assert "Workshop fondsenwerving" in text
    assert "Telefoon" not in text  # only the fields the inwoner gave

    html = client.get(url, params={"format": "html"}, headers=headers)
    assert html.headers["content-type"].startswith("text/html")
    assert '<html lang="nl">' in html.text
    assert "Anna de Vries" in html.text


def test_summary_html_escapes_what_the_inwoner_typed(client: TestClient) -> None:
    intake = {"text": "<script>alert(1)</script>", "needs": ["financiering"]}
    created = new_case(client, intake=intake)
    headers = partner_key(client, "delftse-fondsen")
    html = client.get(
        f"/api/v1/partner/cases/{created['reference']}?format=html", headers=headers
    ).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_summary_without_contact_says_so(client: TestClient) -> None:
    created = new_case(client)
    headers = partner_key(client, "delftse-fondsen")
    text = client.get(
        f"/api/v1/partner/cases/{created['reference']}?format=markdown", headers=headers
    ).text
    assert "Geen contactgegevens gedeeld" in text


def test_partner_reports_status_and_staff_and_inwoner_see_it(client: TestClient) -> None:
    created = new_case(client)
    headers = partner_key(client, "delftse-fondsen")
    response = client.post(
        f"/api/v1/partner/cases/{created['reference']}/status",
        json={"status": "in behandeling", "note": "Fondsenspreekuur ingepland"},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["status"] == "in behandeling"
    status = client.get(
        f"/api/v1/cases/{created['reference']}", params={"token": created["token"]}
    ).json()
    fund = next(p for p in status["parties"] if p["party"] == "delftse-fondsen")
    assert fund["status"] == "in behandeling"
    detail = client.get(f"/api/v1/staff/cases/{created['reference']}", headers=STAFF).json()
    assert detail["audit"][-1]["actor"] == "delftse-fondsen"


def test_unknown_status_is_refused_listing_valid_values(client: TestClient) -> None:
    created = new_case(client)
    headers = partner_key(client, "delftse-fondsen")
    response = client.post(
        f"/api/v1/partner/cases/{created['reference']}/status",
        json={"status": "klaar"},
        headers=headers,
    )
    assert response.status_code == 422
    assert "niet passend" in response.json()["detail"][0]["msg"]


def test_missing_key_is_401_and_wrong_key_is_403(client: TestClient) -> None:
    assert client.get("/api/v1/partner/cases").status_code == 401
    wrong = {"X-API-Key": "delftse-fondsen.not-the-key"}
    assert client.get("/api/v1/partner/cases", headers=wrong).status_code == 403
    partner_key(client, "delftse-fondsen")
    assert client.get("/api/v1/partner/cases", headers=wrong).status_code == 403
    assert client.get("/api/v1/partner/cases", headers={"X-API-Key": "x"}).status_code == 403


def test_a_new_key_replaces_the_old_one(client: TestClient) -> None:
    old = partner_key(client, "maex")
    new = partner_key(client, "maex")
    assert client.get("/api/v1/partner/cases", headers=old).status_code == 403
    assert client.get("/api/v1/partner/cases", headers=new).status_code == 200
