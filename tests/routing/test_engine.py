"""Routing decisions: lead first, reasons for everything, scope, defaults and determinism."""

from __future__ import annotations

from pathlib import Path

import pytest

from routing import Intake, IntakeError, Router, get_router

MOESTUIN = (
    "We willen in Tanthof een buurtmoestuin beginnen en zoeken vrijwilligers en een stukje grond"
)


def test_buurtmoestuin_is_led_by_green_with_volunteers_and_derived_location(router: Router) -> None:
    route = router.route({"text": MOESTUIN})
    assert route.in_scope
    assert route.lead in {"openbare-ruimte", "wijken"}
    assert "vrijwilligerscentrale" in route.partners
    assert "vrijwilligersmatch" in route.instruments
    assert {"id": "locatie", "source": "derived"} in [n.model_dump() for n in route.needs]
    assert route.wijk == "Tanthof"
    assert {11, 15} <= set(route.sdgs)


def test_passport_question_is_out_of_scope_with_the_general_number(router: Router) -> None:
    route = router.route({"text": "Hoe vraag ik een nieuw paspoort aan?"})
    assert not route.in_scope
    assert route.departments == [] and route.partners == [] and route.instruments == []
    assert route.general_contact == "14 015"
    assert "14 015" in route.reasons[0].reden


def test_initiative_against_waste_is_in_scope(router: Router) -> None:
    route = router.route({"text": "een initiatief tegen afval in de wijk"})
    assert route.in_scope
    assert route.lead == "duurzaamheid"


def test_chosen_needs_make_a_service_word_part_of_an_initiative(router: Router) -> None:
    route = router.route({"text": "parkeervergunning", "needs": ["vergunning"]})
    assert route.in_scope


def test_every_team_partner_and_instrument_is_explained_by_a_reason(router: Router) -> None:
    route = router.route(
        {
            "text": MOESTUIN + ". Wij zijn een sociale onderneming en zoeken geld en bekendheid.",
            "needs": ["impact", "inkoop"],
        }
    )
    explained = {item for reason in route.reasons for item in reason.adds}
    for item in route.departments + route.partners + route.instruments:
        assert item in explained, item


def test_an_instrument_brings_the_team_that_offers_it(router: Router) -> None:
    route = router.route({"needs": ["financiering"]})
    assert "subsidiescan" in route.instruments
    assert "subsidies" in route.departments


def test_when_no_rule_fits_publiek_ondernemen_leads_and_says_so(router: Router) -> None:
    route = router.route({"text": "Hallo, ik heb een vraag."})
    assert route.lead == "publiek-ondernemen"
    assert route.reasons[-1].rule == "standaard"
    assert "geen specifieke regel" in route.reasons[-1].reden


def test_same_intake_gives_the_same_route_in_the_same_order(router: Router) -> None:
    intake = {
        "text": MOESTUIN + " met zonnepanelen, een taalcafé en een pand.",
        "needs": ["kennis"],
    }
    first = router.route(intake).model_dump_json()
    assert all(router.route(intake).model_dump_json() == first for _ in range(3))
    fresh = Router.load(router.data_dir or Path("data/municipalities/delft"))
    assert fresh.route(intake).model_dump_json() == first


def test_intake_object_and_dict_give_the_same_route(router: Router) -> None:
    as_dict = {"text": MOESTUIN, "needs": ["financiering"], "stage": "idee"}
    assert router.route(Intake(**as_dict)) == router.route(as_dict)


def test_needs_are_marked_given_or_derived_and_sdgs_are_sorted_ints(router: Router) -> None:
    route = router.route({"text": "We zoeken vrijwilligers.", "needs": ["financiering"]})
    assert [(n.id, n.source) for n in route.needs] == [
        ("financiering", "given"),
        ("vrijwilligers", "derived"),
    ]
    assert route.sdgs == sorted(route.sdgs)
    assert all(isinstance(n, int) for n in route.sdgs)


def test_unknown_need_is_rejected_with_the_closest_valid_id(router: Router) -> None:
    with pytest.raises(IntakeError) as err:
        router.validate({"needs": ["financiring"]})
    assert err.value.field == "needs"
    assert "financiering" in err.value.valid
    assert "did you mean 'financiering'" in str(err.value)


@pytest.mark.parametrize(
    "given", ["Hof van Delft", "hof van delft", "hof-van-delft", "HOF VAN DELFT"]
)
def test_wijk_accepts_name_or_id_in_any_case(router: Router, given: str) -> None:
    assert router.route({"wijk": given}).wijk == "Hof van Delft"


def test_unknown_wijk_stage_organisation_and_field_are_rejected(router: Router) -> None:
    for bad in ({"wijk": "Atlantis"}, {"stage": "klaar"}, {"organisation": "club"}, {"tekst": "x"}):
        with pytest.raises(IntakeError):
            router.validate(bad)


def test_text_longer_than_5000_characters_is_rejected(router: Router) -> None:
    with pytest.raises(IntakeError, match="too long"):
        router.route({"text": "woord " * 1000})


def test_html_and_control_characters_are_removed_before_routing(router: Router) -> None:
    intake = router.validate(
        {"text": "<p>Wij willen <b>zonnepanelen</b></p><script>alert(1)</script>\x00\x07 op school"}
    )
    assert intake.text == "Wij willen zonnepanelen op school"
    assert router.route({"text": "<b>zonnepanelen</b>\x00"}).lead == "duurzaamheid"


def test_rules_version_is_a_content_hash_of_the_data(data_copy: Path, router: Router) -> None:
    assert Router.load(data_copy).rules_version == router.rules_version
    rules = data_copy / "rules" / "10-themas.yml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# een opmerking\n", encoding="utf-8")
    assert Router.load(data_copy).rules_version != router.rules_version


def test_get_router_reads_loket_routing_dir_once(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    get_router.cache_clear()
    monkeypatch.setenv("LOKET_ROUTING_DIR", str(data_copy))
    try:
        loaded = get_router()
        assert loaded.data_dir == data_copy
        assert get_router() is loaded
    finally:
        get_router.cache_clear()


def test_router_reports_its_pipeline(router: Router) -> None:
    assert router.pipeline.startswith(("nl_core_news_sm", "blank:nl"))
