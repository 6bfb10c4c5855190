"""Needs read as inwoners say them (issue #12): not knowing which permit or how to go about
it asks for it, money in a compound or as a cost that cannot be paid, paid people and people
who learn to work at a business, income other than subsidy as an earning model; and the same
words in another sense (earning money, learning to work with a tablet) are no need."""

from __future__ import annotations

import pytest

from actions import knowledge
from actions.intake import prefill_from_message
from actions.slots import needs_in_answer, needs_in_text
from tests.actions.conftest import make_tracker, phrasings, validate_form


def needs(delft, text: str) -> set[str]:
    return set(needs_in_answer(text, delft.catalogue, delft.analyse))


@pytest.mark.parametrize(("text", "need"), phrasings("need in an answer"))
def test_a_need_said_in_everyday_words_is_read(delft, text, need):
    assert need in needs(delft, text)


@pytest.mark.parametrize(("text", "need"), phrasings("no need in an answer"))
def test_a_word_in_another_sense_is_no_need(delft, text, need):
    assert need not in needs(delft, text)


def test_not_knowing_keeps_only_what_it_asks_about(delft):
    # What is asked about is wanted; a need the same answer takes back stays out.
    found = needs(delft, "Geld hoeven we niet, maar we weten niet welke vergunning nodig is.")
    assert "vergunning" in found
    assert "financiering" not in found
    # "nodig" in the question is no "not needed"
    assert "vergunning" in needs(delft, "weten niet welke vergunningen er nodig zijn")


def test_earning_money_is_an_earning_model_not_money_to_find(delft):
    found = needs(delft, "we weten niet hoe we hier geld mee kunnen verdienen")
    assert "kennis" in found
    assert "financiering" not in found


@pytest.mark.parametrize(
    ("story", "need"),
    [
        ("Ik heb een bakkerij in de wijk. Ik wil dat jongeren bij mij leren werken.", "personeel"),
        ("In mijn garage is plek voor meiden die werkend leren.", "personeel"),
        ("Onze stichting wil minder afhankelijk worden van subsidie.", "kennis"),
        ("De bibliotheek in de wijk zoekt eigen inkomsten naast de subsidie.", "kennis"),
    ],
)
def test_a_need_said_in_the_first_story_is_kept(story, need):
    tracker = make_tracker(text=story, intent="describe_initiative")
    told = prefill_from_message(tracker)
    assert need in (told.get("needs") or told.get("needs_hint") or [])


def test_learning_to_work_with_a_tool_in_a_story_is_no_staff(delft):
    story = "In het buurthuis leren we ouderen werken met de computer."
    assert "personeel" not in needs_in_text(story, delft.catalogue, delft.analyse)


def test_what_others_cannot_pay_in_a_story_is_no_need_for_money():
    story = (
        "We geven gratis zwemles aan kinderen van ouders die het niet kunnen betalen, "
        "en zoeken daarvoor vrijwilligers."
    )
    told = prefill_from_message(make_tracker(text=story, intent="describe_initiative"))
    assert "financiering" not in (told.get("needs") or told.get("needs_hint") or [])
    assert "vrijwilligers" in (told.get("needs") or told.get("needs_hint") or [])


@pytest.mark.parametrize(
    ("answer", "kept"),
    [
        ("Alleen een plek voor de kraam. Subsidie hoeft niet.", ["locatie"]),
        ("vrijwilligers! geld is al geregeld", ["vrijwilligers"]),
        # a lack is a need: the money noted stays
        ("We hebben geen ruimte en ook nog geen vrijwilligers.", ["financiering", "locatie"]),
    ],
)
async def test_a_need_noted_from_the_story_goes_when_the_answer_takes_it_back(delft, answer, kept):
    knowledge.use_router(delft)
    try:
        slots = await validate_form(
            answer,
            "needs",
            {"goal": "Een ruilwinkel voor kinderkleding", "needs_hint": ["financiering"]},
            intent="inform",
        )
    finally:
        knowledge.use_router(None)
    assert set(kept) <= set(slots["needs"])
    if "financiering" not in kept:
        assert "financiering" not in slots["needs"]


