"""Guards against a wrong action when the classifier misread a turn: a question about being
called is no call-back request, a question at consent sends nothing, a correction at consent
is no refusal, and contact details or a wijk correct the summary whatever the intent."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.consent import ActionDeclineConsent, ActionShowRoute, ActionSubmitCase
from actions.help import ActionStartCallback
from actions.review import ActionApplyCorrection
from tests.actions.conftest import make_tracker, slot_events, texts

FILLED = {
    "goal": "Een moestuin voor de buurt",
    "needs": ["vrijwilligers"],
    "stage": "idee",
    "organisation": "bewoner",
    "wijk": "Voorhof",
    "contact_wanted": True,
    "contact_name": "Karin Bos",
    "contact_email": "karin@example.nl",
}


async def test_a_question_about_being_called_is_answered_not_turned_into_a_call_back(router):
    tracker = make_tracker(
        text="Bellen ze mij dan?",
        intent="request_callback",
        active_loop="intake_form",
        slots={"goal": "Een moestuin", "requested_slot": "stage"},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionStartCallback().run(dispatcher, tracker, {})
    assert events == []  # no call-back slots: the intake goes on
    assert "Alleen als u dat wilt" in texts(dispatcher)


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
