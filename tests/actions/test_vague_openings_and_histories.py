"""A first message that only says there is a wish, and stages, needs and groups told as
histories and situations (#12).

Written in our own words for the twenty-eighth round's and the seventh reading round's kinds
of failure: "ik heb een idee voor het plein" taken as the goal, so the inwoner never said what
the idea is; a trial evening, a first meeting still to come, a history handed down or a place
grown too small misread as another stage; a lack after what one has ("een bal hebben we, maar
geen veld"), nowhere to go, a voluntary contribution taken for money and volunteers wanted.
"""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import (
    ASK_WHAT_IT_IS,
    ActionAskGoal,
    answer_to,
    only_a_placeholder,
    prefill_from_message,
)
from tests.actions.conftest import make_tracker, texts
from tests.actions.conftest import validate_at_any_question as validate_form


@pytest.mark.parametrize(
    "text",
    [
        "Goedendag. Ik zou graag iets doen tegen de eenzaamheid in onze flat.",
        "wij hebben een plannetje voor het grasveld",
        "Hoi, ik wil iets met duurzaamheid in mijn buurt",
        "Goedemiddag, ik ben juf op een basisschool en heb een idee.",
        "Wij als ondernemers uit de winkelstraat hebben een wens.",
        "ik heb een idee maar eerst: wie leest dit mee?",
    ],
)
def test_a_wish_without_what_it_is_is_no_goal_and_the_question_asks_it(real_words, text):
    assert only_a_placeholder(text)
    values = prefill_from_message(make_tracker(text=text))
    assert "goal" not in values
    assert values["goal_hint"] == text


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb een idee voor een buurtmoestuin achter de flat.",
        "Wij willen een repair café beginnen in het buurthuis.",
        "ik wil met een paar buren een moestuin beginnen op het veldje",
        "Wat kun jij eigenlijk voor mij doen?",
        "Het is nog maar een idee.",
    ],
)
def test_a_wish_that_names_what_it_is_is_no_placeholder(real_words, text):
    assert not only_a_placeholder(text)


def test_a_placeholder_at_the_goal_question_is_kept_and_asked_once_more(real_words):
    text = "ik heb een idee voor de kinderen in onze straat"
    assert answer_to("goal", text, make_tracker(text=text, asking="goal")) == {"goal_hint": text}


async def test_after_a_placeholder_the_goal_question_asks_what_it_is(real_words):
    tracker = make_tracker(text="hoi", slots={"goal_hint": "wij hebben een idee voor het plein"})
    dispatcher = CollectingDispatcher()
    await ActionAskGoal().run(dispatcher, tracker, {})
    assert [m.get("text") for m in dispatcher.messages] == [ASK_WHAT_IT_IS]


def _stage(text: str) -> str | None:
    return answer_to("stage", text, make_tracker(text=text, asking="stage")).get("stage")


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("het zit nog alleen in mijn hoofd", "idee"),
        (
            "We zijn in september begonnen met het voorbereiden, de eerste avond moet nog komen.",
            "opstart",
        ),
        ("twee proeflessen gehad, in februari begint het echt", "opstart"),
        ("we hebben er al drie keer over vergaderd met de buren", "opstart"),
        ("mijn vader is er in de jaren 80 mee begonnen, ik heb het van hem overgenomen", "lopend"),
        ("we zijn er al heel lang mee bezig", "lopend"),
        ("we doen het al jaren, maar ons lokaal wordt te klein", "opschalen"),
        ("nu willen we een echte organisatie worden", "opschalen"),
    ],
)
def test_a_stage_told_as_a_history(real_words, text, stage):
    assert _stage(text) == stage


def test_years_that_a_playground_is_broken_are_not_a_running_initiative(real_words):
    text = "Het speelveldje is al jaren kapot. Wij willen het samen met de buren opknappen."
    assert prefill_from_message(make_tracker(text=text)).get("stage") != "lopend"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Onze speeltuinvereniging bestaat deze zomer 30 jaar en dat willen we vieren.", "lopend"),
        (
            "Sinds vorig jaar draaien we een ruilkast. Volgende stap: een echte ruilwinkel.",
            "opschalen",
        ),
        ("Ons compostproject loopt prima en nu willen andere buurten ook meedoen.", "opschalen"),
        ("Wij koken 3x per week voor buurtgenoten in een kerkzaal, maar die gaat dicht.", "lopend"),
    ],
)
def test_a_stage_in_a_story(real_words, text, stage):
    assert prefill_from_message(make_tracker(text=text)).get("stage") == stage


