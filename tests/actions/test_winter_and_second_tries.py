"""Autumn and winter at the front door, and people who tried before (#12).

Written in our own words for the forty-seventh conversation round's and the twenty-fourth
reading set's kinds of miss: companies sought to work with were no contacts; what to apply
for "en bij wie" was taken for contacts; a building one already has was taken for a place
sought; what funders ask to see, and a scheme for wage costs, were taken for money sought;
guidance in hiring was taken for advice; people who want to learn the trade were no staff;
an idea "om iemand … het vak te leren" was no wish; a plan formed was no stage.
"""

from __future__ import annotations

import pytest

from actions import knowledge
from actions.intake import prefill_from_message
from actions.slots import needs_in_answer, story_stage
from tests.actions.conftest import make_tracker


def _needs(text: str) -> set[str]:
    return set(needs_in_answer(text, knowledge.catalogue(None), knowledge.analyser(None)))


def _first(text: str) -> dict:
    return prefill_from_message(make_tracker(text=text))


# -- needs --


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # companies to work with are contacts
        ("We zoeken een paar bedrijven die met ons willen samenwerken.", {"netwerk"}),
        # where a permit is applied for is part of the permit, not a contact
        (
            "We hebben toestemming nodig voor de markt, maar wat moeten we aanvragen en bij wie?",
            {"vergunning"},
        ),
        # the building is there already: only the rules are the problem
        (
            "De ruimte is er, de verhuurder vindt het goed, maar het staat als winkel ingeschreven"
            " en we willen er een huiskamer van maken. Mag dat?",
            {"vergunning"},
        ),
        # what funders ask to see is impact, not money sought
        (
            "Fondsen vragen ons steeds wat we opleveren voor de buurt, en dat kunnen we niet"
            " met cijfers onderbouwen.",
            {"impact"},
        ),
        # a scheme for wage costs is about staff
        (
            "We willen twee mensen aannemen en hoorden van een regeling voor hun loonkosten.",
            {"personeel"},
        ),
        # guidance in hiring is about staff, not advice for the initiative
        ("We zoeken begeleiding bij het aannemen van jongeren zonder diploma.", {"personeel"}),
        # people who want to learn the trade with us
        (
            "Geen geld nodig. Wel mensen uit de bijstand die bij ons het vak willen leren.",
            {"personeel"},
        ),
    ],
)
def test_needs_told_as_what_happened_before(real_words, text: str, needs: set[str]) -> None:
    assert _needs(text) == needs


def test_funders_who_want_money_back_still_ask_money(real_words):
    # what funders ask is set aside only in that sense: money lacked stays a need
    assert "financiering" in _needs("We hebben geen geld meer en zoeken een nieuw fonds.")


def test_an_idea_to_teach_someone_the_trade_wants_staff(real_words):
    values = _first(
        "Ik heb een fietsenwinkel in de binnenstad. Ik speel al lang met het idee om iemand"
        " die al jaren thuis zit bij ons het vak te leren, op een echte leerwerkplek."
    )
    assert "personeel" in values.get("needs", []) + values.get("needs_hint", [])


def test_a_plan_formed_is_an_idea(real_words):
    text = (
        "Mijn zus en ik hebben het plan opgevat om in onze wijk een soepavond voor eenzame"
        " buren te houden. We hebben daar geen ervaring mee."
    )
    assert story_stage(text, knowledge.catalogue(None), knowledge.analyser(None)) == "idee"
    assert _first(text).get("stage") == "idee"


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # a fee to cover costs is money
        ("Een onkostenvergoeding voor de kilometers die we rijden.", {"financiering"}),
        # the answer is that it must be allowed; where it will stand is no place sought
        ("Dat het mag. De plantenbakken komen op grond van de gemeente.", {"vergunning"}),
    ],
)
def test_needs_answers_in_few_words(real_words, text: str, needs: set[str]) -> None:
    assert _needs(text) == needs


# -- what the first message already tells --


