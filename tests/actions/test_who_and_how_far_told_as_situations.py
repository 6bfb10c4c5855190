"""Who is behind an initiative and how far it is, told without catalogue words (#12).

Written in our own words for the thirteenth reading set's kinds of failure (dev13): a
foundation that pays its way with what it sells, a company introduced with a hyphenated trade,
a coordinator at a shelter organisation, others "die ermee bezig zijn" taken for the writer's
own start, "volgende week is de eerste keer", other wijken that want it too and more people
taken on as growing, nobody knowing them, wanting to learn how to start a business, and a
place offered to people from the bijstand read as a space wanted.
"""

from __future__ import annotations

import pytest

from actions.intake import answer_to, prefill_from_message
from tests.actions.conftest import make_tracker


@pytest.mark.parametrize(
    "text",
    [
        "We zijn een vereniging, maar we verkopen ook soep op de markt.",
        "Stichting. Van de opbrengst van de verkoop betalen we de huur en de koks.",
    ],
)
def test_a_foundation_that_pays_its_way_by_selling_is_a_social_enterprise(real_words, text):
    tracker = make_tracker(text=text, asking="organisation")
    assert answer_to("organisation", text, tracker) == {"organisation": "sociale-onderneming"}


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "Wij zijn een ICT-bedrijf uit Delft en willen ons team een dag laten helpen.",
            "ondernemer",
        ),
        (
            "Ik werk als begeleider bij een organisatie voor maatschappelijke opvang en we "
            "willen met onze cliënten een moestuin beginnen in Tanthof.",
            "maatschappelijke-organisatie",
        ),
    ],
)
def test_who_introduces_themselves_is_who_is_behind_it(real_words, text, organisation):
    assert prefill_from_message(make_tracker(text=text)).get("organisation") == organisation


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Ik wil een repaircafé opzetten, het is nog maar een idee. Ik wil weten welke "
            "clubs er al mee bezig zijn.",
            "idee",
        ),
        ("Wij starten een kookclub in Buitenhof en komende zaterdag is de eerste keer.", "opstart"),
        ("Onze leesclub loopt al jaren in Tanthof. Nu willen andere buurten het ook.", "opschalen"),
        (
            "Sinds vorig jaar werken er drie statushouders in onze keuken, en we willen er nog "
            "twee bij nemen.",
            "opschalen",
        ),
    ],
)
def test_how_far_it_is_told_as_a_situation(real_words, text, stage):
    assert prefill_from_message(make_tracker(text=text)).get("stage") == stage


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("Geld is er genoeg, maar niemand in de wijk kent ons.", {"zichtbaarheid"}),
        ("We hebben plek voor drie jongeren met een beperking in de werkplaats.", {"personeel"}),
    ],
)
def test_needs_told_as_a_situation(real_words, text, needs):
    assert set(answer_to("needs", text, make_tracker(text=text, asking="needs"))["needs"]) == needs


def test_wanting_to_learn_how_to_start_a_business_is_advice(real_words):
    text = "Ik naai mooie tassen en wil leren hoe ik daar een bedrijf van maak."
    values = prefill_from_message(make_tracker(text=text))
    assert "kennis" in (values.get("needs") or values.get("needs_hint") or [])


def test_people_named_in_brackets_with_more_words_are_residents(real_words):
    text = (
        "hey wij (twee vaders uit de straat 🙂) doen sinds de zomer elke zondag een "
        "voetbalochtend op het veldje in Ruiven. is daar een potje voor?"
    )
    assert prefill_from_message(make_tracker(text=text)).get("organisation") == "bewoner"


@pytest.mark.parametrize(
    ("text", "volunteers"),
    [
        ("Ik zoek iemand die mij helpt met het sjouwen van de kratten op zaterdag.", True),
        ("Graag mensen die ons helpen bij het rondbrengen van de maaltijden.", True),
        ("Ik zoek iemand die mij helpt met het plan en de begroting.", False),
    ],
)
def test_someone_who_helps_with_the_work_is_a_volunteer(real_words, text, volunteers):
    needs = answer_to("needs", text, make_tracker(text=text, asking="needs")).get("needs") or []
    assert ("vrijwilligers" in needs) is volunteers


def test_a_company_that_tells_it_works_with_people_far_from_work_is_asked(real_words):
    text = "Wij zijn een fietsenbedrijf met zes jongeren uit de bijstand en willen groeien."
    assert "organisation" not in prefill_from_message(make_tracker(text=text))


def test_help_with_the_publicity_is_no_volunteer_and_roofs_worked_on_no_space(real_words):
    text = "een vergunning, en iemand die ons helpt met de reclame"
    needs = answer_to("needs", text, make_tracker(text=text, asking="needs"))["needs"]
    assert "vrijwilligers" not in needs
    story = (
        "Wij leggen groene daken aan in Delft. We willen dat de gemeente klant wordt, met "
        "planten op de daken van gemeentelijke gebouwen."
    )
    assert "locatie" not in (prefill_from_message(make_tracker(text=story)).get("needs") or [])


def test_how_to_start_a_business_is_a_plan_not_who_is_behind_it(real_words):
    text = (
        "Met twee buurvrouwen wil ik samen taarten bakken en verkopen op de markt. Het is nog "
        "een idee. Ik wil weten hoe ik een bedrijf kan starten."
    )
    assert prefill_from_message(make_tracker(text=text)).get("organisation") != "ondernemer"
