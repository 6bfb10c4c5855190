"""Readings that held for new inwoners (blind set dev4): a stage said as years of running, a
lack that is a need, advice asked in a 'whether' clause, a yes to contact that prefers a
call, a wijk corrected with 'niet X maar Y', and 'waarom' taken for a wish for a person."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.help import ActionOfferHuman
from actions.review import ActionApplyCorrection
from actions.slots import needs_in_answer, running_stage
from tests.actions.conftest import make_tracker, slot_events, texts, validate_form
from tests.actions.test_consent_actions import FILLED


@pytest.mark.parametrize(
    "text",
    [
        "Draaien 2 jaar, zitten in Schieoevers.",
        "Een stichting die al 25 jaar draait. Door bezuinigingen vervalt onze subsidie.",
        "We knappen fietsen op. Dat doen we nu drie jaar.",
    ],
)
def test_years_of_running_are_read_within_their_own_sentence(delft, text):
    assert running_stage(text, delft.catalogue) == "lopend"


@pytest.mark.parametrize("text", ["We wonen hier al 20 jaar.", "Het veld ligt er al jaren leeg."])
def test_years_of_something_else_are_no_running_initiative(delft, text):
    assert running_stage(text, delft.catalogue) is None


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        ("Ik heb geen ruimte. En geld voor thee.", {"locatie", "financiering"}, set()),
        ("Er is nog geen plek voor ons.", {"locatie"}, set()),
        ("We hebben geen geld nodig, wel vrijwilligers.", {"vrijwilligers"}, {"financiering"}),
        ("Een tweede pand, en advies of we niet beter een bv kunnen worden.", {"kennis"}, set()),
        # the "whether" clause keeps its own words: "of het mag" asks about a permit
        (
            "Ik wil alleen weten of het mag. Geld heb ik niet nodig.",
            {"vergunning"},
            {"financiering"},
        ),
    ],
)
def test_a_lack_is_a_need_and_a_whether_clause_keeps_what_comes_before(
    delft, text, wanted, not_wanted
):
    found = set(needs_in_answer(text, delft.catalogue, delft.analyse))
    assert wanted <= found
    assert not (not_wanted & found)


async def test_a_yes_to_contact_that_prefers_a_call_is_an_answer_not_a_wish_for_a_person(router):
    text = "Ja graag, maar liever bellen, want ik kijk bijna nooit in de e-mail."
    before = {k: v for k, v in FILLED.items() if not k.startswith("contact")}
    values = await validate_form(text, "contact_wanted", before, intent="request_human")
    assert values["contact_wanted"] is True
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text=text, intent="request_human", slots={**before}, asking="contact_wanted"
    )
    assert await ActionOfferHuman().run(dispatcher, tracker, {}) == []
    assert dispatcher.messages == []  # no "U kunt het team mailen …"


async def test_niet_x_maar_y_corrects_the_wijk_to_y(router):
    tracker = make_tracker(
        text="Nee, het is niet in Voorhof maar in Tanthof, ik zat me te vergissen.",
        intent="inform_wijk",
        entities=[{"entity": "wijk", "value": "Voorhof"}],
        slots={**FILLED, "phase": "summary"},
    )
    events = await ActionApplyCorrection().run(CollectingDispatcher(), tracker, {})
    assert slot_events(events)["wijk"] == "Tanthof"


async def test_why_so_many_parties_is_answered_not_taken_for_a_wish_for_a_person(router):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Waarom gaat het naar zoveel verschillende partijen? Ik had liever één aanspreekpunt.",
        intent="request_human",
        slots={**FILLED, "phase": "consent"},
    )
    await ActionOfferHuman().run(dispatcher, tracker, {})
    shown = texts(dispatcher)
    assert "pakt uw vraag op" in shown  # the lead and why
    assert "Mag ik uw samenvatting doorsturen?" in shown  # and the consent question again


async def test_a_thank_you_that_asks_what_happens_next_gets_the_answer(router):
    from actions.question import ActionThank

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        text="Dank u wel. En wat gebeurt er nu verder?",
        intent="thank",
        slots={"phase": "done", "case_reference": "LOK-2026-000001", "case_lead": "wijken"},
    )
    await ActionThank().run(dispatcher, tracker, {})
    assert "bekijkt uw vraag" in texts(dispatcher)  # what happens next, with the case
    plain = CollectingDispatcher()
    await ActionThank().run(plain, make_tracker(text="Dank je wel!", intent="thank"), {})
    assert [m.get("response") for m in plain.messages] == ["utter_thank"]


async def test_a_thank_you_with_a_yes_at_consent_sends(router):
    from actions.question import ActionThank

    tracker = make_tracker(
        text="Dank u wel, ja hoor, stuur maar door", intent="thank", slots={"phase": "consent"}
    )
    events = await ActionThank().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "followup", "name": "action_submit_case", "timestamp": None}]
