"""A question about another municipal service gets the general number wherever it comes,
also when it names data ("ik ben verhuisd, waar geef ik mijn nieuwe adres door?"), with the
real text analysis (actions.interpret.about_another_service)."""

from __future__ import annotations

import pytest

from actions.interpret import ActionInterpretTurn, about_another_service
from actions.process import asked_topics
from actions.question import ActionAnswerQuestion
from tests.actions.conftest import phrasings, run_action


@pytest.mark.parametrize(("text", "service"), phrasings("question for another service"))
def test_a_question_in_the_words_of_another_service_is_for_that_service(text, service):
    assert about_another_service(text, asked_topics(text)) is service


SERVICE = "Ik ben verhuisd. Waar moet ik mijn nieuwe adres doorgeven?"


@pytest.mark.parametrize("intent", ["out_of_scope", "ask_question"])
async def test_after_the_case_a_move_gets_the_general_number(intent):
    action = ActionInterpretTurn() if intent == "out_of_scope" else ActionAnswerQuestion()
    reply = await run_action(
        action, SERVICE, intent, slots={"phase": "done", "case_reference": "LOK-2026-000001"}
    )
    assert "14 015" in reply.shown
    assert "privacyverklaring" not in reply.shown


async def test_inside_the_intake_a_move_gets_the_general_number_and_the_question_stays():
    reply = await run_action(
        ActionInterpretTurn(),
        SERVICE,
        "out_of_scope",
        slots={"goal": "Een moestuin voor de buurt", "needs": ["locatie"]},
        asking="stage",
    )
    assert "14 015" in reply.shown
    assert "stage" not in reply.slots  # the stage question is asked again


async def test_inside_the_intake_a_question_about_the_data_is_answered_as_one():
    reply = await run_action(
        ActionAnswerQuestion(),
        "moet ik mijn adres geven?",
        "ask_question",
        slots={"goal": "Een moestuin voor de buurt"},
        asking="contact",
    )
    assert "14 015" not in reply.shown
