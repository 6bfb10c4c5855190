"""What the initiative wants, corrected at another question, and first messages that tell a
problem, a dream or a keyword (#12).

Written in our own words for the thirty-first round's kinds of failure: "het is niet voor X
maar voor Y" typed at the needs question was stored as "no help needed" and the goal kept
the old words; a correction ending "Juist zodat …" was taken as a yes to "nog een idee?"; a
problem ending "Zonde!" was taken as the plan; "Mijn droom is dat …" and "moeten vervangen
worden" were not read as what it wants; a one-word opening "minibieb" was not understood; a
school or a student speaking of themselves was asked who is behind it.
"""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge
from actions.intake import (
    goal_corrected,
    names_an_initiative,
    prefill_from_message,
    tells_only_a_problem,
    told_before,
)
from tests.actions.conftest import make_tracker, texts
from tests.actions.conftest import validate_at_any_question as validate_form

GOAL = "Wij willen een spelletjesmiddag houden voor kinderen in het wijkcentrum. Met limonade."


# -- the goal corrected at another question --


@pytest.mark.parametrize(
    ("text", "now"),
    [
        # the words taken back replaced by the words meant, the rest kept
        (
            "Oeps, ik vergis me: het is niet voor kinderen maar voor vijftigplussers.",
            "Wij willen een spelletjesmiddag houden voor vijftigplussers in het wijkcentrum. "
            "Met limonade.",
        ),
        (
            "Niet in het wijkcentrum maar in de bibliotheek. Daar is meer plek.",
            "Wij willen een spelletjesmiddag houden voor kinderen in de bibliotheek. Met "
            "limonade. Daar is meer plek.",
        ),
        # "niet alleen … maar ook": added, nothing lost
        (
            "Ik moet iets verbeteren: het is niet alleen voor kinderen, maar ook voor hun opa's.",
            GOAL + " Het is niet alleen voor kinderen, maar ook voor hun opa's.",
        ),
        # said to be wrong, without "niet … maar": what they say now is added
        (
            "Sorry, dat klopt niet helemaal. We doen het elke eerste zondag van de maand.",
            GOAL + " We doen het elke eerste zondag van de maand.",
        ),
    ],
)
def test_a_correction_of_the_goal_changes_it_as_said(text, now):
    assert goal_corrected(text, GOAL) == now


@pytest.mark.parametrize(
    "text",
    [
        "Een ruimte en wat geld voor spelletjes.",
        "nee",
        "Niet in Voorhof maar in Tanthof.",  # the goal names no wijk: not about the goal
        "We zoeken niet geld maar vrijwilligers.",
        "Is het niet voor kinderen maar voor iedereen dan beter?",
        "Sorry.",
    ],
)
def test_an_answer_or_question_is_no_correction_of_the_goal(text):
    assert goal_corrected(text, GOAL) is None


@pytest.mark.parametrize("asked", ["needs", "organisation", "wijk"])
async def test_a_goal_corrected_at_another_question_is_shown_and_that_question_asked_again(
    real_words, asked
):
    dispatcher = CollectingDispatcher()
    values = await validate_form(
        "Oeps, ik vergis me: het is niet voor kinderen maar voor vijftigplussers.",
        asked,
        {"goal": GOAL, "needs": ["locatie"], "stage": "idee"},
        intent="describe_initiative",
        dispatcher=dispatcher,
    )
    assert "voor vijftigplussers in het wijkcentrum" in values["goal"]
    assert not values.get(asked)  # not "not known": the question is asked again
    said = texts(dispatcher)
    assert "Ik heb dit aangepast" in said and "vijftigplussers" in said


async def test_a_goal_corrected_at_the_stage_check_is_no_yes_to_it(real_words):
    values = await validate_form(
        "O wacht, ik moet iets verbeteren: het is niet alleen voor kinderen, maar voor de "
        "hele straat. Juist zodat jong en oud elkaar zien.",
        "stage",
        {"goal": GOAL, "needs": ["locatie"], "stage_hint": "idee"},
        intent="describe_initiative",
    )
    assert "hele straat" in values["goal"]
    assert not values.get("stage")


