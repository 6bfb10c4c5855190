"""People who change things as they go, and who tell their story their own way (#12).

Written in our own words for the seventeenth round's kinds of failure: details left out at the
contact question taken for an erase request, a stage corrected inside another answer, "sinds
kort" about where someone lives, counted wishes in a long story, everyday words for a place,
hands and the municipality as a customer, an aim labelled "Doel:", one's own matter with
another service told as a story, a place looked for as the wijk, acting as a private person,
a question about a partner asked in a clause, a plan told beside a question, and a party left
out in lower case that was not on the list.
"""

from __future__ import annotations

import pytest

from actions import knowledge
from actions.erasure import ActionAskErasure
from actions.intake import (
    ActionStartIntake,
    answer_to,
    keeps_details_back,
    prefill_from_message,
    told_in_passing,
    yes_or_no,
)
from actions.interpret import item_asked
from actions.recipients import names_not_listed
from actions.slots import needs_in_answer
from tests.actions.conftest import make_tracker, run_action, slot_events

NOT_NOW = (
    "Ehm, toch liever niet. Ik overleg eerst met het bestuur, "
    "dus laat mijn naam en nummer maar weg."
)


def test_a_hesitation_before_a_no_is_still_a_no():
    assert yes_or_no("Hm, eigenlijk liever niet.") is False
    assert yes_or_no("Ehm, nee hoor") is False
    assert yes_or_no("hm ja prima") is True


@pytest.mark.parametrize("asking", ["contact_wanted", "contact"])
def test_leaving_out_ones_details_at_the_contact_question_is_no_contact(real_words, asking):
    tracker = make_tracker(text=NOT_NOW, asking=asking, slots={"goal": "een buurtkast"})
    assert keeps_details_back(tracker, NOT_NOW)["contact_wanted"] is False
    # A word of erasing is still asked about, and so is the same at another question.
    erase = "verwijder mijn gegevens maar"
    assert not keeps_details_back(make_tracker(text=erase, asking=asking), erase)
    assert not keeps_details_back(make_tracker(text=NOT_NOW, asking="wijk"), NOT_NOW)


async def test_an_erase_request_heard_in_leaving_out_details_goes_on_without_contact(real_words):
    # The rule for an erase request closes the form first: the open question was the one
    # before this message.
    reply = await run_action(
        ActionAskErasure(),
        NOT_NOW,
        "request_erasure",
        slots={"goal": "een buurtkast voor boeken", "requested_slot": None},
        events=[
            {"event": "slot", "name": "requested_slot", "value": "contact"},
            {"event": "user", "text": NOT_NOW},
            {"event": "active_loop", "name": None},
            {"event": "slot", "name": "requested_slot", "value": None},
        ],
    )
    assert slot_events(reply.events)["contact_wanted"] is False
    assert reply.events[-1] == {"event": "followup", "name": "intake_form", "timestamp": None}
    assert "wissen" not in reply.shown


def test_a_stage_taken_back_inside_another_answer_is_changed(real_words):
    text = "Een stichting. O, en het is trouwens geen plan meer: we zijn al aan het opstarten."
    tracker = make_tracker(text=text, asking="organisation", slots={"stage": "idee"})
    values = answer_to("organisation", text, tracker)
    events = told_in_passing(tracker, "organisation", text, [])
    assert values == {"organisation": "stichting-vereniging"}
    assert {"event": "slot", "timestamp": None, "name": "stage", "value": "opstart"} in events


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Elders deed ik het jaren, maar ik woon pas sinds kort hier, dus het is nog een idee.",
            "idee",
        ),
        ("We zijn sinds kort bezig, de eerste avond was vorige maand.", "opstart"),
    ],
)
def test_since_when_one_lives_here_is_no_start(real_words, text, stage):
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {"stage": stage}


def test_a_plan_beside_a_question_is_no_stage(real_words):
    text = "Wanneer hoor ik iets? We willen het graag voor de kerst."
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {}
    text = "Het is nog maar een idee. Wanneer hoor ik iets?"
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {"stage": "idee"}


COUNTED = (
    "Goedemiddag. Wij runnen sinds drie jaar een fietsenwerkplaats waar jongeren zonder diploma "
    "het vak leren, en dat gaat goed. Nu willen we verder. Daarvoor zijn twee dingen nodig. "
    "1) een grotere werkplaats, want we zitten nu met tien man in een garage. 2) we zouden graag "
    "de dienstfietsen van de gemeente gaan onderhouden. Wie kan ons daarmee verder helpen?"
)


