"""The chat proxy with several Rasa servers: one server per conversation, failover when it dies."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from handoff.settings import Settings
from handoff.web.chat import rasa_urls_for
from tests.web.fake_rasa import REFERENCE, create_fake_rasa
from tests.web.servers import free_port, serve

INTAKE = ["/greet", "Een wormenhotel", "/inform", "Voorhof", "/affirm"]


def chat(client: TestClient, sender: str, message: str) -> Any:
    return client.post("/api/v1/chat", json={"sender": sender, "message": message})


def sender_served_first_by(url: str, urls: str) -> str:
    settings = Settings(rasa_url=urls)
    return next(
        sender
        for sender in (f"failover-sender-{i:04d}" for i in range(1000))
        if rasa_urls_for(sender, settings)[0] == url
    )


@contextmanager
def dropping_server() -> Iterator[str]:
    """Accepts a connection, reads the request and closes without answering (a server that
    is killed mid-turn)."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(65536)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def test_conversation_carries_on_on_the_other_server_when_its_server_dies(
    web_client_factory: Callable[..., TestClient],
) -> None:
    tracker_store: dict[str, int] = {}  # shared, as the SQL tracker store is
    first, second = create_fake_rasa(tracker_store), create_fake_rasa(tracker_store)
    with ExitStack() as first_running, serve(second) as second_url:
        first_url = first_running.enter_context(serve(first))
        urls = f"{first_url},{second_url}"
        client = web_client_factory(rasa_url=urls)
        sender = sender_served_first_by(first_url, urls)
        for message in INTAKE[:3]:
            assert chat(client, sender, message).status_code == 200
        first_running.close()  # the conversation's server dies

        for message in INTAKE[3:]:
            reply = chat(client, sender, message)
            assert reply.status_code == 200, reply.text
        assert REFERENCE in reply.json()["messages"][0]["text"], "the intake went on where it was"
    assert [t["message"] for t in first.state.received] == INTAKE[:3]
    assert [t["message"] for t in second.state.received] == INTAKE[3:]


def test_a_server_that_drops_the_turn_mid_way_fails_over_to_the_next(
    web_client_factory: Callable[..., TestClient],
) -> None:
    working = create_fake_rasa()
    with dropping_server() as dropping_url, serve(working) as working_url:
        urls = f"{dropping_url},{working_url}"
        sender = sender_served_first_by(dropping_url, urls)
        reply = chat(web_client_factory(rasa_url=urls), sender, "/greet")
    assert reply.status_code == 200
    assert "Loket" in reply.json()["messages"][0]["text"]
    assert [t["sender"] for t in working.state.received] == [sender]


def test_conversations_of_a_dead_server_move_and_the_others_stay(
    web_client_factory: Callable[..., TestClient],
) -> None:
    apps = [create_fake_rasa() for _ in range(3)]
    with ExitStack() as stack:
        urls = [stack.enter_context(serve(app)) for app in apps]
        dead = f"http://127.0.0.1:{free_port()}"
        all_urls = ",".join([*urls, dead])
        settings = Settings(rasa_url=all_urls)
        client = web_client_factory(rasa_url=all_urls)
        senders = [f"spread-sender-{i:04d}" for i in range(40)]
        for sender in senders:
            assert chat(client, sender, "/greet").status_code == 200
    for sender in senders:
        order = rasa_urls_for(sender, settings)
        expected = order[1] if order[0] == dead else order[0]
        served_by = [
            url
            for url, app in zip(urls, apps, strict=True)
            if any(t["sender"] == sender for t in app.state.received)
        ]
        assert served_by == [expected]


def test_every_api_process_picks_the_same_server_and_fallback() -> None:
    urls = "http://127.0.0.1:5005,http://127.0.0.1:5006,http://127.0.0.1:5007"
    one, other = Settings(rasa_url=urls), Settings(rasa_url=urls.replace(",", ", "))
    for i in range(50):
        sender = f"worker-sender-{i:04d}"
        assert rasa_urls_for(sender, one) == rasa_urls_for(sender, other)
        assert sorted(rasa_urls_for(sender, one)) == sorted(one.rasa_urls)


def test_a_slow_server_is_not_failed_over_and_gives_504(
    web_client_factory: Callable[..., TestClient],
) -> None:
    """A timeout may mean the server is still working on the turn: no second copy of it."""
    slow = FastAPI()

    @slow.post("/webhooks/rest/webhook")
    async def webhook() -> list[dict[str, str]]:
        await asyncio.sleep(2)
        return []

    spare = create_fake_rasa()
    with serve(slow) as slow_url, serve(spare) as spare_url:
        urls = f"{slow_url},{spare_url}"
        sender = sender_served_first_by(slow_url, urls)
        client = web_client_factory(rasa_url=urls, chat_timeout_seconds=0.5)
        reply = chat(client, sender, "/greet")
    assert reply.status_code == 504
    assert spare.state.received == []


def test_all_servers_down_gives_the_dutch_503(
    web_client_factory: Callable[..., TestClient],
) -> None:
    urls = f"http://127.0.0.1:{free_port()},http://127.0.0.1:{free_port()}"
    reply = chat(web_client_factory(rasa_url=urls), "nobody-home-01", "hallo")
    assert reply.status_code == 503
    assert "werkt op dit moment niet" in reply.json()["detail"]
