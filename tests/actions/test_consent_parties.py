"""Consent that is true: every party named, parties left out, the lead kept, under 16, and
no reply promised without a way to reach the inwoner; the status token never goes through Rasa."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import ActionDeclineConsent, ActionShowRoute, ActionSubmitCase
from actions.recipients import excluded_parties, stated_age
from tests.actions.conftest import make_tracker, run_action, slot_events, texts
from tests.actions.test_consent_actions import FILLED

# FakeRouter's route for FILLED: teams wijken (lead), openbare-ruimte; partner
# vrijwilligerscentrale.
ROUTE = ["wijken", "openbare-ruimte", "vrijwilligerscentrale"]
NO_CONTACT = {k: v for k, v in FILLED.items() if not k.startswith("contact_")}


def posted(api: Any) -> dict[str, Any]:
    posts = [r for r in api.requests if r.method == "POST"]
    assert len(posts) == 1
    body: dict[str, Any] = json.loads(posts[0].content)
    return body


async def submit(text: str, slots: dict[str, Any] | None = None) -> tuple[Any, list[Any]]:
    tracker = make_tracker(
        text=text, intent="affirm", slots={**FILLED, "phase": "consent", **(slots or {})}
    )
    dispatcher = CollectingDispatcher()
    events = await ActionSubmitCase().run(dispatcher, tracker, {})
    return dispatcher, events


async def test_the_button_sends_to_every_party_named_in_the_question(router, api):
    _dispatcher, _ = await submit("/affirm")
    assert posted(api)["recipients"] == ROUTE


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("ja, maar niet naar de Vrijwilligerscentrale", ["vrijwilligerscentrale"]),
        ("Ja hoor, alleen niet naar vrijwilligers centrale", ["vrijwilligerscentrale"]),
        ("ja maar niet naar OPENBARE RUIMTE en de vrijwilligerscentrale", ROUTE[1:]),
        ("ja, zonder de partners", ["vrijwilligerscentrale"]),
        ("ja, maar nie naar de vrijwilligerscentrale, die kennen we al", ["vrijwilligerscentrale"]),
        # the party named before the words that leave it out
        (
            "Ja prima, de Vrijwilligerscentrale hoeft het niet te krijgen, daar zitten we al",
            ["vrijwilligerscentrale"],
        ),
        ("goed, sla de vrijwilligerscentrale maar over", ["vrijwilligerscentrale"]),
    ],
)
async def test_a_yes_that_leaves_parties_out_sends_only_to_the_rest(router, api, text, left_out):
    dispatcher, events = await submit(text)
    assert posted(api)["recipients"] == [p for p in ROUTE if p not in left_out]
    assert "niet naar" in texts(dispatcher)
    assert slot_events(events)["phase"] == "done"


async def test_leaving_out_the_lead_team_is_explained_and_asked_again(router, api):
    dispatcher, events = await submit("ja, maar niet naar Wijkzaken en de vrijwilligerscentrale")
    assert api.requests == []
    shown = texts(dispatcher)
    assert "Wijkzaken krijgt uw vraag altijd" in shown
    assert [b["payload"] for b in dispatcher.messages[-1]["buttons"]] == ["/affirm", "/deny"]
    slots = slot_events(events)
    assert slots["phase"] == "consent"
    assert slots["consent_excluded"] == ["vrijwilligerscentrale"]
    # The next plain yes keeps the party left out before.
    await submit("/affirm", {"consent_excluded": slots["consent_excluded"]})
    assert posted(api)["recipients"] == ["wijken", "openbare-ruimte"]


async def test_a_no_that_leaves_a_party_out_asks_whether_the_others_may_have_it(router, api):
    tracker = make_tracker(
        text="nee, niet naar de vrijwilligerscentrale",
        intent="deny",
        slots={**FILLED, "phase": "consent"},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionDeclineConsent().run(dispatcher, tracker, {})
    assert api.requests == []
    assert "alleen naar Wijkzaken en Openbare Ruimte en Groen" in texts(dispatcher)
    assert slot_events(events) == {
        "phase": "consent",
        "consent_excluded": ["vrijwilligerscentrale"],
    }


async def test_a_yes_that_withdraws_still_sends_nothing(router, api):
    _dispatcher, events = await submit("ja, maar niet doorsturen")
    assert api.requests == []
    assert slot_events(events) == {"phase": "consent"}


def test_party_names_are_matched_loosely_but_only_in_the_negated_part(catalogue):
    parties = ["publiek-ondernemen", "voor-je-buurt", "kvk", "maex", "delftse-fondsen"]
    assert excluded_parties("ja, maar niet naar Voor je Buurt", parties, catalogue) == [
        "voor-je-buurt"
    ]
    assert excluded_parties("ja maar niet naar de KVK en MAEX", parties, catalogue) == [
        "kvk",
        "maex",
    ]
    assert excluded_parties("ja, niet naar voor je buurd", parties, catalogue) == ["voor-je-buurt"]
    assert excluded_parties("ja, zonder de fondsen", parties, catalogue) == ["delftse-fondsen"]
    assert excluded_parties("ja, de KVK mag het ook hebben", parties, catalogue) == []
    assert excluded_parties("ja, maar niet naar mijn buurman", parties, catalogue) == []
    assert excluded_parties("/affirm", parties, catalogue) == []


def tracker_with_history(user_texts: list[str], slots: dict[str, Any]) -> Tracker:
    events = [{"event": "user", "text": t} for t in user_texts]
    tracker = make_tracker(slots=slots)
    tracker.events = events
    return tracker


@pytest.mark.parametrize(
    ("said", "minor"),
    [
        ("Hoi ik ben 14 en wil een moestuin", True),
        ("ik ben 15 jaar oud", True),
        ("Ik ben 34, moeder van twee", False),
        ("We hebben 12 jaar ervaring", False),
        ("Ik ben 2 keer doorgestuurd", False),
    ],
)
async def test_under_16_the_question_asks_for_a_parent(router, api, said, minor):
    tracker = tracker_with_history([said, "Voorhof"], FILLED)
    dispatcher = CollectingDispatcher()
    await ActionShowRoute().run(dispatcher, tracker, {})
    assert ("jonger bent dan 16" in dispatcher.messages[-1]["text"]) == minor


def test_ages_are_read_only_when_said_about_oneself():
    assert stated_age(["ik ben 14"]) == 14
    assert stated_age(["ik ben 30 minuten bezig"]) is None
    assert stated_age(["mijn leeftijd is 13"]) == 13


async def test_without_contact_nothing_is_promised_and_following_up_is_explained(router, api):
    dispatcher = CollectingDispatcher()
    await ActionShowRoute().run(dispatcher, make_tracker(slots=NO_CONTACT), {})
    before = texts(dispatcher)
    assert "U krijgt binnen" not in before
    assert "Uw naam en contactgegevens krijgen zij niet" in before

    dispatcher, _ = await submit("/affirm", {k: None for k in FILLED if k.startswith("contact_")})
    shown = texts(dispatcher)
    assert "LOK-2026-000001" in shown
    assert "antwoord" not in shown and "binnen 5 werkdagen" not in shown
    assert "niet zelf bereiken" in shown
    assert "publiekondernemen@gemeente.example" in shown  # Wijkzaken has no mailbox of its own
    assert "14 015" in shown


async def test_with_contact_the_lead_team_mails_within_its_reply_days(router, api):
    dispatcher, _ = await submit("/affirm")
    assert (
        "Wijkzaken neemt binnen 5 werkdagen contact met u op, uiterlijk op maandag 30 november."
        in texts(dispatcher)
    )


async def test_the_status_token_never_goes_through_rasa(router, api):
    """The receipt names the case; the chat proxy adds the link. Nothing the action server
    sends to Rasa (and so nothing in its tracker store) holds the token."""
    dispatcher, events = await submit("/affirm")
    assert "secret" not in json.dumps(dispatcher.messages)
    assert "secret" not in json.dumps(events)
    assert dispatcher.messages[-1]["custom"] == {
        "loket": "status_link",
        "reference": "LOK-2026-000001",
    }


async def test_a_yes_only_to_some_leaves_out_the_others_but_never_the_lead(router, api):
    dispatcher, events = await submit("ja, alleen naar de vrijwilligerscentrale")
    assert api.requests == []  # the lead team was not named: explained, asked again
    assert "Mag ik uw vraag dan doorsturen naar Wijkzaken en Vrijwilligerscentrale?" in texts(
        dispatcher
    )
    excluded = slot_events(events)["consent_excluded"]
    assert excluded == ["openbare-ruimte"]
    await submit("/affirm", {"consent_excluded": excluded})
    assert posted(api)["recipients"] == ["wijken", "vrijwilligerscentrale"]


async def test_a_yes_only_to_the_municipality_leaves_out_the_partners(router, api):
    await submit("ja, alleen naar de gemeente")
    assert posted(api)["recipients"] == ["wijken", "openbare-ruimte"]


async def test_a_yes_only_to_nobody_known_sends_nothing(router, api):
    dispatcher, events = await submit("ja, alleen naar mijn buurvrouw")
    assert api.requests == []
    assert slot_events(events) == {"phase": "consent"}
    assert "stuur ik nog niets door" in texts(dispatcher)


def test_leaving_out_a_party_that_was_not_on_the_list_is_still_a_yes():
    from actions.consent import consent_is_unclear, without_exclusion
    from actions.recipients import leaves_out_a_name

    text = "Ja hoor, maar niet naar het Oranje Fonds, daar lopen we al"
    assert leaves_out_a_name(text)
    assert not consent_is_unclear(without_exclusion(text))
    assert not leaves_out_a_name("ja, maar stuur het nog niet door")


async def test_the_route_question_records_the_parties_it_names(router, api):
    dispatcher = CollectingDispatcher()
    events = await ActionShowRoute().run(dispatcher, make_tracker(slots=FILLED), {})
    assert slot_events(events)["consent_named"] == ROUTE


async def test_a_party_added_after_the_question_is_asked_about_before_anything_is_sent(router, api):
    # Something said after the consent question changed the route: a yes to the old list is no
    # yes to the party it did not name.
    dispatcher, events = await submit("/affirm", {"consent_named": ROUTE[:2]})
    assert api.requests == []
    shown = texts(dispatcher)
    assert "nu ook naar Vrijwilligerscentrale" in shown
    assert "Mag ik uw vraag doorsturen naar" in shown
    slots = slot_events(events)
    assert slots == {"phase": "consent", "consent_named": ROUTE}
    # The yes to the question that names them all sends to them all.
    await submit("/affirm", {"consent_named": slots["consent_named"]})
    assert posted(api)["recipients"] == ROUTE


async def test_a_yes_to_the_named_parties_sends_and_forgets_the_list(router, api):
    _dispatcher, events = await submit("/affirm", {"consent_named": ROUTE})
    assert posted(api)["recipients"] == ROUTE
    assert slot_events(events)["consent_named"] is None


@pytest.mark.parametrize(
    "text", ["Vooruit, stuur het maar door.", "oké", "Niet naar de partners, de rest is prima."]
)
async def test_a_yes_in_other_words_sends(router, api, text):
    await submit(text)
    assert len([r for r in api.requests if r.method == "POST"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Het is trouwens in Tanthof, niet Voorhof.",  # a correction, taken for a yes
        "Hmm, daar moet ik even over nadenken.",
        "Wat doet Wijkzaken precies met mijn naam",
    ],
)
async def test_no_yes_sends_nothing_whatever_the_classifier_made_of_it(router, api, text):
    dispatcher, _events = await submit(text)
    assert api.requests == []
    assert "LOK-" not in texts(dispatcher)


async def test_a_reminder_of_what_was_noted_at_the_consent_question_asks_it_again(real_words, api):
    from actions.review import ActionApplyCorrection

    slots = {**FILLED, "phase": "consent", "needs": ["financiering"]}
    text = "O ja, we willen er ook subsidie voor aanvragen."
    reply = await run_action(ActionApplyCorrection(), text, "inform_need", slots=slots)
    assert api.requests == []
    assert reply.shown.count("aanpassen") == 0
    assert "Dat had ik al zo genoteerd." in reply.shown
    assert "Mag ik uw samenvatting doorsturen?" in reply.shown


async def test_only_the_parties_named_get_it_without_a_yes_word(router, api):
    await submit("Stuur het alleen naar Wijkzaken")
    assert posted(api)["recipients"] == ["wijken"]


@pytest.mark.parametrize(
    "text", ["Nee, laat de Vrijwilligerscentrale maar weg", "sla de Vrijwilligerscentrale over"]
)
def test_leaving_a_party_out_answers_the_consent_question(text):
    from actions.recipients import answers_consent

    # Not a question about that partner: it says whom not to send to.
    assert answers_consent(text)


async def test_a_party_let_go_of_by_name_is_left_out(router, api):
    _dispatcher, _events = await submit("Ja, laat de Vrijwilligerscentrale maar weg.")
    assert posted(api)["recipients"] == ["wijken", "openbare-ruimte"]


async def test_a_yes_without_a_contact_detail_sends_the_case_without_it(router, api):
    slots = {"contact_phone": "06-12345670"}
    dispatcher, _events = await submit("Ja, maar zonder mijn telefoonnummer", slots)
    contact = posted(api)["contact"]
    assert "phone" not in contact
    assert contact["email"] == FILLED["contact_email"]
    assert "uw telefoonnummer niet meegestuurd" in texts(dispatcher)


async def test_a_yes_that_keeps_the_name_back_is_a_yes(router, api):
    await submit("Ja hoor, maar stuur mijn naam niet mee.")
    assert "name" not in posted(api)["contact"]


@pytest.mark.parametrize(
    ("text", "withheld"),
    [
        ("ja, zonder m'n mailadres graag", ["email"]),
        ("prima, mijn nummer hoeft er niet bij", ["phone"]),
        ("Ja, maar anoniem graag", ["name", "email", "phone"]),
        ("ja, zonder de partners", []),
    ],
)
def test_details_kept_back(text, withheld):
    from actions.recipients import details_withheld

    assert details_withheld(text) == withheld


async def test_a_wrong_line_at_the_consent_question_asks_what_to_change(router, api):
    tracker = make_tracker(
        text="nee wacht, de wijk klopt niet", intent="deny", slots={**FILLED, "phase": "consent"}
    )
    dispatcher = CollectingDispatcher()
    events = await ActionDeclineConsent().run(dispatcher, tracker, {})
    assert api.requests == []
    assert [e.get("name") for e in events] == ["action_apply_correction"]


async def test_a_detail_kept_back_while_the_api_is_down_is_never_sent_later(router, api):
    api.down = True
    slots = {"contact_phone": "06-12345670", "idempotency_key": "idem-key-0003"}
    _dispatcher, events = await submit("Ja, maar zonder mijn telefoonnummer", slots)
    assert slot_events(events)["contact_phone"] is None
    api.down = False
    # The later yes (a button) sends with the slots as they are now: without the number.
    await submit("/affirm", {**slots, **slot_events(events)})
    bodies = [json.loads(r.content) for r in api.requests if r.method == "POST"]
    assert all("phone" not in body["contact"] for body in bodies)
    assert len(bodies) == 2  # the try while the API was down, and the one that went through


async def test_a_yes_that_wishes_the_data_kept_short_sends_and_says_what_is_true(router, api):
    dispatcher, _events = await submit("ja maar bewaar mijn gegevens niet langer dan nodig")
    assert posted(api)["recipients"] == ROUTE
    said = texts(dispatcher)
    assert "niet langer te bewaren dan nodig" in said
    assert "zelf verwijderen" in said


async def test_a_time_to_call_said_with_the_yes_is_shown_before_anything_is_sent(router, api):
    _dispatcher, events = await submit("Ja, en bel me na 17 uur", {"contact_phone": "06-12345670"})
    assert api.requests == []
    assert [e.get("name") for e in events] == ["action_apply_correction"]


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Ja, en bel me na 17 uur", "bel me na 17 uur"),
        ("ja hoor, liefst bellen na half 6", "liefst bellen na half 6 (na 17.30 uur)"),
        ("ja stuur maar, ik hoor het morgen wel", None),
    ],
)
def test_a_time_to_call_is_a_change_of_contact_only_with_a_word_of_calling(text, time):
    from actions.intake import changed_contact

    tracker = make_tracker(text=text, intent="affirm", slots={**FILLED, "phase": "consent"})
    assert changed_contact(text, tracker).get("contact_time") == time
