"""New inwoners at the front door and an ordinary winter month (#12).

Written in our own words for the forty-fourth conversation round's and the twentieth reading
set's kinds of miss: a question back about what the question means, answered with "ik
begrijp niet", taken for "weet ik niet"; a complaint that someone "nooit heeft teruggebeld"
answered as a question whether one is called; a "nog niet" at the consent question taken for
a stage to correct, after which a case was made; a repair café written in two words taken for
a business; a place outgrown or demand doubled, told by the way, taken for growing; "regels
die gelden" taken for money.
"""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge
from actions.consent import ActionDeclineConsent
from actions.intake import SIMPLER, prefill_from_message
from actions.question import ActionAnswerQuestion
from actions.slots import needs_in_answer, normalise_stage, story_stage
from tests.actions.conftest import (
    make_tracker,
    run_action,
    slot_events,
    texts,
    validate_form,
)
from tests.actions.test_consent_actions import FILLED

GOAL = "Een kookclub voor buurtgenoten in het wijkcentrum."


def _first(text: str) -> dict[str, Any]:
    return prefill_from_message(make_tracker(text=text))


def _needs(text: str) -> set[str]:
    return set(needs_in_answer(text, knowledge.catalogue(None), knowledge.analyser(None)))


def _stage(text: str) -> str | None:
    return normalise_stage(text, knowledge.catalogue(None), knowledge.analyser(None))


def _told_stage(text: str) -> str | None:
    return story_stage(text, knowledge.catalogue(None), knowledge.analyser(None))


# -- a question back about the question --


@pytest.mark.parametrize(
    "text", ["Wat betekent dat? Ik begrijp niet.", "wat betekent dit? snap ik niet"]
)
async def test_asking_what_the_question_means_is_no_answer_and_it_is_said_simpler(real_words, text):
    dispatcher = CollectingDispatcher()
    values = await validate_form(text, "organisation", {"goal": GOAL}, dispatcher=dispatcher)
    assert not values.get("organisation")  # not "weet u nog niet"
    assert SIMPLER["organisation"] in texts(dispatcher)


async def test_what_the_question_means_beside_an_answer_still_answers(real_words):
    text = "Wat betekent dat? Wij zijn gewoon een paar buren uit de straat."
    values = await validate_form(text, "organisation", {"goal": GOAL})
    assert values.get("organisation") == "bewoner"


# -- a complaint is no question --


async def test_a_call_that_never_came_beside_being_sent_around_is_no_question_about_calling(
    router,
):
    text = (
        "Ik ben al twee keer van het kastje naar de muur gestuurd. Subsidies zei Wijkzaken, "
        "en de wijkmanager heeft nooit teruggebeld."
    )
    reply = await run_action(ActionAnswerQuestion(), text, "ask_question")
    assert "Dat is vervelend" in reply.shown  # the answer to being sent around
    assert "Straks vraag ik of u contact wilt" not in reply.shown  # not the calling answer


# -- consent --


@pytest.mark.parametrize(
    "text",
    [
        "Nee, liever nog niet. Ik wil het eerst met ons bestuur bespreken.",
        "nee nog niet.",
        "Nee hoor, eerst even overleggen met de buren voordat er iets naar anderen gaat.",
    ],
)
async def test_not_yet_at_the_consent_question_declines_and_changes_no_stage(real_words, api, text):
    slots = {**FILLED, "phase": "consent", "stage": "opstart"}
    tracker = make_tracker(text=text, intent="deny", slots=slots)
    dispatcher = CollectingDispatcher()
    events = await ActionDeclineConsent().run(dispatcher, tracker, {})
    assert api.requests == []
    assert "action_apply_correction" not in [e.get("name") for e in events]
    assert slot_events(events)["phase"] == "done"


