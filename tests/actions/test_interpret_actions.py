"""Turns read again in context (actions/interpret.py) and process questions (actions/process.py).
The tables also hold the other actions a misread turn can reach (`ask_question`, a call-back),
since the same turn must come out the same whichever action reads it."""

from __future__ import annotations

from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.help import ActionStartCallback
from actions.intake import ValidateIntakeForm
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
from routing import Route
from tests.actions.conftest import followup, make_tracker, run_action, texts, validate_form

INITIATIVE = "Ik wil met de buren iets doen in Tanthof en we zoeken vrijwilligers"
YES_AT_CONSENT = "Ja, ze vindt het goed, ik heb het haar net gevraagd."


async def test_second_misunderstanding_offers_a_human(router):
    first = await run_action(ActionInterpretTurn(), "qwerty", "nlu_fallback")
    assert first.slots == {"misunderstandings": 1.0}
    assert "publiekondernemen" not in first.shown
    second = await run_action(
        ActionInterpretTurn(), "asdf", "nlu_fallback", slots={"misunderstandings": 1}
    )
    assert "mens spreken" in second.shown
    assert "publiekondernemen@gemeente.example" in second.shown


async def test_english_gets_a_dutch_answer_with_an_english_hint(router):
    reply = await run_action(ActionInterpretTurn(), "do you speak english", "other_language")
    assert "I only understand Dutch" in reply.shown


async def test_dutch_taken_for_another_language_gets_its_answer(router):
    reply = await run_action(
        ActionInterpretTurn(), "Kan het sneller? Het is echt dringend.", "other_language"
    )
    assert "Nederlands" not in reply.shown
    assert "14 015" in reply.shown  # how to reach someone now


async def test_another_municipal_service_gets_the_general_number(router):
    reply = await run_action(ActionInterpretTurn(), "mijn paspoort is verlopen", "out_of_scope")
    assert "belt u 14 015" in reply.dispatcher.messages[0]["text"]


GO_ON = "verder met de vraag waar we waren"


@pytest.mark.parametrize(
    ("action", "intent", "text", "asked", "goal", "slots", "shown"),
    [
        # A question is answered, then the form asks its open question again.
        (
            ActionInterpretTurn,
            "out_of_scope",
            "Kost zo'n vergunning eigenlijk iets?",
            "stage",
            "Een straatfeest",
            {},
            ["gratis", "leges", GO_ON],
        ),
        (
            ActionAnswerQuestion,
            "ask_question",
            "Wat kun je eigenlijk allemaal voor ons doen?",
            "needs",
            "Een huiswerkklas",
            {},
            ["Ik help als u een initiatief", GO_ON],
        ),
        (
            ActionAnswerQuestion,
            "ask_question",
            "wie krijgt mijn gegevens eigenlijk te zien?",
            "needs",
            "Een moestuin",
            {},
            ["ja op", "privacyverklaring", GO_ON],
        ),
        (
            ActionAnswerQuestion,
            "ask_question",
            "moet ik hier straks voor gaan betalen of is het gratis?",
            "stage",
            "Een straatfeest",
            {},
            ["gratis", GO_ON],
        ),
        # A named partner: answered from the catalogue.
        (
            ActionInterpretTurn,
            "nlu_fallback",
            "Wat doet MAEX eigenlijk precies?",
            "needs",
            "Een repaircafé",
            {},
            ["MAEX", GO_ON],
        ),
        # A question about being called is no call-back request.
        (
            ActionStartCallback,
            "request_callback",
            "Bellen ze mij dan?",
            "stage",
            "Een moestuin",
            {},
            ["Alleen als u dat wilt", GO_ON],
        ),
        # An answer taken for something else is kept; with a question in it, both count.
        (
            ActionAnswerQuestion,
            "ask_question",
            "bij ons in Tanthof",
            "wijk",
            "Een moestuin",
            {"wijk": "Tanthof"},
            [],
        ),
        (
            ActionInterpretTurn,
            "nlu_fallback",
            "Het draait al vijf jaar. Hoe lang duurt het voor ik iets hoor?",
            "stage",
            "Een buurtkeuken",
            {"stage": "lopend"},
            ["werkdagen"],
        ),
        # Not knowing answers the open question, so it is not asked again.
        (ActionInterpretTurn, "dont_know", "weet ik niet", "wijk", None, {"wijk": UNKNOWN}, []),
        (ActionInterpretTurn, "dont_know", "weet ik niet", "stage", None, {"stage": UNKNOWN}, []),
        (ActionInterpretTurn, "dont_know", "weet ik niet", "needs", None, {"needs": []}, []),
        (ActionInterpretTurn, "deny", "nee", "wijk", None, {"wijk": UNKNOWN}, []),
    ],
)
async def test_a_turn_while_the_intake_asks_a_question(
    router, action, intent, text, asked, goal, slots, shown
):
    reply = await run_action(
        action(), text, intent, slots={"goal": goal} if goal else {}, asking=asked
    )
    assert reply.slots == slots
    assert [e for e in reply.events if e["event"] != "slot"] == []  # the form goes on
    for words in shown:
        assert words in reply.shown
    # In this order: the answer comes before the form goes on.
    assert sorted(shown, key=reply.shown.index) == shown
    assert (GO_ON in reply.shown) == (GO_ON in shown)
    assert "begreep" not in reply.shown
    assert "Ik help alleen bij initiatieven" not in reply.shown


