"""Dialogue flow (issue #12, seventh round): a change of mind inside one answer to the contact
question, a phone number said in words, a question that opens the conversation, and someone
who types for another person."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.erasure import ActionAskErasure
from actions.intake import answer_to, yes_or_no
from actions.interpret import ActionInterpretTurn
from actions.question import ActionAnswerQuestion
from actions.slots import digits_in_words, parse_contact
from tests.actions.conftest import followup, make_tracker, run_action, texts, validate_form


@pytest.mark.parametrize(
    ("text", "wants"),
    [
        ("Nee dank u. Hm, bij nader inzien toch wel graag.", True),
        ("nee hoor, laat maar... of eigenlijk wel, dan weet ik waar ik aan toe ben", True),
        ("Liever niet. Nou, doe toch maar, anders blijft het stil.", True),
        ("nah. wacht, ja toch, bel me maar", True),
        ("Ja graag. Ach nee, laat maar zitten, ik meld me zelf wel.", False),
        ("ja hoor... hmm, toch maar niet eigenlijk", False),
        ("Jawel. Of nee, eigenlijk liever niet, ik heb het druk.", False),
    ],
)
def test_a_change_of_mind_inside_the_contact_answer_counts_as_the_answer(router, text, wants):
    tracker = make_tracker(text=text, active_loop="intake_form")
    assert yes_or_no(text) is wants
    values = answer_to("contact_wanted", text, tracker)
    if wants:
        assert values == {"contact_wanted": True}
    else:  # no contact: none of the details asked after may stay behind
        assert values["contact_wanted"] is False
        assert values["contact_email"] is None and values["contact_phone"] is None


@pytest.mark.parametrize(
    ("text", "wants"),
    [
        ("Ja, doe maar", True),
        ("nee, laat maar", False),
        ("Ja graag, wel handig", True),
        ("Nee, ik bel zelf wel", False),
        ("Ja, laat maar weten wanneer", True),  # "laat maar weten" takes nothing back
        ("Nee, doe maar niet", False),
    ],
)
def test_an_answer_that_stays_the_same_keeps_its_yes_or_no(text, wants):
    assert yes_or_no(text) is wants


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("Kees Smit, nul zes 98 76 54 32, na zessen ben ik er", "0698765432"),
        ("bel mij maar: nul-zes een twee drie vier vijf zes zeven acht", "0612345678"),
        ("Je kunt me bereiken op nul zes 1234 5670. Groet, Anouk", "0612345670"),
        ("mevr. De Boer, telefoon nul zes - 11 22 33 44", "0611223344"),
    ],
)
def test_a_phone_number_said_in_words_is_a_phone_number(text, digits):
    phone = parse_contact(text).phone
    assert phone is not None and "".join(ch for ch in phone if ch.isdigit()) == digits


def test_number_words_that_are_no_phone_number_stay_words():
    assert digits_in_words("we zijn met een stuk of drie, vier buren") == (
        "we zijn met een stuk of drie, vier buren"
    )
    assert digits_in_words("twee of drie keer per week, een uur of vijf") == (
        "twee of drie keer per week, een uur of vijf"
    )
    assert parse_contact("Sanne Dijkstra, bel 06 12 34 56 78").phone == "06 12 34 56 78"
    assert parse_contact("Tom, nul zes een twee drie").phone is None  # too few digits


@pytest.mark.parametrize(
    "text",
    [
        "Hoeveel subsidie kan ik krijgen voor een buurtbarbecue?",
        "Wat kost het mij als ik hier een vraag stel?",
        "hoe lang duurt het voor ik iets hoor over een aanvraag voor een speeltuin",
    ],
)
async def test_a_question_that_opens_the_conversation_is_answered_and_the_intake_starts(
    router, text
):
    reply = await run_action(ActionAnswerQuestion(), text, "ask_question")
    assert reply.shown  # the answer
    assert followup("intake_form") in reply.events  # then the question about the initiative


_LEAVES_THE_FORM = {"event": "active_loop", "name": None, "timestamp": None}


@pytest.mark.parametrize(
    ("action", "text", "reply_starts", "own_events"),
    [
        # The rules pause the form around a question; the action only answers.
        (ActionAnswerQuestion(), "Hoeveel subsidie kan ik krijgen?", "", []),
        # Erasure asks to confirm outside the form, so it leaves the form itself.
        (
            ActionAskErasure(),
            "Kunt u alles wat ik net heb getypt weer weghalen?",
            "Weet u zeker",
            [_LEAVES_THE_FORM],
        ),
    ],
)
async def test_a_question_inside_the_intake_is_answered_outside_the_form(
    router, api, action, text, reply_starts, own_events
):
    reply = await run_action(
        action, text, "ask_question", slots={"goal": "Een taalcafé"}, asking="stage"
    )
    assert reply.shown.startswith(reply_starts) and reply.shown
    assert all(event in reply.events for event in own_events)
    assert followup("intake_form") not in reply.events  # the form asks again after the answer
    assert api.requests == []


@pytest.mark.parametrize(
    "text",
    [
        "dag, ik help mijn buurman, zijn Nederlands is niet zo goed",
        "Hallo, ik typ dit namens mijn oma. Ze leest slecht.",
        "goedemiddag ik vul het in voor mijn vader want die heeft geen computer",
        "Geachte heer, mevrouw. Mijn naam is Gerrit de Vries, ik ben 81 jaar en woon al vijftig "
        "jaar in Tanthof.",
        "hoi ik ben 16 en woon in voorhof",
    ],
)
async def test_typing_for_someone_else_is_an_introduction_not_another_service(router, text):
    reply = await run_action(ActionInterpretTurn(), text, "out_of_scope")
    assert "14 015" not in reply.shown  # no general number
    assert followup("intake_form") in reply.events  # the intake starts with its first question


@pytest.mark.parametrize(
    "text",
    [
        "ik typ voor mijn moeder, haar paspoort is verlopen",
        "mijn naam is Anouk, ik woon in Voorhof en mijn paspoort is verlopen",
    ],
)
async def test_typing_for_someone_with_a_matter_of_another_service_gets_the_number(router, text):
    reply = await run_action(ActionInterpretTurn(), text, "out_of_scope")
    assert "14 015" in reply.shown


async def test_a_question_with_a_word_tagged_as_an_unknown_need_is_still_answered(router):
    # Rasa fills `needs` from any word its entity model tags ("fonds", no catalogue need) before
    # the form's validation reads the turn; the answer to the question routes without it.
    dispatcher = CollectingDispatcher()
    slots = await validate_form(
        "Even een vraag: wie beslist of we geholpen worden, de gemeente of een fonds?",
        "needs",
        {"goal": "Wekelijks samen sporten met ouderen in de wijk", "needs": ["fonds"]},
        intent="ask_question",
        entities=[{"entity": "need", "value": "fonds"}],
        dispatcher=dispatcher,
    )
    assert texts(dispatcher)  # answered, not an error
    assert "fonds" not in (slots.get("needs") or [])


@pytest.mark.parametrize("text", ["wollah ik zoek hulp", "kunt u mij helpen?"])
async def test_a_plain_request_for_help_starts_the_intake(router, text):
    reply = await run_action(ActionInterpretTurn(), text, "nlu_fallback")
    assert "begreep ik niet" not in reply.shown
    assert followup("intake_form") in reply.events
