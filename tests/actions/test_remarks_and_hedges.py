"""Remarks beside a question, hedged answers and questions about the question (#12).

Written in our own words for the thirty-second round's kinds of failure and for own probes of
remarks at the needs question: a remark ("mijn kind riep me even", "ik ben niet zo handig met
computers", a kind word, a doubt whether the municipality can help) or a "… trouwens" was
noted as "help not known" and the question skipped without a word; "Wat bedoelt u met
organisatie? Dat snap ik niet." was taken as not knowing; "Mag ik eerst iets anders vragen?"
was read as asking for a permit; "dus… het is begonnen?", a guess at one's own answer, was
answered as a question about how long it takes; "Een wandelgroep voor mensen die eenzaam
zijn" was taken as a problem without a plan.
"""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import (
    HEARD_KINDLY,
    SIMPLER,
    TAKE_YOUR_TIME,
    answer_to,
    asks_it_simpler,
    tells_only_a_problem,
)
from actions.process import asked_topics
from tests.actions.conftest import make_tracker, texts
from tests.actions.conftest import validate_at_any_question as validate_form

GOAL = "Wij willen met de buren een bloemenperk aanleggen bij de bushalte."


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("Sorry hoor, mijn zoon riep me net.", TAKE_YOUR_TIME),
        ("Ik ben niet zo handig met de computer, dus het gaat wat langzaam.", TAKE_YOUR_TIME),
        ("Wat goed dat dit zo kan, zeg.", HEARD_KINDLY),
        ("Ik weet eigenlijk niet of de gemeente hier iets mee kan.", HEARD_KINDLY),
    ],
)
@pytest.mark.parametrize("asked", ["needs", "stage", "organisation"])
async def test_a_remark_at_a_question_is_heard_and_the_question_waits(
    real_words, text, reply, asked
):
    dispatcher = CollectingDispatcher()
    values = await validate_form(text, asked, {"goal": GOAL}, dispatcher=dispatcher)
    assert values.get(asked) in (None, [])
    assert asked not in values or values[asked] is None
    assert reply in texts(dispatcher)


async def test_something_said_by_the_way_is_kept_and_the_question_asked_again(real_words):
    values = await validate_form("Mijn zus helpt ook mee trouwens.", "needs", {"goal": GOAL})
    assert values["goal"].endswith("Mijn zus helpt ook mee trouwens.")
    assert not values.get("needs")


@pytest.mark.parametrize(
    "text",
    [
        "Wat bedoelt u met organisatie? Dat snap ik niet zo goed.",
        "Hoe bedoelt u dat, met fase? Die vraag begrijp ik niet.",
        "Ik weet niet goed wat ik moet kiezen.",
    ],
)
def test_not_understanding_the_question_asks_it_simpler(real_words, text):
    assert asks_it_simpler(text)


def test_asking_what_an_item_is_is_no_confusion_about_the_question(real_words):
    assert not asks_it_simpler("Wat is dat fondsenspreekuur precies en hoe werkt het?")


def test_not_knowing_what_to_choose_with_the_answer_beside_it_answers(real_words):
    text = "weet niet wat ik moet kiezen, we zijn gewoon een paar vriendinnen uit de flat"
    assert not asks_it_simpler(text)
    assert answer_to("organisation", text, make_tracker(text=text, asking="organisation"))


async def test_the_question_said_simpler_is_asked_again(real_words):
    dispatcher = CollectingDispatcher()
    values = await validate_form(
        "Wat bedoelt u met organisatie? Dat snap ik niet zo goed.",
        "organisation",
        {"goal": GOAL},
        dispatcher=dispatcher,
    )
    assert not values.get("organisation")
    assert SIMPLER["organisation"] in texts(dispatcher)


def test_not_knowing_what_to_ask_beside_a_question_is_no_answer(real_words):
    text = "Waar kunt u ons allemaal mee helpen? Ik weet niet goed wat ik moet vragen."
    assert answer_to("needs", text, make_tracker(text=text, asking="needs")) == {}


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("Mag ik eerst iets anders vragen? Krijg ik hier een bevestiging van?", []),
        ("Mag ik dan zelf plantjes in de berm zetten?", ["vergunning"]),
    ],
)
def test_asking_leave_to_ask_is_no_permit(real_words, text, needs):
    read = answer_to("needs", text, make_tracker(text=text, asking="needs")).get("needs") or []
    assert read == needs


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # a guess at one's own answer, with a question mark
        ("We doen het nu een paar weken, dus... het is begonnen? Maar nog klein.", []),
        ("Dat is dan een idee? We hebben nog niks gedaan.", []),
        # a real question still asks
        ("We doen het nu een paar weken. Hoe lang duurt het voor ik iets hoor?", ["doorlooptijd"]),
        # whether the person one types for must do it themselves
        (
            "Moet de voorzitter dit gesprek zelf voeren, of is het goed dat ik het doe?",
            ["toestemming"],
        ),
    ],
)
def test_what_a_question_mark_asks(text, topics):
    assert asked_topics(text) == topics


def test_an_initiative_named_for_whom_it_is_is_no_problem_alone():
    assert not tells_only_a_problem("Een kookclub voor ouderen die eenzaam zijn. Elke week.")
    assert tells_only_a_problem("De ouderen in onze straat zijn erg eenzaam.")


def test_asking_what_a_choice_means_is_not_asked_simpler(real_words):
    # "opschalen" is a stage: a word of a choice, perhaps of another question
    assert not asks_it_simpler("wat bedoel je met opschalen?")
