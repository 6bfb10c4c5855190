"""An ordinary summer month, and people who speak for an organisation (#12).

Written in our own words for the forty-sixth conversation round's and the twenty-second
reading set's kinds of miss: a problem of people told first got the general number; a problem
told at the goal question was kept as the goal; money another party will not pay, a wall
sought, not knowing how to make it a club, and businesses sought were no needs; a form asked
about was taken for who is behind it; family, and a business named without an article, were
nobody; a handed-in idea, doing things together every week, a yearly party and more of what
stands were no stage.
"""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge
from actions.intake import ValidateIntakeForm, prefill_from_message
from actions.interpret import ActionInterpretTurn
from actions.slots import needs_in_answer, normalise_organisation, story_stage
from tests.actions.conftest import make_tracker, run_action


def _needs(text: str) -> set[str]:
    return set(needs_in_answer(text, knowledge.catalogue(None), knowledge.analyser(None)))


def _first(text: str) -> dict:
    return prefill_from_message(make_tracker(text=text))


def _story_stage(text: str) -> str | None:
    return story_stage(text, knowledge.catalogue(None), knowledge.analyser(None))


# -- a problem told first --


async def test_a_problem_of_people_told_first_starts_the_intake(real_words):
    text = "Hallo, mijn kleinzoon van 14 verveelt zich kapot deze zomer."
    reply = await run_action(ActionInterpretTurn(), text, "out_of_scope")
    assert "14 015" not in reply.shown
    assert reply.slots.get("goal_hint") == text
    # a broken street lamp is still a report for the general number
    lamp = await run_action(ActionInterpretTurn(), "De lantaarnpaal is kapot.", "out_of_scope")
    assert "14 015" in lamp.shown


def test_a_problem_at_the_goal_question_is_no_goal_yet(real_words):
    text = "Mijn buurman van 90 werd vorige week onwel van de hitte in zijn flat."
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, active_loop="intake_form", slots={"requested_slot": "goal"})
    values = ValidateIntakeForm().validate_goal(text, dispatcher, tracker, {})
    assert values["goal"] is None
    assert values["goal_hint"] == text


# -- needs --


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        (
            "De verhuurder vindt het prima, maar wil niks betalen aan de inrichting.",
            {"financiering"},
        ),
        ("De gemeente betaalt vanaf januari niet meer mee.", {"financiering"}),
        ("We zoeken een grote muur voor een schildering met kinderen.", {"locatie"}),
        ("We willen er een echte vereniging van maken maar weten niet hoe.", {"kennis"}),
        ("We zoeken winkels die mee willen doen, wie kent er een paar?", {"netwerk"}),
        ("Iemand die ons aan de eigenaren kan voorstellen.", {"netwerk"}),
        ("Aansluiten bij het beleid van de gemeente over armoede.", {"samenwerking"}),
    ],
)
def test_needs_told_as_a_situation(real_words, text, needs):
    assert _needs(text) == needs


@pytest.mark.parametrize(
    "text",
    [
        "Geld hoeven we niet, de school betaalt alles.",
        "We willen minder afhankelijk worden van subsidie.",
        "We willen onze oude gymzaal verduurzamen.",
    ],
)
def test_no_money_or_place_sought(real_words, text):
    assert not _needs(text) & {"financiering", "locatie"}


# -- who is behind it --


def test_a_form_asked_about_is_not_who_is_behind_it(real_words):
    text = (
        "Wij zijn een paar moeders uit Voorhof die elke woensdag met de kinderen voetballen. "
        "We willen er iets officieels van maken maar weten niet hoe, vereniging? stichting?"
    )
    assert _first(text).get("organisation") == "bewoner"


@pytest.mark.parametrize("text", ["Alleen mijn dochters? En ik help ze.", "mijn zus en ik"])
def test_family_are_residents(real_words, text):
    org = normalise_organisation(text, knowledge.catalogue(None), knowledge.analyser(None))
    assert org == "bewoner"


def test_family_that_runs_a_business_is_no_resident(real_words):
    text = "mijn dochter heeft een bedrijfje"
    org = normalise_organisation(text, knowledge.catalogue(None), knowledge.analyser(None))
    assert org == "ondernemer"


@pytest.mark.parametrize(
    "text",
    [
        # a business named without an article
        "hoi ik heb dansschool in Buitenhof. meiden van de straat dansen gratis bij mij, 3 "
        "middagen in de week. het gaat goed maar de huur van de zaal betaal ik zelf en dat lukt "
        "niet meer lang.",
        # starting a business of one's own without knowing how
        "hallo, ik bak taarten thuis. ik wil eigen zaak beginnen maar weet niet hoe. kvk? "
        "belasting? ik woon in Tanthof.",
    ],
)
def test_a_business_of_ones_own_told_in_a2_dutch(real_words, text):
    assert _first(text).get("organisation") == "ondernemer"


# -- how far --


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Idee voor de gemeente. Zet bankjes in de schaduw bij de bushaltes.", "idee"),
        ("Wij breien elke donderdag samen in de bibliotheek, nu al met twaalf.", "lopend"),
        ("We hebben met de buren elk jaar een barbecue op het pleintje.", "lopend"),
        (
            "We hebben al drie jaar twee insectenhotels in het park. We willen er graag meer "
            "neerzetten, ook in andere wijken.",
            "opschalen",
        ),
    ],
)
def test_how_far_as_told(real_words, text, stage):
    assert _story_stage(text) == stage
