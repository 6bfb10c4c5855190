"""Intake validation on its own: the catalogue decides what is valid."""

from __future__ import annotations

import pytest

from routing import Intake, IntakeError, Router
from routing.intake import fold_name, validate_intake


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
