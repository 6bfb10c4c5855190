"""A first message of a few words that names an initiative ("buurtbarbecue", "iets met
ouderen", "skatebaan?") starts the intake whichever intent the classifier gave it, with the
real text analysis (actions.intake.names_an_initiative)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.goodbye import ActionSayGoodbye
from actions.intake import (
    ActionAskGoal,
    ActionStartIntake,
    ValidateIntakeForm,
    answer_to,
    names_an_initiative,
)
from actions.interpret import ActionCoreFallback, ActionInterpretTurn
from actions.question import ActionAnswerQuestion, ActionThank
from tests.actions.conftest import followup, make_tracker, phrasings, run_action


@pytest.mark.parametrize(("text", "named"), phrasings("keyword opening"))
def test_a_few_words_that_name_an_initiative_are_read_as_one(text, named):
    assert names_an_initiative(text, make_tracker(text=text)) is named


@pytest.mark.parametrize("intent", ["nlu_fallback", "out_of_scope", "dont_know"])
async def test_a_keyword_the_classifier_was_unsure_of_starts_the_intake(intent):
    reply = await run_action(ActionInterpretTurn(), "buurtbarbecue", intent)
    assert "begreep ik niet" not in reply.shown
    assert "paar korte vragen" in reply.shown
    assert reply.slots == {"goal_hint": "buurtbarbecue"}  # what it is, not yet its goal
    assert followup("intake_form") in reply.events


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (ActionThank(), "voedselbank", "thank"),
        (ActionCoreFallback(), "koor", "affirm"),  # no rule for a yes with nothing open
        (ActionSayGoodbye(), "huiswerkklas", "goodbye"),
        (ActionAnswerQuestion(), "moestuin", "ask_question"),
    ],
)
async def test_a_keyword_taken_for_small_talk_starts_the_intake(action, text, intent):
    reply = await run_action(action, text, intent)
    assert "Graag gedaan" not in reply.shown and "Tot ziens" not in reply.shown
    assert reply.slots == {"goal_hint": text}
    assert followup("intake_form") in reply.events


async def test_a_keyword_with_a_question_mark_starts_the_intake_as_a_question():
    reply = await run_action(ActionAnswerQuestion(), "skatebaan?", "ask_question")
    assert reply.slots == {"goal_hint": "skatebaan?"}
    assert followup("intake_form") in reply.events


async def test_a_keyword_taken_for_an_answer_keeps_it_and_what_else_it_says():
    reply = await run_action(ActionStartIntake(), "repair cafe in tanthof", "inform_wijk")
    assert reply.slots == {"goal_hint": "repair cafe in tanthof", "wijk": "Tanthof"}


async def test_a_few_words_that_say_what_they_do_are_the_goal():
    reply = await run_action(ActionStartIntake(), "samen koken voor de buren", "inform_need")
    assert reply.slots.get("goal") == "samen koken voor de buren"


@pytest.mark.parametrize("text", ["paspoort", "afval ophalen", "hallo?"])
async def test_another_service_or_a_greeting_starts_nothing(text):
    reply = await run_action(ActionInterpretTurn(), text, "out_of_scope")
    assert "goal_hint" not in reply.slots and "goal" not in reply.slots


async def test_after_a_keyword_the_goal_question_asks_what_it_should_achieve():
    reply = await run_action(ActionAskGoal(), slots={"goal_hint": "moestuin"}, asking="goal")
    assert reply.responses == ["utter_ask_goal"]


@pytest.mark.parametrize(
    ("answer", "goal"),
    [
        ("gezond eten voor de kinderen", "moestuin: gezond eten voor de kinderen"),
        ("buren die samen in de moestuin werken", "buren die samen in de moestuin werken"),
        ("we zoeken vooral geld", "moestuin"),  # only the help: the keyword is the goal
        ("weet ik niet", "moestuin"),
    ],
)
def test_the_goal_keeps_the_keyword_with_the_answer(answer, goal):
    tracker = make_tracker(text=answer, slots={"goal_hint": "moestuin?"}, asking="goal")
    validated = ValidateIntakeForm().validate_goal(answer, CollectingDispatcher(), tracker, {})
    assert validated == {"goal": goal, "goal_hint": None}
    assert answer_to("goal", answer, tracker) == validated  # a turn the classifier was unsure of


def test_a_yes_after_a_keyword_is_no_goal_yet():
    tracker = make_tracker(text="ja", slots={"goal_hint": "moestuin"}, asking="goal")
    assert answer_to("goal", "ja", tracker) == {}
