"""A typed answer to the consent question counts as that answer whichever action it reached
(a wish for a person, erasure), and a refusal after a hesitation declines. Every text here is
written for the test."""

from __future__ import annotations

import pytest

from actions.consent import ActionSubmitCase
from actions.erasure import ActionAskErasure
from actions.help import ActionOfferHuman
from actions.intake import NO, YES
from tests.actions.conftest import followup, run_action
from tests.actions.test_consent_actions import FILLED

# -- consent answers that reached another action --


async def test_leaving_a_partner_out_with_a_reason_that_names_a_person_is_consent(router):
    reply = await run_action(
        ActionOfferHuman(),
        "Ja, maar niet naar de Vrijwilligerscentrale, daar hebben we al een contactpersoon.",
        "request_human",
        slots={**FILLED, "phase": "consent"},
    )
    assert reply.events == [followup("action_submit_case")]


async def test_leaving_a_partner_out_is_no_request_to_erase(router):
    reply = await run_action(
        ActionAskErasure(),
        "ja prima, alleen zonder de Vrijwilligerscentrale, daar staan we los van",
        "request_erasure",
        slots={**FILLED, "phase": "consent"},
    )
    assert reply.events == [followup("action_submit_case")]


async def test_a_wish_to_erase_at_the_consent_question_is_still_asked_to_confirm(router):
    reply = await run_action(
        ActionAskErasure(),
        "nee, niet doorsturen en wis alles",
        "request_erasure",
        slots={**FILLED, "phase": "consent"},
    )
    assert reply.slots["erase_pending"] is True


# -- refusals --


@pytest.mark.parametrize("text", ["Hmm, nee.", "ehm nee hoor", "Tja. Nee, toch maar niet."])
def test_a_no_after_a_hesitation_is_a_no(text):
    assert NO.match(text) and not YES.match(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hmm, nee. Ik wil toch niet dat mijn naam bij zoveel clubs terechtkomt.",
        "Laat ook maar, ik wil niet dat het verstuurd wordt",
        # an answer turned to no, in wordpatterns' one spelling
        "Doe maar niet.",
        "Eigenlijk hoeft het toch niet.",
    ],
)
async def test_a_refusal_at_the_consent_question_declines_whatever_the_intent(router, api, text):
    reply = await run_action(
        ActionSubmitCase(), text, "affirm", slots={**FILLED, "phase": "consent"}
    )
    assert reply.events == [followup("action_decline_consent")]
    assert not [r for r in api.requests if r.method == "POST"]


@pytest.mark.parametrize("text", ["O ja, nog iets: het is in Ruiven", "nou ja, eigenlijk niet"])
def test_o_ja_and_nou_ja_are_no_yes(text):
    assert not YES.match(text)


async def test_not_wanting_it_kept_at_the_consent_question_asks_to_erase(router, api):
    reply = await run_action(
        ActionSubmitCase(),
        "nee, ik wil eigenlijk niet dat jullie dit allemaal opslaan",
        "ask_question",
        slots={**FILLED, "phase": "consent"},
    )
    assert reply.events == [followup("action_ask_erasure")]
    assert not [r for r in api.requests if r.method == "POST"]


# -- a yes with a wish about keeping --


@pytest.mark.parametrize(
    "text",
    [
        "ja maar bewaar mijn gegevens niet langer dan nodig",
        "ja, als jullie het niet te lang bewaren",
    ],
)
async def test_a_yes_that_wishes_the_data_kept_short_is_consent(router, text):
    reply = await run_action(
        ActionAskErasure(), text, "request_erasure", slots={**FILLED, "phase": "consent"}
    )
    assert reply.events == [followup("action_submit_case")]


async def test_erasing_now_with_a_word_of_waiting_is_still_asked_to_confirm(router):
    reply = await run_action(
        ActionAskErasure(),
        "wis alles, ik wil niet langer wachten",
        "request_erasure",
        slots={**FILLED, "phase": "consent"},
    )
    assert reply.slots["erase_pending"] is True
