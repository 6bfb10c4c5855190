"""Acknowledgements and closings ("ok", "top", "helder", "👍") at any moment: a reply that fits,
the open question again where one is open, and never "Sorry, dat begreep ik niet"."""

from __future__ import annotations

import pytest

from actions.closing import acknowledges
from actions.consent import ActionSubmitCase
from actions.goodbye import ActionSayGoodbye, says_goodbye
from actions.interpret import ActionInterpretTurn
from actions.question import ActionThank
from tests.actions.conftest import followup, make_tracker, phrasings, run_action, slot_events

NOT_UNDERSTOOD = "begreep ik niet"


@pytest.mark.parametrize(("text", "heard"), phrasings("acknowledgement"))
def test_an_acknowledgement_is_told_from_an_answer_or_a_question(text, heard):
    assert acknowledges(text) is heard


@pytest.mark.parametrize(
    "text", ["oke thx", "👌", "is duidelijk", "ah oke, dan bel ik ze zelf wel"]
)
async def test_an_acknowledgement_after_a_referral_gets_a_fitting_reply(text):
    reply = await run_action(ActionInterpretTurn(), text, "nlu_fallback")
    assert NOT_UNDERSTOOD not in reply.shown
    assert "Heeft u een idee" in reply.shown
    assert "misunderstandings" not in reply.slots  # no step towards "wilt u een mens?"


async def test_thanks_get_a_thank_you_and_other_words_do_not():
    thanked = await run_action(ActionInterpretTurn(), "top dank je", "nlu_fallback")
    assert thanked.shown.startswith("Graag gedaan.")
    heard = await run_action(ActionInterpretTurn(), "helder", "nlu_fallback")
    assert heard.shown.startswith("Fijn.")


@pytest.mark.parametrize("text", ["okeee", "prima hoor 👍", "Ja goed, dank u."])
async def test_an_acknowledgement_after_the_case_was_sent_closes_politely(text):
    reply = await run_action(
        ActionInterpretTurn(),
        text,
        "affirm",
        slots={"phase": "done", "case_reference": "LOK-2026-000009"},
    )
    assert NOT_UNDERSTOOD not in reply.shown
    assert "succes met uw initiatief" in reply.shown
    assert reply.events == []  # nothing sent again, nothing changed


@pytest.mark.parametrize("requested", ["goal", "needs", "stage", "organisation", "wijk"])
async def test_an_acknowledgement_at_an_open_question_is_no_answer(requested):
    reply = await run_action(
        ActionInterpretTurn(),
        "oké, helder",
        "affirm",
        slots={"goal": "Een moestuin"},
        asking=requested,
    )
    assert reply.shown == "Goed."
    assert reply.events == [followup("intake_form")]  # the form asks its question again


@pytest.mark.parametrize("requested", ["needs", "stage", "organisation", "wijk"])
async def test_the_form_does_not_store_an_acknowledgement_as_not_known(requested):
    # The message is read while the question is open: an unclear answer would be noted as
    # not known (ANSWERS_BEFORE_UNKNOWN); "kk top" is no answer at all.
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import ValidateIntakeForm

    tracker = make_tracker(
        text="kk top",
        intent="affirm",
        slots={"goal": "Een moestuin"},
        events=[
            {"event": "slot", "name": "requested_slot", "value": requested},
            {"event": "user", "text": "kk top"},
        ],
        asking=requested,
    )
    extract = getattr(ValidateIntakeForm(), f"extract_{requested}")
    assert await extract(CollectingDispatcher(), tracker, {}) == {}


async def test_a_yes_word_at_the_summary_is_a_yes_and_heard_asks_again():
    summary = {"phase": "summary"}
    yes = await run_action(ActionInterpretTurn(), "prima hoor 👍", "nlu_fallback", slots=summary)
    assert yes.events == [followup("action_show_route")]
    heard = await run_action(ActionInterpretTurn(), "is duidelijk", "nlu_fallback", slots=summary)
    assert "Klopt de samenvatting" in heard.shown
    assert NOT_UNDERSTOOD not in heard.shown


async def test_understood_at_consent_sends_nothing_and_asks_again():
    reply = await run_action(
        ActionInterpretTurn(), "begrepen", "nlu_fallback", slots={"phase": "consent"}
    )
    assert "Mag ik uw samenvatting doorsturen?" in reply.shown
    assert followup("action_submit_case") not in reply.events


async def test_a_thank_you_at_consent_asks_the_consent_question_again(api):
    reply = await run_action(
        ActionThank(), "duidelijk, dank u", "thank", slots={"phase": "consent"}
    )
    assert "Mag ik uw samenvatting doorsturen?" in reply.shown
    assert api.requests == []


CONSENT = {
    "goal": "Een moestuin voor de buurt",
    "needs": ["financiering"],
    "stage": "idee",
    "organisation": "bewoner",
    "wijk": "Tanthof",
    "phase": "consent",
    "idempotency_key": "idem-key-ack-1",
}


