"""Guards against a wrong action when the classifier misread a turn: a question about being
called is no call-back request (inside the intake: test_interpret_actions.py's table), a
question at consent sends nothing, a correction at consent is no refusal, and contact details
or a wijk correct the summary whatever the intent."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.consent import ActionDeclineConsent, ActionShowRoute, ActionSubmitCase
from actions.help import ActionStartCallback
from actions.review import ActionApplyCorrection
from tests.actions.conftest import make_tracker, slot_events, texts, validate_form
from tests.actions.test_consent_actions import FILLED


async def test_a_request_to_be_called_still_starts_the_call_back(router):
    tracker = make_tracker(text="Kunt u mij terugbellen?", intent="request_callback")
    events = await ActionStartCallback().run(CollectingDispatcher(), tracker, {})
    assert slot_events(events)["callback"] is True


async def test_a_question_at_consent_taken_for_a_yes_sends_nothing(router, api):
    tracker = make_tracker(
        text="Hoezo dat team?", intent="affirm", slots={**FILLED, "phase": "consent"}
    )
    dispatcher = CollectingDispatcher()
    events = await ActionSubmitCase().run(dispatcher, tracker, {})
    assert slot_events(events) == {"phase": "consent"}
    assert not [r for r in api.requests if r.method == "POST"]
    assert "Wijkzaken pakt uw vraag op" in texts(dispatcher)  # why this team
    assert dispatcher.messages[-1]["buttons"]  # the consent question again


async def test_a_question_at_the_summary_taken_for_a_yes_is_answered(router, api):
    tracker = make_tracker(
        text="Kost het mij iets?", intent="affirm", slots={**FILLED, "phase": "summary"}
    )
    dispatcher = CollectingDispatcher()
    events = await ActionShowRoute().run(dispatcher, tracker, {})
    assert events == []
    assert "gratis" in texts(dispatcher)
    assert "Klopt de samenvatting" in dispatcher.messages[-1]["text"]


async def test_a_correction_at_consent_is_no_refusal(router, api):
    tracker = make_tracker(
        text="Nee, het is eigenlijk in Tanthof", intent="deny", slots={**FILLED, "phase": "consent"}
    )
    events = await ActionDeclineConsent().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "followup", "name": "action_apply_correction", "timestamp": None}]


async def test_contact_details_correct_the_summary_whatever_the_intent(router):
    tracker = make_tracker(
        text="nee, mijn nummer is 06-12345678, bel liever na 18 uur",
        intent="deny",
        slots={**FILLED, "phase": "summary"},
    )
    dispatcher = CollectingDispatcher()
    events = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, {}))
    assert events["contact_phone"] == "06-12345678"
    assert "na 18 uur" in events["contact_time"]
    assert "aangepast" in texts(dispatcher)


async def test_a_wijk_named_corrects_the_summary_whatever_the_intent(router):
    tracker = make_tracker(
        text="nee hoor, we zitten in Tanthof", intent="deny", slots={**FILLED, "phase": "summary"}
    )
    events = slot_events(await ActionApplyCorrection().run(CollectingDispatcher(), tracker, {}))
    assert events["wijk"] == "Tanthof"


async def test_contact_details_answer_the_contact_question_whatever_the_intent(router):
    events = await validate_form(
        "Bel me maar op 06-12345678",
        "contact",
        {"goal": "Een moestuin", "contact_wanted": True},
        intent="request_callback",
    )
    assert events["contact_phone"] == "06-12345678"
    assert events["contact"]


async def test_details_given_with_an_answer_to_another_question_keep_both(router):
    events = await validate_form(
        "Vooral vrijwilligers. Ik ben Frank, 06-12341456",
        "needs",
        {"goal": "Een moestuin"},
        intent="give_contact",
    )
    assert events["needs"] == ["vrijwilligers"]
    assert events["contact_phone"] == "06-12341456"


async def test_what_an_answer_says_plainly_about_another_question_is_kept(router):
    events = await validate_form(
        "We zijn een stichting en bestaan al twaalf jaar, in Tanthof",
        "organisation",
        {"goal": "Een buurtkeuken"},
        intent="inform_organisation",
    )
    assert events["organisation"] == "stichting-vereniging"
    assert events["stage"] == "lopend"
    assert events["wijk"] == "Tanthof"


async def test_a_wish_in_a_needs_answer_is_no_stage(router):
    events = await validate_form(
        "We willen meer vrijwilligers en een ruimte in Tanthof",
        "needs",
        {"goal": "Een buurtkeuken"},
        intent="inform_need",
    )
    assert "stage" not in events
    # No wijk told before: the place they look for is where it will happen.
    assert events["wijk"] == "Tanthof"
    events = await validate_form(
        "We willen meer vrijwilligers en een ruimte in Tanthof",
        "needs",
        {"goal": "Een buurtkeuken", "wijk": "Voorhof"},
        intent="inform_need",
    )
    assert events.get("wijk", "Voorhof") == "Voorhof"


async def test_a_yes_that_leaves_out_an_unknown_party_taken_for_a_no_still_sends(router, api):
    from actions.consent import ActionDeclineConsent

    tracker = make_tracker(
        text="ja, maar niet naar Social Impact Factory",
        intent="deny",
        slots={**FILLED, "phase": "consent"},
    )
    events = await ActionDeclineConsent().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "followup", "name": "action_submit_case", "timestamp": None}]


async def test_leaving_a_party_out_is_no_correction_of_the_needs(router, api):
    tracker = make_tracker(
        text="Ja, maar niet naar de Vrijwilligerscentrale, alleen buren",
        intent="inform_need",
        entities=[{"entity": "need", "value": "vrijwilligers"}],
        slots={**FILLED, "phase": "consent"},
    )
    events = await ActionApplyCorrection().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "followup", "name": "action_submit_case", "timestamp": None}]


async def test_a_change_that_names_the_new_value_applies_it(router):
    from actions.intake import ActionStartChange

    tracker = make_tracker(
        text="Het telefoonnummer klopt niet, ik heb me vertypt: het is 06-12342021.",
        intent="change_field",
        entities=[{"entity": "field", "value": "contact"}],
        slots={**FILLED, "phase": "summary", "contact_phone": "06-12342020"},
    )
    dispatcher = CollectingDispatcher()
    events = slot_events(await ActionStartChange().run(dispatcher, tracker, {}))
    assert events["contact_phone"] == "06-12342021"
    assert "aangepast" in texts(dispatcher)


async def test_a_plain_yes_in_other_words_confirms_the_summary(router):
    from actions.interpret import yes_at_the_open_question

    tracker = make_tracker(text="Dat is een correcte weergave.", slots={"phase": "summary"})
    assert yes_at_the_open_question(tracker, "Dat is een correcte weergave.") == "action_show_route"


async def test_needs_in_words_count_besides_a_tagged_one(router):
    from actions.intake import ValidateIntakeForm

    tracker = make_tracker(
        text="Vrijwilligers, en een ruimte voor de woensdag",
        intent="inform_need",
        entities=[{"entity": "need", "value": "vrijwilligers"}],
        slots={"goal": "Een inloop", "needs": ["vrijwilligers"]},
        asking="needs",
    )
    result = ValidateIntakeForm().validate_needs(
        ["vrijwilligers"], CollectingDispatcher(), tracker, {}
    )
    assert set(result["needs"]) == {"vrijwilligers", "locatie"}


async def test_after_a_question_before_anything_the_intake_form_asks_about_the_initiative(router):
    from actions.interpret import ActionAnswerProcess

    tracker = make_tracker(text="Ik ben al drie keer doorgestuurd. Bent u het juiste adres?")
    events = await ActionAnswerProcess().run(CollectingDispatcher(), tracker, {})
    # The form's own question, so the answer to it is read as the initiative.
    assert events == [{"event": "followup", "name": "intake_form", "timestamp": None}]


async def test_after_another_service_no_intake_is_started(router):
    from actions.interpret import ActionInterpretTurn

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="mijn paspoort is verlopen", intent="out_of_scope")
    events = await ActionInterpretTurn().run(dispatcher, tracker, {})
    assert not [e for e in events if e.get("event") == "followup"]
    assert dispatcher.messages[-1]["response"] == "utter_ask_initiative"


def test_a_start_with_a_time_since_is_running_and_people_who_repair_are_volunteers(catalogue):
    from actions.slots import needs_in_answer, normalise_stage
    from routing import Analysis

    def nothing(text: str) -> Analysis:
        return Analysis()

    text = "Het is geen idee meer, we zijn al bezig. Sinds maart komen er elke week acht vrouwen."
    assert normalise_stage(text, catalogue, nothing) == "lopend"
    assert normalise_stage("we zijn net begonnen, sinds vorige maand", catalogue, nothing) == (
        "opstart"
    )
    needs = needs_in_answer("Meer reparateurs en misschien een tweede locatie.", catalogue, nothing)
    assert set(needs) == {"vrijwilligers", "locatie"}


async def test_a_question_in_the_first_story_is_answered_before_the_intake(router):
    from actions.intake import ActionStartIntake

    text = (
        "Ik organiseer al jaren een koffieochtend in de buurt en zoek geld. Maar eerst: ben "
        "ik nu met een robot aan het praten?"
    )
    dispatcher = CollectingDispatcher()
    events = slot_events(
        await ActionStartIntake().run(
            dispatcher, make_tracker(text=text, intent="describe_initiative"), {}
        )
    )
    assert "computer" in dispatcher.messages[0]["text"]
    assert events["goal"] == text


async def test_leaving_a_party_out_is_read_whatever_action_the_policy_chose(router, api):
    from actions.review import ActionShowSummary

    tracker = make_tracker(
        text="Ja, maar niet naar de Vrijwilligerscentrale, alleen buren",
        intent="inform_organisation",
        slots={**FILLED, "phase": "consent"},
    )
    events = await ActionShowSummary().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "followup", "name": "action_submit_case", "timestamp": None}]


async def test_a_corrected_number_keeps_the_name_and_call_time(router):
    tracker = make_tracker(
        text="Het telefoonnummer klopt niet, ik heb me vertypt: het is 06-12342021.",
        intent="deny",
        slots={
            **FILLED,
            "phase": "summary",
            "contact_phone": "06-12342020",
            "contact_time": "na 15.00 uur",
        },
    )
    events = slot_events(await ActionApplyCorrection().run(CollectingDispatcher(), tracker, {}))
    assert events["contact_phone"] == "06-12342021"
    assert events["contact_name"] == "Karin Bos"
    assert events["contact_time"] == "na 15.00 uur"


def test_the_form_keeps_the_name_when_only_the_number_changes(router):
    from actions.intake import ValidateIntakeForm

    text = "Het telefoonnummer klopt niet, ik heb me vertypt: het is 06-12342021."
    tracker = make_tracker(
        text=text,
        active_loop="intake_form",
        slots={"contact_name": "Juf Kramer", "contact_time": "na 15.00 uur"},
    )
    values = ValidateIntakeForm().validate_contact(text, CollectingDispatcher(), tracker, {})
    assert values["contact_phone"] == "06-12342021"
    assert values["contact_name"] == "Juf Kramer"
    assert values["contact_time"] == "na 15.00 uur"


async def test_a_wish_for_a_person_inside_the_intake_stops_the_questions(router):
    dispatcher = CollectingDispatcher()
    events = await validate_form(
        "Dan wil ik graag een mens spreken. Met een computer praat ik niet over geld.",
        "goal",
        {},
        intent="request_human",
        entities=[{"entity": "need", "value": "financiering"}],
        dispatcher=dispatcher,
    )
    assert events["requested_slot"] is None  # the form ends here
    assert "publiekondernemen@gemeente.example" in texts(dispatcher)
    assert dispatcher.messages[-1]["buttons"]  # "Bel mij terug"
