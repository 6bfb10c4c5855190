"""Answers and first messages read as people mean them (#12).

Written in our own words for the thirty-fifth round's kinds of failure: "waar het is maakt
niet uit" at the wijk question was heard as a question, three times; a trial beside "nog een
idee" made it starting up; a social worker, a couple with a care farm and a university
researcher were stored as residents; a permit asked in the first message was asked again as
a need; a question about a legal form, maintaining the municipality's bikes and a place of
work offered to someone with a disability were no needs; a "winkelcentrum" was the town
centre.
"""

from __future__ import annotations

import pytest

from actions.intake import ValidateIntakeForm, answer_to, prefill_from_message
from actions.process import asks
from tests.actions.conftest import make_tracker


def test_a_place_that_does_not_matter_is_no_question_and_answers_the_wijk(real_words):
    text = "Voor de hele stad. Welke wijk het wordt maakt ons niet uit, als het centraal ligt."
    assert not asks("Welke wijk het wordt maakt ons niet uit, als het centraal ligt.")
    tracker = make_tracker(text=text, asking="wijk", intent="ask_about")
    assert ValidateIntakeForm()._extract(tracker, "wijk") == {"wijk": "hele stad"}


def test_a_place_one_asks_about_is_still_a_question():
    assert asks("Waar is dat buurthuis precies?")
    assert asks("waar moet ik zijn")


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Het is nog maar een idee. We hebben het een keer thuis uitgeprobeerd.", "idee"),
        ("We hebben het twee keer uitgeprobeerd en willen nu echt beginnen.", "opstart"),
        # a new part of a running thing, and more of it
        ("Het bedrijf loopt al lang, maar dat nieuwe stuk zit nog in de ideefase.", "idee"),
        ("We hebben nu 2 teams, volgend jaar willen we er 4.", "opschalen"),
    ],
)
def test_a_stage_told_beside_what_qualifies_it(real_words, text, stage):
    assert answer_to("stage", text, make_tracker(text=text, asking="stage"))["stage"] == stage


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "Ik ben jongerenwerker in Buitenhof en wil vanuit het buurtteam een filmavond voor "
            "tieners opzetten.",
            "maatschappelijke-organisatie",
        ),
        (
            "Mijn vrouw en ik hebben een boerderij aan de rand van de stad en willen er een "
            "pluktuin bij maken waar buurtbewoners mee kunnen helpen.",
            "ondernemer",
        ),
        (
            "Ik ben promovendus aan de TU Delft. Met twee collega's willen we geluidsmeters bij "
            "bewoners ophangen om te zien waar het te lawaaiig is.",
            "onderwijs",
        ),
        (
            "Ik heb een glazenwassersbedrijf en overweeg om er later een sociale onderneming "
            "naast te beginnen. Hoe pak ik dat aan?",
            "ondernemer",
        ),
    ],
)
def test_who_writes_from_their_work_is_who_is_behind_it(real_words, text, organisation):
    assert prefill_from_message(make_tracker(text=text)).get("organisation") == organisation


def test_a_youth_worker_who_names_no_team_is_asked_who_is_behind_it(real_words):
    text = "ik ben jongerenwerker. elke vrijdag doen we een kookavond in de keet, loopt goed."
    assert "organisation" not in prefill_from_message(make_tracker(text=text))


def test_a_place_only_counts_in_the_clause_that_asks_for_help(real_words):
    text = (
        "We willen een tuin bij het buurthuis. De beheerder van het buurthuis vindt het goed, "
        "maar we weten niet of we een vergunning nodig hebben."
    )
    assert "locatie" not in (prefill_from_message(make_tracker(text=text)).get("needs") or [])


@pytest.mark.parametrize(
    "text",
    [
        "Goedemiddag, ik ben welzijnswerker. Mevrouw De Bruin zit naast me, zij wil een "
        "breiclub beginnen in Tanthof. Ik typ voor haar.",
        "Ik ben opbouwwerker en zit hier bij een bewoner. Hij wil een klusdienst opzetten "
        "voor ouderen in de flat.",
    ],
)
def test_a_social_worker_beside_the_one_whose_plan_it_is_asks_who(real_words, text):
    assert "organisation" not in prefill_from_message(make_tracker(text=text))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("een zaal voor de lessen, en moeten we daarvoor een vereniging oprichten?", "kennis"),
        ("wij zouden graag de schoonmaak van de gemeentegebouwen doen", "inkoop"),
        ("en ik wil jongeren zonder baan een stageplek geven", "personeel"),
        ("een tent, en we weten niet of dat mag van de gemeente op het veld", "vergunning"),
        ("wat geld, en de buurt moet het wel horen, anders komt er niemand", "zichtbaarheid"),
        ("mensen die een middagje op bezoek willen komen bij ouderen", "vrijwilligers"),
        ("wat geld, en dat de scholen het weten zodat kinderen het horen", "zichtbaarheid"),
    ],
)
def test_help_told_as_a_question_or_a_service_is_read_as_a_need(real_words, text, need):
    assert need in answer_to("needs", text, make_tracker(text=text, asking="needs"))["needs"]


