"""The summary and corrections in place."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.review import ActionApplyCorrection, ActionShowSummary
from tests.actions.conftest import make_tracker, run_action, slot_events, texts

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


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # contact details given with a wish for a person: kept, and the summary follows (it
        # once showed nothing at all: the chat answered 502)
        ("Kees de Wit, kees.dewit@example.nl. Ik spreek liever een medewerker.", True),
        # a wish for a person alone stops the questions; the form said how to reach one
        ("Ik spreek liever een medewerker.", False),
    ],
)
async def test_the_summary_after_contact_details_with_a_wish_for_a_person(router, text, shown):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, intent="request_human", slots=FILLED)
    await ActionShowSummary().run(dispatcher, tracker, {})
    assert ("Klopt dit?" in texts(dispatcher)) is shown


# A correction of a summary whose organisation was read wrong.
BBQ = {"phase": "summary", "goal": "Een buurtbbq", "organisation": "stichting-vereniging"}
BUREN = "Een of meer bewoners"  # the catalogue's words for "bewoner"


@pytest.mark.parametrize(
    ("text", "intent", "entity", "slots", "changed", "shown"),
    [
        (
            "nee, het is in Voorhof",
            "inform_wijk",
            {"entity": "wijk", "value": "Voorhof"},
            FILLED,
            {"wijk": "Voorhof"},
            "Wijk: Voorhof",
        ),
        (
            "we zoeken ook vrijwilligers",
            "inform_need",
            {"entity": "need", "value": "vrijwilligers"},
            FILLED,
            {"needs": ["financiering", "vrijwilligers"]},
            "vrijwilligers",
        ),
        (
            "het draait al",
            "inform_stage",
            None,
            {**FILLED, "phase": "consent"},
            {"phase": "summary", "stage": "lopend"},
            "Het initiatief draait al",
        ),
        (
            "klopt niet helemaal, wij zijn geen stichting maar gewoon een stel buren",
            "inform_organisation",
            {"entity": "organisation", "value": "stichting"},
            BBQ,
            {"organisation": "bewoner"},
            BUREN,
        ),
        (
            "Er staat vereniging, maar dat is fout: geen vereniging, gewoon een paar buren",
            "describe_initiative",
            None,
            BBQ,
            {"organisation": "bewoner"},
            BUREN,
        ),
    ],
    ids=[
        "nee-het-is-in-voorhof-changes-only-the-wijk",
        "we-zoeken-ook-vrijwilligers-adds-a-need",
        "at-the-consent-question-it-goes-back-to-the-summary",
        "a-tagged-word-the-correction-takes-back-is-not-applied",
        "a-correction-that-first-names-the-old-value-applies-the-new-one",
    ],
)
async def test_a_correction_changes_what_it_names_and_shows_the_summary_again(
    router, text, intent, entity, slots, changed, shown
):
    reply = await run_action(
        ActionApplyCorrection(), text, intent, entities=[entity] if entity else [], slots=slots
    )
    assert reply.slots == changed
    assert shown in reply.dispatcher.messages[0]["text"]  # "Ik heb dit aangepast: …"
    assert "Klopt dit?" in reply.shown


async def test_a_plain_no_asks_what_to_change(router):
    reply = await run_action(ActionApplyCorrection(), "nee", "deny", slots=FILLED)
    assert reply.events == []
    assert reply.responses == ["utter_ask_what_to_change"]


async def test_contact_details_given_at_the_summary(router):
    reply = await run_action(
        ActionApplyCorrection(),
        "toch maar wel mijn nummer: 06 31 41 59 26",
        "give_contact",
        slots=FILLED,
    )
    assert reply.slots["contact_phone"] == "06 31 41 59 26"
    assert reply.slots["contact_wanted"] is True
    assert not reply.slots.get("contact_name")  # "toch" is no name


@pytest.mark.parametrize(
    "text",
    [
        "Dan toch maar per mail graag: lid@example.nl",
        "eigenlijk liever wel gebeld, 06 22 33 44 55",
        "nou vooruit dan, mijn mail is buurt@example.nl",
    ],
)
async def test_function_words_in_late_contact_details_are_no_name(router, text):
    reply = await run_action(ActionApplyCorrection(), text, "give_contact", slots=FILLED)
    assert reply.slots.get("contact_email") or reply.slots.get("contact_phone")
    assert not reply.slots.get("contact_name")


async def test_a_question_at_consent_is_answered_not_taken_for_a_correction(router):
    reply = await run_action(
        ActionApplyCorrection(),
        "Wat is eigenlijk het verschil tussen een team en een partner?",
        "inform_organisation",
        slots={"phase": "consent", "goal": "Een buurtbbq", "organisation": "bewoner"},
    )
    assert "organisation" not in reply.slots
    assert "afdeling van de gemeente" in reply.shown
    assert "Mag ik uw samenvatting doorsturen?" in reply.shown