@pytest.mark.parametrize(
    ("story", "need"),
    [
        ("Ik wil bijles geven aan kinderen uit de flat. Ik heb een lokaal nodig.", "locatie"),
        ("Voor de naaiclub hebben we dringend een zaaltje nodig.", "locatie"),
    ],
)
def test_what_a_story_says_it_needs_is_a_need_in_any_words(delft, story, need):
    assert need in needs_in_text(story, delft.catalogue, delft.analyse)


def test_what_a_story_says_it_does_not_need_is_no_need(delft):
    story = "We hebben geen lokaal nodig, dat hebben we al."
    assert "locatie" not in needs_in_text(story, delft.catalogue, delft.analyse)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # how they were sent to this chat asks for no website and no visibility
        ("Bij de balie zeiden ze: typ het maar in de chat op de website.", []),
        # what they were told they could ask for here is still asked for
        ("Ze zeiden dat ik hier subsidie kon aanvragen voor ons straatfeest.", ["financiering"]),
        # a website of their own is visibility
        (
            "We willen onze activiteiten op de website zetten zodat meer mensen komen.",
            ["zichtbaarheid"],
        ),
    ],
)
def test_how_they_were_sent_here_asks_for_nothing(delft, text, wanted):
    assert needs_in_text(text, delft.catalogue, delft.analyse) == wanted


@pytest.mark.parametrize(
    ("text", "tells"),
    [
        # only how they came here and for whom they type: the goal question is asked
        (
            "Goedemiddag, ik typ dit voor mijn opa. Bij het buurthuis zeiden ze dat hij het "
            "hier moest vragen. Hij kan zelf niet zo goed typen, dus ik doe het voor hem.",
            False,
        ),
        ("hey ze zeiden op school dat ik t hier moest zetten", False),
        # with what he wants to do, it is the goal
        ("Ik typ dit voor mijn opa: hij wil een biljartclub beginnen in het buurthuis.", True),
        # an introduction with a place of one's own and what happens there tells what it is
        (
            "Goedendag. Ik ben bakker uit Eritrea. Ik heb een kleine bakkerij, daar leer ik "
            "jongeren brood bakken.",
            True,
        ),
        ("Ik ben fietsenmaker. Wij hebben een fietswerkplaats in Tanthof.", True),
        # an introduction with a question, or a project not yet told, is still no goal
        ("Ik ben kapper en ik heb een vraag", False),
        ("Hoi, ik ben meester van groep 5 en ik heb een project met mijn klas.", False),
    ],
)
def test_introductions_tell_the_goal_only_with_what_it_does(delft, text, tells):
    from actions.intake import tells_what_it_is

    knowledge.use_router(delft)
    try:
        assert tells_what_it_is(text) is tells
    finally:
        knowledge.use_router(None)


@pytest.mark.parametrize(
    ("story", "need"),
    [
        # what is wanted instead of what is not
        ("Subsidie hoeven we niet, wel een vaste ruimte voor de lessen.", "locatie"),
        # the place they use closes
        ("We oefenen al jaren in het wijkcentrum, maar dat wordt na de zomer gesloten.", "locatie"),
        # not knowing where to hold it
        (
            "Ik wil een spelletjesmiddag houden, maar ik weet niet waar, en wie de koffie betaalt.",
            "locatie",
        ),
        # a pot of money for it
        (
            "Wij willen een buurtkerst, is daar misschien een potje voor bij de gemeente?",
            "financiering",
        ),
    ],
)
def test_a_story_names_the_need_it_describes(delft, story, need):
    assert need in needs_in_text(story, delft.catalogue, delft.analyse)


def test_permission_given_already_is_no_need(delft):
    story = "We hebben inmiddels toestemming van de school, nu zoeken we nog helpers."
    assert "vergunning" not in needs_in_text(story, delft.catalogue, delft.analyse)