def test_a_lack_told_in_a_long_story_is_a_need(real_words):
    values = _first(
        "Goedenavond. Namens de moskee in onze wijk: vorig jaar hebben we in de wintermaanden"
        " elke zaterdag soep uitgedeeld aan buren die het koud hebben. Er kwamen steeds meer"
        " mensen, ook van buiten de wijk. Dit jaar willen we het weer doen, maar de energiekosten"
        " van het gebouw zijn flink gestegen en we hebben te weinig mensen om de soep rond te"
        " brengen."
    )
    assert {"financiering", "vrijwilligers"} <= set(values.get("needs", []))
    assert "locatie" not in values.get("needs", [])


def test_what_was_begun_is_what_it_is(real_words):
    values = _first(
        "Goedemiddag, ik ben buurtwerker. Wij zijn net begonnen met een praatgroep voor"
        " weduwen in de wijk: elke week komen ze even bij elkaar."
    )
    assert "goal" in values


def test_a_group_that_runs_it_yearly_and_now_has_a_problem(real_words):
    values = _first(
        "Onze harmonie speelt elk jaar met kerst op het plein bij het verzorgingshuis. Nu is"
        " de verhuurder van de tent failliet en een nieuwe tent kost het dubbele."
    )
    assert "goal" in values and "goal_hint" not in values
    assert values.get("stage") == "lopend"
    assert "financiering" in values.get("needs", []) + values.get("needs_hint", [])


def test_a_place_wanted_in_a2_dutch(real_words):
    values = _first(
        "Hallo. Wij zijn vrouwen uit Afghanistan. Wij naaien samen elke week bij iemand thuis."
        " Huis is klein. Wij willen ruimte. Wij hebben geen geld."
    )
    assert {"locatie", "financiering"} <= set(values.get("needs", []))


def test_more_evenings_than_now_is_growing(real_words):
    values = _first(
        "Wij hebben een lunchroom en houden al vier jaar op oudejaarsdag een gratis maaltijd"
        " voor mensen die alleen zijn. Dit jaar willen we drie avonden doen."
    )
    assert values.get("stage") == "opschalen"


def test_whether_it_is_allowed_asked_without_a_question_mark(real_words):
    values = _first("minibieb bij ons voor de deur. mag dat.")
    assert values.get("needs") == ["vergunning"]


def test_what_was_just_named_and_is_lacked(real_words):
    values = _first(
        "Wij draaien al jaren een kledingbank in de wijk. De gemeente vraagt nu een verslag met"
        " cijfers over wat het oplevert, en die hebben we niet."
    )
    assert values.get("needs") == ["impact"]


# -- contact details and replies --


def test_a_phone_number_read_out_in_pairs():
    from actions.slots import parse_contact

    contact = parse_contact(
        "P. Jansen, telefoon nul zes, vierendertig, elf, tweeënvijftig, negentig"
    )
    assert contact.phone == "0634115290"
    assert contact.name == "P. Jansen"
    # a count said in words is no phone number
    assert parse_contact("we zijn met twaalf, dertien vrijwilligers").phone is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("wat kan er dan allemaal?", "mogelijkheden"),
        ("Welke hulp is er eigenlijk?", "mogelijkheden"),
        ("De markt is op 12 december. Halen jullie dat nog?", "doorlooptijd"),
        ("Maar hoe weet ik dan wat er gebeurt, als ik niets achterlaat?", "zonder_contact"),
    ],
)
def test_questions_about_the_process(text: str, topic: str) -> None:
    from actions.process import process_topics

    assert topic in process_topics(text)


def test_you_know_what_is_no_question():
    from actions.process import asks

    assert not asks("nee weet je wat, laat maar zitten")
    assert asks("weet je wat dat kost?")


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("nee, weet je wat, laat maar. ik zoek het zelf wel uit", "action_decline_consent"),
        ("Nee hoor, stuur het maar door.", None),
    ],
)
def test_a_no_in_many_words_at_the_consent_question(text: str, action: str | None) -> None:
    from actions.interpret import yes_at_the_open_question

    tracker = make_tracker(text=text, slots={"phase": "consent"})
    follow = yes_at_the_open_question(tracker, text)
    assert follow == action or (action is None and follow != "action_decline_consent")
