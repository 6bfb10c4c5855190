"""Turns read again in context (actions/interpret.py) and process questions (actions/process.py)."""

from __future__ import annotations

from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.interpret import (
    ActionAnswerCapabilities,
    ActionAnswerProcess,
    ActionCoreFallback,
    ActionInterpretTurn,
    is_dutch,
)
from actions.process import Known, answer, process_topics
from actions.question import ActionAnswerQuestion
from actions.slots import UNKNOWN
from tests.actions.conftest import followup, make_tracker, run_action, texts, validate_form

INITIATIVE = "Ik wil met de buren iets doen in Tanthof en we zoeken vrijwilligers"
YES_AT_CONSENT = "Ja, ze vindt het goed, ik heb het haar net gevraagd."


async def test_second_misunderstanding_offers_a_human(router):
    first = await run_action(ActionInterpretTurn(), text="qwerty", intent="nlu_fallback")
    assert first.slots == {"misunderstandings": 1.0}
    assert "publiekondernemen" not in first.shown
    second = await run_action(
        ActionInterpretTurn(), text="asdf", intent="nlu_fallback", slots={"misunderstandings": 1}
    )
    assert "mens spreken" in second.shown
    assert "publiekondernemen@gemeente.example" in second.shown


async def test_english_gets_a_dutch_answer_with_an_english_hint(router):
    reply = await run_action(
        ActionInterpretTurn(), text="do you speak english", intent="other_language"
    )
    assert "I only understand Dutch" in reply.shown


async def test_dutch_taken_for_another_language_gets_its_answer(router):
    reply = await run_action(
        ActionInterpretTurn(), text="Kan het sneller? Het is echt dringend.", intent="other_language"
    )
    assert "Nederlands" not in reply.shown
    assert "14 015" in reply.shown  # how to reach someone now


async def test_process_question_inside_the_intake_is_answered_not_referred(router):
    reply = await run_action(
        ActionInterpretTurn(),
        text="Kost zo'n vergunning eigenlijk iets?",
        intent="out_of_scope",
        active_loop="intake_form",
        slots={"requested_slot": "stage", "goal": "Een straatfeest"},
    )
    assert "gratis" in reply.shown and "leges" in reply.shown
    assert "Ik help alleen bij initiatieven" not in reply.shown
    assert "verder" in reply.dispatcher.messages[-1]["text"]
    assert reply.events == []


async def test_another_municipal_service_gets_the_general_number(router):
    reply = await run_action(
        ActionInterpretTurn(), text="mijn paspoort is verlopen", intent="out_of_scope"
    )
    assert "belt u 14 015" in reply.dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "intent", "requested", "value"),
    [
        ("weet ik niet", "dont_know", "wijk", UNKNOWN),
        ("weet ik niet", "dont_know", "stage", UNKNOWN),
        ("weet ik niet", "dont_know", "needs", []),
        ("nee", "deny", "wijk", UNKNOWN),  # no particular wijk
    ],
)
async def test_not_knowing_answers_the_open_question_so_it_is_not_asked_again(
    router, text, intent, requested, value
):
    reply = await run_action(
        ActionInterpretTurn(),
        text=text,
        intent=intent,
        active_loop="intake_form",
        slots={"requested_slot": requested},
    )
    assert reply.slots == {requested: value}


async def test_yes_with_details_at_the_contact_question_fills_both(router):
    reply = await run_action(
        ActionInterpretTurn(),
        text="Ja, Noor Bakker, noor@example.nl, bel liever na 17 uur",
        intent="nlu_fallback",
        active_loop="intake_form",
        slots={"requested_slot": "contact_wanted"},
    )
    assert reply.slots["contact_wanted"] is True
    assert reply.slots["contact_name"] == "Noor Bakker"
    assert reply.slots["contact_email"] == "noor@example.nl"
    assert "na 17 uur" in reply.slots["contact_time"]


