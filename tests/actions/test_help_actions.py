"""FAQ from the catalogue, the human route, call-backs and misunderstandings."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionAnswerFaq
from actions.help import ActionOfferHuman, ActionStartCallback, ActionStartOver
from tests.actions.conftest import make_tracker, slot_events, texts


async def test_faq_answers_from_the_catalogue(router, catalogue):
    tracker = make_tracker(
        text="wat is een prestatieverklaring?",
        intent="ask_about",
        entities=[{"entity": "topic", "value": "prestatieverklaring"}],
    )
    dispatcher = CollectingDispatcher()
    await ActionAnswerFaq().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    about = catalogue.instruments["prestatieverklaring"].about
    # The catalogue's description inside a sentence, with who offers it and what kind of party
    # that is; never the catalogue's line as it stands ("Prestatieverklaring: Heldere …").
    assert about[0].lower() + about[1:] in shown
    assert "Team Publiek Ondernemen" in shown and "team van de gemeente" in shown
    assert f"Prestatieverklaring: {about}" not in shown


async def test_faq_about_a_partner_lists_what_it_offers(router, catalogue):
    tracker = make_tracker(
        text="wat is MAEX", intent="ask_about", entities=[{"entity": "topic", "value": "maex"}]
    )
    dispatcher = CollectingDispatcher()
    await ActionAnswerFaq().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    assert catalogue.partners["maex"].about[1:] in shown
    assert "organisatie buiten de gemeente" in shown
    assert "MAEX-profiel" in shown


async def test_faq_at_the_summary_asks_the_summary_question_again(router):
    tracker = make_tracker(
        text="wat is buy social", intent="ask_about", slots={"phase": "summary", "goal": "x"}
    )
    dispatcher = CollectingDispatcher()
    await ActionAnswerFaq().run(dispatcher, tracker, {})
    assert "Buy Social-marktplaats" in texts(dispatcher)
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/affirm"


async def test_faq_in_the_form_says_it_goes_on_and_leaves_the_question_to_the_form(router):
    tracker = make_tracker(text="wat is MAEX", intent="ask_about", active_loop="intake_form")
    dispatcher = CollectingDispatcher()
    await ActionAnswerFaq().run(dispatcher, tracker, {})
    assert len(dispatcher.messages) == 2
    assert "verder" in dispatcher.messages[-1]["text"]
    assert not dispatcher.messages[-1].get("buttons")


async def test_unknown_topic_says_so(router):
    dispatcher = CollectingDispatcher()
    await ActionAnswerFaq().run(dispatcher, make_tracker(text="wat is een flux capacitor"), {})
    assert "Daar weet ik helaas niets over" in texts(dispatcher)


async def test_human_gives_team_contact_hours_and_call_back(router):
    dispatcher = CollectingDispatcher()
    await ActionOfferHuman().run(dispatcher, make_tracker(slots={"goal": "moestuin"}), {})
    shown = texts(dispatcher)
    assert "publiekondernemen@gemeente.example" in shown
    assert "14 015" in shown
    assert "9.00 tot 17.00" in shown
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/request_callback"


async def test_call_back_needs_contact(router):
    events = await ActionStartCallback().run(CollectingDispatcher(), make_tracker(), {})
    assert slot_events(events) == {"callback": True, "contact_wanted": True}


@pytest.mark.parametrize(
    ("text", "asking", "answer"),
    [
        ("kinderen beter mee laten komen op school, minder achterstand", "goal", "goal"),
        ("dat de buren elkaar weer zien en samen eten", "goal", "goal"),
    ],
)
async def test_an_answer_taken_for_a_call_back_request_answers_the_question(
    router, text, asking, answer
):
    tracker = make_tracker(text=text, intent="request_callback", asking=asking)
    dispatcher = CollectingDispatcher()
    events = await ActionStartCallback().run(dispatcher, tracker, {})
    assert answer in slot_events(events)
    assert "callback" not in slot_events(events)
    assert "contact met u op" not in texts(dispatcher)


async def test_a_call_back_asked_for_during_the_intake_is_still_one(router):
    tracker = make_tracker(
        text="kunt u mij niet gewoon even bellen?", intent="request_callback", asking="goal"
    )
    events = await ActionStartCallback().run(CollectingDispatcher(), tracker, {})
    assert slot_events(events) == {"callback": True, "contact_wanted": True}


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("Wat kunnen jullie nou eigenlijk precies voor mij betekenen?", False),
        ("Kunnen jullie mij misschien even bellen?", True),
    ],
)
async def test_a_question_taken_for_a_call_back_request_is_answered(router, text, called):
    """Only a question with a word of calling asks to be called; "wat kunnen jullie ..." is
    answered before the intake begins."""
    tracker = make_tracker(text=text, intent="request_callback")
    dispatcher = CollectingDispatcher()
    events = await ActionStartCallback().run(dispatcher, tracker, {})
    assert ("callback" in slot_events(events)) is called
    assert ("contact met u op" in texts(dispatcher)) is called


async def test_start_over_forgets_every_answer(router):
    dispatcher = CollectingDispatcher()
    events = await ActionStartOver().run(dispatcher, make_tracker(slots={"goal": "x"}), {})
    assert events[0] == {"event": "reset_slots", "timestamp": None}
    # The site's municipality is no answer: it stays after the reset.
    assert slot_events(events[1:]) == {"municipality": "delft"}
    assert "opnieuw" in texts(dispatcher)


async def test_starting_over_when_asked_to_erase_points_to_the_erase_button():
    asked = CollectingDispatcher()
    await ActionStartOver().run(
        asked, make_tracker(text="alles wissen en opnieuw", intent="start_over"), {}
    )
    assert "Wis gesprek" in texts(asked)
    plain = CollectingDispatcher()
    await ActionStartOver().run(plain, make_tracker(text="opnieuw beginnen"), {})
    assert "Wis gesprek" not in texts(plain)
    assert "beginnen opnieuw" in texts(plain)


async def test_a_typed_yes_at_consent_taken_for_a_human_request_still_sends(router):
    tracker = make_tracker(
        text="Ja hoor, stuur het naar iedereen die ons verder kan helpen",
        intent="request_human",
        slots={"phase": "consent"},
    )
    events = await ActionOfferHuman().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "followup", "name": "action_submit_case", "timestamp": None}]


async def test_a_request_for_a_person_at_consent_is_still_honoured(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="ja, maar ik wil eerst een medewerker spreken",
        intent="request_human",
        slots={"phase": "consent"},
    )
    assert await ActionOfferHuman().run(dispatcher, tracker, {}) == []
    assert "14 015" in texts(dispatcher)


async def test_an_erase_request_taken_for_starting_over_asks_to_confirm_erasure(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="wis gesprek", intent="start_over")
    events = await ActionStartOver().run(dispatcher, tracker, {})
    assert events == [{"event": "followup", "name": "action_ask_erasure", "timestamp": None}]


async def test_a_turn_taken_for_starting_over_that_does_not_ask_it_forgets_nothing(router):
    """The rule stopped the form before; the answer is read for the question that was open,
    and the form goes on."""
    tracker = make_tracker(
        text="we moeten nog alles regelen, het is echt een idee",
        intent="start_over",
        slots={"goal": "Een buurtfeest", "requested_slot": None},
    )
    tracker.events = [
        {"event": "active_loop", "name": "intake_form"},
        {"event": "slot", "name": "requested_slot", "value": "stage"},
        {"event": "user", "text": "we moeten nog alles regelen, het is echt een idee"},
        {"event": "active_loop", "name": None},
    ]
    dispatcher = CollectingDispatcher()
    events = await ActionStartOver().run(dispatcher, tracker, {})
    assert slot_events(events) == {"stage": "idee"}
    assert {"event": "followup", "name": "intake_form", "timestamp": None} in events
    assert "opnieuw" not in texts(dispatcher)


async def test_a_consent_answer_taken_for_a_call_back_request_answers_the_consent(router):
    tracker = make_tracker(
        text="Ja, maar niet naar de Vrijwilligerscentrale, daar hebben we zelf al contact mee.",
        intent="request_callback",
        slots={"phase": "consent"},
    )
    events = await ActionStartCallback().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "followup", "name": "action_submit_case", "timestamp": None}]
