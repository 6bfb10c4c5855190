"""The summary and corrections in place."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.review import ActionApplyCorrection, ActionShowSummary
from tests.actions.conftest import make_tracker, slot_events, texts

FILLED = {
    "goal": "Een moestuin voor de buurt",
    "needs": ["financiering"],
    "stage": "idee",
    "organisation": "bewoner",
    "wijk": "Tanthof",
    "phase": "summary",
}


async def test_summary_shows_every_answer_and_asks_if_it_is_right(router):
    dispatcher = CollectingDispatcher()
    events = await ActionShowSummary().run(dispatcher, make_tracker(slots=FILLED), {})
    shown = texts(dispatcher)
    for expected in (
        "Een moestuin voor de buurt",
        "geld om het initiatief",
        "Tanthof",
        "Klopt dit?",
    ):
        assert expected in shown
    assert "financiering" not in shown  # a catalogue ID, not a word for the inwoner
    assert "Er is een idee" in shown  # the catalogue's words for the stage
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/affirm"
    assert slot_events(events) == {"phase": "summary"}


async def test_nee_het_is_in_voorhof_changes_only_the_wijk(router):
    tracker = make_tracker(
        text="nee, het is in Voorhof",
        intent="inform_wijk",
        entities=[{"entity": "wijk", "value": "Voorhof"}],
        slots=FILLED,
    )
    dispatcher = CollectingDispatcher()
    events = await ActionApplyCorrection().run(dispatcher, tracker, {})
    assert slot_events(events) == {"wijk": "Voorhof"}
    assert "Wijk: Voorhof" in texts(dispatcher)
    assert "Klopt dit?" in texts(dispatcher)


async def test_we_zoeken_ook_vrijwilligers_adds_a_need(router):
    tracker = make_tracker(
        text="we zoeken ook vrijwilligers",
        intent="inform_need",
        entities=[{"entity": "need", "value": "vrijwilligers"}],
        slots=FILLED,
    )
    events = await ActionApplyCorrection().run(CollectingDispatcher(), tracker, {})
    assert slot_events(events)["needs"] == ["financiering", "vrijwilligers"]


async def test_a_correction_at_the_consent_question_goes_back_to_the_summary(router):
    tracker = make_tracker(
        text="het draait al",
        intent="inform_stage",
        slots={**FILLED, "phase": "consent"},
    )
    events = await ActionApplyCorrection().run(CollectingDispatcher(), tracker, {})
    assert slot_events(events) == {"phase": "summary", "stage": "lopend"}


async def test_a_plain_no_asks_what_to_change(router):
    tracker = make_tracker(text="nee", intent="deny", slots=FILLED)
    dispatcher = CollectingDispatcher()
    events = await ActionApplyCorrection().run(dispatcher, tracker, {})
    assert events == []
    assert dispatcher.messages[0]["response"] == "utter_ask_what_to_change"


async def test_contact_details_given_at_the_summary(router):
    tracker = make_tracker(
        text="toch maar wel mijn nummer: 06 31 41 59 26", intent="give_contact", slots=FILLED
    )
    events = await ActionApplyCorrection().run(CollectingDispatcher(), tracker, {})
    slots = slot_events(events)
    assert slots["contact_phone"] == "06 31 41 59 26"
    assert slots["contact_wanted"] is True


async def test_a_tagged_word_the_correction_takes_back_is_not_applied(router):
    tracker = make_tracker(
        text="klopt niet helemaal, wij zijn geen stichting maar gewoon een stel buren",
        intent="inform_organisation",
        entities=[{"entity": "organisation", "value": "stichting"}],
        slots={"phase": "summary", "goal": "Een buurtbbq", "organisation": "stichting-vereniging"},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionApplyCorrection().run(dispatcher, tracker, {})
    assert slot_events(events)["organisation"] == "bewoner"
    assert "goal" not in slot_events(events)


async def test_a_question_at_consent_is_answered_not_taken_for_a_correction(router):
    tracker = make_tracker(
        text="Wat is eigenlijk het verschil tussen een team en een partner?",
        intent="inform_organisation",
        slots={"phase": "consent", "goal": "Een buurtbbq", "organisation": "bewoner"},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionApplyCorrection().run(dispatcher, tracker, {})
    assert "organisation" not in slot_events(events)
    shown = texts(dispatcher)
    assert "afdeling van de gemeente" in shown and "Mag ik uw samenvatting doorsturen?" in shown


async def test_a_correction_that_first_names_the_old_value_applies_the_new_one(router):
    tracker = make_tracker(
        text="Er staat vereniging, maar dat is fout: geen vereniging, gewoon een paar buren",
        intent="describe_initiative",
        slots={"phase": "summary", "goal": "Een buurtbbq", "organisation": "stichting-vereniging"},
    )
    events = await ActionApplyCorrection().run(CollectingDispatcher(), tracker, {})
    assert slot_events(events)["organisation"] == "bewoner"
    assert "goal" not in slot_events(events)
