"""The proxy adds the status link (its token never passes through Rasa) and erases a
conversation once its turn is stored, when the assistant asks for either."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from sqlalchemy import select

from handoff.app import create_app
from handoff.models import Case
from handoff.settings import Settings
from tests.web.servers import serve

SENDER = "conversation-receipts-1"
INTAKE = {"text": "Een taalcafé in de bibliotheek", "needs": ["netwerk"], "wijk": "Voorhof"}


def scripted_rasa() -> FastAPI:
    """Answers each message with the reply the test put in `app.state.replies`."""
    app = FastAPI()
    app.state.replies = {}

    @app.post("/webhooks/rest/webhook")
    async def webhook(request: Request) -> list[dict[str, Any]]:
        body = await request.json()
        replies: list[dict[str, Any]] = app.state.replies.get(body["message"], [])
        return [{"recipient_id": body["sender"], **r} for r in replies]

    return app


@pytest.fixture(scope="module")
def rasa() -> Iterator[tuple[FastAPI, str]]:
    app = scripted_rasa()
    with serve(app) as url:
        yield app, url


def tracker_store(path: Path, senders: list[str]) -> str:
    """A SQLite file with Rasa's `events` table holding one event per sender."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)")
        db.executemany(
            "INSERT INTO events (sender_id, data) VALUES (?, '{}')", [(s,) for s in senders]
        )
    return f"sqlite:///{path}"


def events_of(path: Path, sender: str) -> int:
    with sqlite3.connect(path) as db:
        return int(
            db.execute("SELECT count(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]
        )


@pytest.fixture
def client(rasa: tuple[FastAPI, str]) -> Iterator[TestClient]:
    tmp = Path(tempfile.mkdtemp(prefix="loket-receipts-"))
    settings = Settings(
        database_url=f"sqlite:///{tmp}/loket.db",
        tracker_database_url=tracker_store(tmp / "trackers.db", [SENDER, "someone-else-42"]),
        migrate_on_start=True,
        staff_token="staff-test-token-0123456789",
        secret_key="secret-key-for-web-tests",
        staff_token_file=tmp / "staff-token",
        secret_key_file=tmp / "secret-key",
        service_token_file=tmp / "service-token",
        rate_limit_per_minute=1_000_000,
        rate_limit_burst=1_000_000,
        rasa_url=rasa[1],
    )
    app = create_app(settings)
    with TestClient(app) as test_client:
        test_client.trackers = tmp / "trackers.db"  # type: ignore[attr-defined]
        yield test_client


def make_case(client: TestClient, conversation: str = SENDER) -> dict[str, Any]:
    body = {"intake": INTAKE, "consent": True, "conversation_id": conversation}
    response = client.post("/api/v1/cases", json=body, headers={"Idempotency-Key": conversation})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def turn(client: TestClient, message: str) -> Any:
    return client.post("/api/v1/chat", json={"sender": SENDER, "message": message})


def case_count(client: TestClient) -> int:
    with client.app.state.services.db.session() as session:  # type: ignore[attr-defined]
        return len(list(session.scalars(select(Case))))


def test_status_link_is_added_by_the_proxy_for_a_case_of_this_conversation(
    client: TestClient, rasa: tuple[FastAPI, str]
) -> None:
    created = make_case(client)
    reference = created["reference"]
    rasa[0].state.replies["/affirm"] = [
        {"text": f"Uw vraag is doorgestuurd. Uw kenmerk is {reference}."},
        {"custom": {"loket": "status_link", "reference": reference}},
    ]
    messages = turn(client, "/affirm").json()["messages"]
    assert messages[0]["text"].endswith(f"{reference}.")
    link = messages[1]["custom"]["status_link"]
    assert link["reference"] == reference
    assert link["token"] == created["token"]
    assert link["url"] == created["status_url"]
    status = client.get(link["url"], headers={"Accept": "application/json"})
    assert status.json()["reference"] == reference


def test_no_status_link_for_a_case_of_another_conversation(
    client: TestClient, rasa: tuple[FastAPI, str]
) -> None:
    other = make_case(client, conversation="someone-else-42")
    rasa[0].state.replies["/affirm"] = [
        {"text": "Uw kenmerk is ..."},
        {"custom": {"loket": "status_link", "reference": other["reference"]}},
    ]
    messages = turn(client, "/affirm").json()["messages"]
    assert len(messages) == 1
    assert other["token"] not in str(messages)


def test_erasure_asked_by_the_assistant_erases_case_and_conversation_after_the_turn(
    client: TestClient, rasa: tuple[FastAPI, str]
) -> None:
    make_case(client)
    other = make_case(client, conversation="someone-else-42")
    rasa[0].state.replies["ja, wis alles"] = [
        {"text": "Ik heb uw aanvraag en dit gesprek gewist."},
        {"custom": {"loket": "erase_conversation"}},
    ]
    messages = turn(client, "ja, wis alles").json()["messages"]
    assert messages[0]["text"].startswith("Ik heb uw aanvraag")
    assert messages[1]["custom"] == {"erased": True}
    assert case_count(client) == 1  # only the other conversation's case is left
    assert events_of(client.trackers, SENDER) == 0  # type: ignore[attr-defined]
    assert events_of(client.trackers, "someone-else-42") == 1  # type: ignore[attr-defined]
    assert client.get(other["status_url"]).status_code == 200


def test_failed_erasure_shows_a_dutch_error_instead_of_gewist(
    client: TestClient, rasa: tuple[FastAPI, str]
) -> None:
    make_case(client)
    client.trackers.unlink()  # type: ignore[attr-defined]
    client.trackers.mkdir()  # type: ignore[attr-defined]  # the tracker store is unusable
    rasa[0].state.replies["wis alles"] = [
        {"text": "Ik heb uw aanvraag en dit gesprek gewist."},
        {"custom": {"loket": "erase_conversation"}},
    ]
    response = turn(client, "wis alles")
    assert response.status_code == 503
    assert "niet gelukt" in response.json()["detail"]
    assert case_count(client) == 1  # nothing erased


def test_wis_gesprek_erases_the_conversation_even_without_a_case(client: TestClient) -> None:
    response = client.post("/api/v1/chat/erase", json={"sender": SENDER})
    assert response.status_code == 200
    assert response.json() == {"erased": True, "cases": 0}
    assert events_of(client.trackers, SENDER) == 0  # type: ignore[attr-defined]
    assert events_of(client.trackers, "someone-else-42") == 1  # type: ignore[attr-defined]
    bad = client.post("/api/v1/chat/erase", json={"sender": "../x"})
    assert bad.status_code == 422
