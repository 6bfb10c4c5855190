"""The fake Rasa cannot drift from the bot: what it sends must exist in bot/domain/*.yml."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient

from tests.domain import load_domain
from tests.web.fake_rasa import FakeDrift, check_answer, create_fake_rasa


def test_every_button_of_a_fake_conversation_is_a_domain_intent_with_domain_entities() -> None:
    domain = load_domain()
    client = TestClient(create_fake_rasa())
    payloads = []
    for text in ["/greet", "Een wormenhotel", "Geld", "Voorhof", "/affirm"]:
        answer = client.post("/webhooks/rest/webhook", json={"sender": "s1", "message": text})
        assert answer.status_code == 200
        payloads += [b["payload"] for m in answer.json() for b in m.get("buttons", [])]
    assert len(payloads) >= 4  # need buttons and consent buttons were both sent
    assert [p for p in payloads if domain.payload_problem(p)] == []


def test_a_fake_with_an_intent_the_domain_lacks_fails_when_made() -> None:
    domain = load_domain()
    without = dataclasses.replace(
        domain, intents=tuple(i for i in domain.intents if i != "inform_need")
    )
    with pytest.raises(FakeDrift, match="unknown intent 'inform_need'"):
        create_fake_rasa(domain=without)


def test_a_fake_answer_with_an_unknown_intent_or_entity_fails() -> None:
    domain = load_domain()
    drifted = {"recipient_id": "s1", "text": "Wat heeft u nodig?"}
    with pytest.raises(FakeDrift, match="unknown intent 'inform'"):
        check_answer(domain, [{**drifted, "buttons": [{"title": "Geld", "payload": "/inform"}]}])
    wrong_entity = '/inform_need{"needs": "financiering"}'
    with pytest.raises(FakeDrift, match="unknown entity 'needs'"):
        check_answer(domain, [{**drifted, "buttons": [{"title": "Geld", "payload": wrong_entity}]}])
