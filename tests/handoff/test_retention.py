"""Erasure and retention: conversations in Rasa's tracker store, `loket purge`, the CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select, text, update

from handoff import cli
from handoff.cases import purge
from handoff.conversations import SQLTrackerEraser
from handoff.models import Case, Delivery
from tests.handoff.conftest import new_case, services_of

# The shape of Rasa 3.6's SQLTrackerStore table.
EVENTS_DDL = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT
)"""


@pytest.fixture
def tracker_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/trackers.db"
    with create_engine(url).begin() as connection:
        connection.execute(text(EVENTS_DDL))
        for sender in ("conv-a", "conv-a", "conv-b"):
            connection.execute(
                text("INSERT INTO events (sender_id, type_name, data) VALUES (:s, 'user', '{}')"),
                {"s": sender},
            )
    return url


def senders(url: str) -> list[str]:
    with create_engine(url).connect() as connection:
        return [r[0] for r in connection.execute(text("SELECT sender_id FROM events"))]


def test_erasing_a_case_erases_its_conversation_from_the_tracker_store(
    client: TestClient, tracker_url: str
) -> None:
    services_of(client).eraser = SQLTrackerEraser(tracker_url)
    created = new_case(client, conversation_id="conv-a")
    response = client.delete(
        f"/api/v1/cases/{created['reference']}", params={"token": created["token"]}
    )
    assert response.status_code == 204
    assert senders(tracker_url) == ["conv-b"]


def test_purge_erases_only_cases_older_than_the_retention_period(
    client: TestClient, tracker_url: str
) -> None:
    old = new_case(client, conversation_id="conv-a")["reference"]
    recent = new_case(client, conversation_id="conv-b")["reference"]
    db = services_of(client).db
    with db.transaction() as session:
        session.execute(
            update(Case)
            .where(Case.reference == old)
            .values(created_at=datetime.now(UTC) - timedelta(days=400))
        )
    with db.transaction() as session:
        assert purge(session, SQLTrackerEraser(tracker_url), older_than_days=365) == 1
    with db.session() as session:
        assert list(session.scalars(select(Case.reference))) == [recent]
        orphans = (
            select(func.count())
            .select_from(Delivery)
            .where(Delivery.case_id.not_in(select(Case.id)))
        )
        assert session.scalar(orphans) == 0
        assert session.scalar(select(func.count()).select_from(Delivery)) >= 1
    assert senders(tracker_url) == ["conv-b"]


def test_loket_purge_command(
    client: TestClient,
    tracker_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    reference = new_case(client, conversation_id="conv-b")["reference"]
    db = services_of(client).db
    with db.transaction() as session:
        session.execute(update(Case).values(created_at=datetime.now(UTC) - timedelta(days=40)))
    monkeypatch.setenv("LOKET_DATABASE_URL", db.url)
    monkeypatch.setenv("LOKET_TRACKER_DATABASE_URL", tracker_url)
    monkeypatch.setenv("LOKET_RETENTION_DAYS", "60")
    assert cli.main(["purge"]) == 0
    assert "purged 0 cases" in capsys.readouterr().out
    assert cli.main(["purge", "--days", "30"]) == 0
    assert "purged 1 cases" in capsys.readouterr().out
    with db.session() as session:
        assert session.scalar(select(Case).where(Case.reference == reference)) is None
    assert senders(tracker_url) == ["conv-a", "conv-a"]


def test_partners_cli_sets_a_key_once_and_configures_delivery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from handoff.db import Database
    from handoff.models import Partner
    from handoff.security import same_secret

    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("LOKET_DATABASE_URL", url)
    assert cli.main(["db", "upgrade"]) == 0
    assert "database at head" in capsys.readouterr().out
    assert cli.main(["partners", "set-key", "maex"]) == 0
    key = capsys.readouterr().out.strip()
    assert key.startswith("delft.maex.") and len(key) > 40  # the default municipality
    assert (
        cli.main(
            [
                "partners",
                "configure",
                "maex",
                "--webhook",
                "https://maex.example/hook",
                "--secret",
                "s3cret",
                "--email",
                "info@voorbeeld.example",
            ]
        )
        == 0
    )
    assert cli.main(["partners", "configure", "nergens", "--email", "a@b.example"]) == 2
    assert cli.main(["partners", "set-key", "maex", "--municipality", "nergens"]) == 2
    with Database(url).session() as session:
        row = session.get(Partner, ("delft", "maex"))
        assert row is not None
        assert same_secret(key, row.api_key_hash)
        assert key not in (row.api_key_hash or "")
        assert row.webhook_url == "https://maex.example/hook"
    capsys.readouterr()
    assert cli.main(["partners", "list"]) == 0
    listed = capsys.readouterr().out
    assert "delft\tmaex\tkey=yes\twebhook=https://maex.example/hook" in listed
    assert "s3cret" not in listed
