"""Turns read again in context (actions/interpret.py) and process questions (actions/process.py)."""

from __future__ import annotations

from datetime import date

from rasa_sdk.executor import CollectingDispatcher

from actions.interpret import ActionAnswerProcess, ActionInterpretTurn, is_dutch
from actions.process import Known, answer, process_topics
from actions.slots import UNKNOWN
from tests.actions.conftest import make_tracker, slot_events, texts


async def test_second_misunderstanding_offers_a_human(router):
    action = ActionInterpretTurn()
    first = CollectingDispatcher()
    events = await action.run(first, make_tracker(text="qwerty", intent="nlu_fallback"), {})
    assert slot_events(events) == {"misunderstandings": 1.0}
    assert "publiekondernemen" not in texts(first)
    second = CollectingDispatcher()
    await action.run(
        second,
        make_tracker(text="asdf", intent="nlu_fallback", slots={"misunderstandings": 1}),
        {},
    )
    assert "mens spreken" in texts(second)
    assert "publiekondernemen@gemeente.example" in texts(second)


async def test_english_gets_a_dutch_answer_with_an_english_hint(router):
    dispatcher = CollectingDispatcher()
    await ActionInterpretTurn().run(
        dispatcher, make_tracker(text="do you speak english", intent="other_language"), {}
    )
    assert "I only understand Dutch" in texts(dispatcher)


async def test_dutch_taken_for_another_language_gets_its_answer(router):
    dispatcher = CollectingDispatcher()
    await ActionInterpretTurn().run(
        dispatcher,
        make_tracker(text="Kan het sneller? Het is echt dringend.", intent="other_language"),
        {},
    )
    shown = texts(dispatcher)
    assert "Nederlands" not in shown
    assert "14 015" in shown  # how to reach someone now


async def test_process_question_inside_the_intake_is_answered_not_referred(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Kost zo'n vergunning eigenlijk iets?",
        intent="out_of_scope",
        active_loop="intake_form",
        slots={"requested_slot": "stage", "goal": "Een straatfeest"},
    )
    events = await ActionInterpretTurn().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    assert "gratis" in shown and "leges" in shown
    assert "Ik help alleen bij initiatieven" not in shown
    assert "verder" in dispatcher.messages[-1]["text"]
    assert events == []


async def test_another_municipal_service_gets_the_general_number(router):
    dispatcher = CollectingDispatcher()
    await ActionInterpretTurn().run(
        dispatcher, make_tracker(text="mijn paspoort is verlopen", intent="out_of_scope"), {}
    )
    assert "belt u 14 015" in dispatcher.messages[0]["text"]


async def test_dont_know_answers_the_open_question_and_is_not_asked_again(router):
    for slot, expected in (("wijk", UNKNOWN), ("stage", UNKNOWN), ("needs", [])):
        tracker = make_tracker(
            text="weet ik niet",
            intent="dont_know",
            active_loop="intake_form",
            slots={"requested_slot": slot},
        )
        events = await ActionInterpretTurn().run(CollectingDispatcher(), tracker, {})
        assert slot_events(events) == {slot: expected}


async def test_no_at_the_wijk_question_is_no_particular_wijk(router):
    tracker = make_tracker(
        text="nee", intent="deny", active_loop="intake_form", slots={"requested_slot": "wijk"}
    )
    events = await ActionInterpretTurn().run(CollectingDispatcher(), tracker, {})
    assert slot_events(events) == {"wijk": UNKNOWN}


async def test_yes_with_details_at_the_contact_question_fills_both(router):
    tracker = make_tracker(
        text="Ja, Noor Bakker, noor@example.nl, bel liever na 17 uur",
        intent="nlu_fallback",
        active_loop="intake_form",
        slots={"requested_slot": "contact_wanted"},
    )
    events = slot_events(await ActionInterpretTurn().run(CollectingDispatcher(), tracker, {}))
    assert events["contact_wanted"] is True
    assert events["contact_name"] == "Noor Bakker"
    assert events["contact_email"] == "noor@example.nl"
    assert "na 17 uur" in events["contact_time"]


