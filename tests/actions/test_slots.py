"""The pure helpers: contact details, wijken, needs, fields and FAQ topics."""

from __future__ import annotations

import pytest

from actions.slots import (
    WHOLE_CITY,
    field_slot,
    find_topic,
    intake_from_slots,
    is_meaningful_goal,
    merge_needs,
    normalise_needs,
    normalise_wijk,
    parse_contact,
    types_for_another,
)
from tests.actions.conftest import phrasings


def test_contact_with_name_and_email():
    details = parse_contact("mijn naam is Petra Jansen, mail petra@voorbeeld.nl")
    assert details.email == "petra@voorbeeld.nl"
    assert details.name == "Petra Jansen"
    assert details.phone is None


def test_contact_with_name_and_phone():
    details = parse_contact("Ahmed, 06 98765432")
    assert details.phone == "06 98765432"
    assert details.name == "Ahmed"
    assert details.reachable


def test_contact_phone_with_country_code_and_dashes():
    assert parse_contact("bel me op +31 6 11223344").phone == "+31 6 11223344"
    assert parse_contact("015-2600000 na 17.00 uur").phone == "015-2600000"


def test_contact_without_email_or_phone_is_not_reachable():
    details = parse_contact("Bas de Groot")
    assert details.name == "Bas de Groot"
    assert not details.reachable


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Toch maar wel, 06 11 22 33 44", None),
        ("zeker, dan ook maar 0611223344", None),
        ("eigenlijk beter per mail: hans@example.nl", None),
        ("ok. Alsnog graag: Fatima el Amrani, 0611223344", "Fatima el Amrani"),
        ("mijn naam is Al Bakker, 0611223344", "Al Bakker"),
        ("sanne de wit 0611223344", "sanne de wit"),
        ("ja bel me maar, 06-12340909. k. de boer", "k. de boer"),
        ("Oké. sanne de wit. 06-12340000", "sanne de wit"),
    ],
)
def test_function_words_are_no_part_of_a_name(text, name):
    assert parse_contact(text).name == name


def test_wijk_by_name_case_and_typo(catalogue):
    assert normalise_wijk("voorhof", catalogue) == "Voorhof"
    assert normalise_wijk("het is in Hof van Delft hoor", catalogue) == "Hof van Delft"
    assert normalise_wijk("voorhoff", catalogue) == "Voorhof"
    assert normalise_wijk("tanthoff", catalogue) == "Tanthof"


def test_whole_city_and_unknown_wijk(catalogue):
    assert normalise_wijk("in heel Delft", catalogue) == WHOLE_CITY
    assert normalise_wijk("Amsterdam-Noord", catalogue) is None


def test_needs_are_catalogue_ids_via_the_analysis(router, catalogue):
    assert normalise_needs(
        ["financiering", "geld", "vrijwilligers"], catalogue, router.analyse
    ) == [
        "financiering",
        "vrijwilligers",
    ]
    assert normalise_needs(["onzin"], catalogue, router.analyse) == []


def test_merge_needs_adds_with_ook_and_replaces_otherwise():
    assert merge_needs(["financiering"], ["vrijwilligers"], "we zoeken ook vrijwilligers") == [
        "financiering",
        "vrijwilligers",
    ]
    assert merge_needs(["financiering"], ["locatie"], "nee, het gaat om een ruimte") == ["locatie"]


def test_field_words():
    assert field_slot("wijk") == "wijk"
    assert field_slot("hulpvraag") == "needs"
    assert field_slot("mijn e-mailadres") == "contact"
    assert field_slot("hoe ver we zijn") == "stage"
    assert field_slot("iets raars") is None


def test_topic_by_entity_name_or_text(catalogue):
    assert find_topic("prestatieverklaring", "", catalogue) == "prestatieverklaring"
    assert find_topic("MAEX", "", catalogue) == "maex"
    assert find_topic(None, "wat is een maex-impuls?", catalogue) == "maex-impuls"
    assert find_topic("buy social", "", catalogue) == "buy-social"
    assert find_topic(None, "hoe laat is het", catalogue) is None
    # a name with its short form in brackets, "Social return (SROI)", by either part
    assert find_topic(None, "Wat houdt social return in?", catalogue) == "sroi"
    assert find_topic("SROI", "", catalogue) == "sroi"


def test_intake_from_slots_maps_whole_city_to_no_wijk():
    intake = intake_from_slots(
        {"goal": "Een moestuin", "needs": ["locatie"], "wijk": WHOLE_CITY, "stage": "idee"}
    )
    assert intake.wijk is None
    assert intake.needs == ["locatie"]


