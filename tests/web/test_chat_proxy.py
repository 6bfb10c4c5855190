"""POST /api/v1/chat: proxies to Rasa's REST channel, bounded and with Dutch errors."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web.fake_rasa import NEED_BUTTONS, REFERENCE, create_fake_rasa
from tests.web.servers import serve

SENDER = "test-sender-0001"


def test_turn_is_proxied_to_rasa_and_buttons_come_back(
    web_client_factory: Callable[..., TestClient], fake_rasa_url: str
) -> None:
    client = web_client_factory(rasa_url=fake_rasa_url)
    greet = client.post("/api/v1/chat", json={"sender": SENDER, "message": "/greet"})
    assert greet.status_code == 200
    assert greet.headers["cache-control"] == "no-store"
    assert "Loket" in greet.json()["messages"][0]["text"]
    reply = client.post("/api/v1/chat", json={"sender": SENDER, "message": "Een wormenhotel"})
    message = reply.json()["messages"][0]
    assert message["buttons"][0] == {"title": "Geld", "payload": NEED_BUTTONS[0][1]}
    assert "content-security-policy" in reply.headers


def test_custom_case_payload_is_passed_to_the_widget(
    web_client_factory: Callable[..., TestClient], fake_rasa_url: str
) -> None:
    client = web_client_factory(rasa_url=fake_rasa_url)
    sender = "test-sender-case"
    for text in ["/greet", "wormen", NEED_BUTTONS[0][1], "Voorhof", "/affirm"]:
        last = client.post("/api/v1/chat", json={"sender": sender, "message": text}).json()
    assert "Uw kenmerk is LOK-" in last["messages"][0]["text"]
    custom = client.post("/api/v1/chat", json={"sender": sender, "message": "/custom"}).json()
    assert custom["messages"][0]["custom"]["case"]["reference"] == REFERENCE


def test_too_long_message_is_413_in_dutch(
    web_client_factory: Callable[..., TestClient], fake_rasa_url: str
) -> None:
    client = web_client_factory(rasa_url=fake_rasa_url, chat_max_message_chars=50)
    response = client.post("/api/v1/chat", json={"sender": SENDER, "message": "x" * 51})
    assert response.status_code == 413
    assert "te lang" in response.json()["detail"]


def test_too_large_body_is_413_in_dutch_from_the_request_guard(
    web_client_factory: Callable[..., TestClient], fake_rasa_url: str
) -> None:
    client = web_client_factory(rasa_url=fake_rasa_url)
    response = client.post(
        "/api/v1/chat",
        content=b'{"sender": "test-sender-0001", "message": "' + b"y" * 70_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert "te lang" in response.json()["detail"]
    assert "content-security-policy" in response.headers


def test_invalid_sender_or_empty_message_is_422(
    web_client_factory: Callable[..., TestClient], fake_rasa_url: str
) -> None:
    client = web_client_factory(rasa_url=fake_rasa_url)
    assert client.post("/api/v1/chat", json={"sender": "x", "message": "hoi"}).status_code == 422
    assert client.post("/api/v1/chat", json={"sender": SENDER, "message": ""}).status_code == 422
    assert client.post("/api/v1/chat", content=b"not json").status_code == 422


def test_rate_limit_per_conversation_is_429_with_retry_after(
    web_client_factory: Callable[..., TestClient], fake_rasa_url: str
) -> None:
    client = web_client_factory(rasa_url=fake_rasa_url, chat_turns_per_minute_per_sender=2)
    for _ in range(2):
        assert client.post("/api/v1/chat", json={"sender": SENDER, "message": "/greet"}).is_success
    limited = client.post("/api/v1/chat", json={"sender": SENDER, "message": "/greet"})
    assert limited.status_code == 429
    assert limited.headers["retry-after"]
    assert "Wacht even" in limited.json()["detail"]
    other = client.post("/api/v1/chat", json={"sender": "another-sender", "message": "/greet"})
    assert other.status_code == 200


def test_rate_limit_per_client_address_is_429(
    web_client_factory: Callable[..., TestClient], fake_rasa_url: str
) -> None:
    client = web_client_factory(rasa_url=fake_rasa_url, chat_turns_per_minute_per_client=3)
    turns = [{"sender": f"sender-{i:04d}", "message": "/greet"} for i in range(4)]
    codes = [client.post("/api/v1/chat", json=turn).status_code for turn in turns]
    assert codes == [200, 200, 200, 429]


def test_rasa_down_gives_friendly_dutch_503(
    web_client_factory: Callable[..., TestClient], dead_rasa_url: str
) -> None:
    client = web_client_factory(rasa_url=dead_rasa_url)
    response = client.post("/api/v1/chat", json={"sender": SENDER, "message": "hallo"})
    assert response.status_code == 503
    detail = response.json()["detail"]
    assert "werkt op dit moment niet" in detail and "14 015" in detail
    assert "Traceback" not in response.text


def test_a_turn_rasa_answers_with_nothing_gives_a_dutch_message_not_silence(
    web_client_factory: Callable[..., TestClient], fake_rasa_url: str
) -> None:
    # Rasa answers 200 [] when the action server died during the turn.
    client = web_client_factory(rasa_url=fake_rasa_url)
    response = client.post("/api/v1/chat", json={"sender": SENDER, "message": "/silent"})
    assert response.status_code == 502
    detail = response.json()["detail"]
    assert "niet verwerken" in detail and "Stuur het opnieuw" in detail and "14 015" in detail


def test_proxy_uses_one_pooled_client_while_the_app_runs(fake_rasa_url: str) -> None:
    from tests.web.conftest import make_web_app

    app = make_web_app(rasa_url=fake_rasa_url)
    with TestClient(app) as client:
        assert app.state.loket_rasa_client is not None
        turn = {"sender": "pooled-sender", "message": "/greet"}
        assert client.post("/api/v1/chat", json=turn).status_code == 200
    assert not hasattr(app.state, "loket_rasa_client")
    assert client.get("/health").status_code == 200  # the handoff app around the router


def test_each_conversation_stays_on_one_of_several_rasa_servers(
    web_client_factory: Callable[..., TestClient],
) -> None:
    first, second = create_fake_rasa(), create_fake_rasa()
    with serve(first) as first_url, serve(second) as second_url:
        client = web_client_factory(rasa_url=f"{first_url}, {second_url}/")
        # The servers' ports are random, so the split is too: with 12 senders all landed on one
        # server about once in 2,000 runs (CI, 2 Dec 2026); with 40 that is once in 10^11.
        senders = [f"test-sender-{i:04d}" for i in range(40)]
        for sender in senders:
            for text in ["/greet", "Een wormenhotel", NEED_BUTTONS[0][1]]:
                assert client.post(
                    "/api/v1/chat", json={"sender": sender, "message": text}
                ).is_success
    served = [{b["sender"] for b in app.state.received} for app in (first, second)]
    assert served[0] and served[1], "both servers get conversations"
    assert not served[0] & served[1], "no conversation is split over two servers"
    assert served[0] | served[1] == set(senders)
    assert all(
        len(app.state.received) == 3 * len(served[i]) for i, app in enumerate((first, second))
    )


def test_a_long_first_story_of_2000_characters_is_accepted(
    web_client_factory: Callable[..., TestClient], fake_rasa_url: str
) -> None:
    client = web_client_factory(rasa_url=fake_rasa_url)
    story = ("Wij zijn een groep buren in Voorhof en willen een moestuin beginnen. " * 30)[:2000]
    response = client.post("/api/v1/chat", json={"sender": SENDER, "message": story})
    assert response.status_code == 200
