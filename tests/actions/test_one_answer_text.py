"""One text per answer: what Loket does, whether it is a computer and what happens to the
data are said by actions/process.py only (no second text in the bot domain), and the privacy
answer links the municipality's own privacy statement."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.interpret import ActionAnswerCapabilities
from actions.process import Known, answer
from actions.question import ActionAnswerBotChallenge, ActionAnswerQuestion
from tests.actions.conftest import followup, make_tracker, texts

DOMAIN = Path(__file__).resolve().parents[2] / "bot" / "domain"


def test_the_bot_domain_has_no_second_text_for_these_answers():
    domain = "\n".join(p.read_text(encoding="utf-8") for p in DOMAIN.glob("*.yml"))
    assert "utter_privacy:" not in domain
    assert "utter_capabilities:" not in domain
    assert "utter_bot_challenge:" not in domain


@pytest.mark.parametrize("municipality", ["delft", "haarlem"])
async def test_a_privacy_question_links_the_municipalitys_own_privacy_page(router, municipality):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="wie kan dit allemaal lezen?",
        intent="ask_question",
        slots={"municipality": municipality},
    )
    # Asked before anything was told: answered, then the intake starts with its first question.
    assert await ActionAnswerQuestion().run(dispatcher, tracker, {}) == [followup("intake_form")]
    shown = texts(dispatcher)
    assert f"/{municipality}/privacy" in shown
    assert "Wis gesprek" in shown  # how to erase it now


def test_the_privacy_answer_before_and_after_sending_says_what_is_true(catalogue):
    before = answer("privacy", Known(municipality="delft"), catalogue)
    after = answer("privacy", Known(reference="LOK-2026-000001", municipality="delft"), catalogue)
    assert "als u daar eerst ja op zegt" in before
    assert "waar u ja op zei" in after
    assert before.endswith("/delft/privacy") and after.endswith("/delft/privacy")


async def test_what_loket_does_is_the_process_answer(router, catalogue):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="wat kun jij?", intent="ask_question")
    await ActionAnswerCapabilities().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"] == answer("mogelijkheden", Known(), catalogue)


async def test_is_it_a_computer_is_the_process_answer_and_the_form_goes_on(router, catalogue):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="is dit gewoon een automatisch programma",
        intent="bot_challenge",
        slots={"goal": "Een repaircafé in de bibliotheek"},
        asking="stage",
    )
    assert await ActionAnswerBotChallenge().run(dispatcher, tracker, {}) == []
    assert dispatcher.messages[0]["text"] == answer("robot", Known(), catalogue)
    assert "verder met de vraag waar we waren" in texts(dispatcher)


async def test_is_it_a_computer_at_the_summary_asks_the_summary_again(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="zit er eigenlijk iemand achter dit scherm",
        intent="bot_challenge",
        slots={"goal": "Een repaircafé in de bibliotheek", "phase": "summary"},
    )
    await ActionAnswerBotChallenge().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    assert "computer" in shown
    assert "Klopt de samenvatting" in shown