def _needs(text: str) -> list[str]:
    return answer_to("needs", text, make_tracker(text=text, asking="needs")).get("needs") or []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "ballen hebben we, maar geen veldje en geen mensen die helpen",
            {"locatie", "vrijwilligers"},
        ),
        ("met onze club kunnen we nergens terecht", {"locatie"}),
        ("onze schuur is te klein geworden", {"locatie"}),
        (
            "hulp bij de vergunning en bij het vinden van cofinanciering",
            {"vergunning", "financiering"},
        ),
        ("moet dat eigenlijk aangevraagd worden?", {"vergunning"}),
        ("twee nieuwe mensen die in het bestuur willen", {"vrijwilligers"}),
        ("hoe zit het met subsidie voor hun loon", {"personeel"}),
        ("ik wil weten of er al mensen zijn die dit doen, dan sluit ik me aan", {"netwerk"}),
    ],
)
def test_needs_told_as_situations(real_words, text, wanted):
    assert set(_needs(text)) == wanted


def test_a_voluntary_contribution_is_neither_money_nor_volunteers_wanted(real_words):
    text = "een ruimte. geld niet, de bezoekers geven een vrijwillige bijdrage"
    assert _needs(text) == ["locatie"]


def test_a_group_that_is_too_small_needs_no_place(real_words):
    assert "locatie" not in _needs("de groep is te klein, we zoeken meer vrijwilligers")


def test_young_men_from_a_wijk_are_residents(real_words):
    text = "wij zijn een paar gasten uit Voorhof"
    assert answer_to("organisation", text, make_tracker(text=text, asking="organisation")) == {
        "organisation": "bewoner"
    }


# -- told at another question --


@pytest.mark.parametrize("asked", ["stage", "organisation", "wijk"])
async def test_a_need_added_at_another_question_is_kept_and_that_question_asked_again(
    real_words, asked
):
    dispatcher = CollectingDispatcher()
    slots = {"goal": "Een repair café in het buurthuis.", "needs": ["locatie"]}
    values = await validate_form(
        "o ja, we zoeken trouwens ook vrijwilligers",
        asked,
        slots,
        intent="inform_need",
        entities=[{"entity": "need", "value": "vrijwilligers"}],
        dispatcher=dispatcher,
    )
    assert values["needs"] == ["locatie", "vrijwilligers"]
    assert not values.get(asked)
    assert "erbij gezet: vrijwilligers" in texts(dispatcher)


async def test_a_stage_corrected_at_another_question_is_kept(real_words):
    slots = {"goal": "Een spullenbieb in ons complex.", "needs": ["locatie"], "stage": "idee"}
    values = await validate_form(
        "o ja, over dat het nog een idee is: eigenlijk zijn we al begonnen",
        "wijk",
        slots,
    )
    assert values.get("stage") == "opstart"
    assert not values.get("wijk")


def test_which_legal_form_to_take_is_advice(real_words):
    assert "kennis" in _needs("we weten nog niet of we een vereniging moeten oprichten")


def test_a_greeting_is_no_part_of_the_goal(real_words):
    from actions.intake import goal_with_hint

    goal = goal_with_hint(
        "Goedemiddag, ik ben bakker en heb een plan.",
        "Elke week brood uitdelen aan mensen met weinig geld.",
        make_tracker(text="x"),
    )
    assert (
        goal
        == "ik ben bakker en heb een plan: Elke week brood uitdelen aan mensen met weinig geld."
    )


# -- told in passing (the twenty-ninth round and reading dev8) --


def _organisation(text: str) -> str | None:
    return prefill_from_message(make_tracker(text=text)).get("organisation")


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "Wij als ouderraad van basisschool De Zonnebloem willen het plein vergroenen.",
            "onderwijs",
        ),
        (
            "Met een paar moeders uit Tanthof geven we zwemles aan kinderen die het niet kunnen.",
            "bewoner",
        ),
        ("Ik heb een ruilkastje voor mijn huis gezet en dat wordt goed gebruikt.", "bewoner"),
        ("wij (drie buren) houden elke maand een opruimochtend", "bewoner"),
        (
            "Namens Zorggroep Het Anker schrijf ik u over onze dagbesteding in Delft.",
            "maatschappelijke-organisatie",
        ),
    ],
)
def test_who_is_behind_it_told_in_passing(real_words, text, organisation):
    assert _organisation(text) == organisation


