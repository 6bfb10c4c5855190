"""Needs named beside words that ask for none, others wanted in a role, a plan wider than a
place, preparations under way, residents behind it beside a church, and a maybe (#12).

Written in our own words for the seventeenth reading set's kinds of miss: "mensen uit de
bijstand laten werken" read as no staff; "kennen jullie toevallig iemand met …" as no
contacts; "de CO2-besparing inzichtelijk maken" as no impact; "het buurthuis waar we mee
samenwerken" as working together wanted; "laten zien wat we opleveren, aan fondsen" as money
wanted; "De vergunning heb ik al aangevraagd" as a permit wanted; "wie kan ons helpen de impact
te meten?" as contacts wanted; "hoe maken we het bekend" as no visibility; "meer jongeren erbij,
als vrijwilliger" as the writer's own role; "een tweede kraam in een andere wijk" and "volgend
jaar ook naar Voorhof" as no growth; "vrijwilligers aan het werven, de opening is na de zomer"
as no stage; "samen met mijn vriendin organiseer ik" as no residents; "Het zijn gewoon
buurtbewoners die het doen" beside a church as the church's; and "Misschien richten we een
vereniging op, misschien ook niet" as an association.
"""

from __future__ import annotations

import pytest

from actions import knowledge
from actions.intake import answer_to, prefill_from_message
from actions.slots import needs_in_text
from tests.actions.conftest import make_tracker


def _needs(text: str) -> set[str]:
    catalogue, analyse = knowledge.catalogue(), knowledge.analyser()
    return set(needs_in_text(text, catalogue, analyse))


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        ("In de werkplaats wil ik jongens uit de bijstand laten meewerken.", {"personeel"}, set()),
        ("Kennen jullie misschien iemand met een aanhanger?", {"netwerk"}, set()),
        ("We willen de opbrengst van de panelen meetbaar maken voor de buren.", {"impact"}, set()),
        (
            "Voor de bibliotheek waarmee we samenwerken zoeken we voorlezers.",
            {"vrijwilligers"},
            {"samenwerking"},
        ),
        (
            "We moeten kunnen laten zien wat het oplevert aan de fondsen die ons steunen.",
            {"impact"},
            {"financiering"},
        ),
        (
            "De ontheffing hebben we al aangevraagd. Maar hoe maken we het bekend bij de ouders?",
            {"zichtbaarheid"},
            {"vergunning"},
        ),
        ("Wie kan ons helpen de resultaten te meten?", {"impact"}, {"netwerk"}),
        ("We zoeken meer ouders erbij, als vrijwilliger bij de kassa.", {"vrijwilligers"}, set()),
    ],
)
def test_needs_named_beside_words_that_ask_for_none(real_words, text, wanted, not_wanted):
    read = _needs(text)
    assert wanted <= read
    assert not (not_wanted & read)


def test_the_writers_own_role_as_volunteer_is_no_volunteer_wanted(real_words):
    assert "vrijwilligers" not in _needs("Ik sta al jaren als vrijwilliger in de kledingbank.")


def _stage(text: str) -> str | None:
    return answer_to("stage", text, make_tracker(text=text, asking="stage")).get("stage")


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "We verkopen al twee jaar soep op de markt. Nu willen we een tweede kraam in een "
            "andere wijk.",
            "opschalen",
        ),
        ("Het loopt al twee jaar in Tanthof. Straks willen we ook naar Buitenhof.", "opschalen"),
        ("We zijn nu de ruimte aan het inrichten. De opening is in maart.", "opstart"),
    ],
)
def test_growth_elsewhere_and_preparations_under_way(real_words, text, stage):
    assert _stage(text) == stage


def test_a_friend_named_before_the_writer_is_a_resident(real_words):
    text = "Samen met mijn vriend organiseer ik elke maand een ruilmiddag in Ruiven."
    assert prefill_from_message(make_tracker(text=text)).get("organisation") == "bewoner"


def _organisation(text: str) -> str | None:
    return answer_to("organisation", text, make_tracker(text=text, asking="organisation")).get(
        "organisation"
    )


def test_residents_who_do_it_beside_a_church_that_lends_the_hall(real_words):
    text = "De moskee leent ons de zaal, maar het zijn gewoon buren die het organiseren."
    assert _organisation(text) == "bewoner"


def test_a_form_that_may_or_may_not_come_is_not_known(real_words):
    assert _organisation("Misschien wordt het een stichting, misschien ook niet.") == "onbekend"


def _first(text: str) -> dict:
    return prefill_from_message(make_tracker(text=text))


def test_a_wish_for_a_place_is_asking_for_one(real_words):
    text = (
        "Wij hebben een kringloopwinkel achter op een bedrijventerrein. Het loopt, maar niemand "
        "ziet ons. Het liefst zouden we een winkelruimte hebben aan een drukke straat."
    )
    told = _first(text)
    assert "locatie" in (told.get("needs") or []) + (told.get("needs_hint") or [])


def test_a_place_no_longer_allowed_is_a_place_wanted_and_playing_now_runs(real_words):
    text = (
        "Jeu de boules voor ouderen in Voorhof. We spelen nu op het grasveld bij de kerk, maar "
        "na de zomer mag dat niet meer."
    )
    told = _first(text)
    assert "locatie" in (told.get("needs") or []) + (told.get("needs_hint") or [])
    assert told.get("stage") == "lopend"


def test_the_plan_as_a_heading_is_an_idea(real_words):
    text = "Goedemorgen. Plannetje: een ruilkast voor speelgoed bij de basisschool in Ruiven."
    told = _first(text)
    assert (told.get("stage") or told.get("stage_hint")) == "idee"


def test_a_partner_named_is_no_contacts_asked(real_words):
    assert "netwerk" not in _needs("Onze partner, de kledingbank, zoekt een groter magazijn.")
