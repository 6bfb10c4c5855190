"""`DELETE /api/v1/cases?conversation_id=`: the action server erases a conversation's cases."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.handoff.conftest import new_case, services_of


def service_headers(client: TestClient) -> dict[str, str]:
    return {"X-Loket-Service-Token": services_of(client).service_token}


def test_erases_every_case_of_the_conversation_and_nothing_else(client: TestClient) -> None:
    mine = new_case(client, conversation_id="conv-erase-1")
    again = new_case(client, conversation_id="conv-erase-1")
    other = new_case(client, conversation_id="conv-other-2")
    response = client.delete(
        "/api/v1/cases", params={"conversation_id": "conv-erase-1"}, headers=service_headers(client)
    )
    assert response.status_code == 200
    assert sorted(response.json()["cases"]) == sorted([mine["reference"], again["reference"]])
    json = {"Accept": "application/json"}
    assert client.get(mine["status_url"], headers=json).status_code == 404
    assert client.get(other["status_url"], headers=json).status_code == 200


def test_a_conversation_without_a_case_erases_no_case(client: TestClient) -> None:
    response = client.delete(
        "/api/v1/cases", params={"conversation_id": "conv-none-3"}, headers=service_headers(client)
    )
    assert response.status_code == 200
    assert response.json() == {"conversation_id": "conv-none-3", "cases": []}


def test_only_the_action_server_may_erase_by_conversation(client: TestClient) -> None:
    new_case(client, conversation_id="conv-erase-4")
    params = {"conversation_id": "conv-erase-4"}
    assert client.delete("/api/v1/cases", params=params).status_code == 401
    wrong = {"X-Loket-Service-Token": "not-the-token"}
    assert client.delete("/api/v1/cases", params=params, headers=wrong).status_code == 403
    bad = client.delete(
        "/api/v1/cases", params={"conversation_id": "../x"}, headers=service_headers(client)
    )
    assert bad.status_code == 422
