"""An idea passed on without saying it, and leave to send read as a complaint (#12).

Written in our own words for two kinds of failure seen in the thirty-eighth round: "Ik wil
alleen een idee doorgeven" was stored as the goal, so the goal question was never asked; and a
yes to the consent question with "doorgestuurd" in it ("Ja, mag doorgestuurd worden.") got the
answer for someone sent from one desk to the next.
"""

from __future__ import annotations

import pytest

from actions.intake import prefill_from_message
from actions.interpret import yes_at_the_open_question
from actions.process import asked_topics
from tests.actions.conftest import make_tracker, slot_events, texts
from tests.actions.test_consent_parties import ROUTE, posted, submit


@pytest.mark.parametrize(
    "text",
    [
        "Ik wil alleen een idee doorgeven.",
        "Goedemiddag, ik wil graag een voorstel doen.",
        "hoi, ik heb een tip voor de gemeente",
        "Wij hebben een suggestie, kan ik die hier kwijt?",
        "Mag ik hier een suggestie indienen?",
    ],
)
def test_an_idea_passed_on_is_not_yet_the_goal(text: str) -> None:
    values = prefill_from_message(make_tracker(text=text))
    assert "goal" not in values
    assert values.get("goal_hint") == text


def test_an_idea_passed_on_with_what_it_is_is_the_goal() -> None:
    text = "Ik wil een idee doorgeven voor een moestuin bij de flat."
    assert prefill_from_message(make_tracker(text=text))["goal"] == text


@pytest.mark.parametrize(
    "text",
    [
        "Ja, mag doorgestuurd worden.",
        "prima, het mag doorgestuurd worden",
        "wordt dit doorgestuurd naar handhaving?",
        "Is mijn vraag al doorgestuurd?",
    ],
)
def test_leave_to_send_on_is_no_complaint(text: str) -> None:
    assert "rondgestuurd" not in asked_topics(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben al drie keer doorgestuurd.",
        "Ze hebben ons doorgestuurd, en nu weer naar jullie.",
        "We worden steeds doorgestuurd",
        "ik werd eerst naar vergunningen doorgestuurd en toen naar jullie",
    ],
)
def test_being_sent_on_is_a_complaint(text: str) -> None:
    assert "rondgestuurd" in asked_topics(text)


def test_people_the_initiative_is_for_who_find_no_place_are_no_complaint() -> None:
    text = (
        "Onze koffiebar is er voor mensen met een beperking die graag willen werken, maar "
        "nergens terecht kunnen."
    )
    assert "rondgestuurd" not in asked_topics(text)
    assert "rondgestuurd" in asked_topics("We kunnen nergens terecht met ons idee.")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("ja maar niet naar voor je buurt", "Voor je Buurt"),
        ("prima, maar niet naar het sociaal wijkteam", "Sociaal wijkteam"),
    ],
)
async def test_a_yes_that_leaves_out_a_party_not_on_the_list_sends_to_all_listed(
    router, api, text, named
):
    # "Ja, maar niet naar X" where X was not on the list: still a yes, and X gets nothing.
    dispatcher, events = await submit(text)
    assert posted(api)["recipients"] == ROUTE
    assert f"{named} stond niet in de lijst" in texts(dispatcher)
    assert slot_events(events)["phase"] == "done"


@pytest.mark.parametrize(
    "text",
    [
        "U heeft mijn toestemming om dit door te sturen.",
        "Ik geef hierbij toestemming.",
        "Het mag gewoon doorgestuurd worden",
        # a hope or "it does not matter" beside the yes takes nothing back
        "Ja, stuur maar. Als het maar niet weer blijft liggen.",
        "Maakt mij niet uit, stuur maar door.",
        "ja hoor, ik hoop niet dat het weer maanden duurt",
    ],
)
async def test_a_yes_in_other_words_sends(router, api, text):
    _dispatcher, events = await submit(text)
    assert posted(api)["recipients"] == ROUTE
    assert slot_events(events)["phase"] == "done"


@pytest.mark.parametrize(
    "text",
    [
        "Ik geef geen toestemming.",
        "ja, als het maar niet wordt doorgestuurd",
        "ja, ik hoop dat jullie mijn gegevens niet bewaren",
    ],
)
async def test_a_no_or_a_hope_about_sending_sends_nothing(router, api, text):
    await submit(text)
    assert api.requests == []


@pytest.mark.parametrize(
    "text", ["U heeft mijn toestemming om dit door te sturen.", "Het mag doorgestuurd worden."]
)
def test_a_yes_in_other_words_at_the_consent_question_leads_to_sending(text: str) -> None:
    # whatever the classifier made of it (no "ja" for the fallback to hold on to)
    tracker = make_tracker(text=text, intent="nlu_fallback", slots={"phase": "consent"})
    assert yes_at_the_open_question(tracker, text) == "action_submit_case"
    summary = make_tracker(text=text, intent="nlu_fallback", slots={"phase": "summary"})
    assert yes_at_the_open_question(summary, text) is None
