"""Needs said as situations and what is had already (the third blind reading set, dev3): paying
it oneself, one's own grounds, money received before, something wanted instead of, had and how,
everything arranged; asking whether it may just be done, income that no longer covers a cost,
not knowing who is who, a small amount, people to come and work; and who is behind it and how
far it is, said in passing. Our own words, not the set's."""

from __future__ import annotations

import pytest

from actions import knowledge
from actions.intake import prefill_from_message
from actions.slots import needs_in_answer, story_stage
from tests.actions.conftest import make_tracker


def in_answer(delft, text: str) -> set[str]:
    return set(needs_in_answer(text, delft.catalogue, delft.analyse))


@pytest.mark.parametrize(
    ("answer", "needs"),
    [
        ("De verf betalen we zelf, we willen alleen weten of het mag.", {"vergunning"}),
        ("Wij betalen gewoon huur, we zoeken een zaaltje voor de zondag.", {"locatie"}),
        ("Een ruimte hebben wij reeds. Het gaat ons om geld voor de inrichting.", {"financiering"}),
        (
            "Geld hebben we al, via de kerk. We missen alleen mensen die willen helpen.",
            {"vrijwilligers"},
        ),
        (
            "We hebben alles rond: geld, plek, vrijwilligers. "
            "We willen alleen dat het bekend wordt.",
            {"zichtbaarheid"},
        ),
        (
            "Op ons eigen terrein willen we afspraken met de gemeente over het onderhoud.",
            {"samenwerking"},
        ),
        (
            "Twee jaar geleden kregen we subsidie van de gemeente, "
            "nu moeten er meer mensen van ons horen.",
            {"zichtbaarheid"},
        ),
        ("Mag ik zomaar een bankje voor mijn huis zetten?", {"vergunning"}),
        ("De ledengeld dekt de huur van de zaal niet meer.", {"financiering"}),
        ("Ik woon hier net, ik weet niet wie is wie bij de gemeente.", {"netwerk"}),
        ("Een klein bedragje voor verf en kwasten.", {"financiering"}),
        ("Meer mensen in de wijk moeten ons kennen.", {"zichtbaarheid"}),
        ("We hebben een grote bedrijfskeuken nodig om te koken.", {"locatie"}),
        ("Ik zoek jongens en meiden die bij ons willen komen werken.", {"personeel"}),
    ],
)
def test_a_need_said_as_a_situation_is_read_as_meant(delft, answer, needs):
    assert in_answer(delft, answer) == needs


@pytest.mark.parametrize(
    ("story", "organisation"),
    [
        (
            "Vanuit mijn schuur repareer ik fietsen voor de buurt, gewoon ik en mijn buurman.",
            "bewoner",
        ),
        ("Mijn vrouw en ik hebben een minibieb bij ons voor de deur gezet.", "bewoner"),
        ("Wij zijn een groepje meiden uit Voorhof en willen een dansavond houden.", "bewoner"),
        ("We zijn een bv, maar de winst gaat naar het buurtfonds.", "sociale-onderneming"),
    ],
)
def test_who_is_behind_it_said_in_passing(router, story, organisation):
    told = prefill_from_message(make_tracker(text=story, intent="describe_initiative"))
    assert told.get("organisation") == organisation


@pytest.mark.parametrize(
    ("story", "stage"),
    [
        ("Sinds de lockdown koken wij voor eenzame buren.", "lopend"),
        ("We hebben nu een jaar een ruilkast hangen in de hal.", "lopend"),
        ("Komende week gaan we open, de stoelen staan er al.", "opstart"),
        ("hij doet het in zijn woonkamer, al n half jaar", "lopend"),
    ],
)
def test_how_far_it_is_said_in_passing(delft, story, stage):
    knowledge.use_router(delft)
    try:
        analyse = knowledge.analyser(make_tracker(text=story))
        assert story_stage(story, delft.catalogue, analyse) == stage
    finally:
        knowledge.use_router(None)
