"""Careful inwoners who ask before they tell, and the less common needs in plain words (#12).

Written in our own words for the eighteenth round's kinds of failure: a yes of someone under
16 without a parent, "dat zeg ik later wel", a way to be reached as the answer to whether to
be contacted, a question that keeps getting no answer, what happens with what one types, why
a party is on the list, a vague wish beside a question, just got going, tried out a few times,
people far from work given a place, and people counted as who is behind it.
"""

from __future__ import annotations

import pytest

from actions import knowledge
from actions.consent import ActionSubmitCase
from actions.intake import (
    PASSED_OVER,
    ValidateIntakeForm,
    answer_to,
    prefill_from_message,
    tells_what_it_is,
)
from actions.interpret import why_it_is_there
from actions.process import asked_topics
from actions.recipients import PARENT_NEEDED, parent_agrees
from actions.slots import UNKNOWN, needs_in_answer, speaks_as_residents
from routing import Reason, Route
from tests.actions.conftest import make_tracker, run_action, slot_events

FILLED = {
    "goal": "Een filmavond voor jongeren in het buurthuis",
    "needs": ["locatie"],
    "stage": "idee",
    "organisation": "bewoner",
    "wijk": "Voorhof",
    "contact_wanted": False,
    "phase": "consent",
}
YOUNG = {"event": "user", "text": "hoi ik ben 14 en wil een filmavond voor jongeren"}


@pytest.mark.parametrize(
    "text",
    [
        "ja mijn moeder vindt het goed",
        "mijn vader zit naast me en zegt dat het mag, hij vindt het goed",
        "ik ben zijn moeder, ik vind het prima",
        "ja, met toestemming van mijn ouders",
    ],
)
def test_a_parent_who_agrees(text):
    assert parent_agrees([text])


def test_a_yes_alone_is_no_parent():
    assert not parent_agrees(["ja is goed", "mijn moeder weet er nog niks van"])


async def test_under_16_a_yes_without_a_parent_sends_nothing(real_words, api):
    reply = await run_action(
        ActionSubmitCase(), "ja stuur maar", "affirm", slots=FILLED, events=[YOUNG]
    )
    assert PARENT_NEEDED in reply.shown
    assert slot_events(reply.events) == {"phase": "consent"}
    assert not api.requests  # nothing was sent


async def test_under_16_a_yes_to_the_parent_question_is_the_parents_yes(real_words, api):
    # "Vindt uw ouder of verzorger het goed? Zeg dan ja.": "Ja, dat klopt" answers that.
    asked = [YOUNG, {"event": "bot", "text": PARENT_NEEDED}]
    reply = await run_action(
        ActionSubmitCase(), "Ja, dat klopt.", "affirm", slots=FILLED, events=asked
    )
    assert "Uw kenmerk is" in reply.shown
    assert [r.method for r in api.requests].count("POST") == 1


async def test_under_16_the_parent_question_asked_before_something_else_is_asked_again(
    real_words, api
):
    # Asked in an earlier turn, then the conversation went elsewhere: a yes now is to
    # sending, not to the parent question, so it is asked again.
    asked = [YOUNG, {"event": "bot", "text": PARENT_NEEDED}, {"event": "bot", "text": "Dag!"}]
    reply = await run_action(ActionSubmitCase(), "ja", "affirm", slots=FILLED, events=asked)
    assert PARENT_NEEDED in reply.shown
    assert not api.requests


async def test_under_16_a_no_to_the_parent_question_sends_nothing(real_words, api):
    asked = [YOUNG, {"event": "bot", "text": PARENT_NEEDED}]
    reply = await run_action(
        ActionSubmitCase(), "nee, ik vraag het eerst thuis", "deny", slots=FILLED, events=asked
    )
    assert "Uw kenmerk is" not in reply.shown
    assert not api.requests


async def test_under_16_with_a_parent_who_agrees_sends(real_words, api):
    reply = await run_action(
        ActionSubmitCase(),
        "ja, mijn moeder vindt het goed",
        "affirm",
        slots=FILLED,
        events=[YOUNG],
    )
    assert "Uw kenmerk is" in reply.shown


@pytest.mark.parametrize("asking", ["stage", "organisation", "wijk"])
def test_not_saying_it_now_is_not_known(real_words, asking):
    text = "Dat vertel ik straks wel, eerst wil ik weten of het mag."
    assert answer_to(asking, text, make_tracker(text=text, asking=asking)) == {asking: UNKNOWN}


@pytest.mark.parametrize("text", ["alleen per mail", "liefst telefonisch", "bellen mag"])
def test_a_way_to_be_reached_is_a_yes_to_contact(real_words, text):
    tracker = make_tracker(text=text, asking="contact_wanted")
    assert answer_to("contact_wanted", text, tracker) == {"contact_wanted": True}


