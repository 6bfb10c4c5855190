"""How far the initiative is (the stage), read from a first story and from an answer to the
stage question with the real signal words: a plan in a story is what the inwoner brings, not
how far they are, but who opens with the idea they have is at it; a start that is near or has a
date is being set up, and so is what one "zet op"; what is done already runs; years of looking
or of decay are no running initiative; more people is a need, not growth; a second one of what
runs is growth."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import prefill_from_message
from actions.process import process_topics
from actions.slots import normalise_stage
from tests.actions.conftest import make_tracker, phrasings, slot_events, validate_form


@pytest.mark.parametrize(("text", "stage"), phrasings("stage in a first story"))
def test_the_stage_of_a_first_story_is_what_its_words_state(real_words, text, stage):
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values.get("stage") == stage


@pytest.mark.parametrize(("text", "stage"), phrasings("stage answer"))
def test_an_answer_to_the_stage_question_is_read_whole(delft, text, stage):
    assert normalise_stage(text, delft.catalogue, delft.analyse) == stage


@pytest.mark.parametrize(
    ("text", "stage"), [case for case in phrasings("stage answer") if case[1] is not None]
)
async def test_the_whole_answer_wins_over_one_tagged_word(real_words, text, stage):
    """The tagger may take "beginnen" or "idee" out of the answer; what the whole answer says
    is the stage."""
    tagged = "lopend" if stage == "idee" else "idee"
    slots = await validate_form(
        text,
        "stage",
        {"goal": "Een wandelgroep", "needs": ["vrijwilligers"]},
        intent="inform",
        entities=[{"entity": "stage", "value": tagged}],
    )
    assert slots.get("stage") == stage


@pytest.mark.parametrize(("text", "complaint"), phrasings("complaint of being sent around"))
def test_how_often_one_asked_is_a_complaint_and_how_often_one_met_is_not(text, complaint):
    assert ("rondgestuurd" in process_topics(text)) == complaint


@pytest.mark.parametrize(("story", "hinted"), phrasings("story checked as an idea"))
def test_a_story_that_only_wishes_to_begin_is_checked_as_an_idea(real_words, story, hinted):
    values = prefill_from_message(make_tracker(text=story, intent="describe_initiative"))
    assert (values.get("stage_hint") == "idee") is hinted
    if hinted:
        assert "stage" not in values  # never taken as the answer: who "wil beginnen" may be busy


async def test_the_stage_question_checks_the_idea_and_a_yes_takes_it(real_words):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import ActionAskStage, answer_to

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(asking="stage", slots={"stage_hint": "idee"})
    await ActionAskStage().run(dispatcher, tracker, {})
    assert "nog een idee is. Klopt dat?" in dispatcher.messages[0]["text"]
    said_yes = make_tracker(text="ja klopt", asking="stage", slots={"stage_hint": "idee"})
    assert answer_to("stage", "ja klopt", said_yes) == {"stage": "idee", "stage_hint": None}
    said_busy = make_tracker(
        text="nee hoor, we zijn er al mee bezig", asking="stage", slots={"stage_hint": "idee"}
    )
    assert answer_to("stage", "nee hoor, we zijn er al mee bezig", said_busy) == {
        "stage": "opstart"
    }


async def _validated_greeting(text: str) -> dict[str, Any]:
    """The slots the intake form's validation sets for a first message heard as a greeting."""
    from actions.intake import ValidateIntakeForm

    tracker = make_tracker(text=text, intent="greet", active_loop="intake_form")
    domain = {"forms": {"intake_form": {"required_slots": ["goal", "needs", "stage", "wijk"]}}}
    return slot_events(await ValidateIntakeForm().run(CollectingDispatcher(), tracker, domain))


async def test_a_greeting_that_tells_of_the_initiative_keeps_what_it_tells(real_words):
    told = await _validated_greeting(
        "Goedemiddag, ik regel sinds vorig jaar een schaakavond in de bieb van Voorhof."
    )
    assert told["stage"] == "lopend"
    assert told["wijk"] == "Voorhof"
    assert "schaakavond" in told["goal"]  # so the goal question is not asked


@pytest.mark.parametrize(
    "text",
    ["Goedemorgen", "Hallo, ik heb misschien een idee.", "Hoi! Ik wil iets maken voor de buurt."],
)
async def test_a_greeting_that_tells_nothing_yet_leaves_the_questions_to_ask(real_words, text):
    told = await _validated_greeting(text)
    assert not told.get("goal")
    assert not told.get("stage")


async def test_a_greeting_that_says_who_writes_keeps_it_and_asks_the_rest(real_words):
    told = await _validated_greeting("Goedendag, ik schrijf namens onze energiecoöperatie.")
    assert told.get("organisation") == "stichting-vereniging"
    assert not told.get("goal")  # what the initiative is, is still asked
    # a club names no legal form: who is behind it is asked
    told = await _validated_greeting(
        "Goedemiddag, ik heb een vraag namens onze club. Heeft u even?"
    )
    assert not told.get("organisation")
