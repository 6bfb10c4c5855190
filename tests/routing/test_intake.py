"""Intake validation on its own: the catalogue decides what is valid."""

from __future__ import annotations

import pytest

from routing import Intake, IntakeError, Router
from routing.intake import fold_name, known_values_only, validate_intake


def test_valid_intake_is_normalised(router: Router) -> None:
    intake = validate_intake(
        router.catalogue,
        {"text": " Samen  <b>koken</b> ", "needs": ["netwerk", "financiering"], "wijk": "tu-wijk"},
    )
    assert intake == Intake(text="Samen koken", needs=["financiering", "netwerk"], wijk="TU-wijk")


def test_wrong_type_is_an_intake_error_naming_the_field(router: Router) -> None:
    with pytest.raises(IntakeError) as err:
        validate_intake(router.catalogue, {"needs": "financiering"})
    assert err.value.field == "needs"


def test_error_lists_valid_values_when_nothing_is_close(router: Router) -> None:
    with pytest.raises(IntakeError) as err:
        validate_intake(router.catalogue, {"stage": "xyz"})
    assert err.value.valid == list(router.catalogue.stages)
    assert "valid: idee, opstart, lopend, opschalen" in str(err.value)


def test_fold_name_makes_wijk_names_and_ids_comparable() -> None:
    assert fold_name("Hof van Delft") == fold_name("hof-van-delft") == "hofvandelft"


def test_known_values_only_leaves_out_what_the_catalogue_does_not_know(router: Router) -> None:
    tagged = Intake(
        text="Walking football voor 60-plussers",
        needs=["fonds", "vrijwilligers", "geld"],
        stage="bezig",
        organisation="club",
        wijk="Hof van Delft-Oost",
    )
    kept = known_values_only(router.catalogue, tagged)
    assert kept == Intake(text="Walking football voor 60-plussers", needs=["vrijwilligers"])
    assert router.route(kept).lead  # the route goes on without them


def test_known_values_only_keeps_a_valid_intake_as_it_is(router: Router) -> None:
    intake = Intake(text="Een buurtmoestuin", needs=["locatie"], stage="idee", wijk="Voorhof")
    assert known_values_only(router.catalogue, intake) is intake


def test_known_values_only_still_refuses_another_municipality(router: Router) -> None:
    with pytest.raises(IntakeError):
        known_values_only(router.catalogue, Intake(text="x", municipality="elders"))