async def test_a_description_outside_the_intake_starts_it(router):
    tracker = make_tracker(
        text="Wij willen met de buren geld ophalen voor een speeltuin in Tanthof",
        intent="out_of_scope",
    )
    events = await ActionInterpretTurn().run(CollectingDispatcher(), tracker, {})
    assert events[-1] == {"event": "followup", "name": "intake_form", "timestamp": None}
    assert slot_events(events)["wijk"] == "Tanthof"


async def test_process_answer_after_the_case_without_contact_promises_nothing(router, catalogue):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Hoe lang duurt het voordat ik iets hoor?",
        intent="ask_question",
        slots={"case_reference": "LOK-2026-000042", "case_contact": False},
    )
    await ActionAnswerProcess().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    assert "geen contactgegevens" in shown
    assert "LOK-2026-000042" in shown
    assert "werkdagen" not in shown


def test_process_answer_with_contact_gives_the_date(catalogue):
    known = Known(reference="LOK-2026-000042", reply_by=(0, date(2026, 12, 9)), has_contact=True)
    assert "woensdag 9 december" in answer("doorlooptijd", known, catalogue)


def test_subsidy_answer_invents_no_amount(catalogue):
    text = answer("subsidie", Known(), catalogue)
    assert "kan ik niet zeggen" in text
    assert "€" not in text and not any(ch.isdigit() for ch in text)


def test_process_topics_from_the_words():
    assert process_topics("Kost het iets?") == ["kosten"]
    assert process_topics("Hoeveel subsidie kan ik krijgen?") == ["subsidie"]
    assert process_topics("Moet mijn buurman daar zelf toestemming voor geven?") == ["toestemming"]
    assert process_topics("wat gebeurt er nu?") == ["vervolg"]
    assert process_topics("ik ben al drie keer doorgestuurd") == ["rondgestuurd"]
    assert process_topics("We willen een moestuin in Voorhof") == []


def test_dutch_in_any_form_is_dutch():
    for text in ("Kan het sneller? Het is echt dringend.", "idk gwn geld ofzo", "ok 👍", "ja"):
        assert is_dutch(text), text
    for text in ("Can someone help me with my project please", "I do not speak Dutch"):
        assert not is_dutch(text), text


async def test_a_typed_yes_at_consent_that_was_not_read_as_yes_still_sends(router):
    tracker = make_tracker(
        text="Ja, ze vindt het goed, ik heb het haar net gevraagd.",
        intent="ask_question",
        slots={"phase": "consent"},
    )
    events = await ActionAnswerProcess().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "followup", "name": "action_submit_case", "timestamp": None}]


async def test_an_answer_asked_twice_and_still_unclear_is_noted_as_unknown(router):
    from actions.intake import ValidateIntakeForm

    asked = {"event": "slot", "name": "requested_slot", "value": "organisation"}
    tracker = make_tracker(
        text="tja lastig te zeggen hoor",
        intent="inform_organisation",
        active_loop="intake_form",
        slots={"requested_slot": "organisation"},
    )
    tracker.events = [asked]
    assert (
        await ValidateIntakeForm().extract_organisation(CollectingDispatcher(), tracker, {}) == {}
    )
    tracker.events = [asked, asked]
    assert await ValidateIntakeForm().extract_organisation(CollectingDispatcher(), tracker, {}) == {
        "organisation": UNKNOWN
    }


async def test_a_process_question_taken_for_an_answer_is_answered_and_not_stored(router):
    from actions.intake import ValidateIntakeForm

    tracker = make_tracker(
        text="Hoeveel subsidie kan zo'n buurthuis eigenlijk krijgen voor een verbouwing?",
        intent="inform_need",
        active_loop="intake_form",
        slots={"requested_slot": "needs", "goal": "Een buurtrestaurant in het buurthuis"},
    )
    tracker.latest_action_name = "intake_form"  # the form's own validation run
    dispatcher = CollectingDispatcher()
    events = await ValidateIntakeForm().run(dispatcher, tracker, {})
    assert "kan ik niet zeggen" in texts(dispatcher)
    assert "needs" not in slot_events(events)


async def test_the_core_fallback_after_an_action_of_the_assistant_says_nothing(router):
    from actions.interpret import ActionCoreFallback

    tracker = make_tracker(text="Ja, alles weg graag.", intent="affirm")
    tracker.latest_action_name = "action_erase_everything"
    dispatcher = CollectingDispatcher()
    events = await ActionCoreFallback().run(dispatcher, tracker, {})
    assert events == [{"event": "followup", "name": "action_listen", "timestamp": None}]
    assert dispatcher.messages == []


