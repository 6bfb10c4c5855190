"""Answers read as inwoners say them (issue #12, "take data as it is said"): impact and
volunteers in everyday words, and a negation that takes back only its own clause."""

from __future__ import annotations

import pytest

from actions.slots import needs_in_answer
from routing import get_municipalities


@pytest.fixture(scope="module")
def delft():
    return get_municipalities().get("delft")


def needs(delft, text: str) -> set[str]:
    return set(needs_in_answer(text, delft.catalogue, delft.analyse))


@pytest.mark.parametrize(
    "text",
    [
        "We willen kunnen laten zien hoeveel mensen er elke week op af komen.",
        "bijhouden hoeveel kilo eten we redden, voor de fondsen",
        "Iemand die helpt in kaart brengen wat het de buurt oplevert",
        "wij willen tonen hoeveel vrouwen nu kunnen fietsen",
        "ff laten zien wat we bereikt hebben, met cijfers enzo",
        "We willen weten of het werkt, of de mensen minder alleen zijn.",
    ],
)
def test_showing_what_an_initiative_achieves_is_impact(delft, text):
    assert "impact" in needs(delft, text)


@pytest.mark.parametrize(
    "text",
    [
        "Wat we willen bereiken is dat ouderen minder alleen zijn.",
        "We willen meer mensen bereiken met onze flyers.",
    ],
)
def test_an_aim_or_a_wider_reach_is_no_impact_measurement(delft, text):
    assert "impact" not in needs(delft, text)


def test_what_an_initiative_wants_to_achieve_is_no_publicity(delft):
    assert "zichtbaarheid" not in needs(delft, "Wat wij willen bereiken is een schonere straat.")


@pytest.mark.parametrize(
    "text",
    [
        "Een paar buren die een handje willen helpen bij het opbouwen.",
        "We hebben mensen nodig die zaterdag komen helpen.",
        "extra handen voor de markt",
        "wij zoeken vrouwen die willen helpen met koken",
        "gasten die mee willen helpen sjouwen op de klusdag",
    ],
)
def test_people_who_want_to_help_are_volunteers(delft, text):
    assert "vrijwilligers" in needs(delft, text)


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Advies over de papieren, zonder dat het ons veel geld kost.", "kennis"),
        ("Een ruimte zodat we niet meer bij mij thuis hoeven te zitten", "locatie"),
        ("een plek zonder hoge huur", "locatie"),
        ("Hulp met de vergunning, waardoor we geen boete krijgen.", "vergunning"),
    ],
)
def test_a_negation_in_a_clause_of_its_own_keeps_the_need_before_it(delft, text, need):
    assert need in needs(delft, text)


def test_what_follows_zonder_is_still_taken_back(delft):
    found = needs(delft, "Advies over de papieren, zonder dat het ons veel geld kost.")
    assert "financiering" not in found
    found = needs(delft, "geen subsidie nodig, wel een ruimte zodat we niet thuis werken")
    assert "financiering" not in found
    assert "locatie" in found