def test_a_choice_of_forms_asked_is_no_form(real_words):
    text = (
        "We runnen sinds vorig jaar een fietsenwerkplaats met statushouders. We willen advies "
        "over hoe we dit goed regelen (bv of stichting?)."
    )
    assert _organisation(text) not in ("stichting-vereniging", "sociale-onderneming")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("We hebben alleen geen geld voor de materialen.", {"financiering"}),
        ("ik zoek mensen voor werk, ik heb een bakkerij", {"personeel"}),
    ],
)
def test_needs_told_in_passing(real_words, text, wanted):
    assert set(_needs(text)) == wanted


def test_not_managing_a_need_states_it(real_words):
    text = (
        "Onze vereniging geeft al jaren naailes. Fondsen willen dat we laten zien wat het "
        "oplevert en dat lukt ons niet goed."
    )
    values = prefill_from_message(make_tracker(text=text))
    assert values.get("needs") == ["impact"]


def test_a_place_already_found_and_ones_own_building_are_no_place_needed(real_words):
    assert "locatie" not in _needs("Een ruimte hebben we al op het oog, we zoeken vooral geld.")
    text = "Ons gebouw uit 1930 tocht en we missen geld om het te isoleren."
    assert "locatie" not in (prefill_from_message(make_tracker(text=text)).get("needs") or [])


@pytest.mark.parametrize(
    "text",
    [
        "Sinds vorig jaar hebben we een buurtbatterij. Nu willen we er een tweede bij.",
        "Ik heb een insectenhotel in het park gezet. Nu wil ik er in de buurt nog drie bij zetten.",
    ],
)
def test_one_more_of_what_runs_is_growing(real_words, text):
    assert prefill_from_message(make_tracker(text=text)).get("stage") == "opschalen"


def test_which_one_it_is_not_knowing_is_no_question():
    from actions.process import asks

    assert not asks("Het is bij het Agnetapark. Welke wijk dat is weet ik niet.")
    assert asks("Welke wijk is dat?")


def test_a_signature_under_a_letter_names_the_writer():
    from actions.slots import parse_contact

    text = (
        "Namens Stichting De Brug vraag ik uw hulp.\n\nMet vriendelijke groet,\nA. de Graaf\n"
        "Coördinator Stichting De Brug\na.degraaf@example.nl\n"
    )
    assert parse_contact(text).name == "A. de Graaf"


async def test_a_time_to_call_said_with_the_yes_to_contact_is_kept(real_words):
    slots = {"goal": "Een buurtmoestuin.", "needs": ["locatie"], "stage": "idee"}
    values = await validate_form("Ja, bel maar. Liefst na half zes.", "contact_wanted", slots)
    assert values["contact_wanted"] is True
    assert "half zes" in values["contact_time"]


def test_how_long_after_a_case_without_contact_still_says_by_when(catalogue):
    from datetime import date

    from actions.process import Known, answer

    known = Known(reference="LOK-2026-000042", reply_by=(5, date(2026, 12, 11)), has_contact=False)
    text = answer("doorlooptijd", known, catalogue)
    assert "vrijdag 11 december" in text
    assert "geen contactgegevens" in text


@pytest.mark.parametrize(
    ("asked", "text", "answer"),
    [
        ("stage", "nog niks, het is een idee van mij en mijn buurvrouw", "idee"),
        ("needs", "een ruimte, ik en mijn zus doen alles zelf", ["locatie"]),
    ],
)
async def test_residents_told_in_passing_at_another_question(real_words, asked, text, answer):
    slots = {"goal": "Een naaicafé voor de buurt."}
    values = await validate_form(text, asked, slots)
    assert values[asked] == answer
    assert values["organisation"] == "bewoner"


def test_a_shop_owner_who_wants_to_work_with_residents_is_an_entrepreneur(real_words):
    text = (
        "Ik heb een apotheek aan het plein. Ik wil samen met bewoners de speeltuin ernaast "
        "opknappen, maar ik weet niet bij wie ik moet zijn."
    )
    assert _organisation(text) == "ondernemer"


