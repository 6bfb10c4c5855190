"""Route, consent and the hand-off: sent, declined, and the API down (asked again, not lost)."""

from __future__ import annotations

import json

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import (
    ActionDeclineConsent,
    ActionShowRoute,
    ActionSubmitCase,
    case_payload,
    idempotency_key,
)
from tests.actions.conftest import make_tracker, slot_events, texts

REFERENCE = "LOK-2026-000001"

FILLED = {
    "goal": "Een moestuin voor de buurt",
    "needs": ["vrijwilligers"],
    "stage": "idee",
    "organisation": "bewoner",
    "wijk": "Voorhof",
    "contact_wanted": True,
    "contact_name": "Karin Bos",
    "contact_email": "karin@voorbeeld.nl",
}


async def test_route_says_who_why_which_partners_and_when(router, api):
    dispatcher = CollectingDispatcher()
    events = await ActionShowRoute().run(dispatcher, make_tracker(slots=FILLED), {})
    shown = texts(dispatcher)
    assert "Wijkzaken pakt uw vraag op" in shown
    assert "Waarom: Het gaat over groen." in shown
    assert "Ook Openbare Ruimte en Groen kijkt mee." in shown
    assert "Partners die kunnen helpen: Vrijwilligerscentrale." in shown
    assert "Hulp die kan passen: Vrijwilligersmatch." in shown
    # No catalogue descriptions dumped into the answer: the inwoner can ask what it is.
    assert "Vrijwilligers werven, matchen en begeleiden" not in shown
    assert "binnen 5 werkdagen" in shown and "maandag 30 november" in shown
    question = dispatcher.messages[-1]["text"]
    assert question.startswith("Mag ik uw vraag doorsturen naar:")
    for name in ("Wijkzaken", "Openbare Ruimte en Groen", "Vrijwilligerscentrale"):
        assert f"- {name}" in question  # every team and partner the case goes to
    assert "uw naam en uw e-mailadres" in question
    assert "telefoonnummer" not in question  # not given, so not shared
    slots = slot_events(events)
    assert slots["phase"] == "consent"
    assert slots["idempotency_key"]


async def test_route_without_the_api_still_shows_the_route(router, api):
    api.down = True
    dispatcher = CollectingDispatcher()
    await ActionShowRoute().run(dispatcher, make_tracker(slots=FILLED), {})
    assert "Wijkzaken pakt uw vraag op" in texts(dispatcher)
    assert "Ik kan nu niet opzoeken wanneer" in texts(dispatcher)


async def test_consent_sends_the_case_once_with_key_and_conversation(router, api):
    tracker = make_tracker(
        slots={**FILLED, "idempotency_key": "idem-key-0001"}, sender_id="conv-42"
    )
    dispatcher = CollectingDispatcher()
    events = await ActionSubmitCase().run(dispatcher, tracker, {})
    posts = [r for r in api.requests if r.method == "POST"]
    assert len(posts) == 1
    # Derived from the slot's nonce: the key that returns the status token is not in Rasa.
    assert posts[0].headers["Idempotency-Key"] == idempotency_key("idem-key-0001")
    assert "idem-key-0001" not in posts[0].headers["Idempotency-Key"]
    body = json.loads(posts[0].content)
    assert body["consent"] is True
    assert body["conversation_id"] == "conv-42"
    assert body["intake"]["wijk"] == "Voorhof"
    assert body["contact"] == {"name": "Karin Bos", "email": "karin@voorbeeld.nl"}
    assert REFERENCE in texts(dispatcher)
    slots = slot_events(events)
    assert slots["case_reference"] == REFERENCE
    assert slots["phase"] == "done"
    assert slots["goal"] is None  # the intake is forgotten once it is sent


def test_a_call_back_is_sent_as_a_field_and_the_goal_is_left_alone():
    callback = {"goal": "Een moestuin", "callback": True, "contact_wanted": True}
    payload = case_payload({**callback, "contact_phone": "015 123 4567"}, "conv-1")
    assert payload["callback_requested"] is True
    assert payload["intake"]["text"] == "Een moestuin"
    assert payload["contact"] == {"phone": "015 123 4567"}