def test_a_goal_needs_a_few_words():
    assert not is_meaningful_goal("ja")
    assert not is_meaningful_goal("asdf 123")
    assert is_meaningful_goal("een moestuin voor de buurt")


def test_contact_keeps_the_preferred_time_and_a_clean_name():
    details = parse_contact("ja hoor: Kees van der Berg 06-12345678 bel liever na 17 uur")
    assert details.name == "Kees van der Berg"
    assert details.phone == "06-12345678"
    assert details.preferred_time is not None and "na 17 uur" in details.preferred_time
    assert parse_contact("Oeps, mijn nummer is 0612345678, ik ben Sanne").name == "Sanne"
    assert parse_contact("piet@example.nl").name is None


def test_negated_needs_and_organisations_are_not_taken(router, catalogue):
    from actions.slots import needs_in_text, normalise_organisation

    analyse = router.analyse
    assert needs_in_text("We hebben geen geld nodig, wel een ruimte", catalogue, analyse) == [
        "locatie"
    ]
    assert needs_in_text("geld en een ruimte en vrijwilligers", catalogue, analyse) == [
        "financiering",
        "vrijwilligers",
        "locatie",
    ]
    assert normalise_organisation("geen stichting, gewoon buren", catalogue, analyse) == "bewoner"


def test_a_running_initiative_is_not_an_idea(router, catalogue):
    from actions.slots import normalise_stage

    for text in ("onze bakkerij bestaat al 10 jaar", "het buurthuis draait sinds 1994"):
        assert normalise_stage(text, catalogue, router.analyse) == "lopend", text


def test_dont_know_is_unknown_and_whole_city_is_not():
    from actions.slots import says_unknown

    for text in ("weet ik niet", "maakt niet uit", "geen idee eigenlijk", "nog niet"):
        assert says_unknown(text), text
    assert not says_unknown("in de hele stad")


def test_growing_and_own_business_are_read_from_words(router, catalogue):
    from actions.slots import normalise_organisation, normalise_stage

    text = "ik heb een bakkerij al 10 jaar en we willen groijen naar een twede vestiging"
    assert normalise_stage(text, catalogue, router.analyse) == "opschalen"
    assert normalise_organisation("Ik heb een fietsenwinkel", catalogue, router.analyse) == (
        "ondernemer"
    )
    assert normalise_organisation(
        "gewoon een eenmanszaak, geen stichting", catalogue, router.analyse
    ) == ("ondernemer")


def test_stage_from_the_words_of_starting_and_of_an_idea(router, catalogue):
    from actions.slots import normalise_stage

    starting = (
        "we zijn er druk mee bezig, de eerste gesprekken zijn gevoerd maar het loopt nog niet",
        "de zaak wordt nu ingericht, we zijn aan het verbouwen en nog niet open",
    )
    for text in starting:
        assert normalise_stage(text, catalogue, router.analyse) == "opstart", text
    assert normalise_stage("ideefase, er is alleen een schets", catalogue, router.analyse) == (
        "idee"
    )


def test_years_or_growth_of_something_else_do_not_set_the_stage(router, catalogue):
    from actions.slots import normalise_stage

    for text in (
        "naast de school ligt al jaren een braakliggend veld",
        "wij wonen al twintig jaar in deze straat en willen een buurtbbq",
        "een ruilhoek voor schoolspullen, want kinderen groeien zo hard",
    ):
        assert normalise_stage(text, catalogue, router.analyse) is None, text
    assert normalise_stage("we willen er nog meer neerzetten", catalogue, router.analyse) == (
        "opschalen"
    )


def test_people_without_an_organisation_are_residents(router, catalogue):
    from actions.slots import normalise_organisation

    for text in (
        "ik met een paar andere ouders van de school",
        "alleen mijzelf",
        "gewoon bewoners, geen vereniging en ook geen stichting",
    ):
        assert normalise_organisation(text, catalogue, router.analyse) == "bewoner", text
    assert normalise_organisation("een project van onze school", catalogue, router.analyse) != (
        "bewoner"
    )


def test_a_running_initiative_that_starts_something_new_grows(router, catalogue):
    from actions.slots import normalise_stage

    text = "onze vereniging bestaat al 15 jaar en we willen nu ook een jongerenclub beginnen"
    assert normalise_stage(text, catalogue, router.analyse) == "opschalen"


@pytest.mark.parametrize(("text", "for_another"), phrasings("types for another person"))
def test_typing_for_another_person_is_told_apart(text, for_another):
    assert types_for_another(text) is for_another
