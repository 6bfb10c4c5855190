"""A call-back request is a field of the case: stored, listed for staff, said in the summary."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict
from sqlalchemy import MetaData, Table, create_engine, select, text, update

from handoff.db import Database
from handoff.devdb import TempPostgres
from handoff.models import Case
from handoff.schemas import Contact
from handoff.security import hash_secret
from routing import Intake
from tests.handoff.conftest import FUNDING_INTAKE, STAFF, new_case, partner_key, services_of

PHONE = {"name": "Sam Jansen", "phone": "015 123 4567"}
EMAIL = {"email": "info@voorbeeld.example"}


def summary(client: TestClient, reference: str, fmt: str = "json") -> str:
    headers = partner_key(client, "delftse-fondsen")
    response = client.get(f"/api/v1/partner/cases/{reference}?format={fmt}", headers=headers)
    assert response.status_code == 200
    return response.text


def test_call_back_request_is_stored_and_shown_to_staff(client: TestClient) -> None:
    reference = new_case(client, contact=PHONE, callback_requested=True)["reference"]
    plain = new_case(client)["reference"]

    listed = client.get("/api/v1/staff/cases", headers=STAFF).json()
    assert {c["reference"]: c["callback_requested"] for c in listed} == {
        reference: True,
        plain: False,
    }
    detail = client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()
    assert detail["callback_requested"] is True
    assert detail["intake"]["text"] == FUNDING_INTAKE["text"]  # the text is left alone
    rows = csv.DictReader(io.StringIO(client.get("/api/v1/staff/cases.csv", headers=STAFF).text))
    assert {r["referentie"]: r["terugbellen"] for r in rows} == {reference: "ja", plain: "nee"}


def test_a_case_without_the_field_is_no_call_back(client: TestClient) -> None:
    reference = new_case(client, contact=PHONE)["reference"]
    detail = client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()
    assert detail["callback_requested"] is False
    assert "teruggebeld" not in summary(client, reference, "markdown")


def test_call_back_without_phone_or_email_is_refused(client: TestClient) -> None:
    for contact in (None, {"name": "Sam Jansen"}):
        body = {"intake": FUNDING_INTAKE, "consent": True, "callback_requested": True}
        response = client.post("/api/v1/cases", json={**body, "contact": contact})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", "callback_requested"]
    with services_of(client).db.session() as session:
        assert session.scalars(select(Case)).all() == []


def test_summary_says_in_dutch_that_the_inwoner_wants_a_call_back(client: TestClient) -> None:
    reference = new_case(client, contact=PHONE, callback_requested=True)["reference"]
    assert '"terugbellen":true' in summary(client, reference).replace(" ", "")
    markdown = summary(client, reference, "markdown")
    assert "De initiatiefnemer vraagt om teruggebeld te worden." in markdown
    assert "geen telefoonnummer" not in markdown
    assert "teruggebeld" in summary(client, reference, "html")


def test_call_back_with_only_an_email_address_says_so(client: TestClient) -> None:
    reference = new_case(client, contact=EMAIL, callback_requested=True)["reference"]
    assert "Er is geen telefoonnummer gedeeld" in summary(client, reference, "markdown")


class CaseCreateBefore0003(BaseModel):
    """CaseCreate as it was before `callback_requested` (its hashes are stored)."""

    model_config = ConfigDict(extra="forbid")

    intake: Intake
    consent: bool
    contact: Contact | None = None
    conversation_id: str | None = None


def test_retry_of_a_request_stored_before_the_field_existed_is_no_conflict(
    client: TestClient,
) -> None:
    body = {"intake": FUNDING_INTAKE, "consent": True, "conversation_id": "conv-3"}
    headers = {"Idempotency-Key": "conv-3-handoff-1"}
    first = client.post("/api/v1/cases", json=body, headers=headers)
    assert first.status_code == 201
    old = CaseCreateBefore0003.model_validate(body)
    # The intake had no `municipality` either then (revision 0006).
    old_hash = hash_secret(old.model_dump_json(exclude={"intake": {"municipality"}}))
    with services_of(client).db.transaction() as session:
        session.execute(update(Case).values(request_hash=old_hash))

    retry = client.post("/api/v1/cases", json=body, headers=headers)
    assert retry.status_code == 200
    assert retry.json()["reference"] == first.json()["reference"]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database of its own (also on the session's PostgreSQL server) to migrate by hand."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path}/loket.db")
        yield db
        db.dispose()
        return
    server: TempPostgres = request.getfixturevalue("postgres")
    admin = create_engine(server.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS loket_migration"))
        connection.execute(text("CREATE DATABASE loket_migration"))
    db = Database(server.url.rsplit("/", 1)[0] + "/loket_migration")
    yield db
    db.dispose()
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE loket_migration"))
    admin.dispose()


def test_cases_stored_before_the_migration_are_no_call_backs(empty_database: Database) -> None:
    empty_database.upgrade("0002")
    now = datetime.now(UTC).replace(tzinfo=None)
    with empty_database.engine.begin() as connection:
        cases = Table("cases", MetaData(), autoload_with=connection)
        connection.execute(
            cases.insert().values(
                reference="LOK-2026-000001",
                token_hash="0" * 64,
                created_at=now,
                updated_at=now,
                status="nieuw",
                intake={"text": "Een moestuin."},
                route={},
                need_tags=",",
                sdg_tags=",",
                reply_by="2026-12-01",
                consent_at=now,
            )
        )

    empty_database.upgrade()

    with empty_database.session() as session:
        assert session.scalars(select(Case.callback_requested)).all() == [False]
    empty_database.downgrade("0002")
    empty_database.upgrade()