def test_the_handoff_api_accepts_the_call_back_payload():
    from handoff.schemas import CaseCreate  # the API's own schema: a contract check

    slots = {**FILLED, "callback": True}
    assert CaseCreate.model_validate(case_payload(slots, "conv-1")).callback_requested


def test_no_call_back_field_without_a_call_back_or_a_way_to_reach():
    assert "callback_requested" not in case_payload(FILLED, "conv-1")
    no_number = {"goal": "Een moestuin", "callback": True, "contact_name": "Sam"}
    assert "callback_requested" not in case_payload(no_number, "conv-1")
    declined = {**no_number, "contact_phone": "015 123 4567", "contact_wanted": False}
    payload = case_payload(declined, "conv-1")
    assert "callback_requested" not in payload
    assert "contact" not in payload


def test_no_contact_is_sent_that_the_inwoner_did_not_give():
    payload = case_payload({"goal": "Een moestuin", "contact_wanted": False}, "conv 1")
    assert "contact" not in payload
    assert "conversation_id" not in payload  # not a valid id for the API


async def test_api_down_keeps_the_answers_and_a_later_yes_sends_the_same_case(
    router, api, tmp_path
):
    api.down = True
    tracker = make_tracker(slots={**FILLED, "idempotency_key": "idem-key-0002"})
    dispatcher = CollectingDispatcher()
    events = await ActionSubmitCase().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    assert "Het lukt nu niet" in shown and "nog niet verstuurd" in shown
    assert "Ja, stuur het door" in shown  # what to do: send again later
    assert "publiekondernemen@gemeente.example" in shown and "14 015" in shown
    assert [b["payload"] for b in dispatcher.messages[-1]["buttons"]] == ["/affirm", "/deny"]
    # Nothing stored on the action server; the intake and the key stay in the conversation.
    assert slot_events(events) == {"phase": "consent", "idempotency_key": "idem-key-0002"}
    assert not list(tmp_path.glob("*.db"))

    api.down = False
    retry = make_tracker(slots={**FILLED, "phase": "consent", "idempotency_key": "idem-key-0002"})
    dispatcher = CollectingDispatcher()
    await ActionSubmitCase().run(dispatcher, retry, {})
    assert REFERENCE in texts(dispatcher)
    keys = {r.headers.get("Idempotency-Key") for r in api.requests if r.method == "POST"}
    assert keys == {idempotency_key("idem-key-0002")}


async def test_declined_consent_sends_nothing(router, api):
    dispatcher = CollectingDispatcher()
    events = await ActionDeclineConsent().run(dispatcher, make_tracker(slots=FILLED), {})
    assert api.requests == []
    assert "publiekondernemen@gemeente.example" in texts(dispatcher)
    assert slot_events(events)["phase"] == "done"


@pytest.mark.parametrize(
    "text", ["/affirm", "ja", "Ja, stuur het door", "ja hoor, prima", "is goed"]
)
def test_a_plain_yes_or_the_button_is_consent(text):
    from actions.consent import consent_is_unclear

    assert not consent_is_unclear(text)


@pytest.mark.parametrize(
    "text",
    [
        "ja, wis alles",
        "ja maar verwijder mijn gegevens",
        "ja, toch niet doorsturen",
        "ja stop maar",
    ],
)
async def test_a_yes_that_takes_itself_back_sends_nothing_and_asks_again(router, api, text):
    tracker = make_tracker(text=text, intent="affirm", slots={**FILLED, "phase": "consent"})
    dispatcher = CollectingDispatcher()
    events = await ActionSubmitCase().run(dispatcher, tracker, {})
    assert api.requests == []
    assert slot_events(events) == {"phase": "consent"}  # the answers are kept for the question
    assert "stuur ik nog niets door" in texts(dispatcher)
    assert [b["payload"] for b in dispatcher.messages[-1]["buttons"]] == ["/affirm", "/deny"]
    assert ("Wis gesprek" in texts(dispatcher)) == any(w in text for w in ("wis", "verwijder"))
