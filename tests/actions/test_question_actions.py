"""`ask_question` (actions/question.py): one intent for questions about Loket, the words and
the moment choose the answer."""

from __future__ import annotations

from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.help import ActionOfferHuman
from actions.question import ActionAnswerQuestion, kind_of_question
from tests.actions.conftest import make_tracker, slot_events, texts


def responses(dispatcher: CollectingDispatcher) -> list[str | None]:
    return [m.get("response") for m in dispatcher.messages]


def test_the_words_choose_the_answer():
    assert kind_of_question("Kost het iets?", in_intake=False, started=False) == "process"
    # Outside the intake a process topic needs no question mark.
    assert kind_of_question("binnen hoeveel werkdagen krijg ik antwoord", False, False) == (
        "process"
    )
    # A privacy question names a process topic (actions/process.py), answered with the
    # privacy answer of the process questions; other words about data get the privacy text.
    assert kind_of_question("is het anoniem?", False, False) == "process"
    assert kind_of_question("wie kan dit allemaal lezen?", True, True) == "privacy"
    assert kind_of_question("wat kun jij eigenlijk?", False, False) == "capabilities"
    # Inside the intake that question is a process topic ("mogelijkheden"): the same answer,
    # then the intake goes on (test_what_loket_does_inside_the_intake).
    assert kind_of_question("Wat kunnen jullie eigenlijk voor ons doen?", True, True) == ("process")
    # Once the initiative is told, a question without a topic asks what happens next.
    assert kind_of_question("en hoe verloopt het traject?", False, True) == "next"


async def test_what_loket_does_before_anything_is_told(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="waar kan ik jou allemaal voor gebruiken?", intent="ask_question")
    assert await ActionAnswerQuestion().run(dispatcher, tracker, {}) == []
    assert responses(dispatcher) == [None, "utter_ask_initiative"]
    assert "Ik help als u een initiatief" in texts(dispatcher)  # what Loket does


async def test_what_loket_does_inside_the_intake(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Wat kun je eigenlijk allemaal voor ons doen?",
        intent="ask_question",
        active_loop="intake_form",
        slots={"requested_slot": "needs", "goal": "Een huiswerkklas"},
    )
    assert await ActionAnswerQuestion().run(dispatcher, tracker, {}) == []
    shown = texts(dispatcher)
    assert "Ik help als u een initiatief" in shown  # what Loket does ...
    assert "waar we waren" in shown  # ... and then the intake goes on where it was


async def test_a_privacy_question_gets_the_privacy_text(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="wie krijgt mijn gegevens eigenlijk te zien?",
        intent="ask_question",
        active_loop="intake_form",
        slots={"requested_slot": "needs", "goal": "Een moestuin"},
    )
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    assert "ja op" in shown and "privacyverklaring" in shown


async def test_a_process_question_is_answered_and_the_intake_goes_on(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="moet ik hier straks voor gaan betalen of is het gratis?",
        intent="ask_question",
        active_loop="intake_form",
        slots={"requested_slot": "stage", "goal": "Een straatfeest"},
    )
    assert await ActionAnswerQuestion().run(dispatcher, tracker, {}) == []
    shown = texts(dispatcher)
    assert "gratis" in shown
    assert "verder met de vraag waar we waren" in shown


async def test_an_answer_inside_the_intake_taken_for_a_question_is_kept(router):
    tracker = make_tracker(
        text="bij ons in Tanthof",
        intent="ask_question",
        active_loop="intake_form",
        slots={"requested_slot": "wijk", "goal": "Een moestuin"},
    )
    events = await ActionAnswerQuestion().run(CollectingDispatcher(), tracker, {})
    assert slot_events(events).get("wijk") == "Tanthof"


async def test_an_initiative_taken_for_a_question_starts_the_intake(router):
    tracker = make_tracker(
        text="Ik wil met de buren iets doen in Tanthof en we zoeken vrijwilligers",
        intent="ask_question",
    )
    events = await ActionAnswerQuestion().run(CollectingDispatcher(), tracker, {})
    assert events[-1] == {"event": "followup", "name": "intake_form", "timestamp": None}


async def test_a_typed_yes_at_consent_still_sends(router):
    tracker = make_tracker(
        text="Ja, ze vindt het goed, ik heb het haar net gevraagd.",
        intent="ask_question",
        slots={"phase": "consent"},
    )
    events = await ActionAnswerQuestion().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "followup", "name": "action_submit_case", "timestamp": None}]


async def test_an_introduction_taken_for_a_question_starts_the_intake(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Goedenavond, ik typ dit namens mijn buurvrouw. Ze heeft een goed idee, maar kan "
        "zelf niet zo goed met de computer overweg.",
        intent="ask_question",
    )
    events = await ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert events[-1] == {"event": "followup", "name": "intake_form", "timestamp": None}
    assert "Ik help als u een initiatief" not in texts(dispatcher)


async def test_a_wish_for_a_person_in_a_question_says_how_to_reach_one(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Ik heb een plan voor een buurtbankje, maar dat bespreek ik liever met een echt "
        "mens dan met een computer. Kan dat?",
        intent="ask_question",
    )
    # The one way to a person: the person offer (actions/help.py) follows.
    assert await ActionAnswerQuestion().run(dispatcher, tracker, {}) == [
        FollowupAction("action_offer_human")
    ]
    assert dispatcher.messages == []
    await ActionOfferHuman().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    assert "14 015" in shown  # how to reach a person (the general number and team hours)
    assert [b["title"] for m in dispatcher.messages for b in m.get("buttons") or []]
