"""Needs told as situations, work offered in a business, and questions about leave (#12).

Written in our own words for the thirty-eighth round's kinds of failure: a lack told in a
second sentence without a verb ("En geen geld voor pannen."), a fine for going without leave,
"geen cent", a doubled rent read as growing, the municipality as a partner read as a network,
thinking along about policy read as advice, paid staff read as money, a place one makes of a
workshop read as a space wanted, "niemand weet dat we bestaan" lost to its negation, someone
from the bijstand given a chance or taught the trade not read as staff, "moeten we
toestemming vragen?" taken for the question whether a person one types for must agree,
"Hebben jullie subsidie …?" not heard as a subsidy question, and "Bedrijf draait. 12 man." not
read as running.
"""

from __future__ import annotations

import pytest

from actions.intake import answer_to, prefill_from_message
from actions.process import asked_topics
from tests.actions.conftest import make_tracker


def _needs_answer(text: str) -> set[str]:
    return set(answer_to("needs", text, make_tracker(text=text, asking="needs")).get("needs") or [])


def _told(text: str) -> dict[str, object]:
    values = prefill_from_message(make_tracker(text=text))
    values.pop("goal", None)
    return values


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # a lack, then another without a verb
        (
            "We hebben geen werkplaats. En ook geen geld voor gereedschap.",
            {"locatie", "financiering"},
        ),
        # going without leave was not allowed: leave is wanted
        (
            "Vorige zomer zei een boa dat we daar niet mochten staan zonder vergunning. Dat willen "
            "we nu netjes doen.",
            {"vergunning"},
        ),
        ("Eerlijk gezegd hebben we geen rooie cent.", {"financiering"}),
        # being known, not having it
        ("De meeste mensen in de wijk weten niet eens dat we er zijn.", {"zichtbaarheid"}),
        # paid staff is staff
        ("Geen vrijwilligers meer, we zoeken betaalde krachten.", {"personeel"}),
        ("Dat de medewerkers van het stadskantoor hun lunch bij ons gaan bestellen.", {"inkoop"}),
        ("Een paar tablets zouden helpen, maar daar is geen geld voor.", {"financiering"}),
        (
            "We willen graag contact hebben met de huisartsen, zodat zij mensen naar ons kunnen "
            "doorverwijzen.",
            {"netwerk"},
        ),
        ("Ik wil met mensen praten die zoiets al eerder hebben opgezet.", {"netwerk"}),
        # asking whether leave is needed is wanting leave
        (
            "Moeten we ergens toestemming voor vragen als we op het plein muziek maken?",
            {"vergunning"},
        ),
    ],
)
def test_needs_told_as_situations_are_read(real_words, text, needs):
    assert needs <= _needs_answer(text)


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        # the municipality as a partner, and thinking along about its policy
        (
            "Dat de gemeente ons eindelijk ziet als partner. Laat ons meedenken over het beleid.",
            {"netwerk", "kennis"},
        ),
        ("Geen vrijwilligers meer, we zoeken betaalde krachten.", {"financiering"}),
        # what they make of a workshop they have is no space wanted
        (
            "Ik wil van de oude schuur van mijn opa een plek maken waar kinderen leren timmeren. "
            "De schuur is er dus al, maar ik weet niet hoe ik het moet regelen.",
            {"locatie"},
        ),
        # enough of it, said without a verb
        ("Handen genoeg, we hebben er veertig. Maar bijna niemand kent ons.", {"vrijwilligers"}),
        # whose ground it is, told to say whom to ask
        (
            "De buurman zegt dat het grond van de gemeente is, dus ik moet toestemming vragen.",
            {"locatie"},
        ),
    ],
)
def test_what_names_a_need_but_asks_none_is_not_read(real_words, text, not_read):
    assert not (not_read & _needs_answer(text))


def test_money_received_every_year_is_no_need(real_words):
    text = (
        "We krijgen elk jaar wat subsidie, maar we willen duidelijke afspraken: wat verwacht "
        "de gemeente van ons?"
    )
    values = _told(f"Onze stichting doet al jaren de voedselbank in Delft. {text}")
    found = set(values.get("needs") or []) | set(values.get("needs_hint") or [])
    assert "samenwerking" in found
    assert not found & {"financiering", "vergunning"}


def test_a_rent_that_doubled_is_no_growing_initiative(real_words):
    values = _told(
        "Wij zijn vijf buren die al drie jaar elke vrijdag een eetclub houden in het buurthuis. "
        "Nu is de huur van de zaal verdubbeld."
    )
    assert values.get("stage") == "lopend"


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb sinds vorig jaar een eigen bakkerij en ik wil iemand uit de bijstand een kans "
        "geven in de winkel.",
        "Ik heb al twintig jaar een fietsenmakerij en wil mijn vak doorgeven aan iemand die "
        "moeilijk aan werk komt.",
    ],
)
def test_work_offered_in_a_business_is_staff(real_words, text):
    values = _told(text)
    assert "personeel" in (set(values.get("needs") or []) | set(values.get("needs_hint") or []))


def test_the_owner_of_the_business_just_named_is_an_entrepreneur(real_words):
    values = _told(
        "Onze snackbar in Tanthof bestaat al acht jaar. Ik ben de eigenaar en wil een jongen "
        "met een beperking bij ons laten leren en werken."
    )
    assert values.get("organisation") == "ondernemer"
    assert "personeel" in (set(values.get("needs") or []) | set(values.get("needs_hint") or []))


