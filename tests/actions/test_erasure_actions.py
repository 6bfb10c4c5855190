"""Erasure by typing: "Weet u zeker …?", then the case through the API and the conversation
through the chat proxy, and a truthful account of what was erased."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.erasure import (
    ERASE_REQUEST,
    ActionAskErasure,
    ActionCancelErasure,
    ActionEraseEverything,
)
from tests.actions.conftest import followup, make_tracker, run_action, slot_events, texts


async def test_confirmation_names_the_case_when_there_is_one(api):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="wis alles", slots={"case_reference": "LOK-2026-123456", "phase": "done"}
    )
    events = await ActionAskErasure().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    assert shown.startswith("Weet u zeker")
    assert "LOK-2026-123456" in shown
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/affirm", "/deny"]
    # No "ja" can be read as consent or as "the summary is right" while this question is open.
    assert slot_events(events) == {
        "erase_pending": True,
        "phase": None,
        "phase_before_erasure": "done",
    }
    assert api.requests == []  # asking erases nothing


async def test_confirmation_before_a_case_names_only_the_conversation(api):
    dispatcher = CollectingDispatcher()
    await ActionAskErasure().run(dispatcher, make_tracker(text="verwijder mijn gegevens"), {})
    assert "Dan wis ik dit gesprek." in texts(dispatcher)


async def test_asking_to_erase_again_while_asked_to_confirm_is_the_confirmation(api):
    # "Weet u zeker …?" answered with a new request to erase ("Ja, graag verwijderen") erases;
    # it does not ask the same question again.
    for text in ("Ja, graag verwijderen.", "wis het maar allemaal", "verwijder alles alstublieft"):
        reply = await run_action(
            ActionAskErasure(),
            text=text,
            intent="request_erasure",
            slots={"erase_pending": True, "case_reference": "LOK-2026-123456"},
        )
        assert reply.events == [followup("action_erase_everything")], text
        assert api.requests == []


async def test_a_no_while_asked_to_confirm_erasure_keeps_everything(api):
    reply = await run_action(
        ActionAskErasure(),
        text="nee, toch niet verwijderen",
        intent="request_erasure",
        slots={"erase_pending": True, "case_reference": "LOK-2026-123456"},
    )
    assert reply.events == [followup("action_cancel_erasure")]


async def test_confirmed_erasure_erases_the_case_and_asks_the_proxy_for_the_conversation(api):
    api.conversation_cases = ["LOK-2026-123456"]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="ja", sender_id="conv-erase-7")
    events = await ActionEraseEverything().run(dispatcher, tracker, {})
    [delete] = api.requests
    assert delete.method == "DELETE"
    assert delete.url.params["conversation_id"] == "conv-erase-7"
    shown = texts(dispatcher)
    assert "Ik heb uw aanvraag LOK-2026-123456 gewist" in shown
    assert "Ook dit gesprek is gewist" in shown
    assert dispatcher.messages[-1]["custom"] == ERASE_REQUEST
    assert events == [{"event": "reset_slots", "timestamp": None}]


async def test_erasure_without_a_case_says_only_the_conversation_was_erased(api):
    dispatcher = CollectingDispatcher()
    await ActionEraseEverything().run(dispatcher, make_tracker(text="ja"), {})
    shown = texts(dispatcher)
    assert "Ik heb dit gesprek gewist" in shown
    assert "aanvraag" in shown and "gewist, met" not in shown
    assert dispatcher.messages[-1]["custom"] == ERASE_REQUEST


async def test_erasure_with_the_api_down_says_nothing_was_erased(api):
    api.down = True
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="ja", slots={"erase_pending": True, "phase_before_erasure": "summary"}
    )
    events = await ActionEraseEverything().run(dispatcher, tracker, {})
    assert "Er is niets gewist" in texts(dispatcher)
    assert all("custom" not in m or not m["custom"] for m in dispatcher.messages)
    assert slot_events(events) == {
        "erase_pending": False,
        "phase": "summary",
        "phase_before_erasure": None,
    }


async def test_no_erases_nothing_and_goes_on(api):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="nee", slots={"erase_pending": True, "phase_before_erasure": "consent"}
    )
    events = await ActionCancelErasure().run(dispatcher, tracker, {})
    assert "ik wis niets" in texts(dispatcher)
    assert slot_events(events) == {
        "erase_pending": False,
        "phase": "consent",  # the consent question is open again
        "phase_before_erasure": None,
    }
    assert api.requests == []