def test_wishes_counted_by_number_in_a_long_story_are_all_needs(real_words):
    values = prefill_from_message(make_tracker(text=COUNTED, intent="describe_initiative"))
    assert {"locatie", "inkoop"} <= set(values["needs"])


def test_a_wish_told_after_what_comes_first_in_a_long_story_is_a_need(real_words):
    text = (
        "Hallo, wij zijn vier moeders uit de wijk en we organiseren sinds de zomer elke maand een "
        "ruilmarkt voor kinderkleding in het buurthuis. Er komen nu zo'n twintig gezinnen, maar "
        "het kan veel groter. We regelen de tafels en de koffie zelf, daar hebben we niemand voor "
        "nodig. Na de winter willen we vooral dat meer ouders weten dat het er is."
    )
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert "zichtbaarheid" in (values.get("needs") or values.get("needs_hint") or [])


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("geld voor de spullen en een hokje om het op te slaan", "locatie"),
        ("handige buren die mee willen klussen", "vrijwilligers"),
        ("we zoeken mensen die willen meekoken op vrijdag", "vrijwilligers"),
        ("we zouden vaste cateraar van het stadskantoor willen worden", "inkoop"),
        ("graag zouden we de post van de gemeente gaan bezorgen", "inkoop"),
    ],
)
def test_everyday_words_for_a_need(real_words, delft, text, need):
    assert need in needs_in_answer(text, delft.catalogue, delft.analyse)


def test_people_who_come_to_eat_are_no_volunteers(real_words, delft):
    assert "vrijwilligers" not in needs_in_answer(
        "een ruimte voor buren die mee willen eten", delft.catalogue, delft.analyse
    )


def test_an_aim_labelled_after_an_introduction_is_the_goal(real_words):
    text = (
        "Wij zijn een huurdersvereniging in Tanthof. Doel: een gedeelde moestuin op het "
        "binnenterrein."
    )
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert "moestuin" in values["goal"]


async def test_ones_own_matter_with_another_service_told_as_a_story_gets_the_general_number(
    real_words,
):
    text = (
        "Goedemiddag. Mijn zoon haalt mij drie keer per week op voor de fysio, maar hij krijgt "
        "steeds een bon omdat hij niet voor mijn deur mag staan. Kan ik een parkeervergunning "
        "voor hem aanvragen?"
    )
    reply = await run_action(ActionStartIntake(), text, "describe_initiative")
    assert reply.events[-1] == {
        "event": "followup",
        "name": "action_interpret_turn",
        "timestamp": None,
    }
    assert "goal" not in slot_events(reply.events)
    # A plan of one's own that names the same service is an initiative.
    plan = "Wij willen een parkeerplek in onze straat ombouwen tot een geveltuin met bankje."
    reply = await run_action(ActionStartIntake(), plan, "describe_initiative")
    assert "goal" in slot_events(reply.events)


@pytest.mark.parametrize(
    "text",
    [
        "Ik doe dit als privépersoon, niet via mijn werkgever.",
        "Gewoon als persoon, er zit geen club achter.",
        "ik ben een individu, geen organisatie",
    ],
)
def test_acting_as_a_private_person_is_a_resident(real_words, text):
    tracker = make_tracker(text=text, asking="organisation")
    assert answer_to("organisation", text, tracker) == {"organisation": "bewoner"}


@pytest.mark.parametrize(
    "text",
    ["Mag ik vragen wat het Fondsenspreekuur precies is?", "weet u wat MAEX eigenlijk doet?"],
)
def test_a_question_about_a_partner_in_a_clause_is_answered(real_words, text):
    assert item_asked(text, make_tracker(text=text, asking="contact_wanted"))


def test_a_party_left_out_in_lower_case_that_was_not_listed_is_named(real_words):
    catalogue = knowledge.catalogue(make_tracker(text="x"))
    parties = ["onderwijs-cultuur-sport", "subsidies", "delftse-fondsen"]
    said = names_not_listed("oke maar niet naar de vrijwilligerscentrale", parties, catalogue)
    assert said == "Vrijwilligerscentrale"
    assert names_not_listed("ja maar niet naar delftse fondsen", parties, catalogue) is None
    assert names_not_listed("ja, maar niet naar de gemeente", parties, catalogue) is None
