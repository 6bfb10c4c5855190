"""How people arrive with their idea: a problem first, being sent around, and more places said
as where it goes next (#12).

Written in our own words for the forty-third conversation round's kinds of miss: a street that
is "niet te harden" in summer with "geen boom, alleen stenen", and a shop that "staat al twee
jaar leeg. Zonde, toch?", taken as the plan; "klaar met het rondsturen … zegt: ga naar
Economie … En zo gaat het al maanden" taken as the plan and as running; and "we doen dit al
twee jaar in Tanthof en willen nu ook naar Buitenhof en Voorhof" at another question taken as
a new wijk.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.intake import prefill_from_message
from actions.process import process_topics
from tests.actions.conftest import make_tracker, validate_at_any_question


def _first(text: str) -> dict[str, Any]:
    return prefill_from_message(make_tracker(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "Hallo. In onze straat is het 's zomers niet uit te houden. Er staat geen boom, alleen "
        "tegels.",
        "Bij ons op het plein staat al een jaar de oude bibliotheek leeg. Jammer, hè?",
    ],
)
def test_a_problem_told_first_is_not_yet_the_plan(real_words, text):
    told = _first(text)
    assert "goal" not in told  # the goal question asks what they want to do about it
    assert told.get("goal_hint")


def test_a_plan_in_an_empty_building_is_a_plan(real_words):
    assert _first("Wij willen in het lege winkelpand op de hoek een repaircafé.").get("goal")


def test_being_sent_around_is_no_plan_and_no_stage(real_words):
    text = (
        "Ik ben het rondsturen zat. Wijkzaken zegt: ga naar Subsidies. Subsidies zegt: je moet bij "
        "Economie zijn. En zo gaat het nu al weken."
    )
    assert "rondgestuurd" in process_topics(text)
    told = _first(text)
    assert "goal" not in told
    assert "stage" not in told


async def test_more_places_where_it_goes_next_are_no_new_wijk() -> None:
    said = "Het loopt al drie jaar in Ruiven en volgend jaar willen we ook naar Tanthof."
    slots = await validate_at_any_question(
        said, "stage", {"goal": "Een taalcafé in de bibliotheek", "wijk": "Ruiven"}, intent="inform"
    )
    assert slots.get("stage") == "opschalen"
    assert "wijk" not in slots


def _answer(slot: str, text: str) -> dict[str, Any]:
    from actions.intake import answer_to

    return answer_to(slot, text, make_tracker(text=text, asking=slot))


def test_what_they_have_or_settled_is_no_need(real_words):
    text = "Het lokaal hebben we en de ontheffing is al binnen. We missen alleen wat geld."
    assert _answer("needs", text).get("needs") == ["financiering"]


def test_not_knowing_what_to_ask_is_not_known(real_words):
    text = "Eigenlijk weet ik dat niet. Ik hoopte dat jullie het wisten."
    assert _answer("needs", text).get("needs") == []


def test_running_said_in_a_clause_of_its_own_and_something_added(real_words):
    text = "Het loopt, maar we willen er ook een naaicursus bij voor de vrouwen die komen."
    assert _answer("stage", text).get("stage") == "opschalen"


def test_mothers_of_a_school_that_does_not_take_part(real_words):
    text = "Een paar vaders van de school van onze kinderen. De school zelf doet niet mee."
    assert _answer("organisation", text).get("organisation") == "bewoner"


def test_residents_counted_beside_a_question(real_words):
    text = "Mag er een bankje bij ons in de straat in Tanthof? We zijn met zo'n tien buren."
    assert _first(text).get("organisation") == "bewoner"


def test_where_it_goes_next_is_not_where_it_is(real_words):
    text = "We doen het al drie jaar in Voorhof en willen straks ook naar Ruiven."
    assert _answer("wijk", text).get("wijk") == "Voorhof"


@pytest.mark.parametrize(
    "text",
    [
        "Wij (4 huisgenoten) willen een ruilkast in de gang van ons studentenhuis.",
        "Met de hele portiek willen we de tuin achter de flat opknappen.",
    ],
)
def test_housemates_and_a_whole_street_are_residents(real_words, text):
    assert _first(text).get("organisation") == "bewoner"


async def test_an_introduction_heard_as_a_robot_question_is_read_as_what_it_tells(router):
    from actions.question import ActionAnswerBotChallenge
    from tests.actions.conftest import run_action

    said = "Hoi, ik studeer aan de hogeschool en doe een project in de wijk"
    reply = await run_action(ActionAnswerBotChallenge(), said, "bot_challenge")
    assert "geen mens" not in reply.shown
    assert {"event": "followup", "name": "action_interpret_turn"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in reply.events
    ]
    asked = await run_action(ActionAnswerBotChallenge(), "met wie spreek ik", "bot_challenge")
    assert "geen mens" in asked.shown


def test_a_project_named_and_nothing_of_it_is_not_yet_the_goal(real_words):
    told = _first("Hallo, ik zit op het mbo en doe een project")
    assert "goal" not in told
    assert told.get("goal_hint")
    assert _first("Wij doen een project met ouderen in Voorhof: samen koken.").get("goal")