async def test_a_stage_corrected_at_the_consent_question_is_still_a_correction(real_words, api):
    text = "Nee, het is nog niet begonnen, het is een idee."
    slots = {**FILLED, "phase": "consent", "stage": "lopend"}
    tracker = make_tracker(text=text, intent="deny", slots=slots)
    events = await ActionDeclineConsent().run(CollectingDispatcher(), tracker, {})
    assert [e.get("name") for e in events] == ["action_apply_correction"]


# -- who is behind it --


def test_a_repair_cafe_written_apart_is_no_business(real_words):
    told = _first("Wij hebben een repair café in Tanthof, al vijf jaar, elke maand.")
    assert told.get("organisation") != "ondernemer"
    assert _first("Ik heb een café aan de Markt.").get("organisation") == "ondernemer"


def test_a_shop_where_people_far_from_work_work_asks_who_is_behind_it(real_words):
    told = _first(
        "We hebben een fietsenwinkel waar mensen werken die jaren thuis hebben gezeten. "
        "Nu willen we een tweede winkel."
    )
    assert told.get("organisation") != "ondernemer"  # a business or a social enterprise: asked


def test_an_entrepreneur_who_wants_to_begin_a_place_where_young_people_learn(real_words):
    told = _first(
        "Ik heb al jaren een eigen bakkerij en wil in Voorhof een koffiehoek beginnen waar "
        "jongeren zonder diploma het vak leren."
    )
    assert told.get("organisation") == "ondernemer"


# -- how far --


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("ik loop al een hele tijd rond met iets voor ouderen en muziek", "idee"),
        ("We fietsen nu drie jaar rond met de koffiekar.", "lopend"),
        ("We beginnen in maart, de eerste kinderen hebben zich al gemeld.", "opstart"),
        ("We hebben al 3 ruilkasten staan en willen er in nog 5 straten eentje bij.", "opschalen"),
    ],
)
def test_stages_told_as_a_history(real_words, text, stage):
    assert _stage(text) == stage


@pytest.mark.parametrize(
    "text",
    [
        "Geld voor een grotere tafel, want mijn keuken wordt te klein.",
        "Spullen en handen, want de vraag is deze winter verdubbeld.",
    ],
)
def test_a_place_outgrown_or_demand_risen_told_by_the_way_settles_no_stage(real_words, text):
    assert _told_stage(text) != "opschalen"


def test_a_running_club_whose_hall_became_too_small_runs(real_words):
    assert _told_stage("Ons koor zingt al jaren, de zaal is te klein geworden.") == "lopend"
    # asked how far it is, outgrowing the place still says it grows
    assert _stage("Ons koor zingt al jaren, de zaal is te klein geworden.") == "opschalen"


# -- needs --


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("We willen weten welke regels er gelden voor koken in de kerkzaal.", {"vergunning"}),
        ("we zoeken gelden voor de inrichting", {"financiering"}),
        ("We hebben nog geen geschikt dak voor de panelen.", {"locatie"}),
        ("Kunnen jullie er wat ruchtbaarheid aan geven?", {"zichtbaarheid"}),
        ("we willen dat mensen in de wijk weten wat we doen", {"zichtbaarheid"}),
        ("wie kan ons helpen aan een andere ruimte", {"locatie"}),
        ("Een vergunning voor het plein.", {"vergunning"}),
        ("Een garagebox. En wat hulp met hoe je zoiets opzet.", {"locatie", "kennis"}),
        ("praten over hoe wij de gemeente kunnen helpen met haar doelen", {"samenwerking"}),
    ],
)
def test_needs_as_people_say_them(real_words, text, needs):
    assert _needs(text) == needs


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("Geld en een grotere plek, mijn huiskamer wordt te klein.", {}),
        ("Handen en materiaal, want de vraag is verdubbeld.", {"stage": "lopend"}),
    ],
)
async def test_outgrowing_or_more_demand_at_the_needs_question_is_no_growing(
    real_words, text, before
):
    values = await validate_form(text, "needs", {"goal": GOAL, **before}, every_question=True)
    assert values.get("stage") != "opschalen"
    assert values["needs"]