def test_no_stichting_just_a_resident_says_who_is_behind_it(real_words):
    values = _told(
        "Ik wil een bloembak bij de bushalte in Voorhof zetten. Ik ben geen stichting of "
        "vereniging, gewoon een bewoner."
    )
    assert values.get("organisation") == "bewoner"


@pytest.mark.parametrize(
    ("text", "topic", "present"),
    [
        # leave for the plan, not whether the person one types for must agree
        ("Moeten we toestemming vragen als we de straat afsluiten?", "toestemming", False),
        ("Moet mijn buurvrouw zelf toestemming geven?", "toestemming", True),
        ("Hebben jullie subsidie als ik iemand uit de bijstand aanneem?", "subsidie", True),
    ],
)
def test_questions_about_leave_and_subsidy(text, topic, present):
    assert (topic in asked_topics(text)) is present


@pytest.mark.parametrize("text", ["Bedrijf draait. 12 man.", "Zaak draait al."])
def test_a_brief_running_business_is_running(real_words, text):
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {"stage": "lopend"}


def test_a_pilot_going_to_the_whole_city_grows_there(real_words):
    values = _told(
        "Onze proef is afgerond en nu willen we naar heel Delft. In Tanthof hebben we al veertig "
        "gezinnen geholpen met hun administratie."
    )
    assert values.get("stage") == "opschalen"
    assert values.get("wijk") == "hele stad"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Prototype is af, nog geen omzet. Ingeschreven bij de KvK sinds januari.", "opstart"),
        ("Idee-fase, we hebben alleen een prototype.", "idee"),
    ],
)
def test_made_but_earning_nothing_yet_is_starting_up(real_words, text, stage):
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {"stage": stage}


@pytest.mark.parametrize(
    "text",
    [
        "Een bv, maar we keren geen dividend uit en de missie staat in de statuten.",
        "We zijn een bv, maar alles wat we verdienen gaat terug in de werkplaats.",
    ],
)
def test_a_business_that_gives_its_profit_to_its_aim_is_a_social_enterprise(real_words, text):
    tracker = make_tracker(text=text, asking="organisation")
    assert answer_to("organisation", text, tracker) == {"organisation": "sociale-onderneming"}


def test_coaches_the_initiative_pays_are_what_it_does(real_words):
    values = _told(
        "Wij helpen gezinnen met schulden. Mensen die zelf schulden hadden, worden bij ons "
        "betaalde coach."
    )
    found = set(values.get("needs") or []) | set(values.get("needs_hint") or [])
    assert not found & {"kennis", "financiering"}


async def test_who_is_behind_it_told_at_the_needs_question_is_kept(real_words):
    from tests.actions.conftest import validate_form

    slots = await validate_form(
        "We zijn een bv, maar alles wat we verdienen gaat terug in het bedrijf en de begeleiding.",
        "needs",
        {"goal": "Een kookstudio waar jongeren met een beperking leren koken."},
        every_question=True,
    )
    assert slots.get("organisation") == "sociale-onderneming"
    assert not slots.get("needs")  # the needs question is asked again


def test_a_wish_to_begin_with_the_verb_first_is_an_idea_to_check(real_words):
    values = _told("Nu wil ik een kledingruil beginnen in de Wippolder, voor jonge gezinnen.")
    assert values.get("stage_hint") == "idee"


def test_people_who_carry_it_unpaid_are_volunteers(real_words):
    found = _needs_answer("We zoeken buren die het onbetaald mee willen dragen.")
    assert "vrijwilligers" in found


def test_a_business_with_people_working_in_it_runs(real_words):
    values = _told(
        "Ik heb een drukkerij met acht mensen, twee komen uit de sociale werkplaats. Kan de "
        "gemeente haar drukwerk bij ons bestellen?"
    )
    assert values.get("stage") == "lopend"


def test_what_their_organisation_does_is_what_the_initiative_is(real_words):
    values = prefill_from_message(
        make_tracker(
            text=(
                "Goedendag, we zitten met een probleem. Onze vereniging biedt al tien jaar "
                "taallessen aan vrouwen in Tanthof. De subsidie stopt volgend jaar."
            )
        )
    )
    assert "taallessen" in str(values.get("goal"))


def test_where_the_writer_volunteers_is_no_initiative_yet(real_words):
    values = prefill_from_message(
        make_tracker(text="Hallo, ik ben Fatima en ik doe vrijwilligerswerk bij de moskee.")
    )
    assert not values.get("goal")


@pytest.mark.parametrize(
    "text",
    [
        "Een coöperatie. Onze leden worden per opdracht betaald.",
        "Impactondernemer, met een bv.",
    ],
)
def test_earning_cooperatives_and_impact_entrepreneurs_are_social_enterprises(real_words, text):
    tracker = make_tracker(text=text, asking="organisation")
    assert answer_to("organisation", text, tracker) == {"organisation": "sociale-onderneming"}


def test_the_centre_is_the_binnenstad(real_words):
    assert answer_to("wijk", "centrum", make_tracker(text="centrum", asking="wijk")) == {
        "wijk": "Binnenstad"
    }


def test_a_centre_in_a_story_is_no_wijk(real_words):
    values = prefill_from_message(
        make_tracker(text="Wij willen een cultureel centrum openen voor jongeren uit heel Delft.")
    )
    assert values.get("wijk") == "hele stad"
