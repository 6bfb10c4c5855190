"""A conversation on Haarlem's or Rotterdam's site gets that municipality's wijken, teams and
numbers, from its catalogue at run time; one model and one action server serve them all."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge
from actions.consent import ActionShowRoute, case_payload
from actions.help import ActionOfferHuman
from actions.intake import ActionAskWijk
from actions.municipality import ActionSessionStart, municipality_of
from actions.slots import WHOLE_CITY, intake_from_slots, normalise_wijk
from routing import Municipalities
from tests.actions.conftest import make_tracker, slot_events, texts
from tests.domain import load_domain

NUMBERS = {"delft": "14 015", "haarlem": "14 023", "rotterdam": "14 010"}


@pytest.fixture
def sites(several_municipalities: Municipalities) -> Municipalities:
    knowledge.use_router(None)  # the real routers of every municipality
    return several_municipalities


def on_site(municipality: str, **kwargs: Any) -> Tracker:
    """A tracker whose latest message came from `municipality`'s site (the chat proxy's
    metadata)."""
    tracker = make_tracker(**kwargs)
    tracker.latest_message["metadata"] = {"municipality": municipality}
    return tracker


@pytest.mark.parametrize("municipality", ["haarlem", "rotterdam"])
async def test_the_wijk_question_offers_that_municipalitys_wijken(
    sites: Municipalities, municipality: str
) -> None:
    dispatcher = CollectingDispatcher()
    await ActionAskWijk().run(dispatcher, on_site(municipality), {})
    buttons = dispatcher.messages[0]["buttons"]
    wijken = sites.get(municipality).catalogue.wijken
    titles = [b["title"] for b in buttons]
    assert titles == [*wijken, "De hele stad"]
    assert "Tanthof" not in titles  # a Delft wijk
    domain = load_domain()
    for button in buttons:
        assert domain.payload_problem(button["payload"]) is None
    assert json.loads(buttons[0]["payload"].removeprefix("/inform_wijk")) == {"wijk": wijken[0]}


def test_wijk_answers_are_matched_in_the_conversations_municipality(
    sites: Municipalities,
) -> None:
    haarlem = knowledge.catalogue(on_site("haarlem"))
    rotterdam = knowledge.catalogue(on_site("rotterdam"))
    assert normalise_wijk("in schalkwijk", haarlem) == "Schalkwijk"
    assert normalise_wijk("heel Haarlem", haarlem) == WHOLE_CITY
    assert normalise_wijk("Delfshaven", rotterdam) == "Delfshaven"
    assert normalise_wijk("heel Rotterdam", rotterdam) == WHOLE_CITY
    assert normalise_wijk("Tanthof", haarlem) is None  # Delft's, not Haarlem's


@pytest.mark.parametrize("municipality", ["haarlem", "rotterdam"])
async def test_out_of_scope_gives_that_municipalitys_general_number(
    sites: Municipalities, municipality: str
) -> None:
    dispatcher = CollectingDispatcher()
    slots = {"goal": "Mijn paspoort is verlopen, hoe vraag ik een nieuw paspoort aan?"}
    await ActionShowRoute().run(dispatcher, on_site(municipality, slots=slots), {})
    shown = texts(dispatcher)
    assert NUMBERS[municipality] in shown
    assert NUMBERS["delft"] not in shown


@pytest.mark.parametrize(
    ("municipality", "team", "mailbox"),
    [
        ("haarlem", "Programma Sociaal Ondernemerschap", "sociaalondernemen@gemeente.example"),
        ("rotterdam", "Activering en Welzijn", "maatschappelijkinitiatief@gemeente.example"),
    ],
)
async def test_a_human_is_that_municipalitys_loket_team(
    sites: Municipalities, municipality: str, team: str, mailbox: str
) -> None:
    dispatcher = CollectingDispatcher()
    await ActionOfferHuman().run(dispatcher, on_site(municipality), {})
    shown = texts(dispatcher)
    assert team in shown and mailbox in shown and NUMBERS[municipality] in shown
    assert "Publiek Ondernemen" not in shown


async def test_a_route_comes_from_that_municipalitys_rules(sites: Municipalities, api) -> None:
    dispatcher = CollectingDispatcher()
    slots = {"goal": "Wij willen met buren een moestuin beginnen", "wijk": "Schalkwijk"}
    await ActionShowRoute().run(dispatcher, on_site("haarlem", slots=slots), {})
    haarlem = sites.get("haarlem")
    lead = haarlem.route(intake_from_slots(slots)).lead
    assert lead in haarlem.catalogue.departments
    assert haarlem.catalogue.name_of(lead) in texts(dispatcher)
    asked = [r for r in api.requests if r.url.path.endswith("/reply-by")]
    assert asked and asked[0].url.params["municipality"] == "haarlem"  # its team's days


def test_the_case_carries_the_conversations_municipality() -> None:
    payload = case_payload({"goal": "Een moestuin in Schalkwijk"}, "conv-1", None, "haarlem")
    assert payload["intake"]["municipality"] == "haarlem"


def test_the_municipality_comes_from_the_message_then_the_slot_then_the_default(
    sites: Municipalities,
) -> None:
    assert municipality_of(on_site("rotterdam", slots={"municipality": "haarlem"})) == ("rotterdam")
    assert municipality_of(make_tracker(slots={"municipality": "haarlem"})) == "haarlem"
    assert municipality_of(make_tracker()) == "delft"
    assert municipality_of(on_site("atlantis")) == "delft"  # no such folder: the default


async def test_a_session_notes_the_site_it_started_on(sites: Municipalities) -> None:
    tracker = make_tracker(slots={"session_started_metadata": {"municipality": "rotterdam"}})
    events = await ActionSessionStart().run(CollectingDispatcher(), tracker, {})
    assert events[0]["event"] == "session_started"
    assert slot_events(events) == {"municipality": "rotterdam"}
    assert events[-1]["name"] == "action_listen"


async def test_another_service_gets_that_municipalitys_general_number(
    sites: Municipalities,
) -> None:
    from actions.interpret import ActionInterpretTurn

    dispatcher = CollectingDispatcher()
    tracker = on_site("rotterdam", text="mijn paspoort is verlopen", intent="out_of_scope")
    await ActionInterpretTurn().run(dispatcher, tracker, {})
    assert "belt u 14 010" in dispatcher.messages[0]["text"]