def test_paid_out_of_ones_own_pocket_for_now_is_money_wanted(real_words):
    assert "financiering" in _needs("een zaal, en de shirts betalen we nu uit eigen zak")
    assert "financiering" not in _needs("een zaal, de shirts betalen we zelf")


def test_not_begun_with_it_yet_is_an_idea(real_words):
    assert _stage("We zijn er nog niet mee begonnen. Eerst wil ik weten hoe het werkt.") == "idee"


def test_where_the_writer_lives_is_not_where_it_happens(real_words):
    text = "De markt is op het plein in Tanthof. Zelf woon ik in Voorhof."
    values = answer_to("wijk", text, make_tracker(text=text, asking="wijk"))
    assert values == {"wijk": "Tanthof"}


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        (
            "Ik moet iets verbeteren: we zijn sinds kort wél een vereniging.",
            "bewoner",
            "stichting-vereniging",
        ),
        (
            "Ik zei net stichting, maar dat klopt niet. We willen er een worden, nu zijn het "
            "gewoon ik en mijn buurman.",
            "stichting-vereniging",
            "bewoner",
        ),
    ],
)
async def test_who_is_behind_it_corrected_at_another_question(real_words, text, before, after):
    slots = {"goal": "Een taalcafé.", "needs": ["vrijwilligers"], "stage": "lopend"}
    values = await validate_form(text, "wijk", {**slots, "organisation": before})
    assert values.get("organisation") == after
    assert not values.get("wijk")


def test_a_church_group_without_a_form_of_its_own_is_residents(real_words):
    text = "Een groepje van de moskee, maar geen officiële stichting. Gewoon buren die helpen."
    values = answer_to("organisation", text, make_tracker(text=text, asking="organisation"))
    assert values == {"organisation": "bewoner"}


def test_a_hobby_and_no_business_is_residents(real_words):
    text = "Ik ben imker. Hobby, geen bedrijf."
    values = answer_to("organisation", text, make_tracker(text=text, asking="organisation"))
    assert values == {"organisation": "bewoner"}


def test_one_contact_person_is_asked_as_what_happens_next_and_answered_truly(catalogue):
    from actions.process import Known, answer, asked_topics

    asked = "Krijgen we één aanspreekpunt, of moeten we met elke afdeling apart praten?"
    assert asked_topics(asked) == ["vervolg"]
    with_contact = answer(
        "vervolg", Known(reference="LOK-2026-000042", has_contact=True), catalogue
    )
    assert "vaste aanspreekpunt" in with_contact
    without = answer("vervolg", Known(reference="LOK-2026-000042", has_contact=False), catalogue)
    assert "link" in without and "LOK-2026-000042" in without


def test_writing_for_a_faith_community_is_asked_not_guessed(real_words):
    # The catalogue has no faith community: whether it is the church itself, a foundation of
    # it or residents, the inwoner says (writers of both kinds expect the question).
    assert _organisation("Ik schrijf namens de vrouwengroep van de moskee in Buitenhof.") is None


async def test_asking_for_one_contact_person_after_the_case_is_what_happens_next(router):
    from actions.help import ActionOfferHuman
    from tests.actions.conftest import run_action

    reply = await run_action(
        ActionOfferHuman(),
        "Krijgen wij een vaste contactpersoon, of moeten we met elke afdeling apart praten?",
        "request_human",
        slots={"case_reference": "LOK-2026-000042", "case_contact": True},
    )
    assert "vaste aanspreekpunt" in reply.shown


async def test_told_at_another_question_that_the_form_was_only_planned(real_words):
    slots = {"goal": "Muziekles.", "needs": ["locatie"], "stage": "lopend"}
    text = (
        "O wacht, ik zei net stichting maar dat klopt niet. We willen een stichting worden, "
        "nu zijn het gewoon ik en twee vrienden."
    )
    values = await validate_form(text, "wijk", {**slots, "organisation": "stichting-vereniging"})
    assert values.get("organisation") == "bewoner"
    assert not values.get("wijk")


def test_students_without_a_form_are_still_students(real_words):
    text = "Gewoon een paar studenten, geen vereniging of zoiets."
    values = answer_to("organisation", text, make_tracker(text=text, asking="organisation"))
    assert values == {"organisation": "onderwijs"}