# -- first messages: a problem, a dream, a keyword --


@pytest.mark.parametrize(
    "text",
    [
        "Bij ons achter de flat wordt elk voorjaar alle klaver weggemaaid. Zonde.",
        "Ik vind het jammer dat er in onze buurt niks voor tieners is.",
    ],
)
def test_a_problem_with_what_one_thinks_of_it_is_no_plan_yet(real_words, text):
    assert tells_only_a_problem(text)
    values = prefill_from_message(make_tracker(text=text))
    assert "goal" not in values and values.get("goal_hint")


@pytest.mark.parametrize(
    "text",
    [
        "Het is zonde om al dat brood weg te gooien, dus we willen het uitdelen.",
        "Het klimrek op ons plein is versleten en moet vervangen worden.",
    ],
)
def test_a_problem_with_a_plan_is_the_goal(real_words, text):
    assert not tells_only_a_problem(text)
    assert prefill_from_message(make_tracker(text=text)).get("goal")


def test_a_dream_said_as_such_is_the_goal(real_words):
    text = "Ik ben vrijwilliger in het verpleeghuis. Mijn droom is dat bewoners weer eens dansen."
    assert prefill_from_message(make_tracker(text=text)).get("goal")


@pytest.mark.parametrize("text", ["minibiebs", "een ruilkastje", "boekenkastje bij de halte"])
def test_a_book_swap_named_in_a_word_starts_the_intake(real_words, text):
    assert names_an_initiative(text, None)
    assert knowledge.analyse(text, None).themes


# -- who is behind it, said of oneself --


@pytest.mark.parametrize(
    "text",
    [
        "Dag, ik ben conciërge van een middelbare school in Tanthof en we willen een moestuin.",
        "Ik ben promotiestudent aan de TU Delft en wil met bewoners hittestress meten.",
    ],
)
def test_a_school_or_student_speaking_of_themselves_is_education(real_words, text):
    assert prefill_from_message(make_tracker(text=text)).get("organisation") == "onderwijs"


def test_who_they_say_they_told_is_read_from_their_earlier_message_as_an_answer(real_words):
    told = "Ik typ dit voor mijn zus, zij zit in het bestuur van de vereniging Groen Dak."
    remark = "Dat heb ik toch al gezegd."
    tracker = make_tracker(
        text=remark,
        asking="organisation",
        events=[{"event": "user", "text": text} for text in (told, remark)],
    )
    assert told_before("organisation", tracker) == {"organisation": "stichting-vereniging"}


# -- needs said with "… bedoel ik" and as who should know of it --


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # "X bedoel ik" says what is meant before the words: counted from its clause
        (
            "Mag je zomaar een bankje op de stoep zetten? Qua regels bedoel ik. En verf.",
            {"vergunning"},
        ),
        ("Geld voor plantjes. En de buurt moet ervan weten.", {"financiering", "zichtbaarheid"}),
    ],
)
def test_needs_said_in_passing_words_are_kept(real_words, text, needs):
    from actions.intake import answer_to

    read = set(answer_to("needs", text, make_tracker(text=text, asking="needs"))["needs"])
    assert needs <= read


def test_what_is_meant_comes_before_bedoel_ik():
    from actions.wordpatterns import as_corrected

    assert as_corrected("Ruiven, Tanthof bedoel ik") == "Tanthof bedoel ik"
    assert as_corrected("Een stichting. Buren bedoelde ik, geen stichting").startswith("Buren")


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # a business of several, named as ours: asked, it may be a cooperative
        ("Wij zoeken een werkplaats voor onze fietsenmakerij.", None),
        ("Hallo, ik heb een vraag over ons bedrijfje in Ruiven.", None),
        # whose business it is, or its form, says an entrepreneur
        ("Ik heb een fietsenmakerij en zoek een werkplaats.", "ondernemer"),
        ("Wij zoeken een werkplaats voor onze fietsenmakerij, een eenmanszaak.", "ondernemer"),
    ],
)
def test_a_business_named_as_ours_is_asked_who_is_behind_it(real_words, text, organisation):
    assert prefill_from_message(make_tracker(text=text)).get("organisation") == organisation