CONTACT_QUESTIONS = {
    "forms": {"intake_form": {"required_slots": ["goal", "contact_wanted", "contact"]}}
}


@pytest.mark.parametrize(
    ("action", "domain", "intent", "text", "goal", "details", "time"),
    [
        pytest.param(
            ActionInterpretTurn,
            {},
            "nlu_fallback",
            "Ja, Noor Bakker, noor@example.nl, bel liever na 17 uur",
            None,
            {"contact_name": "Noor Bakker", "contact_email": "noor@example.nl"},
            "na 17 uur",
            id="a-misread-turn",
        ),
        pytest.param(
            ValidateIntakeForm,
            CONTACT_QUESTIONS,
            "give_contact",
            "Ja, bel me terug, liefst 's ochtends: Gijs Verschoor, 06-12349315.",
            "Een kringloopwinkel",
            {"contact_name": "Gijs Verschoor", "contact_phone": "06-12349315"},
            "ochtend",
            id="the-form-split-them",
        ),
    ],
)
async def test_yes_with_details_at_the_contact_question_fills_both(
    router, action, domain, intent, text, goal, details, time
):
    reply = await run_action(
        action(),
        text,
        intent,
        domain=domain,
        slots={"goal": goal} if goal else {},
        asking="contact_wanted",
    )
    assert reply.slots["contact_wanted"] is True
    assert {name: reply.slots[name] for name in details} == details
    assert time in reply.slots["contact_time"]


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
    reply = await run_action(action(), text, intent)
    assert reply.events[-1] == followup("intake_form")
    assert reply.slots.get("wijk") == wijk
    assert "Ik help als u een initiatief" not in reply.shown
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
    reply = await run_action(action(), text, intent, slots=slots)
    assert reply.events == [followup(goes_to)]


async def test_process_answer_after_the_case_without_contact_promises_nothing(router, catalogue):
    reply = await run_action(
        ActionAnswerProcess(),
        "Hoe lang duurt het voordat ik iets hoor?",
        "ask_question",
        slots={"case_reference": "LOK-2026-000042", "case_contact": False},
    )
    shown = reply.shown
    assert "geen contactgegevens" in shown
    assert "LOK-2026-000042" in shown
    assert "werkdagen" not in shown


def test_process_answer_with_contact_gives_the_date(catalogue):
    known = Known(reference="LOK-2026-000042", reply_by=(0, date(2026, 12, 9)), has_contact=True)
    assert "woensdag 9 december" in answer("doorlooptijd", known, catalogue)


def test_how_long_inside_the_intake_says_the_team_may_still_change(catalogue):
    route = Route(
        in_scope=True,
        departments=["wijken"],
        general_contact=catalogue.general_contact,
        rules_version="",
    )
    during = answer("doorlooptijd", Known(route=route, reply_by=(5, date(2026, 12, 9))), catalogue)
    assert "binnen 5 werkdagen" in during
    assert "ander team" in during
    at_summary = answer(
        "doorlooptijd",
        Known(route=route, reply_by=(5, date(2026, 12, 9)), phase="summary"),
        catalogue,
    )
    assert "binnen 5 werkdagen" in at_summary
    assert "ander team" not in at_summary


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