def test_a_way_taken_back_alone_is_no_yes(real_words):
    for text in ("niet bellen", "mail liever niet", "bellen vind ik lastig, mijn gehoor is slecht"):
        assert (
            answer_to("contact_wanted", text, make_tracker(text=text, asking="contact_wanted"))
            == {}
        )


@pytest.mark.parametrize(
    ("asked", "said", "slots"),
    [
        # an answer that gives none, three times
        (
            "organisation",
            "tja lastig",
            {"goal": "Een buurtmoestuin", "needs": ["locatie"], "stage": "idee"},
        ),
        # a turn that only asks something this chat cannot answer, three times: never a loop
        (
            "stage",
            "Eerst wil ik weten hoe dat allemaal werkt.",
            {"goal": "Leerwerkplekken in mijn bakkerij", "needs": ["personeel"]},
        ),
    ],
)
async def test_the_third_turn_that_gives_no_answer_is_not_asked_a_fourth_time(
    real_words, asked, said, slots
):
    events = [
        {"event": "slot", "name": "requested_slot", "value": asked},
        {"event": "user", "text": said},
        {"event": "user", "text": said},
    ]
    tracker = make_tracker(
        text=said,
        asking=asked,
        slots=slots,
        events=[*events, {"event": "user", "text": said}],
        latest_action_name="intake_form",
    )
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    result = await ValidateIntakeForm().run(dispatcher, tracker, {"slots": {}, "forms": {}})
    assert slot_events(result)[asked] == UNKNOWN
    assert PASSED_OVER[asked] in [m.get("text") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "text",
    [
        "Maar wat gebeurt er met wat ik hier intik?",
        "wat doen jullie met wat ik vertel",
        "wordt dit gesprek ergens bewaard?",
    ],
)
def test_what_happens_with_what_one_types_is_a_privacy_question(text):
    assert asked_topics(text) == ["privacy"]


async def test_why_a_party_is_on_the_list_says_its_reason(real_words):
    route = Route(
        in_scope=True,
        general_contact="14 015",
        rules_version="test",
        departments=["wijkzaken"],
        partners=["vrijwilligerscentrale"],
        reasons=[
            Reason(
                rule="vrijwilligers",
                reden="Het initiatief zoekt vrijwilligers.",
                adds=["vrijwilligerscentrale"],
            )
        ],
    )
    text = "Waarom staat de Vrijwilligerscentrale erbij?"
    tracker = make_tracker(text=text, slots=FILLED)
    from unittest import mock

    from actions import interpret

    known = interpret.Known(route=route)
    with mock.patch.object(interpret, "known_facts", mock.AsyncMock(return_value=known)):
        said = await why_it_is_there(tracker, "vrijwilligerscentrale", text)
        assert said == "Waarom Vrijwilligerscentrale? Het initiatief zoekt vrijwilligers."
        assert await why_it_is_there(tracker, "vrijwilligerscentrale", "wat is dat?") is None


def test_a_vague_wish_beside_a_question_is_no_goal(real_words):
    text = "Hallo. Namens onze vereniging wil ik iets voorleggen. Eerst: wie leest dit mee?"
    assert not tells_what_it_is(text)


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("We draaien sinds een paar maanden, het loopt net.", "opstart"),
        ("Drie keer uitgeprobeerd, nu willen we het vast doen.", "opstart"),
        ("we zijn net begonen", "opstart"),
    ],
)
def test_just_got_going_or_tried_out_is_starting_up(real_words, text, stage):
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {"stage": stage}


def test_people_far_from_work_given_a_place_are_staff(real_words, delft):
    text = "we willen mensen die al jaren thuis zitten een werkplek geven in onze fietsenstalling"
    assert "personeel" in needs_in_answer(text, delft.catalogue, delft.analyse)


def test_people_counted_are_who_is_behind_it(real_words):
    assert speaks_as_residents("Wij zijn drie moeders van de school om de hoek")
    text = "Wij zijn vier vrienden en willen een klusdienst voor ouderen beginnen."
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values["organisation"] == "bewoner"
    catalogue = knowledge.catalogue(make_tracker(text="x"))
    assert "bewoner" in catalogue.organisations


def test_a_business_made_of_it_later_is_no_business_now(real_words):
    text = "Een werkruimte, en advies hoe we er later misschien een bedrijfje van maken."
    values = prefill_from_message(make_tracker(text=text, intent="inform_need"))
    assert "organisation" not in values


# The nineteenth round: how conversations really open, and ordinary inwoners.


