"""Fewer, clearer parties: a route brings in only the teams that are needed, each explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from routing import Router, RulesError
from routing.teams import MAX_SUPPORTING

REPAIR_CAFE = (
    "Wij organiseren elke maand een repair café in het buurthuis. "
    "We zoeken vrijwilligers die kunnen repareren."
)
SWAP_CUPBOARD = (
    "In onze straat willen we een ruilkast neerzetten waar buren boeken en speelgoed ruilen."
)


def test_one_loose_theme_word_brings_no_supporting_team(router: Router) -> None:
    route = router.route(
        {"text": "Onze bakkerij wil mensen met een afstand tot de arbeidsmarkt aannemen."}
    )
    assert route.lead == "werk-inkomen"
    assert "vergunningen" not in route.departments
    left = {item.department: item for item in route.left_out}
    assert "horeca" in left["vergunningen"].rules
    assert "‘bakkerij’" in left["vergunningen"].reden
    assert "te weinig" in left["vergunningen"].reden


def test_a_chosen_need_brings_the_team_that_offers_its_instrument(router: Router) -> None:
    text = "Wij willen een buurtbus voor ouderen."
    assert "subsidies" not in router.route({"text": text + " Wie betaalt dat?"}).departments
    route = router.route({"text": text, "needs": ["financiering"]})
    assert "subsidies" in route.departments
    assert "subsidiescan" in route.instruments


def test_a_need_asked_for_in_words_brings_its_team(router: Router) -> None:
    route = router.route({"text": "Ons buurtkoor zoekt meer bekendheid in de stad."})
    assert "communicatie" in route.departments


def test_two_words_of_a_theme_are_a_strong_signal(router: Router) -> None:
    one = router.route({"text": "Wij zoeken een ruimte voor een taalcafé voor kinderen."})
    two = router.route(
        {"text": "Wij zoeken een ruimte voor een taalcafé voor kinderen en hun ouders."}
    )
    assert "zorg-welzijn" not in one.departments
    assert "zorg-welzijn" in two.departments


def test_supporting_teams_are_capped_and_regie_connects_the_rest(router: Router) -> None:
    route = router.route(
        {
            "text": "Wij willen een buurtwerkplaats beginnen.",
            "needs": ["locatie", "financiering", "vergunning", "personeel", "zichtbaarheid"],
        }
    )
    assert "publiek-ondernemen" in route.departments  # regie, on top of the cap
    assert len(route.departments) <= 1 + MAX_SUPPORTING + 1
    capped = [item for item in route.left_out if "doet nu niet mee" in item.reden]
    assert capped, route.left_out
    assert all("Team Publiek Ondernemen haalt" in item.reden for item in capped)


def test_reasons_do_not_claim_teams_that_were_left_out(router: Router) -> None:
    route = router.route({"text": "Wij hebben een bakkerij en willen statushouders aannemen."})
    left = {item.department for item in route.left_out}
    assert left
    added = {a for reason in route.reasons for a in reason.adds}
    assert not left & added
    for item in route.departments + route.partners + route.instruments:
        assert item in added, item


def test_repair_cafe_is_not_horeca(router: Router) -> None:
    analysis = router.analyse(REPAIR_CAFE)
    assert "horeca" not in analysis.themes
    assert "circulair" in analysis.themes
    assert analysis.signals["andere-betekenis:thema:horeca"] == ["repair café"]
    route = router.route({"text": REPAIR_CAFE})
    assert route.lead == "duurzaamheid"
    assert "horeca" not in [r.rule for r in route.reasons]
    assert not {"vergunningen", "economie"} & set(route.departments)


def test_books_in_a_swap_cupboard_are_not_about_literacy(router: Router) -> None:
    analysis = router.analyse(SWAP_CUPBOARD)
    assert "taal" not in analysis.themes
    assert "circulair" in analysis.themes
    route = router.route({"text": SWAP_CUPBOARD})
    assert "onderwijs-cultuur" not in route.departments
    assert "taal" not in [r.rule for r in route.reasons]


def test_another_word_of_the_theme_still_counts_beside_the_other_sense(router: Router) -> None:
    both = "Naast ons repair café willen we een restaurant met een terras beginnen."
    assert router.analyse(both).signals["thema:horeca"] == ["restaurant", "terras"]
    assert "taal" in router.analyse("Wij lezen samen boeken met laaggeletterde ouders.").themes


def test_loonkostensubsidie_is_no_request_for_money(router: Router) -> None:
    analysis = router.analyse("Kan ik loonkostensubsidie krijgen als ik iemand aanneem?")
    assert "financiering" not in analysis.needs


def test_a_school_assignment_is_no_assignment_from_a_customer(router: Router) -> None:
    text = "ik zit op het mbo en voor een opdracht wil ik met mijn klas iets doen tegen zwerfafval"
    assert "inkoop" not in router.analyse(text).needs
    assert (
        "inkoop" in router.analyse("We zoeken opdrachten van de gemeente voor ons bedrijf.").needs
    )


def test_the_municipality_buying_is_the_municipality_as_a_customer(router: Router) -> None:
    text = "Misschien kan gemeente ook eten kopen voor vergadering?"
    assert "inkoop" in router.analyse(text).needs
    assert "inkoop" not in router.analyse("We willen een pand van de gemeente kopen.").needs


def test_other_sense_for_an_unknown_theme_is_an_error(data_copy: Path) -> None:
    path = data_copy.parent / "signalen.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('  horeca: ["repair cafe"', '  horca: ["repair cafe"', 1))
    with pytest.raises(RulesError, match="did you mean 'horeca'"):
        Router.load(data_copy)


def test_the_shops_people_walk_to_are_no_business_of_the_writer(router: Router) -> None:
    text = "Ouderen kunnen onderweg naar de winkels nergens meer even uitrusten."
    assert router.analyse(text).organisation != "ondernemer"
    assert router.analyse("Ik heb een winkel in de Binnenstad.").organisation == "ondernemer"


def test_help_from_parents_and_neighbours_with_the_work_is_volunteers(router: Router) -> None:
    text = "We zoeken hulp van ouders en buurtbewoners bij het aanleggen van het plein."
    assert "vrijwilligers" in router.analyse(text).needs


def test_studying_social_enterprise_makes_students_no_social_enterprise(router: Router) -> None:
    text = "Wij zijn studenten van de hogeschool en volgen een minor over sociaal ondernemen."
    analysis = router.analyse(text)
    assert analysis.organisation == "onderwijs"
    assert analysis.signals["andere-betekenis:organisatie:sociale-onderneming"]
    assert router.analyse("Wij zijn een sociale onderneming.").organisation == (
        "sociale-onderneming"
    )