@pytest.mark.parametrize(
    ("action", "intent", "text", "wijk"),
    [
        pytest.param(
            ActionInterpretTurn,
            "out_of_scope",
            "Wij willen met de buren geld ophalen voor een speeltuin in Tanthof",
            "Tanthof",
            id="a-description-outside-the-intake",
        ),
        pytest.param(
            ActionAnswerQuestion, "ask_question", INITIATIVE, "Tanthof", id="taken-for-a-question"
        ),
        pytest.param(
            ActionAnswerCapabilities,
            "ask_question",
            INITIATIVE,
            "Tanthof",
            id="taken-for-a-question-about-loket",
        ),
        pytest.param(
            ActionAnswerQuestion,
            "ask_question",
            "Goedenavond, ik typ dit namens mijn buurvrouw. Ze heeft een goed idee, maar kan "
            "zelf niet zo goed met de computer overweg.",
            None,
            id="an-introduction-taken-for-a-question",
        ),
        pytest.param(
            ActionInterpretTurn,
            "nlu_fallback",
            "Goedemiddag, ik schrijf namens mijn oom, hij heeft een mooi plan bedacht",
            None,
            id="an-introduction-outside-the-intake",
        ),
    ],
)
async def test_an_initiative_misread_as_something_else_starts_the_intake(
    router, action, intent, text, wijk
):
    reply = await run_action(action(), text=text, intent=intent)
    assert reply.events[-1] == followup("intake_form")
    assert reply.slots.get("wijk") == wijk
    assert "utter_capabilities" not in reply.responses
    assert "begreep" not in reply.shown


@pytest.mark.parametrize(
    ("action", "intent", "text", "slots", "goes_to"),
    [
        pytest.param(
            ActionAnswerQuestion,
            "ask_question",
            YES_AT_CONSENT,
            {"phase": "consent"},
            "action_submit_case",
            id="a-typed-yes-at-consent-taken-for-a-question",
        ),
        pytest.param(
            ActionAnswerProcess,
            "ask_question",
            YES_AT_CONSENT,
            {"phase": "consent"},
            "action_submit_case",
            id="a-typed-yes-at-consent-taken-for-a-process-question",
        ),
        pytest.param(
            ActionInterpretTurn,
            "out_of_scope",
            "Goedemiddag. Wij willen een speeltuintje opknappen, maar dat bespreek ik liever "
            "met een echt mens. Kan dat?",
            {},
            "action_offer_human",
            id="a-first-story-that-asks-for-a-person",
        ),
    ],
)
async def test_a_misread_turn_is_handed_to_the_action_it_asks_for(
    router, action, intent, text, slots, goes_to
):
    reply = await run_action(action(), text=text, intent=intent, slots=slots)
    assert reply.events == [followup(goes_to)]


async def test_process_answer_after_the_case_without_contact_promises_nothing(router, catalogue):
    reply = await run_action(
        ActionAnswerProcess(),
        text="Hoe lang duurt het voordat ik iets hoor?",
        intent="ask_question",
        slots={"case_reference": "LOK-2026-000042", "case_contact": False},
    )
    shown = reply.shown
    assert "geen contactgegevens" in shown
    assert "LOK-2026-000042" in shown
    assert "werkdagen" not in shown


def test_process_answer_with_contact_gives_the_date(catalogue):
    known = Known(reference="LOK-2026-000042", reply_by=(0, date(2026, 12, 9)), has_contact=True)
    assert "woensdag 9 december" in answer("doorlooptijd", known, catalogue)


def test_subsidy_answer_invents_no_amount(catalogue):
    text = answer("subsidie", Known(), catalogue)
    assert "kan ik niet zeggen" in text
    assert "€" not in text and not any(ch.isdigit() for ch in text)


def test_process_topics_from_the_words():
    assert process_topics("Kost het iets?") == ["kosten"]
    assert process_topics("Hoeveel subsidie kan ik krijgen?") == ["subsidie"]
    assert process_topics("Moet mijn buurman daar zelf toestemming voor geven?") == ["toestemming"]
    assert process_topics("wat gebeurt er nu?") == ["vervolg"]
    assert process_topics("ik ben al drie keer doorgestuurd") == ["rondgestuurd"]
    assert process_topics("We willen een moestuin in Voorhof") == []