def test_a_problem_before_a_plan_is_kept_and_the_plan_asked(real_words):
    from actions.intake import tells_only_a_problem

    text = "Bij ons op het plein ligt het vol met zwerfafval."
    assert tells_only_a_problem(text)
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values.get("goal_hint") == text and "goal" not in values
    assert not tells_only_a_problem("Het plein ligt vol afval, dus we willen een prikactie houden.")
    # More of the problem at the goal question is kept with it; a plan then is the goal.
    more = "De kinderen kunnen er niet eens meer spelen, het is er vies."
    tracker = make_tracker(text=more, asking="goal", slots={"goal_hint": text})
    assert answer_to("goal", more, tracker) == {"goal_hint": f"{text} {more}"}
    plan = "We willen elke maand met de buren een prikochtend houden."
    tracker = make_tracker(text=plan, asking="goal", slots={"goal_hint": text})
    assert "prikochtend" in answer_to("goal", plan, tracker)["goal"]


def test_a_help_question_in_the_story_is_answered(real_words):
    from actions.intake import asks_for_help_with_it

    assert asks_for_help_with_it("Het bankje is kapot. Kunnen jullie ons daarbij helpen?")
    assert not asks_for_help_with_it("De gemeente kan ons helpen met de vergunning.")


def test_a_partner_named_alone_is_asked_about(real_words):
    from actions.interpret import item_asked

    assert item_asked("Buy Social??", make_tracker(text="Buy Social??")) == "buy-social"
    assert item_asked("moestuin?", make_tracker(text="moestuin?")) is None


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        (
            "Wat geld voor de tafels. En mogen we de straat afsluiten?",
            {"financiering", "vergunning"},
        ),
        ("dus we moeten een andere ruimte vinden", {"locatie"}),
    ],
)
def test_needs_asked_as_may_we_or_must_find(real_words, text, needs):
    assert needs <= set(answer_to("needs", text, make_tracker(text=text, asking="needs"))["needs"])


def test_a_wish_said_as_would_like_is_a_request_in_a_long_story(real_words):
    text = (
        "Goedemiddag, ik ben eigenaar van een kleine drukkerij in Delft. Wij drukken al twaalf "
        "jaar boekjes, kaarten en jaarverslagen voor bedrijven in de regio, met twee medewerkers "
        "die via de sociale werkvoorziening bij ons kwamen en inmiddels een vast contract hebben. "
        "Het gaat goed met ons, de orderboeken zijn vol en we hebben ruimte over in de werkplaats. "
        "Wij zouden daarom graag drukwerk van de gemeente gaan drukken, als vaste leverancier."
    )
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values.get("needs") == ["inkoop"]


def test_a_plain_business_that_says_it_is_no_social_enterprise(real_words):
    from actions.slots import business_not_social

    text = "Ik heb een bouwbedrijf, gewoon een bv en geen sociale onderneming, met 12 man."
    assert business_not_social(text)
    assert not business_not_social("Wij zijn een sociale onderneming, een bv met 12 man.")


def test_leaving_a_party_out_with_an_exception(real_words, delft):
    from actions.recipients import left_out

    text = "Akkoord, met uitzondering van MAEX, die kennen we al."
    assert left_out(text, ["werk-inkomen", "maex"], delft.catalogue) == ["maex"]


WELFARE_WORKER = (
    "Goedendag, ik werk als buurtwerker bij een welzijnsorganisatie in Delft. Sinds twee jaar "
    "houden wij elke week een inloop voor ouderen in de wijk, met koffie, een praatje en af "
    "en toe een spreker. Er komen zo'n twintig mensen. We willen meer bekendheid, zodat ook "
    "ouderen die nu thuis zitten de weg vinden."
)
MADE_INTO_A_FOUNDATION = (
    "Twee jaar geleden zijn we met een paar moeders begonnen met bakken in de kerk. Vorig jaar "
    "hebben we er een stichting van gemaakt, met een bestuur."
)


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (WELFARE_WORKER, "maatschappelijke-organisatie"),  # a long story from a welfare worker
        (MADE_INTO_A_FOUNDATION, "stichting-vereniging"),  # the form it was made into
    ],
)
def test_who_is_behind_it_in_a_story(real_words, text, organisation):
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values["organisation"] == organisation


def test_what_it_should_take_away_is_no_problem_told(real_words):
    from actions.intake import tells_only_a_problem

    assert not tells_only_a_problem("De dames breien samen, zo zijn ze niet eenzaam.")
    assert tells_only_a_problem("Veel ouderen in onze flat zijn eenzaam.")


def test_a_remark_after_a_question_about_a_partner_answers_nothing(real_words):
    from actions.intake import _said_before_asking

    assert _said_before_asking("Wat is MAEX? Dat zag ik op jullie website staan.") == ""
    assert _said_before_asking("Een ruimte. Moet ik naar de KVK?") == "Een ruimte."