async def test_an_unclear_answer_is_noted_as_unknown_not_asked_again(router):
    from actions.intake import ValidateIntakeForm, times_asked

    asked = {"event": "slot", "name": "requested_slot", "value": "organisation"}
    tracker = make_tracker(
        text="tja lastig te zeggen hoor", intent="inform_organisation", asking="organisation"
    )
    current = {"event": "user", "text": "tja lastig te zeggen hoor"}
    # Rasa sets requested_slot again in the form's own run: still one answer.
    tracker.events = [asked, asked, current]
    assert times_asked(tracker, "organisation") == 1
    assert await ValidateIntakeForm().extract_organisation(CollectingDispatcher(), tracker, {}) == {
        "organisation": UNKNOWN
    }
    # Before the question was put to the inwoner, nothing is noted.
    tracker.events = [current, asked]
    assert times_asked(tracker, "organisation") == 0


async def test_the_core_fallback_after_an_action_of_the_assistant_says_nothing(router):
    reply = await run_action(
        ActionCoreFallback(),
        "Ja, alles weg graag.",
        "affirm",
        latest_action_name="action_erase_everything",
    )
    assert reply.events == [followup("action_listen")]
    assert reply.dispatcher.messages == []


async def test_the_core_fallback_after_a_message_reads_it_again(router):
    reply = await run_action(ActionCoreFallback(), "Kost het iets?", "inform_need")
    assert "gratis" in reply.shown


async def test_contact_details_given_at_another_question_are_kept(router):
    dispatcher = CollectingDispatcher()
    slots = await validate_form(
        "Ik ben Frank, 06-12341456.", "needs", {}, intent="give_contact", dispatcher=dispatcher
    )
    assert slots["contact_phone"] == "06-12341456" and slots["contact_wanted"] is True
    assert "needs" not in slots
    assert "genoteerd" in texts(dispatcher)


def test_privacy_and_status_questions_are_read_as_such():
    assert process_topics("wat doen jullie straks met mijn telefoonnummer?") == ["privacy"]
    assert process_topics("waar kan ik later zien hoe het ervoor staat?") == ["status"]
    assert process_topics("kan ik mijn aanvraag ergens volgen?") == ["status"]
    assert process_topics("en wat gaan jullie met m'n nummer doen?") == ["privacy"]
    assert process_topics("hoe weet ik straks of er wat mee gebeurt?") == ["status"]
    assert process_topics("wat doen jullie daarna met mijn plan?") == ["vervolg"]
    assert process_topics("maar hoe hoor ik dan of we mogen beginnen?") == ["vervolg"]
    assert process_topics("moet ik dat bij die fondsen weer opnieuw uitleggen?") == ["vervolg"]


def test_the_privacy_answer_says_who_gets_the_details(catalogue):
    before = answer("privacy", Known(), catalogue)
    after = answer("privacy", Known(reference="LOK-2026-000001"), catalogue)
    assert "ja op zegt" in before and "ja op zei" in after
    assert "wis" in before.casefold()


@pytest.mark.parametrize(
    ("text", "requested"),
    [
        (
            "Wat doet de Vrijwilligerscentrale eigenlijk? Extra handen kunnen we altijd gebruiken.",
            "contact_wanted",
        ),
        ("Wat is dat wijkbudget precies en hoe kom je daaraan?", "needs"),
    ],
)
async def test_a_question_about_a_partner_inside_the_form_is_answered_not_taken(
    router, text, requested
):
    # The need the question names filled a slot, so the form kept the turn instead of
    # handing it to the question's rule: the form's validation answers it.
    dispatcher = CollectingDispatcher()
    slots = await validate_form(
        text, requested, {"goal": "huiswerkbegeleiding"}, intent="ask_about", dispatcher=dispatcher
    )
    assert requested not in slots or slots[requested] is None
    shown = texts(dispatcher)
    assert "Vrijwilligerscentrale" in shown or "Wijkbudget" in shown
    assert "verder met de vraag" in shown


def test_what_the_plan_costs_is_no_question_about_the_costs_of_help():
    assert "kosten" not in process_topics("geld vooral? zo'n klimrek is gewoon duur")
    assert "kosten" in process_topics("wordt het voor ons niet te duur?")