def test_dutch_in_any_form_is_dutch():
    for text in ("Kan het sneller? Het is echt dringend.", "idk gwn geld ofzo", "ok 👍", "ja"):
        assert is_dutch(text), text
    for text in ("Can someone help me with my project please", "I do not speak Dutch"):
        assert not is_dutch(text), text


async def test_an_answer_asked_twice_and_still_unclear_is_noted_as_unknown(router):
    from actions.intake import ValidateIntakeForm

    asked = {"event": "slot", "name": "requested_slot", "value": "organisation"}
    tracker = make_tracker(
        text="tja lastig te zeggen hoor",
        intent="inform_organisation",
        active_loop="intake_form",
        slots={"requested_slot": "organisation"},
    )
    tracker.events = [asked]
    assert (
        await ValidateIntakeForm().extract_organisation(CollectingDispatcher(), tracker, {}) == {}
    )
    tracker.events = [asked, asked]
    assert await ValidateIntakeForm().extract_organisation(CollectingDispatcher(), tracker, {}) == {
        "organisation": UNKNOWN
    }


async def test_a_process_question_taken_for_an_answer_is_answered_and_not_stored(router):
    dispatcher = CollectingDispatcher()
    slots = await validate_form(
        "Hoeveel subsidie kan zo'n buurthuis eigenlijk krijgen voor een verbouwing?",
        "needs",
        {"goal": "Een buurtrestaurant in het buurthuis"},
        intent="inform_need",
        dispatcher=dispatcher,
    )
    assert "kan ik niet zeggen" in texts(dispatcher)
    assert "needs" not in slots


async def test_the_core_fallback_after_an_action_of_the_assistant_says_nothing(router):
    reply = await run_action(
        ActionCoreFallback(),
        text="Ja, alles weg graag.",
        intent="affirm",
        latest_action_name="action_erase_everything",
    )
    assert reply.events == [followup("action_listen")]
    assert reply.dispatcher.messages == []


async def test_the_core_fallback_after_a_message_reads_it_again(router):
    reply = await run_action(ActionCoreFallback(), text="Kost het iets?", intent="inform_need")
    assert "gratis" in reply.shown


async def test_contact_details_given_at_another_question_are_kept(router):
    dispatcher = CollectingDispatcher()
    slots = await validate_form(
        "Ik ben Frank, 06-12341456.", "needs", {}, intent="give_contact", dispatcher=dispatcher
    )
    assert slots["contact_phone"] == "06-12341456" and slots["contact_wanted"] is True
    assert "needs" not in slots
    assert "genoteerd" in texts(dispatcher)


async def test_contact_details_with_yes_at_the_contact_question_are_split(router):
    from actions.intake import ValidateIntakeForm

    domain = {"forms": {"intake_form": {"required_slots": ["goal", "contact_wanted", "contact"]}}}
    reply = await run_action(
        ValidateIntakeForm(),
        domain,
        text="Ja, bel me terug, liefst 's ochtends: Gijs Verschoor, 06-12349315.",
        intent="give_contact",
        active_loop="intake_form",
        slots={"requested_slot": "contact_wanted", "goal": "Een kringloopwinkel"},
    )
    assert reply.slots["contact_wanted"] is True
    assert reply.slots["contact_name"] == "Gijs Verschoor"
    assert reply.slots["contact_phone"] == "06-12349315"
    assert "ochtend" in reply.slots["contact_time"]


def test_privacy_and_status_questions_are_read_as_such():
    assert process_topics("wat doen jullie straks met mijn telefoonnummer?") == ["privacy"]
    assert process_topics("waar kan ik later zien hoe het ervoor staat?") == ["status"]
    assert process_topics("kan ik mijn aanvraag ergens volgen?") == ["status"]


def test_the_privacy_answer_says_who_gets_the_details(catalogue):
    before = answer("privacy", Known(), catalogue)
    after = answer("privacy", Known(reference="LOK-2026-000001"), catalogue)
    assert "ja op zegt" in before and "ja op zei" in after
    assert "wis" in before.casefold()