async def test_the_core_fallback_after_a_message_reads_it_again(router):
    from actions.interpret import ActionCoreFallback

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="Kost het iets?", intent="inform_need")
    await ActionCoreFallback().run(dispatcher, tracker, {})
    assert "gratis" in texts(dispatcher)


async def test_an_initiative_taken_for_a_question_about_loket_starts_the_intake(router):
    from actions.interpret import ActionAnswerCapabilities

    tracker = make_tracker(
        text="Ik wil met de buren iets doen in Tanthof en we zoeken vrijwilligers",
        intent="ask_question",
    )
    events = await ActionAnswerCapabilities().run(CollectingDispatcher(), tracker, {})
    assert events[-1] == {"event": "followup", "name": "intake_form", "timestamp": None}
    dispatcher = CollectingDispatcher()
    await ActionAnswerCapabilities().run(
        dispatcher, make_tracker(text="wat kun jij?", intent="ask_question"), {}
    )
    assert [m.get("response") for m in dispatcher.messages] == [None, "utter_ask_initiative"]
    assert dispatcher.messages[0]["text"].startswith("Ik help als u een initiatief")


async def test_contact_details_given_at_another_question_are_kept(router):
    from actions.intake import ValidateIntakeForm

    tracker = make_tracker(
        text="Ik ben Frank, 06-12341456.",
        intent="give_contact",
        active_loop="intake_form",
        slots={"requested_slot": "needs"},
    )
    tracker.latest_action_name = "intake_form"  # the form's own validation run
    dispatcher = CollectingDispatcher()
    events = slot_events(await ValidateIntakeForm().run(dispatcher, tracker, {}))
    assert events["contact_phone"] == "06-12341456" and events["contact_wanted"] is True
    assert "needs" not in events
    assert "genoteerd" in texts(dispatcher)


async def test_contact_details_with_yes_at_the_contact_question_are_split(router):
    from actions.intake import ValidateIntakeForm

    text = "Ja, bel me terug, liefst 's ochtends: Gijs Verschoor, 06-12349315."
    tracker = make_tracker(
        text=text,
        intent="give_contact",
        active_loop="intake_form",
        slots={"requested_slot": "contact_wanted", "goal": "Een kringloopwinkel"},
    )
    domain = {"forms": {"intake_form": {"required_slots": ["goal", "contact_wanted", "contact"]}}}
    events = slot_events(await ValidateIntakeForm().run(CollectingDispatcher(), tracker, domain))
    assert events["contact_wanted"] is True
    assert events["contact_name"] == "Gijs Verschoor"
    assert events["contact_phone"] == "06-12349315"
    assert "ochtend" in events["contact_time"]


def test_privacy_and_status_questions_are_read_as_such():
    assert process_topics("wat doen jullie straks met mijn telefoonnummer?") == ["privacy"]
    assert process_topics("waar kan ik later zien hoe het ervoor staat?") == ["status"]
    assert process_topics("kan ik mijn aanvraag ergens volgen?") == ["status"]


def test_the_privacy_answer_says_who_gets_the_details(catalogue):
    before = answer("privacy", Known(), catalogue)
    after = answer("privacy", Known(reference="LOK-2026-000001"), catalogue)
    assert "ja op zegt" in before and "ja op zei" in after
    assert "wis" in before.casefold()


async def test_an_introduction_outside_the_intake_starts_it(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Goedemiddag, ik schrijf namens mijn oom, hij heeft een mooi plan bedacht",
        intent="nlu_fallback",
    )
    events = await ActionInterpretTurn().run(dispatcher, tracker, {})
    assert {"event": "followup", "name": "intake_form", "timestamp": None} in events
    assert "begreep" not in texts(dispatcher)


async def test_a_first_story_that_asks_for_a_person_is_handed_to_the_person_offer(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Goedemiddag. Wij willen een speeltuintje opknappen, maar dat bespreek ik liever "
        "met een echt mens. Kan dat?",
        intent="out_of_scope",
    )
    events = await ActionInterpretTurn().run(dispatcher, tracker, {})
    assert events == [{"event": "followup", "name": "action_offer_human", "timestamp": None}]
