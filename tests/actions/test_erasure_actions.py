"""Erasure by typing: "Weet u zeker …?", then the case through the API and the conversation
through the chat proxy, and a truthful account of what was erased."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.erasure import (
    ERASE_REQUEST,
    ActionAskErasure,
    ActionCancelErasure,
    ActionEraseEverything,
    asks_to_erase,
    erasure_answer,
)
from actions.interpret import ActionInterpretTurn
from actions.question import ActionAnswerQuestion, ActionThank
from actions.review import ActionShowSummary
from tests.actions.conftest import (
    followup,
    make_tracker,
    phrased,
    phrasings,
    run_action,
    slot_events,
    texts,
    validate_form,
)

# "Weet u zeker …?" is open for a case that exists.
ASKED_TO_CONFIRM = {"erase_pending": True, "case_reference": "LOK-2026-123456"}


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Weet u zeker …?" answered with a new request to erase erases; it does not ask the
        # same question again.
        ("Ja, graag verwijderen.", "action_erase_everything"),
        ("wis het maar allemaal", "action_erase_everything"),
        ("verwijder alles alstublieft", "action_erase_everything"),
        ("nee, toch niet verwijderen", "action_cancel_erasure"),
    ],
)
async def test_a_request_to_erase_while_asked_to_confirm_is_the_answer(api, text, expected):
    reply = await run_action(ActionAskErasure(), text, "request_erasure", slots=ASKED_TO_CONFIRM)
    assert reply.events == [followup(expected)]
    assert api.requests == []


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


# -- asking to erase in any words, and answering "Weet u zeker …?" in any words --------------


@pytest.mark.parametrize(("text", "asks"), phrasings("request to erase"))
def test_a_request_to_erase_is_told_from_a_question_about_erasing(text, asks):
    assert asks_to_erase(text) is asks


@pytest.mark.parametrize(("text", "answer"), phrasings("answer to erase or not"))
def test_the_answer_to_the_confirmation_is_read_from_its_words(text, answer):
    assert erasure_answer(text) == answer


@pytest.mark.parametrize("text", phrased("request to erase", True)[:3])
async def test_a_request_to_erase_taken_for_a_question_asks_to_confirm(api, text):
    # The classifier often hears a question about privacy in a polite request.
    reply = await run_action(
        ActionAnswerQuestion(),
        text,
        "ask_question",
        slots={"phase": "done", "case_reference": "LOK-2026-123456"},
    )
    assert reply.events == [followup("action_ask_erasure")]
    assert api.requests == []


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionInterpretTurn(), "nlu_fallback"),
        (ActionInterpretTurn(), "out_of_scope"),
        (ActionAnswerQuestion(), "ask_question"),
        (ActionThank(), "thank"),
    ],
)
@pytest.mark.parametrize(
    ("text", "answer"), [case for case in phrasings("answer to erase or not") if case[1]]
)
async def test_the_answer_to_the_confirmation_counts_whatever_the_classifier_heard(
    api, action, intent, text, answer
):
    expected = {"erase": "action_erase_everything", "keep": "action_cancel_erasure"}[answer]
    reply = await run_action(action, text, intent, slots=ASKED_TO_CONFIRM)
    assert reply.events == [followup(expected)]
    assert api.requests == []  # the erasing itself is the next action's


async def test_a_yes_that_keeps_after_all_erases_nothing(api):
    reply = await run_action(
        ActionEraseEverything(), "ja... nee wacht, toch niet", "affirm", slots=ASKED_TO_CONFIRM
    )
    assert reply.events == [followup("action_cancel_erasure")]
    assert api.requests == []


async def test_the_button_still_erases(api):
    api.conversation_cases = ["LOK-2026-123456"]
    reply = await run_action(
        ActionEraseEverything(), "/affirm", "affirm", slots={"erase_pending": True}
    )
    assert "gewist" in reply.shown
    assert [r.method for r in api.requests] == ["DELETE"]


async def test_an_acknowledgement_while_asked_to_confirm_asks_again(api):
    reply = await run_action(
        ActionInterpretTurn(), "helder", "nlu_fallback", slots={"erase_pending": True}
    )
    assert reply.shown.startswith("Weet u zeker")
    assert api.requests == []


@pytest.mark.parametrize("requested", ["needs", "stage", "organisation", "contact_wanted"])
@pytest.mark.parametrize(
    "text",
    [
        "Hmm, ik bedenk me. Kunt u alles wat ik net heb geschreven weer verwijderen?",
        "laat maar, wis alles wat ik heb ingevuld aub",
    ],
)
async def test_a_request_to_erase_taken_for_an_answer_stops_the_questions(requested, text):
    # The classifier heard no request (nlu_fallback): the form's validation read the turn
    # as the answer to its question, and went on to the next one.
    set_now = await validate_form(
        text, requested, {"goal": "een oppascentrale in Tanthof"}, intent="nlu_fallback"
    )
    assert set_now == {"requested_slot": None}  # nothing stored as the answer


async def test_the_stopped_form_asks_to_confirm_the_erasure(api):
    reply = await run_action(
        ActionShowSummary(),
        "Kunt u alles wat ik net heb geschreven weer verwijderen?",
        "nlu_fallback",
        slots={"goal": "een oppascentrale in Tanthof", "needs": None},
    )
    assert reply.events == [followup("action_ask_erasure")]
    assert api.requests == []


@pytest.mark.parametrize(
    "text",
    [
        "We willen de graffiti verwijderen, daar is geld voor nodig.",
        "Geld, want de kapotte bankjes moeten weg.",
    ],
)
async def test_what_the_plan_removes_is_an_answer_not_a_request_to_erase(router, text):
    set_now = await validate_form(text, "needs", {"goal": "Een schone tunnel"}, intent="inform")
    assert set_now.get("needs")
    assert "requested_slot" not in set_now or set_now["requested_slot"] is not None


def _at_the_question(requested: str, text: str, **slots: object) -> Tracker:
    """The intake asked `requested`; the rule for an erase request stopped the form."""
    tracker = make_tracker(
        text=text, intent="request_erasure", slots={**slots, "requested_slot": None}
    )
    tracker.events = [
        {"event": "active_loop", "name": "intake_form"},
        {"event": "slot", "name": "requested_slot", "value": requested},
        {"event": "user", "text": text},
        {"event": "active_loop", "name": None},
    ]
    return tracker


async def test_an_answer_taken_for_an_erase_request_answers_the_open_question(router):
    """Nothing in it of erasing or keeping: the need is kept and the intake goes on; nothing
    asks to wipe the conversation."""
    text = "We hebben geen lokaal. Thuis staat 1 oven. Meer ovens hebben we niet."
    tracker = _at_the_question("needs", text, goal="Samen brood bakken met buurtgenoten")
    dispatcher = CollectingDispatcher()
    events = await ActionAskErasure().run(dispatcher, tracker, {})
    assert "locatie" in slot_events(events)["needs"]
    assert {"event": "followup", "name": "intake_form", "timestamp": None} in events
    assert "wissen" not in texts(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "Kunt u mijn gegevens weghalen?",
        "ik wil niet dat jullie dit opslaan",
        "trek mijn aanvraag maar in",
        "vernietig alles",
    ],
)
async def test_an_erase_request_inside_the_intake_still_asks_to_confirm(router, text):
    tracker = _at_the_question("needs", text, goal="Vrouwen leren naaien")
    dispatcher = CollectingDispatcher()
    events = await ActionAskErasure().run(dispatcher, tracker, {})
    assert {"event": "slot", "name": "erase_pending", "value": True, "timestamp": None} in events
    assert "Weet u zeker" in texts(dispatcher)
