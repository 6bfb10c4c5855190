"""A first message that asks whether the municipality helps with an initiative starts the
intake; a story's stage and organisation count only from what it says for sure; a question at
the consent question taken for a "no" is answered."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge
from actions.consent import ActionDeclineConsent
from actions.intake import prefill_from_message
from actions.process import asked_topics
from actions.question import ActionAnswerQuestion
from actions.slots import sure_part
from routing import get_municipalities
from tests.actions.conftest import make_tracker, slot_events, texts

STORY = (
    "Ik ben kunstenaar en geef al een paar jaar les aan buren, dat draait al. Mijn droom is "
    "een galerie in een leeg pand met een ruimte voor iedereen. Ik weet niet of het een "
    "stichting moet worden of iets anders."
)


def first_story(text: str, entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """What a first story gives, read with the real signal words of Delft."""
    knowledge.use_router(get_municipalities().get("delft"))
    try:
        return prefill_from_message(
            make_tracker(text=text, intent="describe_initiative", entities=entities)
        )
    finally:
        knowledge.use_router(None)


async def test_a_question_whether_the_municipality_helps_with_an_initiative_starts_the_intake(
    router,
):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="kan de gemeente helpen met subsidie voor een buurtfeest?", intent="ask_question"
    )
    events = await ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert events[-1] == FollowupAction("intake_form")
    values = slot_events(events)
    assert "goal" not in values  # a question is no goal: the goal question is asked
    assert values["needs_hint"] == ["financiering"] or values.get("needs") == ["financiering"]
    assert "Ik help als u" not in texts(dispatcher)


async def test_a_question_about_loket_itself_still_says_what_loket_does(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="wat kan ik hier allemaal vragen?", intent="ask_question")
    events = await ActionAnswerQuestion().run(dispatcher, tracker, {})
    # What Loket does, then the form's question about the initiative; nothing is noted from
    # the question itself.
    assert events == [FollowupAction("intake_form")]
    assert "Ik help als u een initiatief" in texts(dispatcher)


def test_what_a_story_does_not_know_is_no_statement():
    assert "stichting" not in sure_part(STORY)
    assert sure_part(STORY).startswith("Ik ben kunstenaar")


def test_a_story_of_something_running_and_a_dream_leaves_the_stage_to_the_question(router):
    values = prefill_from_message(make_tracker(text=STORY, intent="describe_initiative"))
    assert "stage" not in values  # running lessons, a dreamt gallery: the inwoner says which
    assert "organisation" not in values  # "weet niet of het een stichting moet worden"


def test_a_story_that_only_runs_keeps_its_stage(router):
    text = "Onze moestuin in Voorhof draait al drie jaar en we zoeken vrijwilligers."
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values["stage"] == "lopend"


def test_asking_who_receives_it_asks_about_the_parties():
    assert asked_topics("Ik weet het niet... wie krijgen het dan? Ook politie?") == ["teams"]


@pytest.mark.parametrize(
    ("story", "asked"),
    [
        # the statement names calling, the question asks about money
        (
            "Wij zijn een vereniging voor nieuwkomers in Voorhof en onze leden durven nu zelf de "
            "dokter te bellen, dat is mooi. Hoeveel subsidie kunnen we krijgen?",
            ["subsidie"],
        ),
        # a short message is one request, read whole
        ("Kan ik vandaag iemand van jullie spreken? Dit kan echt niet wachten.", ["doorlooptijd"]),
        # a short question that names no topic asks about what the story says
        ("Ik wil weten wat het kost. Kan dat?", ["kosten"]),
        # a longer one asks about something else
        (
            "Ons taalcafé in de bibliotheek draait al drie jaar en elke week komen er twintig "
            "mensen. De deelnemers durven nu zelf de huisarts te bellen. Hoe laten we zien wat "
            "we bereiken?",
            [],
        ),
    ],
)
def test_a_story_asks_what_its_questions_name(story, asked):
    assert asked_topics(story) == asked


def test_the_legal_form_a_long_story_names_wins_over_the_neighbours_it_began_with():
    text = (
        "Wij begonnen vijf jaar geleden als een groepje buren met een kledingruil in de kerk. "
        "Nu komen er elke maand honderd mensen. Sinds vorig jaar zijn we een stichting, met "
        "een bestuur en leden. We willen graag een vaste ruimte en wat hulp bij de "
        "administratie, want dat groeit ons boven het hoofd. De kerk gaat namelijk dicht en "
        "dan moeten we weg. Wie kan ons helpen? We zitten in Voorhof."
    )
    tagged = [{"entity": "organisation", "value": "bewoner", "start": 35, "end": 48}]
    values = first_story(text, tagged)
    assert values.get("organisation") == "stichting-vereniging"


def test_a_list_of_what_a_long_story_wants_is_its_needs():
    text = (
        "Goedemorgen. Wij zijn de schaakclub van Vrijenban en spelen al sinds 1976 elke "
        "dinsdagavond in het buurthuis. We hebben veertig leden, van tien tot negentig jaar, "
        "en steeds meer kinderen willen leren schaken. Wat we graag willen:\n"
        "- een tweede avond in een ander lokaal\n"
        "- een paar extra begeleiders voor de jeugd\n"
        "Zo kan iedereen in de wijk blijven schaken."
    )
    values = first_story(text)
    assert set(values.get("needs") or values.get("needs_hint") or []) >= {
        "locatie",
        "vrijwilligers",
    }


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            "Ten eerste een werkplaats, want de schuur is te klein. Ten tweede geld: een "
            "goede zaagtafel kost al gauw 4.000 euro.",
            {"locatie", "financiering"},
        ),
        (
            "Als eerste een vaste plek voor de spullen. Als laatste wat geld voor verzekering.",
            {"locatie", "financiering"},
        ),
    ],
)
def test_the_counted_items_after_a_long_story_asks_are_its_needs(items, expected):
    text = (
        "Hallo, ik vertel het maar in een keer. Drie jaar geleden zijn een paar vaders uit "
        "Tanthof begonnen met fietsen opknappen voor kinderen die geen fiets hebben. Eerst in "
        "een garage, nu in een schuur achter de kerk. Inmiddels hebben we al tachtig fietsen "
        "weggegeven en de scholen sturen steeds meer gezinnen naar ons toe. We willen het nu "
        "goed aanpakken en er een echte werkplaats van maken. Daarvoor zijn een paar dingen "
        "nodig. " + items + " Verder gaat alles goed."
    )
    values = first_story(text)
    assert set(values.get("needs") or values.get("needs_hint") or []) >= expected


def test_what_a_long_story_only_wonders_about_is_noted_and_the_needs_question_asked():
    text = (
        "Goedendag. Sinds mijn pensioen heb ik veel tijd, en met een paar mensen uit de flat "
        "hebben we bedacht dat we op zaterdag een ruilmarkt willen houden op het pleintje "
        "achter de supermarkt in Wippolder. Spullen die je niet meer gebruikt, breng je mee, "
        "en je neemt iets anders mee terug. Zo gooien we minder weg en leren we elkaar kennen. "
        "We weten alleen niet of dat zomaar mag op dat plein, en of er een potje voor is "
        "voor een paar kramen."
    )
    values = first_story(text)
    assert "needs" not in values  # noted, not taken as all: the needs question asks what else
    assert set(values["needs_hint"]) == {"vergunning", "financiering"}


async def test_a_question_at_consent_taken_for_a_no_is_answered_and_asked_again(router, api):
    from tests.actions.test_consent_actions import FILLED

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Ik weet het niet... wie krijgen het dan?",
        intent="deny",
        slots={**FILLED, "phase": "consent"},
    )
    events = await ActionDeclineConsent().run(dispatcher, tracker, {})
    assert slot_events(events)["phase"] == "consent"  # nothing decided, nothing sent
    assert "Deze teams kijken mee" in texts(dispatcher)
    assert not [r for r in api.requests if r.method == "POST"]  # no case was sent


@pytest.mark.parametrize(
    ("story", "taken_along"),
    [
        (
            "Wij willen een buurtfeest in Voorhof houden. Is daar geld voor?",
            True,
        ),
        ("Wij willen een buurtfeest in Voorhof houden en zoeken subsidie.", False),
    ],
)
async def test_a_question_about_the_help_in_a_first_story_is_said_to_be_taken_along(
    router, story, taken_along
):
    from actions.intake import QUESTION_TAKEN_ALONG, ActionStartIntake

    dispatcher = CollectingDispatcher()
    await ActionStartIntake().run(
        dispatcher, make_tracker(text=story, intent="describe_initiative"), {}
    )
    assert (QUESTION_TAKEN_ALONG in texts(dispatcher)) is taken_along