@pytest.mark.parametrize("text", ["ah zo", "begrepen", "aha, helder", "is duidelijk"])
async def test_heard_is_no_consent_even_when_taken_for_a_yes(router, api, text):
    reply = await run_action(ActionSubmitCase(), text, "affirm", slots=CONSENT)
    assert api.requests == []
    assert reply.slots == {"phase": "consent"}
    assert "Mag ik uw samenvatting doorsturen?" in reply.shown


@pytest.mark.parametrize("text", ["top", "oké, helder", "prima 👍"])
async def test_an_acknowledgement_with_a_yes_in_it_is_consent(router, api, text):
    reply = await run_action(ActionSubmitCase(), text, "affirm", slots=CONSENT)
    assert [r.method for r in api.requests].count("POST") == 1
    assert reply.slots["phase"] == "done"


@pytest.mark.parametrize(
    ("text", "shown", "slots"),
    [
        ("aha, helder", "Goed.", {}),  # heard: the question again
        ("top", "", {"contact_wanted": True}),  # a yes-word is a yes
    ],
)
async def test_at_the_contact_question_heard_asks_again_and_a_yes_word_is_a_yes(text, shown, slots):
    reply = await run_action(
        ActionInterpretTurn(),
        text,
        "nlu_fallback",
        slots={"goal": "Een moestuin"},
        asking="contact_wanted",
    )
    assert reply.shown == shown
    assert reply.slots == slots
    if not slots:
        assert reply.events == [followup("intake_form")]


# Goodbye as the classifier hears it: only a message that takes leave and does nothing else
# ends the conversation (phrasings.yml).
@pytest.mark.parametrize(("text", "farewell"), phrasings("farewell"))
def test_a_farewell_is_told_from_words_that_open_or_carry_a_conversation(text, farewell):
    assert says_goodbye(text) is farewell


async def test_a_farewell_says_goodbye():
    reply = await run_action(ActionSayGoodbye(), text="Dank u wel, tot ziens!", intent="goodbye")
    assert "utter_goodbye" in reply.shown
    assert reply.events == []


@pytest.mark.parametrize("text", ["Goedendag", "goeiedag!", "Dag."])
async def test_day_alone_greets_when_it_opens_the_conversation(router, text):
    reply = await run_action(ActionSayGoodbye(), text=text, intent="goodbye")
    assert reply.shown == "utter_greet"
    assert followup("intake_form") in reply.events


async def test_day_alone_later_in_the_conversation_takes_leave(router):
    earlier = [
        {"event": "user", "text": "We willen een ruilbieb"},
        {"event": "user", "text": "dag"},
    ]
    reply = await run_action(ActionSayGoodbye(), text="dag", intent="goodbye", events=earlier)
    assert "utter_goodbye" in reply.shown


@pytest.mark.parametrize(
    "text",
    [
        "Goedendag, ik tik dit voor mijn opa, hij leest niet zo goed.",
        "We willen een ruilbieb in de portiek neerzetten. Groetjes, Ilse",
    ],
)
async def test_an_opening_taken_for_goodbye_starts_the_intake(router, text):
    reply = await run_action(ActionSayGoodbye(), text=text, intent="goodbye")
    assert "utter_goodbye" not in reply.shown
    assert followup("intake_form") in reply.events  # its first question, or the next one


def leads_to(reply) -> str:
    """Where a reply leads: "goodbye", or the action it hands the turn to."""
    if "utter_goodbye" in reply.shown:
        return "goodbye"
    return next(e["name"] for e in reply.events if e.get("event") == "followup")


RUILBIEB = {"goal": "Een ruilbieb"}


# A message heard as a farewell, at a point where the intake waits for something: it is that
# answer, or a goodbye. `stored`: slots the turn sets (None: a slot it must leave unset).
@pytest.mark.parametrize(
    ("text", "where", "step", "stored"),
    [
        # "that is all" at the needs question answers it: the needs noted are kept
        (
            "nee, dat was het",
            {
                "active_loop": "intake_form",
                "slots": {**RUILBIEB, "requested_slot": "needs", "needs_hint": ["locatie"]},
            },
            "intake_form",
            {"needs": ["locatie"]},
        ),
        # a yes with a farewell at consent sends
        (
            "Ja hoor, stuur het maar door. Doei!",
            {"slots": {**RUILBIEB, "phase": "consent"}},
            "action_submit_case",
            {},
        ),
        # after a question about cost, someone who only wanted to know that takes leave at the
        # first question: no initiative is stored
        (
            "oke dank je, meer wilde ik niet weten. doei",
            {"asking": "goal"},
            "goodbye",
            {"goal": None},
        ),
    ],
)
async def test_a_farewell_where_the_intake_waits_leads_to_what_belongs_there(
    router, text, where, step, stored
):
    reply = await run_action(ActionSayGoodbye(), text=text, intent="goodbye", **where)
    assert leads_to(reply) == step
    if step != "goodbye":
        assert "utter_goodbye" not in reply.shown
    set_now = slot_events(reply.events)
    for slot, value in stored.items():
        assert set_now.get(slot) == value if value is not None else slot not in set_now
