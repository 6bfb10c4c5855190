"""Stories, answers and questions read as people mean them (#12).

Written in our own words for the thirty-seventh round's kinds of failure: "ik wil dat de
gemeente dit inkoopt" in a long story was no request; the owner of a boxing school and a
teacher at a vmbo-school were asked who is behind it; a painter among artists was stored as an
entrepreneur; months of trying to reach someone made the initiative run; a kitchen too small,
told on the way to "wie kan ons daarbij helpen?", was taken as all they need; time in a
swimming pool, a piece of the park, someone of the municipality who thinks along and someone
who helps the initiator teach were no needs; a question asked for a neighbour was not
understood; "waarom al die partijen?" got only the lead's reason.
"""

from __future__ import annotations

import pytest

from actions.intake import answer_to, prefill_from_message
from actions.process import asked_topics, asks
from tests.actions.conftest import make_tracker

_FILLER = (
    "We doen dit al een paar jaar met veel plezier en er komen steeds meer mensen op af, "
    "jong en oud, uit de hele buurt en soms zelfs van verder weg."
)


def test_what_they_want_the_municipality_to_do_is_the_request_of_a_long_story(real_words):
    text = (
        f"Ik run een kleine dansschool in Voorhof. {_FILLER} Ik heb al met twee loketten "
        "gebeld en kwam nergens. Ik wil dat de gemeente de lessen voor de kinderen gewoon "
        "inkoopt, want ik betaal alles nu zelf."
    )
    values = prefill_from_message(make_tracker(text=text))
    assert {"inkoop", "financiering"} <= set(values.get("needs") or [])


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            f"Ik heb een dansschool in Voorhof en geef gratis les aan meiden uit de wijk. "
            f"{_FILLER} Nu willen we een tweede groep starten.",
            "ondernemer",
        ),
        (
            f"Ik ben mentor op een vmbo-school in Delft en we willen een fietswerkplaats. "
            f"{_FILLER} We zoeken een ruimte.",
            "onderwijs",
        ),
    ],
)
def test_who_writes_in_a_long_story_is_who_is_behind_it(real_words, text, organisation):
    assert prefill_from_message(make_tracker(text=text)).get("organisation") == organisation


def test_a_painter_among_artists_is_no_entrepreneur(real_words):
    text = "Ik ben schilder. Met vier andere kunstenaars uit Eritrea willen we exposeren."
    assert prefill_from_message(make_tracker(text=text)).get("organisation") != "ondernemer"
    trade = "Ik ben schilder in Tanthof en wil een jongen uit de bijstand het vak leren."
    assert prefill_from_message(make_tracker(text=trade)).get("organisation") == "ondernemer"


def test_months_of_trying_to_reach_someone_are_not_the_initiative_running(real_words):
    text = "Al vier maanden probeer ik iemand te spreken over onze buurtwerkplaats in Tanthof."
    assert prefill_from_message(make_tracker(text=text)).get("stage") != "lopend"


def test_a_lack_told_on_the_way_to_an_open_request_is_one_need_of_more(real_words):
    text = (
        f"Wij hebben een eetclub voor ouderen in Ruiven. {_FILLER} De zaal van het "
        "wijkcentrum is te klein geworden. We willen naar twee keer per week. Wie kan ons "
        "daarbij helpen?"
    )
    values = prefill_from_message(make_tracker(text=text))
    assert "needs" not in values
    assert values.get("needs_hint") == ["locatie"]


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Een uur badtijd per week, en wat geld voor de lessen.", "locatie"),
        ("Zaaltijd op zaterdag in de sporthal, dat is eigenlijk alles.", "locatie"),
        ("Een stukje van het plantsoen om de bakken neer te zetten.", "locatie"),
        ("Vooral iemand van de gemeente die mee wil denken over de inrichting.", "samenwerking"),
        ("Misschien iemand die haar helpt met lesgeven, ze is al 79.", "vrijwilligers"),
    ],
)
def test_help_named_by_what_it_is_for_is_a_need(real_words, text, need):
    assert need in answer_to("needs", text, make_tracker(text=text, asking="needs"))["needs"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Mijn buurman vraagt of hij gebeld wordt. Hij leest niet zo goed.", "bellen"),
        ("Mijn moeder vraagt wat het kost", "kosten"),
    ],
)
def test_a_question_asked_for_someone_else_is_answered(text, topic):
    assert asked_topics(text) == [topic]


def test_saying_what_they_want_is_no_question():
    assert asked_topics("We vragen of de gemeente een ruimte heeft voor ons.") == []
    assert not asks("Mijn oma vraagt of ik het voor haar typ: ze is in mei begonnen.")


def test_why_all_those_parties_gets_each_ones_reason():
    assert asked_topics("Waarom gaat dit naar zoveel afdelingen?") == ["waarom_teams"]
    assert asked_topics("Waarom dit team?") == ["waarom"]


def test_why_all_those_teams_names_the_contact_and_each_others_reason(delft):
    from actions.interpret import Known
    from actions.process import answer

    route = delft.route(
        {
            "text": "Wij willen een buurtmoestuin in Tanthof en zoeken grond, geld en hulp.",
            "needs": ["locatie", "financiering", "vrijwilligers"],
            "wijk": "Tanthof",
        }
    )
    said = answer("waarom_teams", Known(route=route), delft.catalogue)
    lead = delft.catalogue.name_of(route.lead)
    assert said.startswith(f"{lead} pakt uw vraag op en is uw aanspreekpunt.")
    others = [d for d in route.departments if d != route.lead]
    assert others and all(f"- {delft.catalogue.name_of(d)}: " in said for d in others)
    assert f"- {lead}" not in said


def test_whether_all_those_parties_get_ones_number_is_about_privacy():
    assert asked_topics("Zien al die organisaties dan ook mijn adres en naam?") == ["privacy"]


def test_why_all_those_teams_with_one_team_says_why_that_one(delft):
    from actions.interpret import Known
    from actions.process import answer

    route = delft.route({"text": "Wij willen een buurtmoestuin in Tanthof."})
    alone = route.model_copy(update={"departments": [route.lead]})
    said = answer("waarom_teams", Known(route=alone), delft.catalogue)
    assert "andere teams" not in said
    assert said == answer("waarom", Known(route=alone), delft.catalogue)