@pytest.mark.parametrize(
    ("text", "need"),
    [
        (
            "Hallo, ik wil in augustus een burendag op het pleintje bij ons in Tanthof, is "
            "daar een vergunning voor nodig?",
            "vergunning",
        ),
        (
            "Wij zijn gewoon buren in Vrijenban. Subsidie hoeft niet. We willen alleen weten "
            "of we zelf een insectenhotel in het plantsoen mogen plaatsen.",
            "vergunning",
        ),
        (
            "Ik heb een fietsenwinkel in Hof van Delft en wil graag iemand met een beperking "
            "een plek geven in de werkplaats. Hoe gaat dat?",
            "personeel",
        ),
        (
            "Mijn lunchroom in Ruiven loopt goed. Nu wil ik ook mensen zonder baan een kans "
            "geven achter de bar.",
            "personeel",
        ),
        ("Wij willen werklozen uit de wijk een plek bieden in onze kringloopwinkel.", "personeel"),
        (
            "ik ben 81 en wil in voorhof een spelletjesmiddag voor de buurt. er is nog niks "
            "geregeld. ik heb geld nodig voor de thee en een zaaltje want mijn kamer is te klein",
            "locatie",
        ),
    ],
)
def test_a_need_the_first_message_asks_is_the_need_not_a_hint(real_words, text, need):
    values = prefill_from_message(make_tracker(text=text))
    assert need in (values.get("needs") or []), values


def test_a_shopping_centre_is_not_the_town_centre(delft):
    assert delft.analyse("Ik heb een kapsalon in het winkelcentrum in Buitenhof.").wijk == (
        "Buitenhof"
    )
    assert delft.analyse("ons taalcafé zit in het centrum").wijk == "Binnenstad"


def test_asking_leave_at_the_needs_question_is_the_permit_it_needs(real_words):
    text = "Vooral dit: mogen we zelf de stoeptegels voor ons huis weghalen? En wie regelt dat?"
    tracker = make_tracker(text=text, asking="needs", intent="ask_about")
    assert ValidateIntakeForm()._extract(tracker, "needs") == {"needs": ["vergunning"]}


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        (
            "Goedemiddag. Ik ben voorzitter van de buurtwerkplaats in Voorhof. Al drie jaar "
            "repareren we elke woensdagmiddag fietsen en kleine meubels van buurtbewoners, in "
            "een lokaal van de oude school aan de Jacoba van Beierenlaan. Dat lokaal gaat in "
            "het voorjaar dicht, dus zoeken we een nieuwe plek. Ook kunnen we wel wat nieuwe "
            "vrijwilligers gebruiken, want het wordt steeds drukker op woensdag.",
            {"locatie", "vrijwilligers"},
        ),
    ],
)
def test_what_a_long_story_could_use_is_a_need(real_words, text, needs):
    assert set(prefill_from_message(make_tracker(text=text)).get("needs") or []) == needs


def test_volunteers_who_do_the_work_are_no_need_stated_beside_something_not_needed(real_words):
    text = (
        "Hallo, ik coördineer onze stichting. Vrijwilligers rijden met ouderen naar de markt, "
        "zodat de regiotaxi niet nodig is."
    )
    assert "vrijwilligers" not in (prefill_from_message(make_tracker(text=text)).get("needs") or [])


def test_saying_it_is_a_social_enterprise_outweighs_the_trade_named_before(real_words):
    text = (
        "Wij hebben een kringloopwinkel in Voorhof waar mensen uit de bijstand werkervaring "
        "opdoen. We zijn een sociale onderneming."
    )
    assert prefill_from_message(make_tracker(text=text))["organisation"] == "sociale-onderneming"
