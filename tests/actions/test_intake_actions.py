"""The intake actions with CollectingDispatcher and Tracker.from_dict."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import (
    ActionAskContact,
    ActionStartChange,
    ActionStartIntake,
    ValidateIntakeForm,
)
from tests.actions.conftest import make_tracker, run_action, slot_events, texts, validate_form

DOMAIN_SLOTS = ["goal", "needs", "stage", "organisation", "wijk", "contact_wanted", "contact"]


async def test_first_description_fills_what_it_tells(router):
    tracker = make_tracker(
        text="Met een paar buren willen we een moestuin in Voorhof en we zoeken vrijwilligers",
        intent="describe_initiative",
        entities=[{"entity": "wijk", "value": "Voorhof"}],
    )
    dispatcher = CollectingDispatcher()
    events = await ActionStartIntake().run(dispatcher, tracker, {})
    slots = slot_events(events)
    assert slots["goal"].startswith("Met een paar buren")
    assert slots["wijk"] == "Voorhof"
    # A need the story states as its request ("we zoeken vrijwilligers") is the answer; the
    # needs question is not asked again.
    assert slots["needs"] == ["vrijwilligers"] and "needs_hint" not in slots
    # Residents who do it together are a citizens' initiative (the catalogue's "bewoner").
    assert slots["organisation"] == "bewoner"
    assert "stage" not in slots


async def test_a_short_need_is_no_goal(router):
    tracker = make_tracker(
        text="geld", intent="inform_need", entities=[{"entity": "need", "value": "financiering"}]
    )
    events = await ActionStartIntake().run(CollectingDispatcher(), tracker, {})
    slots = slot_events(events)
    assert "goal" not in slots
    assert slots["needs"] == ["financiering"]


async def test_a_new_intake_after_a_finished_one_forgets_the_old_answers(router):
    tracker = make_tracker(
        text="een taalcafé voor nieuwe buren in de bibliotheek",
        intent="describe_initiative",
        slots={"phase": "done", "goal": "oud doel", "wijk": "Tanthof"},
    )
    slots = slot_events(await ActionStartIntake().run(CollectingDispatcher(), tracker, {}))
    assert slots["phase"] is None
    assert slots["goal"] == "een taalcafé voor nieuwe buren in de bibliotheek"


async def test_contact_is_asked_only_when_wanted(router):
    form = ValidateIntakeForm()
    dispatcher = CollectingDispatcher()
    no = make_tracker(slots={"contact_wanted": False})
    yes = make_tracker(slots={"contact_wanted": True})
    assert "contact" not in await form.required_slots(DOMAIN_SLOTS, dispatcher, no, {})
    assert "contact" in await form.required_slots(DOMAIN_SLOTS, dispatcher, yes, {})
    callback = make_tracker(slots={"callback": True})
    assert await form.required_slots(DOMAIN_SLOTS, dispatcher, callback, {}) == ["goal", "contact"]


async def test_wijk_in_words_is_extracted_but_not_from_a_question(router):
    form = ValidateIntakeForm()
    answer = make_tracker(
        text="wij zitten in tanthoff", intent="inform_wijk", slots={"requested_slot": "wijk"}
    )
    assert await form.extract_wijk(CollectingDispatcher(), answer, {}) == {"wijk": "Tanthof"}
    question = make_tracker(
        text="wat is het wijkbudget in Tanthof?",
        intent="ask_about",
        slots={"requested_slot": "wijk"},
    )
    assert await form.extract_wijk(CollectingDispatcher(), question, {}) == {}


async def test_needs_in_words_come_from_the_analysis(router):
    form = ValidateIntakeForm()
    tracker = make_tracker(
        text="vooral geld voor materiaal", intent="inform_need", slots={"requested_slot": "needs"}
    )
    assert await form.extract_needs(CollectingDispatcher(), tracker, {}) == {
        "needs": ["financiering"]
    }


def test_contact_answer_is_split_into_fields(router):
    dispatcher = CollectingDispatcher()
    result = ValidateIntakeForm().validate_contact(
        "Karin Bos, karin@voorbeeld.nl", dispatcher, make_tracker(), {}
    )
    assert result["contact_email"] == "karin@voorbeeld.nl"
    assert result["contact_name"] == "Karin Bos"
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("first", "kept"),
    [
        ("Karin", {"contact_name": "Karin"}),
        ("mijn naam is Karin Bos", {"contact_name": "Karin Bos"}),
        ("bel me maar 's avonds", {"contact_time": "'s avonds"}),
        ("ehm wat bedoelt u", {}),
    ],
)
def test_contact_without_a_way_to_reach_is_asked_again_keeping_what_it_gave(router, first, kept):
    dispatcher = CollectingDispatcher()
    result = ValidateIntakeForm().validate_contact(first, dispatcher, make_tracker(), {})
    assert result.pop("contact") is None
    assert result.keys() == kept.keys()
    assert all(words in result[key] for key, words in kept.items())
    assert "e-mailadres of telefoonnummer" in texts(dispatcher)
    # the address in the next answer adds to what the first one gave
    tracker = make_tracker(text="karin@example.nl", slots=result, asking="contact")
    later = ValidateIntakeForm().validate_contact(
        "karin@example.nl", CollectingDispatcher(), tracker, {}
    )
    assert later["contact_email"] == "karin@example.nl"
    assert {key: later[key] for key in result} == result


def test_one_word_goal_is_asked_again(router):
    dispatcher = CollectingDispatcher()
    assert ValidateIntakeForm().validate_goal("ja", dispatcher, make_tracker(), {}) == {
        "goal": None
    }
    assert dispatcher.messages


def test_refusing_contact_forgets_given_details(router):
    result = ValidateIntakeForm().validate_contact_wanted(
        False, CollectingDispatcher(), make_tracker(), {}
    )
    assert result["contact_wanted"] is False
    assert result["contact_email"] is None


async def test_change_clears_the_chosen_answer(router):
    tracker = make_tracker(
        text='/change_field{"field": "wijk"}',
        intent="change_field",
        entities=[{"entity": "field", "value": "wijk"}],
        slots={"wijk": "Tanthof"},
    )
    events = await ActionStartChange().run(CollectingDispatcher(), tracker, {})
    assert slot_events(events) == {"wijk": None}


async def test_the_needs_question_after_one_noted_need_asks_what_else(router):
    from actions.intake import ActionAskNeeds

    buttons = [{"title": "Geld", "payload": '/inform_need{"need": "financiering"}'}]
    domain = {"responses": {"utter_ask_needs": [{"text": "Waar?", "buttons": buttons}]}}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"needs_hint": ["vrijwilligers"]})
    await ActionAskNeeds().run(dispatcher, tracker, domain)
    assert "Ik noteer al: vrijwilligers vinden en houden" in texts(dispatcher)
    assert dispatcher.messages[0]["buttons"] == buttons
    for answer, expected in (
        ("nee, dat is alles", ["vrijwilligers"]),
        ("en ook wat geld", ["vrijwilligers", "financiering"]),
    ):
        tracker = make_tracker(
            text=answer,
            intent="inform_need",
            slots={"needs_hint": ["vrijwilligers"]},
            asking="needs",
        )
        events = await ValidateIntakeForm().extract_needs(CollectingDispatcher(), tracker, {})
        assert events == {"needs": expected}, answer


async def test_an_introduction_alone_is_not_stored_as_the_goal(router):
    tracker = make_tracker(
        text="Goedemorgen, ik ben penningmeester van de speeltuinvereniging in Tanthof.",
        intent="describe_initiative",
    )
    slots = slot_events(await ActionStartIntake().run(CollectingDispatcher(), tracker, {}))
    assert "goal" not in slots


async def test_a_story_whose_request_is_to_supply_the_municipality_needs_no_needs_question(
    router,
):
    tracker = make_tracker(
        text="Wij hebben een drukkerij en willen graag drukwerk leveren aan de gemeente",
        intent="describe_initiative",
    )
    slots = slot_events(await ActionStartIntake().run(CollectingDispatcher(), tracker, {}))
    assert slots["needs"] == ["inkoop"]
    assert "needs_hint" not in slots


async def test_needs_tagged_in_the_first_story_are_judged_like_the_story(router):
    tracker = make_tracker(
        text="We willen geld en vrijwilligers zoeken voor onze buurtmoestuin in Voorhof",
        intent="describe_initiative",
        entities=[{"entity": "need", "value": "financiering"}],
        slots={"needs": ["financiering"]},
        active_loop="intake_form",
    )
    result = ValidateIntakeForm().validate_needs(
        ["financiering"], CollectingDispatcher(), tracker, {}
    )
    assert result["needs"] == ["financiering", "vrijwilligers"]


async def test_a_wish_for_a_person_in_the_first_story_is_honoured_first(router):
    tracker = make_tracker(
        text="Ik wil een buurtbibliotheek beginnen maar praat daar liever met een echt mens over",
        intent="describe_initiative",
    )
    events = await ActionStartIntake().run(CollectingDispatcher(), tracker, {})
    assert {"event": "followup", "name": "action_offer_human", "timestamp": None} in events


async def test_a_long_story_needs_what_its_asking_sentences_name(router):
    story = (
        "Wij zijn een vereniging die al twaalf jaar een weggeefwinkel runt in de wijk. Alles "
        "draait op vrijwilligers en dat gaat goed, we hebben elke week veel bezoekers en de "
        "sfeer is fijn. Het gebouw waar we zitten wordt verkocht en de nieuwe eigenaar wil er "
        "appartementen maken. We zoeken daarom een nieuwe ruimte in de buurt, het liefst op "
        "de begane grond. Ook zouden we hulp willen bij de verhuizing, want dat kost geld. "
        "Verder gaat alles prima en hebben we niets anders nodig."
    )
    tracker = make_tracker(text=story, intent="describe_initiative")
    slots = slot_events(await ActionStartIntake().run(CollectingDispatcher(), tracker, {}))
    assert "locatie" in slots["needs"] and "financiering" in slots["needs"]
    assert "vrijwilligers" not in slots["needs"]


async def test_a_word_tagged_in_a_later_story_keeps_the_organisation_already_known(router):
    tracker = make_tracker(
        text="Een vaste plek waar mantelzorgers elkaar elke week kunnen ontmoeten",
        intent="describe_initiative",
        slots={"organisation": "mantelzorgers"},
        asking="goal",
    )
    tracker.events = [
        {"event": "slot", "name": "organisation", "value": "maatschappelijke-organisatie"},
        {"event": "user", "text": "Een vaste plek waar mantelzorgers …"},
        {"event": "slot", "name": "organisation", "value": "mantelzorgers"},
    ]
    result = ValidateIntakeForm().validate_organisation(
        "mantelzorgers", CollectingDispatcher(), tracker, {}
    )
    assert result == {"organisation": "maatschappelijke-organisatie"}


def test_a_short_answer_to_the_initiative_question_is_the_goal(router):
    tracker = make_tracker(text="Soep koken.", asking="goal")
    form = ValidateIntakeForm()
    assert form.validate_goal("Soep koken.", CollectingDispatcher(), tracker, {}) == {
        "goal": "Soep koken."
    }
    dispatcher = CollectingDispatcher()
    assert form.validate_goal("ja", dispatcher, tracker, {}) == {"goal": None}
    assert "meer vertellen" in texts(dispatcher)


async def test_the_goal_question_before_anything_is_known_asks_about_the_initiative(router):
    from actions.intake import ActionAskGoal

    first = CollectingDispatcher()
    await ActionAskGoal().run(first, make_tracker(active_loop="intake_form"), {})
    assert first.messages[0]["response"] == "utter_ask_initiative"
    later = CollectingDispatcher()
    await ActionAskGoal().run(
        later, make_tracker(active_loop="intake_form", slots={"wijk": "Voorhof"}), {}
    )
    assert later.messages[0]["response"] == "utter_ask_goal"


def test_a_stage_tagged_in_the_first_story_is_not_taken_when_the_words_do_not_say_it(router):
    tracker = make_tracker(
        text="ik wil een ruilhoek voor schoolspullen beginnen, want kinderen groeien zo hard",
        intent="describe_initiative",
        entities=[{"entity": "stage", "value": "opschalen"}],
        active_loop="intake_form",
        slots={"stage": "opschalen"},
    )
    result = ValidateIntakeForm().validate_stage("opschalen", CollectingDispatcher(), tracker, {})
    assert result == {"stage": None}


@pytest.mark.parametrize(
    ("slots", "asks"),
    [
        ({}, "utter_ask_contact"),  # name and address or number
        ({"contact_name": "Karin Bos"}, "Op welk e-mailadres of telefoonnummer"),  # only those
    ],
)
async def test_the_contact_question_asks_only_for_what_is_missing(router, slots, asks):
    reply = await run_action(ActionAskContact(), "", None, slots=slots)
    sent = [message.get("response") or message.get("text") for message in reply.dispatcher.messages]
    assert len(sent) == 1 and sent[0].startswith(asks)


async def test_an_address_after_the_name_keeps_the_name(router):
    # The classifier hears contact details in a bare address: the form's own run keeps them,
    # with the name the answer before gave.
    given = {"goal": "Een moestuin", "contact_wanted": True, "contact_name": "Karin Bos"}
    slots = await validate_form("karin@example.nl", "contact", given, intent="give_contact")
    assert slots["contact_email"] == "karin@example.nl"
    assert slots["contact_name"] == "Karin Bos"
