"""Outcomes of cases and the anonymised records that outlive the retention period (#16)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import inspect, select, text, update

from handoff.cases import purge
from handoff.conversations import NoConversationStore
from handoff.models import Case
from handoff.monitoring.models import MonitorRecord
from tests.handoff.conftest import FUNDING_INTAKE, STAFF, new_case, services_of

NAME = "Anna Testpersoon"
EMAIL = "anna.testpersoon@example.nl"
PHONE = "+31 6 12345678"
GOAL = "Wij willen een wormenhotel aan de Zonnebloemlaan beginnen"
REASON = "Anna kreeg subsidie voor haar wormenhotel"
OUTCOME = {
    "result": "geholpen",
    "reason": REASON,
    "instruments": ["subsidiescan"],
    "sdgs": [11, 12],
    "maex_url": "https://www.maex.nl/initiatief/wormenhotel",
}


def personal_case(client: TestClient) -> str:
    created = new_case(
        client,
        intake={**FUNDING_INTAKE, "text": GOAL},
        contact={"name": NAME, "email": EMAIL, "phone": PHONE},
    )
    return str(created["reference"])


def age(client: TestClient, reference: str, days: int) -> None:
    with services_of(client).db.transaction() as session:
        session.execute(
            update(Case)
            .where(Case.reference == reference)
            .values(created_at=datetime.now(UTC) - timedelta(days=days))
        )


def records(client: TestClient) -> list[MonitorRecord]:
    with services_of(client).db.session() as session:
        found = list(session.scalars(select(MonitorRecord)))
        for record in found:
            _ = record.tags
        session.expunge_all()
        return found


def everything_stored(client: TestClient) -> str:
    """Every value of every row of every table, as one text."""
    engine = services_of(client).db.engine
    parts: list[str] = []
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                parts.extend(str(value) for value in row)
    return "\n".join(parts)


def test_closing_a_case_stores_its_outcome_and_an_anonymised_record(client: TestClient) -> None:
    reference = personal_case(client)
    response = client.put(f"/api/v1/staff/cases/{reference}/outcome", json=OUTCOME, headers=STAFF)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "afgerond"
    assert body["instruments"] == ["subsidiescan"] and body["sdgs"] == [11, 12]
    again = client.get(f"/api/v1/staff/cases/{reference}/outcome", headers=STAFF).json()
    assert again["reason"] == REASON and again["maex_url"].startswith("https://www.maex.nl/")
    # Closing twice rewrites the one record.
    changed = {**OUTCOME, "result": "deels", "sdgs": [11]}
    assert (
        client.put(
            f"/api/v1/staff/cases/{reference}/outcome", json=changed, headers=STAFF
        ).status_code
        == 200
    )
    [record] = records(client)
    assert (record.municipality, record.wijk, record.stage, record.organisation) == (
        "delft",
        "Tanthof",
        "idee",
        "bewoner",
    )
    assert record.outcome == "deels" and record.status == "afgerond"
    assert record.lead == "publiek-ondernemen" and record.lead_time_days == 0
    assert record.tagged("need") == ["financiering"]
    assert record.tagged("sdg") == ["11"]
    assert record.tagged("instrument") == ["subsidiescan"]
    assert "subsidiescan" in record.tagged("offered")
    assert "publiek-ondernemen" in record.tagged("party")


def test_outcome_input_is_checked(client: TestClient) -> None:
    reference = personal_case(client)
    url = f"/api/v1/staff/cases/{reference}/outcome"
    assert client.put(url, json=OUTCOME).status_code == 401
    for bad in (
        {**OUTCOME, "result": "misschien"},
        {**OUTCOME, "reason": ""},
        {**OUTCOME, "reason": "x" * 301},
        {**OUTCOME, "sdgs": [18]},
        {**OUTCOME, "instruments": ["bestaat-niet"]},
        {**OUTCOME, "maex_url": "geen url"},
    ):
        response = client.put(url, json=bad, headers=STAFF)
        assert response.status_code == 422, bad
    assert client.get(url, headers=STAFF).status_code == 404
    assert (
        client.put(
            "/api/v1/staff/cases/LOK-2026-000000/outcome", json=OUTCOME, headers=STAFF
        ).status_code
        == 404
    )


def test_after_a_purge_no_personal_data_or_free_text_survives_but_the_record_does(
    client: TestClient,
) -> None:
    closed = personal_case(client)
    client.put(f"/api/v1/staff/cases/{closed}/outcome", json=OUTCOME, headers=STAFF)
    open_case = personal_case(client)
    for reference in (closed, open_case):
        age(client, reference, 400)
    before = everything_stored(client)
    assert NAME in before and EMAIL in before and REASON in before  # the scan sees them
    with services_of(client).db.transaction() as session:
        assert purge(session, NoConversationStore(), older_than_days=365) == 2
    after = everything_stored(client)
    for secret in (NAME, EMAIL, PHONE, GOAL, REASON, "wormenhotel", "maex.nl", closed, open_case):
        assert secret not in after, secret
    kept = records(client)
    assert len(kept) == 2
    assert all(r.case_id is None for r in kept)  # nothing links a record to a case
    assert sorted((r.status, r.outcome or "") for r in kept) == [
        ("afgerond", "geholpen"),
        ("nieuw", ""),
    ]
    # Purging again writes nothing twice.
    with services_of(client).db.transaction() as session:
        assert purge(session, NoConversationStore(), older_than_days=365) == 0
    assert len(records(client)) == 2


def test_an_inwoner_erasure_takes_the_record_with_it(client: TestClient) -> None:
    created = new_case(client)
    reference = created["reference"]
    client.put(f"/api/v1/staff/cases/{reference}/outcome", json=OUTCOME, headers=STAFF)
    assert len(records(client)) == 1
    response = client.delete(f"/api/v1/cases/{reference}", params={"token": created["token"]})
    assert response.status_code == 204
    assert records(client) == []


def test_a_live_case_has_a_record_that_follows_its_status(client: TestClient) -> None:
    from tests.handoff.conftest import partner_key

    reference = personal_case(client)
    [record] = records(client)
    assert record.status == "nieuw" and record.outcome is None and record.replied_in_time is False
    response = client.post(
        f"/api/v1/partner/cases/{reference}/status",
        json={"status": "in behandeling"},
        headers=partner_key(client, "delftse-fondsen"),
    )
    assert response.status_code == 200, response.text
    [record] = records(client)
    # The record follows the case's status, which the lifecycle derives: a partner's reply
    # leaves the case "nieuw" until the lead team picks it up; the reply itself counts.
    assert record.status == "nieuw" and record.replied_in_time is True
