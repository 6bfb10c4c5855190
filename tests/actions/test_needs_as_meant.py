"""Needs read as they are meant (the blind reading set's needs): what one lacks or seeks in
everyday words, not knowing the people of a place, people who want to come and help, money
asked with what it is for, and what names a need but asks none: what is there already or
going well, a funder's demand, a first thought taken back, a contribution to policy, buying
together, a platform one builds, an earning model one has."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge
from actions.faq import ActionAnswerFaq
from actions.intake import prefill_from_message
from actions.slots import needs_in_answer, needs_in_text
from tests.actions.conftest import make_tracker, slot_events, validate_form


def in_answer(delft, text: str) -> set[str]:
    return set(needs_in_answer(text, delft.catalogue, delft.analyse))


def in_story(text: str) -> set[str]:
    told = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    return set(told.get("needs") or []) | set(told.get("needs_hint") or [])


@pytest.mark.parametrize(
    ("story", "need"),
    [
        # a lack or a search, named in the plain words of an answer
        (
            "We willen met de kinderen uit de straat hockeyen. We hebben geen veldje. "
            "Wie weet raad?",
            "locatie",
        ),
        ("Voor onze kringloopactie in de wijk zoeken we een loods.", "locatie"),
        # not knowing the people of a place
        (
            "We willen ons buurtontbijt ook in Voorhof houden, maar we kennen daar nog niemand. "
            "Kunt u helpen?",
            "netwerk",
        ),
        ("Ons probleem is dat we de ondernemers in die straat helemaal niet kennen.", "netwerk"),
        # the municipality paying along, what must be arranged, how to measure
        ("Wil de gemeente meebetalen aan nieuwe speeltoestellen op ons pleintje?", "financiering"),
        (
            "We houden in mei een buurtbarbecue. Wat moeten we daarvoor allemaal regelen?",
            "vergunning",
        ),
        ("Onze buddy's bezoeken eenzame ouderen. Hoe meet je of dat echt helpt?", "impact"),
        # supplying the municipality, the article left out
        ("Ik heb een drukkerij en wil graag drukken voor gemeente.", "inkoop"),
        # the public service that matches employers with people looking for work
        (
            "Wij zijn een fietsenmaker en willen graag een koppeling met het "
            "werkgeversservicepunt.",
            "personeel",
        ),
        # wanting to know who decides on a building is asking for it
        (
            "Ik wil weten wie er over het lege kerkgebouw aan de gracht gaat. Wij willen er een "
            "buurtkamer van maken.",
            "locatie",
        ),
        # asking whether or not is no taking back
        (
            "Wij houden in juni een rommelmarkt op straat. "
            "Is daar een ontheffing voor nodig of niet?",
            "vergunning",
        ),
        # offering places to learn is asking for staff
        ("Wij zijn een bakkerij en bieden twee leerwerkplekken aan voor jongeren.", "personeel"),
    ],
)
def test_a_need_meant_in_a_story_is_read(story, need):
    assert need in in_story(story)


@pytest.mark.parametrize(
    ("story", "need"),
    [
        # what they have (enough of)
        (
            "Sponsors krijgen we genoeg, maar we zoeken een grotere opslag voor onze kramen.",
            "financiering",
        ),
        (
            "We beginnen een repaircafé in Voorhof. Een zaal hebben we. We zoeken nog reparateurs.",
            "locatie",
        ),
        # who it is for: people with little money
        (
            "Wij geven gratis kookles aan gezinnen met weinig geld en zoeken vrijwilligers.",
            "financiering",
        ),
        # what they contribute to is no money
        (
            "Onze stichting is een bijdrage aan het armoedebeleid van de stad. We zoeken partners.",
            "financiering",
        ),
        # buying together for themselves is not selling to the municipality
        ("Met de hele straat willen we samen warmtepompen inkopen. Wie kan ons helpen?", "inkoop"),
        # a platform one builds is the initiative, not a network
        (
            "Wij bouwen een online platform waar buren gereedschap lenen en zoeken startgeld.",
            "netwerk",
        ),
        # an earning model one has is no question about it
        ("Wij zijn een coöperatie met een verdienmodel en zoeken een bedrijfsruimte.", "kennis"),
        # a funder who asks for numbers is no money sought
        (
            "We draaien al vier jaar. De fondsen willen nu resultaten zien. Hoe tonen we die aan?",
            "financiering",
        ),
        # doing it unpaid is what the writer offers, not a search for volunteers
        (
            "Ik wil kinderen uit de buurt leren fietsen. Helemaal vrijwillig, geen vergoeding.",
            "vrijwilligers",
        ),
        ("Ik geef op vrijwillige basis computerles aan ouderen.", "vrijwilligers"),
        # colleagues at a distance from work who are there already are no request for staff
        (
            "Wij zijn een schoonmaakbedrijf met collega's met een arbeidsbeperking. We zoeken een "
            "tweede bedrijfsruimte.",
            "personeel",
        ),
    ],
)
def test_a_need_named_but_not_asked_in_a_story_is_left_out(story, need):
    assert need not in in_story(story)


def test_the_tellers_of_a_long_story_are_no_request_but_its_questions_are():
    story = (
        "Goedemiddag. Ons koor bestaat al sinds 2009. We begonnen met een paar ouderen die "
        "elkaar wilden helpen tegen de eenzaamheid, en inmiddels zingen er elke dinsdag veertig "
        "mensen mee in het buurthuis, van wie de helft boven de tachtig is. De dirigent doet "
        "het voor een kleine vergoeding en de koffie zetten we zelf. Volgend jaar willen we een "
        "concert geven in de kerk. Weet u een fonds dat zoiets steunt?"
    )
    assert len(story.split()) > 60
    needs = in_story(story)
    assert "financiering" in needs
    assert "vrijwilligers" not in needs


@pytest.mark.parametrize(
    ("answer", "need"),
    [
        ("We krijgen de stageplekken maar niet gevuld.", "personeel"),
        ("we vinden geen chauffeurs voor de buurtbus", "vrijwilligers"),
        ("Vooral mensen die willen komen klussen aan de fietsen.", "vrijwilligers"),
        ("Een potje voor de huur van de zaal.", "financiering"),
        # "binnen" inside a sentence is a place, not money that came in
        ("We zijn binnen de wijk al bekend, maar zoeken subsidie.", "financiering"),
    ],
)
def test_a_need_meant_in_an_answer_is_read(delft, answer, need):
    assert need in in_answer(delft, answer)


@pytest.mark.parametrize(
    ("answer", "need"),
    [
        # what the money is for is not a need of its own
        ("Een potje voor de huur van de zaal.", "locatie"),
        # guests who come to eat are no volunteers
        ("Mensen die komen eten, dat is het doel.", "vrijwilligers"),
        # tried and running well
        (
            "Subsidie aangevraagd, sponsors gevonden, dat gaat prima. Wel zoeken we promotie.",
            "financiering",
        ),
        # a first thought taken back
        ("ik dacht eerst aan subsidie maar nee, het gaat om een vergunning", "financiering"),
        # a funder's demand
        ("Onze subsidiegever wil dat we laten zien wat het oplevert.", "financiering"),
        # not a network: others do not know us (publicity)
        ("De buren kennen ons nog niet.", "netwerk"),
    ],
)
def test_a_need_named_but_not_asked_in_an_answer_is_left_out(delft, answer, need):
    assert need not in in_answer(delft, answer)


def test_a_search_taken_back_names_no_need(delft):
    assert "locatie" not in set(
        needs_in_text("we zoeken geen loods", delft.catalogue, delft.analyse)
    )


async def test_asking_how_to_apply_for_help_notes_its_need(delft):
    knowledge.use_router(delft)
    try:
        tracker = make_tracker(text="Hoe vraag ik de vrijwilligersmatch aan?", intent="ask_about")
        events = await ActionAnswerFaq().run(CollectingDispatcher(), tracker, {})
        asked = make_tracker(text="Wat is de vrijwilligersmatch?", intent="ask_about")
        only_asked = await ActionAnswerFaq().run(CollectingDispatcher(), asked, {})
    finally:
        knowledge.use_router(None)
    assert slot_events(events).get("needs_hint") == ["vrijwilligers"]
    assert "needs_hint" not in slot_events(only_asked)  # what it is, not a wish for it


async def test_a_tagged_need_the_story_says_it_has_is_not_noted(delft):
    knowledge.use_router(delft)
    try:
        slots = await validate_form(
            "Geld hebben we genoeg via de kerk, we zoeken wel een ruimte voor de jeugdclub.",
            "goal",
            {"needs": ["financiering"]},
            intent="describe_initiative",
            entities=[{"entity": "need", "value": "financiering", "start": 0, "end": 4}],
        )
    finally:
        knowledge.use_router(None)
    assert "financiering" not in (slots.get("needs_hint") or [])
    assert "financiering" not in (slots.get("needs") or [])
