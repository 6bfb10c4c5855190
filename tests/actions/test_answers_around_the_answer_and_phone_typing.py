"""Answers told with something around them, and first messages typed on a phone (#12).

Written in our own words for the forty-second conversation round's and the eighteenth reading
set's kinds of miss: "een idee voor mijn wijk … of ik hier goed zit" heard as typing for
someone else; "Word ik opgebeld? Met de computer ben ik niet zo vlot." answered as a question
about a robot; a student who does it "niet voor school" read as a school; "we zoeken nog uit of
we een stichting worden of dat het via de school gaat" read as a school; "Wat dit betreft is
het nog een idee. De bakkerij zelf draait al jaren." read as running; a restaurant where
"mensen zonder werk leren koken" read as an ordinary business; a wijk doubted and settled after
"…" read as not known; supplying "bij evenementen van de gemeente" as no sale to it; "wij, een
paar ouders uit de buurt," as nobody; "2e vestiging" as no growth; "soc onderneming" and
"student tu hier" as nobody; "geen idee hoe je dat opzet" hiding the idea before it; "meer
mensen helpen" as more members wanted; "iemand tips?" after a search as advice wanted; "wat een
hoop vragen" as a goal; and "noor(at)example.nl" as no address.
"""

from __future__ import annotations

import pytest

from actions import knowledge
from actions.intake import an_aside, answer_to, answers_beside_an_aside, prefill_from_message
from actions.process import process_topics
from actions.slots import needs_in_text, parse_contact
from tests.actions.conftest import make_tracker


def _answer(slot: str, text: str) -> dict:
    return answer_to(slot, text, make_tracker(text=text, asking=slot))


def _first(text: str) -> dict:
    return prefill_from_message(make_tracker(text=text))


def test_an_idea_for_ones_own_wijk_is_no_typing_for_someone_else():
    text = (
        "Hoi, ik heb een plan voor mijn buurt, maar ik weet niet of ik hier goed zit. Wat "
        "kunt u voor mij doen?"
    )
    assert "toestemming" not in process_topics(text)
    assert "toestemming" in process_topics("Ik typ dit voor mijn oma, is dat goed?")


def test_being_called_asked_beside_the_computer_is_about_being_called():
    assert process_topics("Bellen jullie mij dan op? Met de computer ben ik niet zo handig.") == [
        "bellen"
    ]
    assert process_topics("Word ik opgebeld?") == ["bellen"]


async def test_the_call_question_beside_the_computer_gets_no_robot_answer(router):
    from actions.question import ActionAnswerBotChallenge
    from tests.actions.conftest import run_action

    reply = await run_action(
        ActionAnswerBotChallenge(), "Wordt ik opgebeld? Met de computer ben ik niet zo vlot."
    )
    assert "geen mens" not in reply.shown
    assert "bel" in reply.shown.casefold()


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("ik dus. ik studeer wel, maar dit is niet voor mijn opleiding", "bewoner"),
        (
            "Weten we nog niet. We kijken nog of we een vereniging worden of dat het via de kerk "
            "loopt.",
            "onbekend",
        ),
    ],
)
def test_who_said_beside_what_it_is_not(real_words, text, organisation):
    assert _answer("organisation", text).get("organisation") == organisation


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Wat dat deel betreft is het nog maar een idee. De zaak zelf loopt al tien jaar.", "idee"),
        ("Het winkeltje zelf bestaat al lang, dit is nog maar een idee.", "idee"),
        ("Onze moestuin draait al vier jaar.", "lopend"),
    ],
)
def test_this_plan_against_what_already_runs(real_words, text, stage):
    assert _answer("stage", text).get("stage") == stage


def test_a_kitchen_where_people_without_work_learn_asks_who_is_behind_it(real_words):
    told = _first(
        "Ik heb een lunchroom idee. Mensen zonder werk leren koken, en wij verkopen de lunches."
    )
    assert told.get("organisation") != "ondernemer"
    assert _first("Ik heb een bloemenwinkel in Voorhof.").get("organisation") == "ondernemer"
    # a business that wants to train a few is the business's
    trains = "Ik heb een garage en wil jongeren zonder diploma het vak leren."
    assert _first(trains).get("organisation") == "ondernemer"


def test_a_wijk_doubted_and_then_settled_after_dots(real_words):
    text = "Tanthof geloof ik? Of is dat al Ruiven... nee, Tanthof."
    assert _answer("wijk", text).get("wijk") == "Tanthof"


def _needs(text: str) -> set[str]:
    return set(needs_in_text(text, knowledge.catalogue(), knowledge.analyser()))


def test_supplying_what_the_municipality_holds_is_selling_to_it(real_words):
    assert "inkoop" in _needs("We willen soep verkopen op bijeenkomsten van de gemeente.")


def test_tips_asked_for_a_search_are_that_search(real_words):
    read = _needs("we zoeken een oefenruimte voor ons koor, heeft iemand tips?")
    assert read == {"locatie"}
    assert "kennis" in _needs("Heeft iemand tips hoe je een vereniging opricht?")


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        (
            "Wij, een paar moeders van school, willen een speelstraat op woensdag.",
            "organisation",
            "bewoner",
        ),
        (
            "soc. onderneming hier, fietsenmakerij met statushouders",
            "organisation",
            "sociale-onderneming",
        ),
        ("student hier, we willen een ruilkast voor studieboeken", "organisation", "onderwijs"),
        (
            "We runnen al jaren een kringloopwinkel in Tanthof en willen een 2e winkel.",
            "stage",
            "opschalen",
        ),
        (
            "Ik heb een idee voor iets met taalles, maar geen idee hoe je dat aanpakt.",
            "stage",
            "idee",
        ),
        (
            "We koken nu een jaar voor ouderen in de flat. We willen meer mensen bereiken.",
            "stage",
            "opschalen",
        ),
    ],
)
def test_first_messages_typed_on_a_phone(real_words, text, slot, value):
    told = _first(text)
    assert (told.get(slot) or told.get(f"{slot}_hint")) == value


def test_a_sigh_about_the_questions_is_no_goal():
    text = "wat een boel vragen zeg"
    assert an_aside(text)
    assert not answers_beside_an_aside("goal", text, make_tracker(text=text, asking="goal"))


def test_an_address_with_at_spelled_out():
    assert parse_contact("rik[at]example.nl, Rik Smit").email == "rik@example.nl"
    assert parse_contact("Jan (at home) Bakker, 0612345678").email is None


def test_a_form_thought_of_but_not_understood_leaves_the_residents(real_words):
    text = (
        "wij zijn een stel buren in ruiven die elkaar willen helpen met klusjes. we denken aan "
        "een cooperatie maar weten niet hoe dat werkt"
    )
    assert _first(text).get("organisation") == "bewoner"
