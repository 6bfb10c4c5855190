"""`ask_question` (actions/question.py): one intent for questions about Loket, the words and
the moment choose the answer."""

from __future__ import annotations

import pytest

from actions.help import ActionOfferHuman
from actions.interpret import ActionAnswerCapabilities
from actions.question import ActionAnswerQuestion, kind_of_question
from tests.actions.conftest import Reply, followup, run_action


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
    # then the intake goes on (tests/actions/test_interpret_actions.py).
    assert kind_of_question("Wat kunnen jullie eigenlijk voor ons doen?", True, True) == ("process")
    # Once the initiative is told, a question without a topic asks what happens next.
    assert kind_of_question("en hoe verloopt het traject?", False, True) == "next"


@pytest.mark.parametrize(
    ("action", "text"),
    [
        (ActionAnswerQuestion, "waar kan ik jou allemaal voor gebruiken?"),
        (ActionAnswerCapabilities, "wat kun jij?"),
    ],
)
async def test_what_loket_does_before_anything_is_told(router, action, text):
    reply = await run_action(action(), text, "ask_question")
    # The form asks about the initiative next, so the answer is read as one.
    assert reply.events == [followup("intake_form")]
    assert reply.responses == [None]
    assert "Ik help als u een initiatief" in reply.shown  # what Loket does (one text)


async def test_a_wish_for_a_person_in_a_question_says_how_to_reach_one(router):
    text = (
        "Ik heb een plan voor een buurtbankje, maar dat bespreek ik liever met een echt "
        "mens dan met een computer. Kan dat?"
    )
    reply = await run_action(ActionAnswerQuestion(), text, "ask_question")
    # The one way to a person: the person offer (actions/help.py) follows.
    assert reply.events == [followup("action_offer_human")]
    assert reply.dispatcher.messages == []
    reply = await run_action(ActionOfferHuman(), text, "ask_question")
    assert "14 015" in reply.shown  # how to reach a person (the general number and team hours)
    assert [b["title"] for m in reply.dispatcher.messages for b in m.get("buttons") or []]


async def asked_in_the_intake(text: str, requested: str, goal: str) -> Reply:
    """The question action's reply to `text`, typed while the intake asks `requested`."""
    return await run_action(
        ActionAnswerQuestion(),
        text,
        "ask_question",
        active_loop="intake_form",
        slots={"goal": goal, "requested_slot": requested},
    )


async def test_asking_to_be_put_in_touch_at_the_needs_question_is_the_answer(router):
    text = "Ik weet niet hoe ik die clubs vind. Kunnen jullie ons aan elkaar koppelen?"
    assert kind_of_question(text, True, True) == "next"  # no question about data
    # while linking data still is one
    assert kind_of_question("Worden mijn gegevens aan iets gekoppeld?", True, True) == "privacy"
    reply = await asked_in_the_intake(text, "needs", "Een toernooi met drie clubs")
    assert "privacy" not in reply.shown.lower()
    assert "netwerk" in (reply.slots.get("needs") or [])


async def test_a_question_about_the_plan_itself_is_taken_along_not_answered_with_the_process(
    router,
):
    # No process question: Loket cannot know the answer, says so, and keeps the question in
    # the goal, so the summary brings it to the team.
    text = "Moeten we zelf een verzekering afsluiten als we met ladders werken?"
    reply = await asked_in_the_intake(text, "stage", "Samen de muren van het speelplein schilderen")
    assert "geen zeker antwoord" in reply.shown and "bij uw aanvraag" in reply.shown
    assert reply.slots["goal"] == f"Samen de muren van het speelplein schilderen Vraag: {text}"


async def test_after_sending_a_question_about_the_plan_says_whom_to_ask(router):
    reply = await run_action(
        ActionAnswerQuestion(),
        "Moeten we zelf een verzekering afsluiten als we met ladders werken?",
        "ask_question",
        slots={
            "goal": "Samen de muren van het speelplein schilderen",
            "case_reference": "LOK-2026-000123",
            "phase": "done",
        },
    )
    assert "geen zeker antwoord" in reply.shown and "LOK-2026-000123" in reply.shown
    assert "goal" not in reply.slots


async def test_a_question_about_the_plan_before_anything_is_told_is_not_said_to_be_kept(router):
    reply = await asked_in_the_intake("Mag je zelf tegels uit de stoep halen?", "goal", "")
    assert "geen zeker antwoord" in reply.shown
    assert "Ik zet uw vraag bij uw aanvraag" not in reply.shown  # there is no goal to keep it in
    assert "goal" not in reply.slots
